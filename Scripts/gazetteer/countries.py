"""Countries: GeoNames countryInfo rows with Natural Earth polygons, names, representative points, aliases."""
import re
from collections import Counter, defaultdict

from shapely.geometry import Point

from . import geometry as geo
from . import loaders
from .entries import Entry, clean_name
from .namekey import build_key as key
from .names import is_abbrev_like, official_forms
from .progress import log

NE_TYPE_FEATURE = {"Sovereign country": "PCLI", "Country": "PCLI", "Disputed": "PCLI", "Indeterminate": "PCLI",
                   "Dependency": "PCLD", "Lease": "PCLD"}


class CountryStage:
    """Builder stage: one entry per current ISO 3166-1 country."""

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


def ne_iso(rec):
    a2, eh = rec.get("ISO_A2") or "", rec.get("ISO_A2_EH") or ""
    if re.fullmatch(r"[A-Z]{2}", a2):
        return a2
    if re.fullmatch(r"[A-Z]{2}", eh) and rec.get("ISO_A3_EH") in (rec.get("ADM0_A3"), "-99"):
        return eh
    return None

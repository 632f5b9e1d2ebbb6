"""Admin-1 units: GeoNames codes joined to Natural Earth states/provinces; US state abbreviations."""
import re
from collections import Counter, defaultdict

from . import geometry as geo
from .entries import Entry, clean_name
from .namekey import build_key as key
from .names import core, ne_names
from .progress import log


class Admin1Stage:
    """Builder stage: admin-1 entries, NE parts that are admin-2 units, US abbreviations."""

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

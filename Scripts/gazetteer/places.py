"""Populated places from GeoNames cities500: names, sections of larger places, population sums."""
import math
import re
from collections import defaultdict

import numpy as np
import shapely

from . import geometry as geo
from .entries import Entry
from .namekey import build_key as key
from .progress import log

EUROPEAN_SCRIPTS = re.compile(r"^[\u0000-\u024F\u0300-\u036F\u0370-\u03FF\u0400-\u052F\u1E00-\u1FFF"
                              r"\u2000-\u206F]*$")
# GeoNames populated-place codes whose people a current place already counts (sections, historical places).
NOT_CURRENT = {"PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH"}
URBAN_KM_PER_SQRT_PERSON = 0.008


class PlaceStage:
    """Builder stage: places, the spatial index of their points, and the population helpers."""

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

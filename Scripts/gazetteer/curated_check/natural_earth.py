"""Natural Earth countries and states/provinces (world_map.gpkg), mapped to GeoNames admin-1 codes."""
import re
import sqlite3
import unicodedata

from .shapes import Shape, parse_gpkg

NE_FIPS_EXCEPTIONS = {"US11": "US.DC"}   # GeoNames calls it "Washington, D.C."
# Natural Earth gives the city of Moscow the oblast's FIPS number (RS47) and the oblast none.
NE_NAME_EXCEPTIONS = {("RU", "Moskva"): "RU.48", ("RU", "Moskovsskaya"): "RU.47"}


def fold(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['’`]", "", s)
    s = re.sub(r"\b(oblast|province|provincia|state of|region|governorate|district|city|of|the)\b", " ", s)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


class NaturalEarth:
    def __init__(self, path, ref):
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.countries = {}
        for iso, blob in db.execute("select iso_a2, geom from countries"):
            if iso and len(iso) == 2 and iso.isalpha():
                self.countries.setdefault(iso, []).extend(parse_gpkg(blob))
        self.countries = {k: Shape(v) for k, v in self.countries.items()}
        self.states = []
        for iso, name, fips, woe, gn, gu, blob in db.execute(
                "select iso_a2, name, fips, woe_name, gn_name, gu_a3, geom from states_provinces"):
            self.states.append({"iso": iso, "name": name, "fips": fips or "", "gu": gu or "",
                                "names": {fold(name), fold(woe), fold(gn)} - {""},
                                "polys": parse_gpkg(blob)})
        self.ref = ref
        self._admin1 = {}
        self.missing = set()   # admin-1 codes used in the tables that have no polygon
        fips_to_iso = {c["fips"]: iso for iso, c in ref["countries"].items() if c["fips"]}
        # reverse map: Natural Earth state -> GeoNames admin-1 code
        # GeoNames uses FIPS 10-4 admin-1 numbers for most countries, so NE's `fips` (country FIPS
        # prefix + number) usually gives the code. NE's fips is noisy across borders (Kosovo
        # municipalities carry Serbian and Albanian codes), so a code that points to another
        # country than the row's iso_a2 is kept only when the names agree (Crimea: RU row, UP11).
        for st in self.states:
            st["gn"] = None
            f = st["fips"]
            if (st["iso"], st["name"]) in NE_NAME_EXCEPTIONS:
                st["gn"] = NE_NAME_EXCEPTIONS[(st["iso"], st["name"])]
            elif st["iso"] == "GB" and f"GB.{st['gu']}" in ref["admin1"]:
                st["gn"] = f"GB.{st['gu']}"
            elif f in NE_FIPS_EXCEPTIONS:
                st["gn"] = NE_FIPS_EXCEPTIONS[f]
            elif len(f) >= 3 and f[:2] in fips_to_iso:
                code = f"{fips_to_iso[f[:2]]}.{f[2:]}"
                if code in ref["admin1"]:
                    nm, asc, _ = ref["admin1"][code]
                    if code[:2] == st["iso"] or ({fold(nm), fold(asc)} & st["names"]):
                        st["gn"] = code
            if st["gn"] is None and st["iso"]:
                for code, (nm, asc, _) in ref["admin1"].items():
                    if code.startswith(st["iso"] + ".") and ({fold(nm), fold(asc)} & st["names"]):
                        st["gn"] = code
                        break

    def admin1(self, code):
        """Polygon for a GeoNames admin-1 code (via NE fips, else by name), or None."""
        if code in self._admin1:
            return self._admin1[code]
        polys = [p for st in self.states if st["gn"] == code for p in st["polys"]]
        shape = Shape(polys) if polys else None
        self._admin1[code] = shape
        return shape

    def in_country_admin1(self, cc, lon, lat):
        """Whether an admin-1 polygon that GeoNames puts in `cc` contains the point: Natural
        Earth's admin-0 layer here draws Crimea inside Russia, GeoNames keeps it as UA.11."""
        return any(st["gn"] and st["gn"].startswith(cc + ".") and Shape(st["polys"]).contains(lon, lat)
                   for st in self.states if st["iso"] != cc)

    def locate(self, lon, lat):
        iso = [k for k, s in self.countries.items() if s.contains(lon, lat)]
        adm = sorted({st["gn"] or f"NE:{st['name']}" for st in self.states
                      if Shape(st["polys"]).contains(lon, lat)})
        return iso, adm

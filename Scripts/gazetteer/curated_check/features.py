"""Checks of features.tsv: ids, kinds, names, codes, points and geometry recipes."""
import re

from .keys import name_key
from .messages import error, warn
from .tables import read_point
from .shapes import touches

KINDS = {"region", "water", "landform", "landmark"}
FIRST_ID = 1000000001
COAST_KM = 50.0      # water and coastal features may lie this far outside their country
ADMIN1_KM = 25.0     # tolerance for a point against its admin-1 polygon (generalised borders)


def check_features(rows, ref, ne, report):
    ids = {}
    seen = set()
    keys = {}
    prev = None
    for where, r in rows:
        try:
            fid = int(r["id"])
        except ValueError:
            error(f"{where}: id {r['id']!r} is not an integer")
            continue
        if fid < FIRST_ID or fid >= 2000000000:
            error(f"{where}: id {fid} outside the curated range 1000000001..1999999999")
        if fid in ids:
            error(f"{where}: duplicate id {fid} (also {ids[fid]})")
        ids[fid] = where
        if prev is not None and fid <= prev:
            error(f"{where}: ids not sorted ({fid} after {prev})")
        prev = fid
        if r["kind"] not in KINDS:
            error(f"{where}: kind {r['kind']!r} not one of {sorted(KINDS)}")
        if not r["name"]:
            error(f"{where}: empty name")
        if (r["kind"], r["name"]) in seen:
            error(f"{where}: duplicate (kind, name) ({r['kind']}, {r['name']})")
        seen.add((r["kind"], r["name"]))
        if not r["source"]:
            error(f"{where}: empty source")
        names = r["names"].split("|")
        if names[0] != r["name"]:
            error(f"{where}: names must start with the primary name {r['name']!r}")
        if any(n != n.strip() or not n for n in names):
            error(f"{where}: empty or padded item in names")
        if len(set(names)) != len(names):
            error(f"{where}: repeated item in names")
        for n in names:
            k = name_key(n)
            if len(k) < 3 and k.isalpha():
                warn(f"{where}: very short name {n!r}")
            keys.setdefault(k, []).append((where, r["kind"], r["name"]))
        cc = r["country"]
        if cc and cc not in ref["countries"]:
            error(f"{where}: country {cc!r} not in countryInfo")
        a1 = r["admin1"]
        if a1:
            if not cc:
                error(f"{where}: admin1 without country")
            elif f"{cc}.{a1}" not in ref["admin1"]:
                error(f"{where}: admin1 {cc}.{a1} not in admin1CodesASCII")
        point = read_point(where, r)
        if point is None:
            continue
        lat, lon = point
        check_point(where, r, lat, lon, ne)
        check_geometry(where, r, lat, lon, ref, ne)
        if report:
            iso, adm = ne.locate(lon, lat)
            print(f"report\t{r['id']}\t{r['kind']}\t{r['name']}\t{cc}\t{a1}\t{lat},{lon}\t"
                  f"in:{'+'.join(iso) or 'sea'}\t{'+'.join(adm)}")
    for k, users in keys.items():
        rows_ = {u[0] for u in users}
        if len(rows_) > 1:
            same_kind = {u[1] for u in users}
            note = " (same kind)" if len(same_kind) < len(users) else ""
            warn(f"name key {k!r} shared by {', '.join(sorted(f'{u[2]} ({u[1]})' for u in users))}{note}")
    return ids


def check_point(where, r, lat, lon, ne):
    cc = r["country"]
    if not cc:
        return
    shape = ne.countries.get(cc)
    if shape is None:
        warn(f"{where}: no Natural Earth polygon for country {cc}; point not checked")
        return
    if shape.contains(lon, lat) or ne.in_country_admin1(cc, lon, lat):
        pass
    else:
        d = shape.distance_km(lon, lat, COAST_KM)
        if d is None:
            error(f"{where}: point ({lat}, {lon}) of {r['name']!r} lies more than {COAST_KM:.0f} km "
                  f"outside {cc}")
        elif r["kind"] not in ("water", "landform") and d > 10:
            warn(f"{where}: point of {r['name']!r} lies {d:.1f} km outside {cc}")
    a1 = r["admin1"]
    if a1:
        shape = ne.admin1(f"{cc}.{a1}")
        if shape is None:
            ne.missing.add(f"{cc}.{a1}")
        elif not shape.contains(lon, lat):
            d = shape.distance_km(lon, lat, ADMIN1_KM if r["kind"] not in ("water",) else COAST_KM)
            if d is None:
                error(f"{where}: point ({lat}, {lon}) of {r['name']!r} is not in admin-1 {cc}.{a1} "
                      f"({ne.ref['admin1'][cc + '.' + a1][0]})")


def check_geometry(where, r, lat, lon, ref, ne):
    g = r["geometry"]
    if not g:
        return
    m = re.fullmatch(r"(admin1|country|border):([A-Z0-9.+]+)", g)
    if not m:
        error(f"{where}: geometry {g!r} is not admin1:A+B, country:A+B or border:A+B")
        return
    kind, codes = m.group(1), m.group(2).split("+")
    if len(set(codes)) != len(codes):
        error(f"{where}: repeated code in geometry")
    shapes = []
    for c in codes:
        if kind == "admin1":
            if c not in ref["admin1"]:
                error(f"{where}: admin-1 code {c} not in admin1CodesASCII")
                continue
            s = ne.admin1(c)
            if s is None:
                ne.missing.add(c)
            else:
                shapes.append(s)
        else:
            if c not in ref["countries"]:
                error(f"{where}: country code {c} not in countryInfo")
                continue
            s = ne.countries.get(c)
            if s is None:
                warn(f"{where}: country {c} has no Natural Earth polygon")
            else:
                shapes.append(s)
    if not shapes:
        error(f"{where}: no code in geometry {g} has a Natural Earth polygon; the geometry would be empty")
    if kind == "border":
        if len(codes) != 2:
            error(f"{where}: border needs exactly two countries")
        elif len(shapes) == 2 and not touches(shapes[0], shapes[1]):
            error(f"{where}: {codes[0]} and {codes[1]} share no border in Natural Earth")
        if len(shapes) == 2:
            d = min(s.distance_km(lon, lat, 30) or 99 for s in shapes)
            if d > 25:
                error(f"{where}: point is not near the {codes[0]}-{codes[1]} border")
        return
    if shapes and not any(s.contains(lon, lat) for s in shapes):
        d = min((s.distance_km(lon, lat, COAST_KM) or 1e9) for s in shapes)
        if d > COAST_KM:
            error(f"{where}: point of {r['name']!r} lies outside its geometry {g}")
    if kind == "admin1" and r["country"]:
        bad = [c for c in codes if not c.startswith(r["country"] + ".")]
        if bad:
            error(f"{where}: admin-1 codes {bad} are not in country {r['country']}")
    if kind == "country" and len(codes) == 1:
        warn(f"{where}: a one-country recipe duplicates the country itself")

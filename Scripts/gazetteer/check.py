"""Sanity report on a built Gazetteer/: key entries, country points, polygons (run inside the build venv).

    Scripts/.cache/venv/bin/python -m gazetteer.check Gazetteer     (from Scripts/)
"""
import os
import struct
import sys
from collections import Counter

import shapely
from shapely.geometry import Point

from .geometry import haversine_km
from .namekey import build_key as key

# GeoNames country feature points as recalled (approximate), for comparison only.
GEONAMES_RECALLED = {
    "US": (39.76, -98.5), "RU": (60.0, 100.0), "CA": (60.10867, -113.64258), "CN": (35.0, 105.0),
    "BR": (-10.0, -55.0), "AU": (-25.0, 135.0), "IN": (22.0, 79.0), "FR": (46.0, 2.0), "NO": (62.0, 10.0),
    "FJ": (-18.0, 178.0), "KI": (1.33, 173.0), "NZ": (-42.0, 174.0), "CL": (-30.0, -71.0), "ID": (-5.0, 120.0),
    "NG": (10.0, 8.0), "UA": (49.0, 32.0),
}


def load(out):
    rows = {}
    with open(os.path.join(out, "places.tsv"), encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        for line in f:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            rows[int(r["id"])] = r
    shapes = {}
    with open(os.path.join(out, "shapes.wkb"), "rb") as f:
        data = f.read()
    assert data[:8] == b"GMSHAPE1"
    n = struct.unpack_from("<I", data, 8)[0]
    o = 12
    prev = None
    for _ in range(n):
        gid, ln = struct.unpack_from("<qI", data, o)
        assert prev is None or gid > prev, "shapes not sorted"
        prev = gid
        shapes[gid] = data[o + 12:o + 12 + ln]
        o += 12 + ln
    assert o == len(data)
    return rows, shapes


def main(out):
    rows, shapes = load(out)
    print("kinds:", dict(sorted(Counter(r["kind"] for r in rows.values()).items())))
    geoms = {}

    def geom(gid):
        if gid not in geoms:
            geoms[gid] = shapely.from_wkb(shapes[gid])
        return geoms[gid]

    bad = [gid for gid, r in rows.items() if r["shape"] == "polygon" and not geom(gid).is_valid]
    print("invalid polygons:", len(bad))
    by_key = {}
    for gid, r in rows.items():
        for n in r["names"].split("|"):
            by_key.setdefault(key(n), []).append(gid)

    def show(name, kinds=None, limit=4):
        hits = [rows[g] for g in sorted(set(by_key.get(key(name), [])))
                if kinds is None or rows[g]["kind"] in kinds]
        hits.sort(key=lambda r: -int(r["population"]))
        desc = "; ".join(f"{r['id']} {r['kind']} {r['name']} {r['country']}.{r['admin1']} "
                         f"({r['lat']}, {r['lon']}) pop {r['population']} {r['feature']} {r['shape']}"
                         for r in hits[:limit])
        print(f"  {name:24s} {len(hits):3d} hits: {desc}")

    print("key toponyms:")
    for n in ["Severodonetsk", "Sievierodonetsk", "Siverskodonetsk", "Syeverodonetsk", "Lugansk", "Luhansk",
              "Kaliningrad", "Saint Petersburg", "St. Petersburg", "Moscow", "Lysychansk", "Borivske", "Voronove",
              "Syrotyne", "Lithuania", "Poland", "Belarus", "Ukraine", "Kaliningrad Oblast", "Luhansk Oblast",
              "Donetsk", "Travis County", "Orleans Parish", "Kent", "Eastern Europe", "Europe", "Sub-Saharan Africa",
              "Donbas", "Suwalki Gap", "Texas", "Calif.", "Crimea"]:
        show(n)
    for a in ["Calif.", "W.Va.", "CA", "WA", "U.S.", "UK"]:
        hits = [g for g, r in rows.items() if a in r["abbrevs"].split("|")]
        print(f"  abbrev {a:8s} -> " + ", ".join(f"{g} {rows[g]['name']}" for g in hits[:3]))
    print("country points (chosen vs GeoNames as recalled):")
    by_cc = {r["country"]: (gid, r) for gid, r in rows.items() if r["kind"] == "country"}
    for cc, (glat, glon) in GEONAMES_RECALLED.items():
        gid, r = by_cc[cc]
        lat, lon = float(r["lat"]), float(r["lon"])
        inside = geom(gid).contains(Point(lon, lat)) if gid in shapes else None
        print(f"  {cc} {lat:9.4f} {lon:10.4f}  GeoNames {glat:8.3f} {glon:9.3f}  "
              f"{haversine_km(lat, lon, glat, glon):7.1f} km apart  inside={inside}")
    outside = [r["country"] for gid, r in rows.items() if r["kind"] in ("country", "admin1") and gid in shapes
               and not geom(gid).contains(Point(float(r["lon"]), float(r["lat"])))]
    print(f"countries/admin-1 whose point is not inside their polygon: {len(outside)} {outside[:20]}")
    # Kaliningrad Oblast <-> Belarus (planar nearest points, geodesic length by haversine)
    kal = geom(554230) if 554230 in shapes else None
    by = geom(by_cc["BY"][0])
    if kal is not None:
        a, b = shapely.ops.nearest_points(kal, by)
        print(f"Kaliningrad Oblast <-> Belarus: {haversine_km(a.y, a.x, b.y, b.x):.1f} km "
              f"({a.y:.4f}N {a.x:.4f}E -> {b.y:.4f}N {b.x:.4f}E)")


if __name__ == "__main__":
    import shapely.ops  # noqa: F401
    main(sys.argv[1] if len(sys.argv) > 1 else "Gazetteer")

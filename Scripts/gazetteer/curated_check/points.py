"""Checks of points.tsv against the polygons of the built gazetteer (or Natural Earth)."""
import os
import struct

from .messages import error, warn
from .tables import read_point
from .shapes import Shape, area_deg2, parse_wkb
from .targets import check_target

SMALL_DEG2 = 2.0     # a polygon smaller than this (tiny and island states) may have its point 10 km offshore
OFFSHORE_KM = 10.0


class Bundle:
    """Polygons of the built Gazetteer/ (places.tsv ids, shapes.wkb), which points.tsv points must lie in."""

    def __init__(self, folder):
        self.ids = {}
        self.blobs = {}
        places, shapes = os.path.join(folder, "places.tsv"), os.path.join(folder, "shapes.wkb")
        if not (os.path.exists(places) and os.path.exists(shapes)):
            return
        with open(places, encoding="utf-8") as f:
            next(f)
            for line in f:
                c = line.rstrip("\n").split("\t")
                gid, kind, cc, a1 = int(c[0]), c[1], c[3], c[4]
                self.ids[f"geonames:{gid}"] = self.ids[f"curated:{gid}"] = gid
                if kind == "country":
                    self.ids[f"country:{cc}"] = gid
                elif kind == "admin1":
                    self.ids[f"admin1:{cc}.{a1}"] = gid
        data = open(shapes, "rb").read()
        if data[:8] != b"GMSHAPE1":
            error(f"{shapes}: not a GMSHAPE1 file")
            return
        n, off = struct.unpack_from("<I", data, 8)[0], 12
        for _ in range(n):
            gid, ln = struct.unpack_from("<qI", data, off)
            self.blobs[gid] = (off + 12, ln)
            off += 12 + ln
        self.data = memoryview(data)

    def shape(self, target):
        gid = self.ids.get(target)
        if gid is None or gid not in self.blobs:
            return None
        off, _ = self.blobs[gid]
        if struct.unpack_from("<I", self.data, off + 1)[0] % 1000 not in (3, 6):
            return None  # a line feature
        polys = []
        parse_wkb(self.data, off, polys)
        return Shape(polys)


def check_points(rows, ref, feature_ids, ne, gazetteer):
    """Representative points that override derived ones: the target exists, the point lies inside the target's
    polygon in the built bundle (tiny and island states: within 10 km), else in its Natural Earth polygon."""
    bundle = Bundle(gazetteer)
    if not bundle.ids:
        warn(f"points.tsv: no built gazetteer in {gazetteer}; points checked against Natural Earth only")
    prev = None
    seen = set()
    for where, r in rows:
        t = r["target"]
        if t in seen:
            error(f"{where}: duplicate target {t}")
        seen.add(t)
        sk = (t.casefold(), t)
        if prev is not None and sk < prev:
            error(f"{where}: rows not sorted by target")
        prev = sk
        if not r["source"]:
            error(f"{where}: empty source")
        if not check_target(where, t, ref, feature_ids):
            continue
        point = read_point(where, r)
        if point is None:
            continue
        lat, lon = point
        shape = bundle.shape(t)
        if shape is None:
            kind, v = t.split(":", 1)
            shape = ne.countries.get(v) if kind == "country" else ne.admin1(v) if kind == "admin1" else None
        if shape is None:
            warn(f"{where}: no polygon for {t}; point not checked")
            continue
        if shape.contains(lon, lat):
            continue
        d = shape.distance_km(lon, lat, OFFSHORE_KM)
        if d is not None and area_deg2(shape) < SMALL_DEG2:
            continue
        far = f"{d:.1f} km" if d is not None else f"more than {OFFSHORE_KM:.0f} km"
        error(f"{where}: point ({lat}, {lon}) lies {far} outside the polygon of {t}")

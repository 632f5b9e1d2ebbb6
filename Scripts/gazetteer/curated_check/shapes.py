"""Polygons from GeoPackage and ISO WKB blobs, with point-in-polygon and distance tests."""
import math
import struct


def parse_gpkg(blob):
    if blob is None or blob[:2] != b"GP":
        return []
    flags = blob[3]
    env = (flags >> 1) & 7
    off = 8 + {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[env]
    polys = []
    parse_wkb(memoryview(blob), off, polys)
    return polys


def parse_wkb(b, off, polys):
    bo = "<" if b[off] == 1 else ">"
    gtype = struct.unpack_from(bo + "I", b, off + 1)[0]
    off += 5
    base = gtype % 1000
    dims = 2 + (1 if gtype // 1000 in (1, 2) else 0) + (1 if gtype // 1000 == 3 else 0)
    if base == 3:
        nr = struct.unpack_from(bo + "I", b, off)[0]
        off += 4
        rings = []
        for _ in range(nr):
            npt = struct.unpack_from(bo + "I", b, off)[0]
            off += 4
            vals = struct.unpack_from(bo + "%dd" % (npt * dims), b, off)
            off += 8 * npt * dims
            pts = [(vals[i], vals[i + 1]) for i in range(0, len(vals), dims)]
            xs = [p[0] for p in pts]
            ys = [p[1] for p in pts]
            rings.append((pts, (min(xs), min(ys), max(xs), max(ys))))
        polys.append(rings)
        return off
    if base == 6:
        n = struct.unpack_from(bo + "I", b, off)[0]
        off += 4
        for _ in range(n):
            off = parse_wkb(b, off, polys)
        return off
    raise ValueError(f"unexpected WKB type {gtype}")


class Shape:
    """A union of polygons (each a list of rings with bounding boxes)."""

    def __init__(self, polys):
        self.polys = polys

    def contains(self, lon, lat):
        for rings in self.polys:
            inside = False
            for pts, (x0, y0, x1, y1) in rings:
                if not (x0 <= lon <= x1 and y0 <= lat <= y1):
                    continue
                j = len(pts) - 1
                for i in range(len(pts)):
                    xi, yi = pts[i]
                    xj, yj = pts[j]
                    if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                        inside = not inside
                    j = i
            if inside:
                return True
        return False

    def distance_km(self, lon, lat, limit):
        """Distance from the point to the boundary, if below `limit` km; else None."""
        kx = 111.32 * max(math.cos(math.radians(lat)), 0.01)
        ky = 110.57
        dlat = limit / ky
        dlon = min(limit / kx, 360.0)
        best = None
        for rings in self.polys:
            for pts, (x0, y0, x1, y1) in rings:
                if lon < x0 - dlon or lon > x1 + dlon or lat < y0 - dlat or lat > y1 + dlat:
                    continue
                for i in range(len(pts) - 1):
                    ax, ay = (pts[i][0] - lon) * kx, (pts[i][1] - lat) * ky
                    bx, by = (pts[i + 1][0] - lon) * kx, (pts[i + 1][1] - lat) * ky
                    dx, dy = bx - ax, by - ay
                    l2 = dx * dx + dy * dy
                    t = 0.0 if l2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / l2))
                    d = math.hypot(ax + t * dx, ay + t * dy)
                    if d < limit and (best is None or d < best):
                        best = d
        return best

    def vertices(self):
        for rings in self.polys:
            for pts, _ in rings:
                yield from pts


def area_deg2(shape):
    total = 0.0
    for rings in shape.polys:
        for k, (pts, _) in enumerate(rings):
            a = abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:]))) / 2
            total += a if k == 0 else -a
    return total


def touches(a, b):
    # some vertex of the smaller shape lies within 1 km of the other's boundary
    small, big = sorted((a, b), key=lambda s: sum(len(p) for r in s.polys for p, _ in r))
    for x, y in small.vertices():
        if big.distance_km(x, y, 1.0) is not None:
            return True
    return False

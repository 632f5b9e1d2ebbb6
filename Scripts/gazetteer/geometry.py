"""Geometry helpers: reading NE sources, cleaning to valid rounded polygons, points, WKB output."""
import io
import math
import sqlite3
import struct
import zipfile

import shapefile
import shapely
from shapely.geometry import MultiLineString, MultiPolygon, Point, Polygon, LineString, shape
from shapely.ops import polylabel

GRID = 1e-6


def read_shapefile_zip(zip_path, stem):
    """Records (dicts) and shapely geometries of a zipped shapefile."""
    with zipfile.ZipFile(zip_path) as z:
        parts = {ext: io.BytesIO(z.read(f"{stem}.{ext}")) for ext in ("shp", "shx", "dbf")}
    r = shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding="utf-8")
    out = []
    for sr in r.iterShapeRecords():
        out.append((sr.record.as_dict(), shape(sr.shape.__geo_interface__)))
    return out


def _gpkg_geometry(blob):
    if blob is None:
        return None
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    flags = blob[3]
    env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    return shapely.from_wkb(bytes(blob[8 + env:]))


def read_gpkg_layer(path, table, columns):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    cols = ", ".join(columns)
    rows = []
    for row in con.execute(f"SELECT fid, geom, {cols} FROM {table} ORDER BY fid"):
        rec = dict(zip(["fid"] + list(columns), [row[0]] + list(row[2:])))
        rows.append((rec, _gpkg_geometry(row[1])))
    con.close()
    return rows


def polygonal(g):
    """The polygonal part of g as Polygon/MultiPolygon, or None."""
    if g is None or g.is_empty:
        return None
    if isinstance(g, (Polygon, MultiPolygon)):
        return g
    polys = []
    for part in getattr(g, "geoms", []):
        p = polygonal(part)
        if p is None:
            continue
        polys.extend(p.geoms if isinstance(p, MultiPolygon) else [p])
    if not polys:
        return None
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def clean_polygon(g):
    """Valid, polygonal, snapped to the 1e-6 degree grid."""
    g = polygonal(g)
    if g is None:
        return None
    if not g.is_valid:
        g = polygonal(shapely.make_valid(g))
    for _ in range(3):
        if g is None:
            return None
        g = polygonal(shapely.set_precision(g, GRID))
        if g is not None and g.is_valid:
            return g
        g = polygonal(shapely.make_valid(g)) if g is not None else None
    raise RuntimeError("could not make polygon valid after rounding")


def clean_line(g):
    if g is None or g.is_empty:
        return None
    lines = []
    for part in (g.geoms if hasattr(g, "geoms") else [g]):
        if isinstance(part, LineString):
            lines.append(part)
        elif isinstance(part, MultiLineString):
            lines.extend(part.geoms)
    if not lines:
        return None
    merged = shapely.line_merge(MultiLineString(lines)) if len(lines) > 1 else lines[0]
    merged = shapely.set_precision(merged, GRID)
    return merged if not merged.is_empty else None


def union(geoms):
    geoms = [g for g in geoms if g is not None]
    if not geoms:
        return None
    return clean_polygon(shapely.unary_union(geoms))


def simplified(g, tolerance):
    """Derived region outlines: simplified, parts much smaller than the whole dropped."""
    g = polygonal(g)
    if g is None:
        return None
    parts = list(g.geoms) if isinstance(g, MultiPolygon) else [g]
    total = sum(p.area for p in parts)
    keep = [p for p in parts if p.area >= min(25 * tolerance * tolerance, total * 1e-3)]
    g = keep[0] if len(keep) == 1 else MultiPolygon(keep)
    return clean_polygon(shapely.simplify(g, tolerance, preserve_topology=True))


def largest_part(g):
    if isinstance(g, MultiPolygon):
        return max(g.geoms, key=lambda p: (p.area, p.bounds))
    return g


def visual_centre(g):
    """Pole of inaccessibility of the largest part: a point well inside the polygon."""
    part = largest_part(g)
    minx, miny, maxx, maxy = part.bounds
    tol = max(min(maxx - minx, maxy - miny) / 500.0, 1e-5)
    p = polylabel(part, tolerance=tol)
    if not part.contains(p):
        p = part.representative_point()
    return p.y, p.x


def centroid_point(g):
    """Planar centroid of the largest part when it lies inside that part (the convention annotated news
    corpora use for provinces and regions), else the visual centre."""
    part = largest_part(g)
    c = part.centroid
    if not c.is_empty and part.contains(c):
        return c.y, c.x
    return visual_centre(g)


def haversine_km(lat1, lon1, lat2, lon2):
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def distance_to_km(g, lat, lon):
    p = Point(lon, lat)
    if g.contains(p):
        return 0.0
    q = shapely.ops.nearest_points(g, p)[0]
    return haversine_km(lat, lon, q.y, q.x)


def to_wkb(g):
    return shapely.to_wkb(g, output_dimension=2, byte_order=1, flavor="iso")


def write_shapes(path, shapes):
    """shapes: dict id -> geometry. Layout: GMSHAPE1, u32 count, (i64 id, u32 len, WKB)*, sorted by id."""
    with open(path, "wb") as f:
        f.write(b"GMSHAPE1")
        f.write(struct.pack("<I", len(shapes)))
        for gid in sorted(shapes):
            blob = to_wkb(shapes[gid])
            f.write(struct.pack("<qI", gid, len(blob)))
            f.write(blob)

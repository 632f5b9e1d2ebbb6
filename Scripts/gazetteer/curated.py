"""Readers for Gazetteer/curated/*.tsv (hand-made; may be absent or empty while being written)."""
import os

FEATURE_COLUMNS = ["id", "kind", "name", "country", "admin1", "lat", "lon", "geometry", "names", "source"]


def _rows(path):
    if not os.path.exists(path):
        return []
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            out.append((n, line.split("\t")))
    return out


def read_features(path):
    rows = _rows(path)
    cols = FEATURE_COLUMNS
    if rows and rows[0][1][0].strip() == "id":
        cols = [c.strip() for c in rows[0][1]]
        rows = rows[1:]
    out = []
    for n, fields in rows:
        rec = {c: (fields[i].strip() if i < len(fields) else "") for i, c in enumerate(cols)}
        rec["_line"] = n
        out.append(rec)
    return out


def read_triples(path, first):
    rows = _rows(path)
    if rows and rows[0][1][0].strip() == first:
        rows = rows[1:]
    return [tuple((fields + ["", "", ""])[:3]) for _, fields in rows if len(fields) >= 2]


def read_all(folder):
    return {
        "features": read_features(os.path.join(folder, "features.tsv")),
        "aliases": read_triples(os.path.join(folder, "aliases.tsv"), "alias"),
        "abbreviations": read_triples(os.path.join(folder, "abbreviations.tsv"), "abbrev"),
        "demonyms": read_triples(os.path.join(folder, "demonyms.tsv"), "form"),
        # optional: representative points that override derived ones (target, lat, lon[, source])
        "points": [t for t in read_triples(os.path.join(folder, "points.tsv"), "target")],
    }

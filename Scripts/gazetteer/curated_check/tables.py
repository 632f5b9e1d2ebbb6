"""Reading the curated TSV tables: header, UTF-8, line ends, columns."""
import re
from .messages import error, warn

HEADERS = {
    "features.tsv": ["id", "kind", "name", "country", "admin1", "lat", "lon", "geometry", "names", "source"],
    "aliases.tsv": ["alias", "target", "source"],
    "abbreviations.tsv": ["abbrev", "target", "source"],
    "demonyms.tsv": ["form", "target", "source"],
    "organisations.tsv": ["name", "type", "source"],
    "points.tsv": ["target", "lat", "lon", "source"],
}
OPTIONAL = {"points.tsv"}


def read_tsv(path, name):
    rows = []
    try:
        raw = open(path, "rb").read()
    except OSError as e:
        error(f"{path}: cannot read ({e.strerror})")
        return rows
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        error(f"{path}: not UTF-8 (byte {e.start})")
        return rows
    if "\r" in text:
        error(f"{path}: contains carriage returns; use \\n line ends")
    if not text.endswith("\n"):
        error(f"{path}: last line has no \\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        error(f"{path}: empty")
        return rows
    header = lines[0].split("\t")
    if header != HEADERS[name]:
        error(f"{path}:1: header is {header}, expected {HEADERS[name]}")
        return rows
    for n, line in enumerate(lines[1:], start=2):
        where = f"{path}:{n}"
        if line != line.rstrip() or line != line.lstrip():
            error(f"{where}: leading or trailing white space")
        cols = line.split("\t")
        if len(cols) != len(header):
            error(f"{where}: {len(cols)} columns, expected {len(header)}")
            continue
        for h, c in zip(header, cols):
            if c != c.strip():
                error(f"{where}: column {h} has leading or trailing spaces")
            if "  " in c:
                warn(f"{where}: column {h} has a double space")
            if h not in ("names", "geometry") and "|" in c:
                error(f"{where}: column {h} contains '|'")
        rows.append((where, dict(zip(header, cols))))
    return rows


def read_point(where, row):
    """The row's (lat, lon), or None after an error: numbers, at most 5 decimals, in range."""
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        error(f"{where}: lat/lon not numbers")
        return None
    for v, nm in ((row["lat"], "lat"), (row["lon"], "lon")):
        if not re.fullmatch(r"-?\d{1,3}(\.\d{1,5})?", v):
            error(f"{where}: {nm} {v!r} is not a decimal with at most 5 decimals")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        error(f"{where}: coordinates out of range ({lat}, {lon})")
        return None
    return lat, lon

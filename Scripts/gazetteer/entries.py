"""Gazetteer entry record and name hygiene."""
import re

from shapely.geometry import LineString, MultiLineString

from .namekey import build_key as key

_WS = re.compile(r"\s+")


def clean_name(n):
    """A name fit for places.tsv, or '' (no tabs, newlines or '|', not empty after keying)."""
    if n is None:
        return ""
    n = _WS.sub(" ", str(n)).strip()
    if not n or "|" in n or not key(n):
        return ""
    return n


class Entry:
    def __init__(self, id, kind, name, country, admin1):
        self.id = id
        self.kind = kind
        self.name = clean_name(name)
        self.country = country or ""
        self.admin1 = admin1 or ""
        self.lat = None
        self.lon = None
        self.population = 0
        self.feature = ""
        self.geom = None
        self.radius_km = None  # approximate points only: how far the place may be from lat/lon
        self.abbrevs = set()
        self._names = []

    def add_names(self, names):
        for n in names:
            n = clean_name(n)
            if n:
                self._names.append(n)

    def all_names(self):
        return [self.name] + self._names

    def final_names(self):
        seen = {key(self.name)}
        out = [self.name]
        for n in sorted(set(self._names)):
            k = key(n)
            if k not in seen:
                seen.add(k)
                out.append(n)
        return out

    def move_abbrev_like_names(self, bare_codes):
        keep = []
        for n in self._names:
            letters = n.replace(".", "")
            if re.fullmatch(r"[A-Z]{1,5}", letters):
                if "." in n or letters not in bare_codes:
                    if len(letters) >= 2:
                        self.abbrevs.add(n)
                continue
            keep.append(n)
        self._names = keep

    @property
    def shape_kind(self):
        if self.geom is None:
            return ""
        if isinstance(self.geom, (LineString, MultiLineString)):
            return "line"
        return "polygon"

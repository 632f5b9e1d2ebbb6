"""Checks of the tables that point at an entry: aliases, abbreviations, demonyms."""
import re

from .keys import name_key
from .messages import error, warn

ORG_TYPES = {"agency", "media", "social", "company", "sports", "organisation"}
# Upper-case forms of common English words: never an abbreviation on their own.
WORD_ABBREVS = {"IN", "IT", "AT", "TO", "ME", "OR", "OK", "HI", "OH", "AM", "IS", "AS", "BE", "BY",
                "DO", "GO", "HE", "NO", "SO", "ON", "OF", "AN", "MY", "WE", "UP", "IF", "ID", "PA",
                "MA", "AD", "AI", "ALL", "CAN", "MAN", "MAD", "NOT", "SAT"}


def check_targets(name, rows, col, ref, feature_ids, ne):
    targets = {}
    prev = None
    seen = set()
    for where, r in rows:
        key = (r[col], r["target"])
        if key in seen:
            error(f"{where}: duplicate row {key}")
        seen.add(key)
        sk = (r[col].casefold(), r[col], r["target"])
        if prev is not None and sk < prev:
            error(f"{where}: rows not sorted by {col} (case-insensitively, then exactly)")
        prev = sk
        if not r[col] or not r["source"]:
            error(f"{where}: empty {col} or source")
        t = r["target"]
        ok = check_target(where, t, ref, feature_ids)
        targets.setdefault(r[col], []).append(t)
        if ok and name == "aliases.tsv":
            known = target_names(t, ref)
            if name_key(r[col]) in {name_key(n) for n in known}:
                warn(f"{where}: alias {r[col]!r} is already a name of {t}")
    for form, ts in targets.items():
        if len(ts) > 1:
            warn(f"{name}: {form!r} has several targets {ts}")
    return targets


def check_target(where, t, ref, feature_ids):
    m = re.fullmatch(r"(country|admin1|geonames|curated):(.+)", t)
    if not m:
        error(f"{where}: target {t!r} is not country:XX, admin1:XX.YY, geonames:N or curated:N")
        return False
    kind, v = m.groups()
    if kind == "country" and v not in ref["countries"]:
        error(f"{where}: unknown country {v}")
        return False
    if kind == "admin1" and v not in ref["admin1"]:
        error(f"{where}: unknown admin-1 code {v}")
        return False
    if kind == "geonames":
        if not v.isdigit() or (int(v) not in ref["cities"] and int(v) not in ref["continents"]):
            error(f"{where}: geonames id {v} is in neither cities500 nor continents")
            return False
    if kind == "curated":
        if not v.isdigit() or int(v) not in feature_ids:
            error(f"{where}: curated id {v} not in features.tsv")
            return False
    return True


def target_names(t, ref):
    kind, v = t.split(":", 1)
    if kind == "country":
        return [ref["countries"][v]["name"]]
    if kind == "admin1":
        return list(ref["admin1"][v][:2])
    if kind == "geonames":
        c = ref["cities"].get(int(v))
        if c:
            return [c["name"]] + c.get("alternatenames", [])
    return []


def check_organisations(rows):
    """organisations.tsv: known type, no duplicate, sorted, with a source."""
    seen = set()
    prev = None
    for where, r in rows:
        if r["type"] not in ORG_TYPES:
            error(f"{where}: type {r['type']!r} not one of {sorted(ORG_TYPES)}")
        k = r["name"]
        if k in seen:
            error(f"{where}: duplicate organisation {k!r}")
        seen.add(k)
        sk = (k.casefold(), k)
        if prev is not None and sk < prev:
            error(f"{where}: rows not sorted by name")
        prev = sk
        if not r["source"]:
            error(f"{where}: empty source")

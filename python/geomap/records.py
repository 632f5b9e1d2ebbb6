"""The one place that knows the shape of `geomap extract --format jsonl` records.

A record is ``{"id": ..., "toponyms": [{...}, ...]}``; a mention row is one toponym with the
record's id. `MENTION_COLUMNS` names the columns of a mention row and their types; the pandas
and Spark helpers derive their columns from it, so a change to the record schema (issue 12) is
a change here only: add the column and where it comes from.
"""
from __future__ import annotations

from typing import Any, Dict, Iterator, List, Mapping, Tuple

# (column, type, key in a toponym of today's jsonl record, or None for a column of the record).
# Types are Arrow type names: "string", "int64", "double".
MENTION_FIELDS: List[Tuple[str, str, str]] = [
    ("id", "string", None),
    ("start", "int64", "start"),              # code-point offset of the mention in the text
    ("end", "int64", "end"),
    ("surface", "string", "name"),            # the text as written
    ("kind", "string", "kind"),               # mention kind: place or demonym
    ("place_id", "int64", "id_gazetteer"),    # the gazetteer entry's id
    ("geonameid", "int64", "geonameid"),      # null for entries without a GeoNames id
    ("name", "string", "place"),              # the chosen entry's primary name
    ("place_kind", "string", "place_kind"),   # country, admin1, place, region, ...
    ("country", "string", "country"),
    ("admin1", "string", "admin1"),           # not written by today's jsonl; null until it is
    ("lat", "double", "lat"),
    ("lon", "double", "lon"),
    ("radius_km", "double", "radius_km"),     # only for places known to within a radius (villages at their hromada's centre); else null
    ("confidence", "double", "confidence"),
    ("source", "string", "source"),           # "user" for the analyst's own places (--places); else null
    ("user_id", "string", "user_id"),         # the id they gave such a place; else null
]

MENTION_COLUMNS: List[str] = [column for column, _, _ in MENTION_FIELDS]
MENTION_TYPES: Dict[str, str] = {column: kind for column, kind, _ in MENTION_FIELDS}

# The toponym keys the CLI writes that a mention row reads, with their Arrow types.
TOPONYM_KEYS: List[Tuple[str, str]] = [(key, kind) for _, kind, key in MENTION_FIELDS if key is not None]


def mentions(record: Mapping[str, Any], id: Any = None) -> Iterator[Dict[str, Any]]:
    """Yields one row per toponym of `record`: the columns of `MENTION_COLUMNS`, missing keys as None.

    `id` replaces the record's id when given (the caller's id of the document).
    """
    record_id = record.get("id") if id is None else id
    for toponym in record.get("toponyms") or ():
        row: Dict[str, Any] = {}
        for column, _, key in MENTION_FIELDS:
            row[column] = record_id if key is None else toponym.get(key)
        yield row

"""`extract(df)`: a pandas DataFrame of documents in, a DataFrame with one row per mention out."""
from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional

import pandas as pd

from .client import GeoMap
from .records import MENTION_COLUMNS, MENTION_TYPES, mentions

_PANDAS_TYPES = {"string": "string", "int64": "Int64", "double": "float64"}


def extract(df: "pd.DataFrame", text: str = "text", id: str = "id", geomap: Optional[GeoMap] = None,
            kinds: Optional[str] = None, jobs: Optional[int] = None) -> "pd.DataFrame":
    """One row per mention of the texts in column `text`, in document order.

    The `id` column of the result holds each document's value of column `id` (its index when the
    frame has no such column); the other columns are `geomap.MENTION_COLUMNS`. Documents without
    mentions, and documents geomap could not read, give no rows. One geomap process serves the call.
    """
    client = geomap or GeoMap()
    ids = df[id] if id in df.columns else pd.Series(df.index, index=df.index)
    documents = ({"id": key, "text": value} for key, value in zip(ids.tolist(), df[text].tolist()))
    rows: List[Dict[str, Any]] = []
    for record in client.extract(documents, kinds=kinds, jobs=jobs):
        rows.extend(mentions(record))
    result = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    types = {column: _PANDAS_TYPES[kind] for column, kind in MENTION_TYPES.items() if column != "id"}
    result = result.astype(types)
    if len(result) == 0:
        result["id"] = result["id"].astype(ids.dtype)
    return result

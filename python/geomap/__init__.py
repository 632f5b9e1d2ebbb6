"""GeoMap for Python: the `geomap` geoparser's CLI as an object, for pandas and for Apache Spark.

    import geomap
    gm = geomap.GeoMap()                      # $GEOMAP_BINARY or geomap on PATH
    for record in gm.extract(["Shelling hit Lysychansk.", {"id": 7, "text": "Paris, France"}]):
        print(record["id"], [t["place"] for t in record["toponyms"]])

`geomap.pandas.extract(df)` gives a DataFrame with one row per mention and
`geomap.spark.extract(df)` the same as a Spark DataFrame; both import their libraries only when used.
"""
from .client import GeoMap, Document, Record
from .errors import GeoMapError
from .records import MENTION_COLUMNS, mentions

__all__ = ["GeoMap", "GeoMapError", "Document", "Record", "MENTION_COLUMNS", "mentions"]
__version__ = "0.1.0"

"""`extract(df)`: a Spark DataFrame of documents in, a DataFrame of mentions out.

Built on `DataFrame.mapInArrow`: each partition runs one `geomap extract` process fed from its
Arrow batches, and the process's JSON Lines are parsed by pyarrow's C++ reader (`geomap.arrow`).
On a cluster, ship the binary and its gazetteer as the tarball of `Scripts/package`:

    mentions = geomap.spark.extract(df, archive="geomap-0.1.0-linux-x86_64.tar.gz")

which `SparkContext.addArchive` unpacks on every executor; each executor keeps its index cache in
$GEOMAP_CACHE, or in its temporary directory.
"""
from __future__ import annotations

import glob
import os
import stat
from typing import Iterator, Optional

import pyarrow as pa

from ._binary import find_binary
from .arrow import extract_batches, mention_schema
from .errors import GeoMapError
from .records import MENTION_FIELDS

_SPARK_TYPES = {"string": "string", "int64": "bigint", "double": "double"}


def mention_schema_ddl(id_type: str = "string") -> str:
    """The result's Spark schema as DDL: `id` of the input's id type, then the mention columns."""
    return ", ".join(f"`{column}` {id_type if key is None else _SPARK_TYPES[kind]}"
                     for column, kind, key in MENTION_FIELDS)


def binary_in(directory: str) -> str:
    """The geomap executable inside an unpacked package directory (at its top or one level down).

    Spark's unpacking may drop the executable bit (it does for .tar), so it is set again here."""
    for candidate in [os.path.join(directory, "geomap")] + sorted(glob.glob(os.path.join(directory, "*", "geomap"))):
        if os.path.isfile(candidate):
            if not os.access(candidate, os.X_OK):
                os.chmod(candidate, os.stat(candidate).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            return candidate
    raise GeoMapError(f"geomap: no geomap executable in {directory}")


def extract(df, text: str = "text", id: str = "id", binary: Optional[str] = None, archive: Optional[str] = None,
            gazetteer: Optional[str] = None, cache: Optional[str] = None, kinds: Optional[str] = None,
            jobs: int = 1):
    """One row per mention of the texts in column `text` of `df` (a pyspark DataFrame).

    Columns: `id` (the document's value of column `id`, its Spark type kept), then
    `geomap.MENTION_COLUMNS` after it: start, end (code points), surface, kind, place_id, geonameid,
    name, place_kind, country, admin1, lat, lon, confidence. Documents without mentions give no rows.

    binary:  a geomap path valid on every executor (default: $GEOMAP_BINARY or geomap on PATH, as
             seen by the driver; right for local mode).
    archive: instead, a tarball from `Scripts/package` (or any .tar/.tar.gz/.zip holding geomap and
             its Gazetteer/), added with `SparkContext.addArchive` and found on each executor.
    cache:   the index cache directory on the executors (default: their $GEOMAP_CACHE, else their
             temporary directory).
    jobs:    geomap's --jobs in each partition (one core per task: 1).
    """
    from pyspark import SparkFiles

    if id not in df.columns or text not in df.columns:
        raise GeoMapError(f"geomap: the DataFrame needs columns {id!r} and {text!r}; it has {df.columns}")
    id_type = df.schema[id].dataType.simpleString()
    ddl = mention_schema_ddl(id_type)
    if archive is not None:
        df.sparkSession.sparkContext.addArchive(archive)
        archive_name = os.path.basename(archive)
        executable = None
    else:
        archive_name = None
        executable = find_binary(binary)

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        path = executable or binary_in(SparkFiles.get(archive_name))
        target = None
        for batch in extract_batches(batches, path, text="text", id="id", gazetteer=gazetteer, cache=cache,
                                     kinds=kinds, jobs=jobs):
            if target is None:
                target = _spark_side(batch.schema)
            yield batch if batch.schema == target else batch.cast(target)

    documents = df.select(df[id].alias("id"), df[text].alias("text"))
    return documents.mapInArrow(run, ddl)


def _spark_side(schema: pa.Schema) -> pa.Schema:
    """Arrow's schema as Spark will check it: strings as Spark sends them (large or not) are fine
    either way in pyspark 4, so this keeps the schema; a hook for versions that insist."""
    return schema

"""Arrow record batches of documents in, Arrow record batches of mentions out, through one geomap
process; the output is parsed by pyarrow's C++ JSON reader, never record by record in Python.

This is the engine of `geomap.spark.extract` (one call per Spark partition) and works alone too:

    batches = geomap.arrow.extract_batches(table.to_batches(), binary="geomap")
"""
from __future__ import annotations

import collections
import io
import json
import os
import subprocess
import tempfile
import threading
from typing import Deque, Iterable, Iterator, List, Optional, Tuple

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pajson

from ._process import end_process
from .errors import GeoMapError
from .records import MENTION_FIELDS, TOPONYM_KEYS

_ARROW_TYPES = {"string": pa.string(), "int64": pa.int64(), "double": pa.float64()}

# What the reader asks pyarrow.json for: the record's id and its toponyms' keys (others ignored).
RECORD_SCHEMA = pa.schema([
    ("id", pa.string()),
    ("toponyms", pa.list_(pa.struct([(key, _ARROW_TYPES[kind]) for key, kind in TOPONYM_KEYS]))),
])

_READ_BYTES = 4 << 20  # parse the output in pieces of about this size


def mention_schema(id_type: pa.DataType = pa.string()) -> pa.Schema:
    """The mention columns of `geomap.records.MENTION_FIELDS`; `id` has the input's id type."""
    return pa.schema([(column, id_type if key is None else _ARROW_TYPES[kind])
                      for column, kind, key in MENTION_FIELDS])


def default_cache() -> str:
    """$GEOMAP_CACHE, else a directory in the system's temporary directory (a worker's scratch)."""
    return os.environ.get("GEOMAP_CACHE") or os.path.join(tempfile.gettempdir(), f"geomap-cache-{os.getuid()}")


def extract_batches(batches: Iterable[pa.RecordBatch], binary: str, text: str = "text", id: str = "id",
                    gazetteer: Optional[str] = None, cache: Optional[str] = None, kinds: Optional[str] = None,
                    jobs: int = 1, id_type: Optional[pa.DataType] = None) -> Iterator[pa.RecordBatch]:
    """Mentions of the texts in column `text` of `batches`, as batches of `mention_schema(id_type)`.

    Every document is sent under its row number (so geomap's ids never collide) and each mention
    gets the document's value of column `id` back by that number. Null texts, empty texts and
    records geomap skips give no rows. Raises GeoMapError when geomap cannot run.
    """
    command = [binary, "extract", "--input", "jsonl", "--format", "jsonl", "--jobs", str(jobs)]
    if gazetteer:
        command += ["--gazetteer", gazetteer]
    if kinds:
        command += ["--kinds", kinds]
    env = dict(os.environ, GEOMAP_CACHE=cache or default_cache())
    process = subprocess.Popen(command + ["-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env)
    # The ids of the documents sent and not yet answered: (row number of the first, their ids).
    sent: Deque[Tuple[int, pa.Array]] = collections.deque()
    failure: List[BaseException] = []
    stderr_tail: Deque[str] = collections.deque(maxlen=20)
    schema_holder: List[pa.Schema] = []
    if id_type is not None:
        schema_holder.append(mention_schema(id_type))

    def write() -> None:
        row = 0
        try:
            for batch in batches:
                ids = batch.column(batch.schema.get_field_index(id))
                if not schema_holder:
                    schema_holder.append(mention_schema(ids.type))
                texts = batch.column(batch.schema.get_field_index(text)).to_pylist()
                # ASCII JSON (\u escapes) is the fastest encoding Python's json has: a third less CPU.
                lines = [json.dumps({"id": str(row + n), "text": value}) for n, value in enumerate(texts) if value]
                sent.append((row, ids))  # before the lines go out, so the reader finds their ids
                row += len(texts)
                if lines:
                    process.stdin.write(("\n".join(lines) + "\n").encode("ascii"))
        except (BrokenPipeError, ValueError):
            pass
        except BaseException as error:
            failure.append(error)
        finally:
            try:
                process.stdin.close()
            except (BrokenPipeError, OSError, ValueError):
                pass

    def read_stderr() -> None:
        for raw in process.stderr:
            stderr_tail.append(raw.decode("utf-8", "replace").rstrip("\n"))

    writer = threading.Thread(target=write, daemon=True, name="geomap-arrow-writer")
    errors = threading.Thread(target=read_stderr, daemon=True, name="geomap-arrow-stderr")
    writer.start()
    errors.start()
    finished = False
    try:
        rest = b""
        while True:
            piece = process.stdout.read(_READ_BYTES)
            if not piece:
                break
            data = rest + piece
            cut = data.rfind(b"\n") + 1
            rest = data[cut:]
            if cut:
                yield from _mentions(data[:cut], sent, schema_holder)
        if rest.strip():
            yield from _mentions(rest + b"\n", sent, schema_holder)
        status = process.wait()
        errors.join()
        writer.join()
        if failure:
            raise failure[0]
        summary = any(line.startswith("geomap: processed ") for line in stderr_tail)
        if status != 0 and not summary:
            raise GeoMapError(stderr_tail[-1] if stderr_tail else f"geomap extract: exit status {status}")
        finished = True
    finally:
        end_process(process, finished)


def _mentions(data: bytes, sent: Deque[Tuple[int, pa.Array]], schema_holder: List[pa.Schema]) -> Iterator[pa.RecordBatch]:
    table = pajson.read_json(
        io.BytesIO(data),
        read_options=pajson.ReadOptions(block_size=max(len(data), 1 << 20), use_threads=False),
        parse_options=pajson.ParseOptions(explicit_schema=RECORD_SCHEMA, unexpected_field_behavior="ignore"))
    rows = pc.cast(table.column("id"), pa.int64()).combine_chunks()
    toponyms = table.column("toponyms").combine_chunks()
    # Documents before the first row of this piece are answered: forget their ids.
    first = rows[0].as_py() if len(rows) else None
    while first is not None and len(sent) > 1 and sent[1][0] <= first:
        sent.popleft()
    if len(toponyms) == 0 or pc.sum(pc.list_value_length(toponyms)).as_py() in (None, 0):
        return
    flat = pc.list_flatten(toponyms)
    row_of_mention = pc.take(rows, pc.list_parent_indices(toponyms))
    base = sent[0][0]
    window = pa.concat_arrays([ids for _, ids in list(sent)])  # list(): one step, while the writer appends
    ids = pc.take(window, pc.subtract(row_of_mention, pa.scalar(base, pa.int64())))
    schema = schema_holder[0]
    columns = []
    for column, _, key in MENTION_FIELDS:
        columns.append(ids if key is None else flat.field(key))
    yield pa.RecordBatch.from_arrays(columns, schema=schema)

"""`GeoMap`: the geomap CLI as a Python object.

`extract` streams documents through one `geomap extract --input jsonl --format jsonl -` process:
a writer thread feeds its standard input while the caller reads its standard output, so memory
stays flat whatever the number of documents, and a caller who reads slowly slows the writer
(the pipes are the back-pressure). The other commands run one process each over `--format json`.
"""
from __future__ import annotations

import collections
import json
import os
import re
import secrets
import subprocess
import threading
import time
from typing import Any, Deque, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

from ._binary import find_binary
from ._process import end_process
from .errors import GeoMapError

Document = Union[str, Mapping[str, Any]]
Record = Dict[str, Any]

_SKIP_WARNING = re.compile(r"^geomap: warning: -:(\d+): skipped: (.*)$")
_SUMMARY = re.compile(r"^geomap: processed \d+, skipped \d+$")
_NO_ID = object()
_IDLE_FLUSH_S = 0.02
_PIPE_BUFFER = 64 * 1024


class GeoMap:
    """A handle on a `geomap` binary and its gazetteer.

    binary:    the executable; default $GEOMAP_BINARY, else `geomap` on PATH.
    gazetteer: a gazetteer directory (`--gazetteer`); default: the binary's own lookup
               ($GEOMAP_GAZETTEER, or a Gazetteer/ beside the binary).
    cache:     the index cache directory (GEOMAP_CACHE for the child); default: inherited.
    """

    def __init__(self, binary: Optional[str] = None, gazetteer: Optional[str] = None,
                 cache: Optional[str] = None) -> None:
        self.binary = find_binary(binary)
        self.gazetteer = gazetteer
        self.env = dict(os.environ)
        if cache is not None:
            self.env["GEOMAP_CACHE"] = cache

    def __repr__(self) -> str:
        return f"GeoMap(binary={self.binary!r}, gazetteer={self.gazetteer!r})"

    def _command(self, *arguments: str) -> List[str]:
        command = [self.binary, *arguments]
        if self.gazetteer is not None:
            command += ["--gazetteer", self.gazetteer]
        return command

    # -- extract ------------------------------------------------------------------------------

    def extract_command(self, kinds: Optional[str] = None, jobs: Optional[int] = None) -> List[str]:
        """The command line `extract` runs (JSON Lines on stdin, JSON Lines on stdout)."""
        command = self._command("extract", "--input", "jsonl", "--format", "jsonl")
        if kinds is not None:
            command += ["--kinds", kinds]
        if jobs is not None:
            command += ["--jobs", str(jobs)]
        return command + ["-"]

    def extract(self, documents: Iterable[Document], text: str = "text", id: str = "id",
                kinds: Optional[str] = None, jobs: Optional[int] = None) -> Iterator[Record]:
        """Geoparses `documents`, yielding one record per document, in order.

        A document is a string (its record's id is None) or a mapping with the text under `text`
        and, optionally, the caller's id under `id`, which the record keeps whatever its type. A
        record is ``{"id": ..., "toponyms": [...]}`` as `geomap extract --format jsonl` writes it;
        a document geomap could not read (a text that is not a string, or one it skipped) gives
        ``{"id": ..., "error": "..."}`` instead, so records line up with documents.

        One geomap process serves the whole iteration; it ends when `documents` is exhausted
        (its stdin is closed) or when the iterator is closed. Raises GeoMapError when geomap
        cannot run.
        """
        return _Extraction(self, documents, text, id, kinds, jobs).records()

    # -- one-shot commands --------------------------------------------------------------------

    def _json(self, *arguments: str) -> Any:
        done = subprocess.run(self._command(*arguments, "--format", "json"), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
        if done.returncode != 0:
            raise GeoMapError(_last_line(done.stderr) or f"geomap {arguments[0]}: exit status {done.returncode}")
        return json.loads(done.stdout)

    def lookup(self, name: str, country: Optional[str] = None, kind: Optional[str] = None,
               limit: Optional[int] = None) -> List[Record]:
        """The gazetteer entries `name` may mean, best first (`geomap lookup NAME --format json`)."""
        arguments = ["lookup", name]
        arguments += _options(country=country, kind=kind, limit=limit)
        return self._json(*arguments)

    def distance(self, a: str, b: str, a_kind: Optional[str] = None, b_kind: Optional[str] = None) -> Record:
        """Geodesic shortest distances between the readings of places `a` and `b`
        (`geomap distance A B --format json`): ``{"from", "to", "distances": [{"km", ...}]}``."""
        return self._json("distance", a, b, *_options(a_kind=a_kind, b_kind=b_kind))

    def near(self, name: str, km: float, limit: Optional[int] = None, kind: Optional[str] = None) -> Record:
        """Gazetteer places within `km` of `name`, nearest first
        (`geomap near NAME --km K --format json`): ``{"origin", "near": [{"km", "azimuth", "place"}]}``."""
        return self._json("near", name, "--km", repr(float(km)), *_options(limit=limit, kind=kind))


def _options(**values: Any) -> List[str]:
    arguments: List[str] = []
    for option, value in values.items():
        if value is not None:
            arguments += ["--" + option.replace("_", "-"), str(value)]
    return arguments


def _last_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else ""


class _Extraction:
    """One `extract` call: the process, its writer and stderr threads, and the pairing of records.

    Every document is sent under an id of our own (a random prefix and its sequence number), so
    geomap's ids never collide and a record is paired with its document by that id; today's CLI
    drops a record it skips, so documents passed over before a record's id are the skipped ones.
    """

    def __init__(self, geomap: GeoMap, documents: Iterable[Document], text: str, id: str,
                 kinds: Optional[str], jobs: Optional[int]) -> None:
        self.geomap = geomap
        self.documents = documents
        self.text_key = text
        self.id_key = id
        self.command = geomap.extract_command(kinds, jobs)
        self.prefix = f"geomap-py-{secrets.token_hex(6)}-"
        # Documents sent and not yet answered: (sequence, caller's id, error known before sending,
        # line number in geomap's input, 0 for a document not sent).
        self.pending: Deque[Tuple[int, Any, Optional[str], int]] = collections.deque()
        self.writer_error: Optional[BaseException] = None
        self.skip_reasons: Dict[int, str] = {}
        self.stderr_tail: Deque[str] = collections.deque(maxlen=20)
        self.summary_seen = False
        self.stdin_lock = threading.Lock()
        self.unflushed_since = 0.0
        self.writing = True

    def records(self) -> Iterator[Record]:
        process = subprocess.Popen(self.command, bufsize=_PIPE_BUFFER, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=self.geomap.env)
        writer = threading.Thread(target=self._write, args=(process,), daemon=True, name="geomap-writer")
        errors = threading.Thread(target=self._read_stderr, args=(process,), daemon=True, name="geomap-stderr")
        writer.start()
        errors.start()
        finished = False
        try:
            assert process.stdout is not None
            for line in process.stdout:
                record = json.loads(line)
                sequence = self._sequence(record.get("id"))
                yield from self._passed_over(before=sequence)
                _, caller_id, _, _ = self.pending.popleft()
                record["id"] = None if caller_id is _NO_ID else caller_id
                yield record
            status = process.wait()
            errors.join()
            writer.join()
            if self.writer_error is not None:
                raise self.writer_error
            if status != 0 and not self.summary_seen:
                raise GeoMapError(self.stderr_tail[-1] if self.stderr_tail else f"geomap extract: exit status {status}")
            yield from self._passed_over(before=None)
            finished = True
        finally:
            end_process(process, finished)
            # Not the writer: it may be waiting on the caller's iterable, which nothing here can end.
            errors.join()

    def _sequence(self, record_id: Any) -> int:
        if isinstance(record_id, str) and record_id.startswith(self.prefix):
            return int(record_id[len(self.prefix):])
        raise GeoMapError(f"geomap extract: a record with an id that was not sent: {str(record_id)[:80]!r}")

    def _passed_over(self, before: Optional[int]) -> Iterator[Record]:
        """Error records for the documents before `before` (all when None) that got no record."""
        while self.pending and (before is None or self.pending[0][0] != before):
            sequence, caller_id, error, line = self.pending.popleft()
            if error is None:
                error = self.skip_reasons.pop(line, None) or "skipped by geomap"
            yield {"id": None if caller_id is _NO_ID else caller_id, "error": error}
        if before is not None and not self.pending:
            raise GeoMapError(f"geomap extract: a record out of order (sequence {before})")

    def _write(self, process: subprocess.Popen) -> None:
        stdin = process.stdin
        assert stdin is not None
        flusher = threading.Thread(target=self._flush_when_idle, args=(stdin,), daemon=True, name="geomap-flusher")
        flusher.start()
        line = 0
        try:
            for sequence, document in enumerate(self.documents):
                caller_id, text = self._unpack(document)
                if not isinstance(text, str):
                    self.pending.append((sequence, caller_id, f"text is not a string: {type(text).__name__}", 0))
                    continue
                encoded = json.dumps({"id": self.prefix + str(sequence), "text": text}, ensure_ascii=False)
                # Appended before it is written, so the reader finds it when the record comes back.
                line += 1
                self.pending.append((sequence, caller_id, None, line))
                with self.stdin_lock:
                    stdin.write(encoded.encode("utf-8", "replace") + b"\n")
                    self.unflushed_since = self.unflushed_since or time.monotonic()
        except (BrokenPipeError, ValueError, OSError):
            pass  # geomap stopped or the reader closed the pipe; the reader reports why
        except BaseException as error:  # the caller's iterable raised: end the stream, re-raise there
            self.writer_error = error
        finally:
            self.writing = False
            flusher.join()
            try:
                with self.stdin_lock:
                    stdin.close()
            except (BrokenPipeError, OSError, ValueError):
                pass

    def _flush_when_idle(self, stdin: Any) -> None:
        """Flushes what was written once the caller's iterable has paused for a moment, so a caller
        who waits for an answer before sending more is not waiting on our buffer; a busy stream is
        written in whole buffers (one small write per document slows geomap down several times)."""
        while self.writing:
            time.sleep(_IDLE_FLUSH_S)
            with self.stdin_lock:
                if self.unflushed_since and time.monotonic() - self.unflushed_since >= _IDLE_FLUSH_S:
                    try:
                        stdin.flush()
                    except (BrokenPipeError, OSError, ValueError):
                        return
                    self.unflushed_since = 0.0

    def _unpack(self, document: Document) -> Tuple[Any, Any]:
        if isinstance(document, str):
            return _NO_ID, document
        if isinstance(document, Mapping):
            return document.get(self.id_key, _NO_ID), document.get(self.text_key)
        raise TypeError(f"geomap: a document is a str or a mapping, not {type(document).__name__}")

    def _read_stderr(self, process: subprocess.Popen) -> None:
        assert process.stderr is not None
        try:
            for raw in process.stderr:
                line = raw.decode("utf-8", "replace").rstrip("\n")
                skipped = _SKIP_WARNING.match(line)
                if skipped:
                    self.skip_reasons[int(skipped.group(1))] = skipped.group(2)
                elif _SUMMARY.match(line):
                    self.summary_seen = True
                self.stderr_tail.append(line)
        except (OSError, ValueError):
            pass

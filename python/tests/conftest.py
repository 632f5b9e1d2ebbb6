"""Shared fixtures: the geomap binary under test, its index cache, and a corpus built from the
repository's own test texts (tests never read ../shared)."""
from __future__ import annotations

import json
import os
import random
import subprocess
from pathlib import Path
from typing import Dict, List

import pytest

REPO = Path(__file__).resolve().parents[2]
TEXTS = REPO / "Tests" / "GeoMapTests" / "Fixtures" / "Golden" / "inputs"


def binary_path() -> str:
    """$GEOMAP_BINARY, else the repository's release build."""
    return os.environ.get("GEOMAP_BINARY") or str(REPO / ".build" / "release" / "geomap")


@pytest.fixture(scope="session")
def binary() -> str:
    path = binary_path()
    if not os.access(path, os.X_OK):
        pytest.fail(f"no geomap binary at {path}: build it (swift build -c release --product geomap) or set GEOMAP_BINARY")
    return path


@pytest.fixture(scope="session", autouse=True)
def cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    """GEOMAP_CACHE for every child process: the caller's, or one for the session."""
    directory = os.environ.get("GEOMAP_CACHE") or str(tmp_path_factory.mktemp("geomap-cache"))
    os.environ["GEOMAP_CACHE"] = directory
    return directory


def paragraphs() -> List[str]:
    """Every paragraph of the repository's fixture texts and JSON Lines batch, in a fixed order."""
    found: List[str] = []
    for path in sorted((TEXTS / "texts").glob("*.txt")) + [REPO / "Examples" / "sample-article.txt"]:
        for block in path.read_text(encoding="utf-8").split("\n"):
            if block.strip():
                found.append(block.strip())
    for line in (TEXTS / "batch" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("text"), str) and record["text"].strip():
            found.append(record["text"])
    return found


def make_corpus(count: int, seed: int = 14) -> List[Dict[str, str]]:
    """`count` documents of one to five paragraphs each, ids `doc-N`; a few are empty."""
    pool = paragraphs()
    chooser = random.Random(seed)
    documents = []
    for n in range(count):
        if n % 97 == 13:
            text = ""
        else:
            text = "\n\n".join(chooser.choice(pool) for _ in range(chooser.randint(1, 5)))
        documents.append({"id": f"doc-{n}", "text": text})
    return documents


@pytest.fixture(scope="session")
def corpus() -> List[Dict[str, str]]:
    return make_corpus(300)


def cli_records(binary: str, documents: List[Dict[str, str]], tmp_path: Path, *options: str) -> Dict[str, dict]:
    """`geomap extract FILE.jsonl --format jsonl` over `documents` written to a file, by id."""
    path = tmp_path / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for document in documents:
            out.write(json.dumps(document, ensure_ascii=False) + "\n")
    done = subprocess.run([binary, "extract", str(path), "--format", "jsonl", *options],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    return {record["id"]: record for record in records}

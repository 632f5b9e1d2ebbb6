"""geomap.spark.extract in a local[2] Spark session: its rows equal geomap extract's, id by id."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from collections import defaultdict

import pytest

pyspark = pytest.importorskip("pyspark")  # CI installs it; a bare checkout runs the rest

import geomap
import geomap.spark
from geomap.records import mentions
from conftest import REPO, cli_records, make_corpus

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the workers import geomap and pyarrow from here
    session = (SparkSession.builder.master("local[2]").appName("geomap-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.executorEnv.GEOMAP_CACHE", os.environ["GEOMAP_CACHE"])
               .getOrCreate())
    yield session
    session.stop()


@pytest.fixture(scope="module")
def archive(binary, tmp_path_factory):
    """$GEOMAP_PACKAGE (the tarball of Scripts/package), else the same layout made here from the binary."""
    if os.environ.get("GEOMAP_PACKAGE"):
        return os.environ["GEOMAP_PACKAGE"]
    directory = tmp_path_factory.mktemp("package")
    path = directory / "geomap-test-linux-x86_64.tar"
    with tarfile.open(path, "w") as tar:
        tar.add(binary, arcname="geomap-test-linux-x86_64/geomap")
        tar.add(REPO / "Gazetteer", arcname="geomap-test-linux-x86_64/Gazetteer")
    return str(path)


def rows_by_id(rows):
    grouped = defaultdict(list)
    for row in rows:
        grouped[row["id"]].append(row)
    return grouped


def test_spark_rows_equal_the_cli_mentions_id_by_id(spark, binary, archive, tmp_path):
    documents = make_corpus(400, seed=41)
    df = spark.createDataFrame(documents, "id string, text string").repartition(4)
    result = geomap.spark.extract(df, archive=archive)
    assert result.columns == geomap.MENTION_COLUMNS
    got = rows_by_id(row.asDict() for row in result.collect())
    expected = {record_id: list(mentions(record)) for record_id, record in cli_records(binary, documents, tmp_path).items()}
    expected = {record_id: rows for record_id, rows in expected.items() if rows}
    assert len(expected) > 300 and set(got) == set(expected)
    for record_id, rows in expected.items():
        assert got[record_id] == rows, record_id


def test_the_schema_is_fixed_and_keeps_the_id_type(spark, binary):
    df = spark.createDataFrame([(7, "Paris and Lviv"), (8, None), (9, ""), (10, "nothing here")], "key long, body string")
    result = geomap.spark.extract(df, text="body", id="key", binary=binary)
    assert [(f.name, f.dataType.simpleString()) for f in result.schema.fields] == [
        ("id", "bigint"), ("start", "bigint"), ("end", "bigint"), ("surface", "string"), ("kind", "string"),
        ("place_id", "bigint"), ("geonameid", "bigint"), ("name", "string"), ("place_kind", "string"),
        ("country", "string"), ("admin1", "string"), ("lat", "double"), ("lon", "double"), ("radius_km", "double"),
        ("confidence", "double"), ("source", "string"), ("user_id", "string")]
    rows = result.collect()
    assert [(r["id"], r["surface"]) for r in rows] == [(7, "Paris"), (7, "Lviv")]


def test_a_missing_column_is_a_geomap_error(spark, binary):
    df = spark.createDataFrame([("a", "Paris")], "id string, body string")
    with pytest.raises(geomap.GeoMapError, match="needs columns"):
        geomap.spark.extract(df, binary=binary)


def test_the_example_writes_parquet_equal_to_the_cli(binary, archive, tmp_path):
    import pyarrow.parquet as pq

    documents = make_corpus(200, seed=12)
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
    output = tmp_path / "mentions.parquet"
    example = REPO / "python" / "examples" / "spark_extract.py"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    subprocess.run([sys.executable, str(example), str(source), str(output), "--archive", archive,
                    "--master", "local[2]"], check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    got = rows_by_id(pq.read_table(output).to_pylist())
    expected = {record_id: list(mentions(record)) for record_id, record in cli_records(binary, documents, tmp_path).items()}
    assert {k: v for k, v in expected.items() if v} == dict(got)
    # Writing again without --force is refused with one line, and the output is left alone.
    again = subprocess.run([sys.executable, str(example), str(source), str(output)], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert again.returncode == 1 and again.stderr.decode().strip().endswith("exists (pass --force to overwrite)")

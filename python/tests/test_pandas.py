"""geomap.pandas.extract: one row per mention, ids from the frame."""
from __future__ import annotations

import pandas as pd

import geomap
import geomap.pandas
from conftest import cli_records


def test_one_row_per_mention_equal_to_the_cli(binary, corpus, tmp_path):
    df = pd.DataFrame(corpus)
    rows = geomap.pandas.extract(df, geomap=geomap.GeoMap(binary))
    assert list(rows.columns) == geomap.MENTION_COLUMNS
    expected = [(record_id, t["start"], t["end"], t["name"], t.get("place"), t.get("id_gazetteer"))
                for record_id, record in cli_records(binary, corpus, tmp_path).items() for t in record["toponyms"]]
    plain = rows.astype(object).where(rows.notna(), None)  # pandas' NA and NaN as None, numbers as Python's
    got = [tuple(row) for row in plain[["id", "start", "end", "surface", "name", "place_id"]].itertuples(index=False)]
    key = lambda row: tuple("" if v is None else v for v in row)  # noqa: E731
    assert sorted(got, key=key) == sorted(expected, key=key) and len(got) > 300
    assert rows["start"].dtype == "Int64" and rows["lat"].dtype == "float64" and rows["name"].dtype == "string"


def test_ids_come_from_the_index_without_an_id_column_and_other_column_names(binary):
    df = pd.DataFrame({"body": ["Paris and Lyon", None, "nothing", "Kyiv"]}, index=[10, 11, 12, 13])
    rows = geomap.pandas.extract(df, text="body", id="key", geomap=geomap.GeoMap(binary))
    assert rows["id"].tolist() == [10, 10, 13] and rows["name"].tolist() == ["Paris", "Lyon", "Kyiv"]


def test_no_mentions_give_an_empty_frame_with_the_columns(binary):
    rows = geomap.pandas.extract(pd.DataFrame({"id": [1], "text": ["nothing at all"]}), geomap=geomap.GeoMap(binary))
    assert len(rows) == 0 and list(rows.columns) == geomap.MENTION_COLUMNS

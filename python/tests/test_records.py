"""The flattening of a record into mention rows."""
from geomap.records import MENTION_COLUMNS, mentions

RECORD = {"id": "a", "toponyms": [
    {"start": 13, "end": 26, "name": "Severodonetsk", "lat": 48.94414, "lon": 38.48754, "geonameid": 691999,
     "kind": "place", "id_gazetteer": 691999, "place": "Siverskodonetsk", "place_kind": "place",
     "country": "UA", "confidence": 0.534},
    {"start": 30, "end": 40, "name": "Ukrainians", "lat": 49, "lon": 32, "geonameid": None, "kind": "demonym",
     "id_gazetteer": 1000000001, "place": "Ukraine", "place_kind": "country", "country": "UA", "confidence": 0.9}]}


def test_one_row_per_toponym_with_surface_and_chosen_name_apart():
    rows = list(mentions(RECORD))
    assert [list(r) for r in rows] == [MENTION_COLUMNS] * 2
    assert rows[0]["surface"] == "Severodonetsk" and rows[0]["name"] == "Siverskodonetsk"
    assert rows[0]["place_id"] == 691999 and rows[1]["geonameid"] is None and rows[1]["kind"] == "demonym"
    assert rows[0]["admin1"] is None


def test_the_callers_id_replaces_the_records():
    assert {r["id"] for r in mentions(RECORD, id=42)} == {42}


def test_error_and_empty_records_give_no_rows():
    assert list(mentions({"id": 1, "error": "skipped"})) == [] and list(mentions({"id": 1, "toponyms": []})) == []


def test_an_approximate_place_carries_its_radius_and_an_exact_one_none():
    approximate = {"id": "v", "toponyms": [
        {"start": 0, "end": 10, "name": "Metolchyne", "lat": 48.9, "lon": 38.4, "radius_km": 24, "geonameid": None,
         "kind": "place", "id_gazetteer": 1, "place": "Metolchyne", "place_kind": "place", "country": "UA",
         "confidence": 0.5}]}
    assert [r["radius_km"] for r in mentions(approximate)] == [24]
    assert [r["radius_km"] for r in mentions(RECORD)] == [None, None]


def test_a_user_place_says_so_and_a_bundled_one_none():
    user = {"id": "u", "toponyms": [
        {"start": 0, "end": 16, "name": "Zorivka Pershaya", "lat": 48.62, "lon": 39.45, "geonameid": None, "kind": "place",
         "id_gazetteer": 4309462087, "place": "Zorivka Pershaya", "place_kind": "place", "country": "UA",
         "source": "user", "user_id": "v-1", "confidence": 0.5}]}
    assert [(r["source"], r["user_id"]) for r in mentions(user)] == [("user", "v-1")]
    assert [(r["source"], r["user_id"]) for r in mentions(RECORD)] == [(None, None), (None, None)]

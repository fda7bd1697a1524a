"""Corrections in the store: validated against the ontology, audited, the original kept, the tables consistent."""

from __future__ import annotations

import pytest

from store_helpers import check_consistent

from eventcoder.store import Correction, CorrectionError, EntityChange, EventFilters, EventStore, PlaceChange
from eventcoder.store import queries


def one(store: EventStore, **filters: object) -> dict:
    (event,) = store.query_events(EventFilters(**filters))  # type: ignore[arg-type]
    return event


def test_a_type_change_recomputes_quad_class_cameo_and_goldstein(filled: EventStore) -> None:
    event = one(filled, actor="RUS")
    trail = filled.correct_event(event["id"], Correction(event_type="threaten", note="only a threat"))
    after = one(filled, event_type="THREATEN")
    assert (after["quad_class"], after["corrected"]) == (3, True)
    assert after["cameo"] != event["cameo"] and after["goldstein"] != event["goldstein"]
    changed = {"event_type", "quad_class", "cameo", "goldstein"} | ({"mode"} if event["mode"] else set())
    assert {row["field"] for row in trail} == changed
    assert filled.original(event["id"])["event_type"] == "ASSAULT"
    check_consistent(filled)


def test_actor_corrections_keep_columns_keys_and_entities_consistent(filled: EventStore) -> None:
    event = one(filled, actor="RUS")
    filled.correct_event(event["id"], Correction(actor=EntityChange(name="Belarus", country="blr", sector="mil"),
                                                 recipient=EntityChange(name="", country="", sector="")))
    row = filled.con.execute(
        "SELECT actor_countries, actor_sectors, actor_names, actor_key, recipient_countries, recipient_key "
        "FROM events WHERE id = ?", [event["id"]]).fetchone()
    assert row == (["BLR"], ["MIL"], ["Belarus"], "|BLR|", [], "||")
    entities = filled.con.execute(
        "SELECT role, country FROM entities WHERE event_id = ? ORDER BY role", [event["id"]]).fetchall()
    assert entities == [("actor", "BLR")]
    assert one(filled, actor="BLR")["recipient"] == []
    check_consistent(filled)


def test_a_compound_actor_is_corrected_entity_by_entity(filled: EventStore) -> None:
    event = one(filled, actor="RUS")
    coded = event["actor"][0]
    # a second actor added beside the coded one (which keeps its mention, span and name)
    filled.correct_event(event["id"], Correction(actor=(EntityChange(), EntityChange(name="Belarus", country="BLR"))))
    after = one(filled, actor="BLR")
    assert [(a["name"], a["country"]) for a in after["actor"]] == [(coded["name"], "RUS"), ("Belarus", "BLR")]
    assert after["actor"][0]["span"] == coded["span"]
    assert [e["id"] for e in filled.query_events(EventFilters(actor="RUS"))] == [event["id"]]
    entities = filled.con.execute("SELECT position, country FROM entities WHERE event_id = ? AND role = 'actor' "
                                  "ORDER BY position", [event["id"]]).fetchall()
    assert entities == [(0, "RUS"), (1, "BLR")]
    check_consistent(filled)
    # the first part changed, the second kept
    filled.correct_event(event["id"], Correction(actor=(EntityChange(sector="GOV"), EntityChange())))
    assert [(a["country"], a["sector"]) for a in one(filled, actor="BLR")["actor"]] == [("RUS", "GOV"), ("BLR", None)]
    # a part removed (cleared, or left out of the tuple), then every part: no actor
    filled.correct_event(event["id"], Correction(actor=(EntityChange("", "", ""), EntityChange())))
    assert [a["country"] for a in one(filled, actor="BLR")["actor"]] == ["BLR"]
    filled.correct_event(event["id"], Correction(actor=()))
    assert one(filled, recipient="UKR", event_type="ASSAULT")["actor"] == []
    assert filled.con.execute("SELECT actor_key FROM events WHERE id = ?", [event["id"]]).fetchone() == ("||",)
    check_consistent(filled)
    fields = [row["field"] for row in filled.corrections(event["id"])]
    assert fields == ["actor"] * 4
    with pytest.raises(CorrectionError, match="more than 20 actor"):
        filled.correct_event(event["id"], Correction(actor=tuple(EntityChange(country="FRA") for _ in range(21))))


def test_a_place_correction_is_looked_up_in_the_gazetteer(filled: EventStore) -> None:
    event = one(filled, actor="RUS")
    filled.correct_event(event["id"], Correction(place=PlaceChange(name="Donetsk")))
    loc = one(filled, actor="RUS")["event_loc"]
    assert (loc["name"], loc["country"]) == ("Donetsk", "UKR") and loc["lat"] and loc["geonameid"]
    row = filled.con.execute("SELECT place_name, place_country, place_lat FROM events WHERE id = ?",
                             [event["id"]]).fetchone()
    assert row[:2] == ("Donetsk", "UKR") and row[2] == loc["lat"]


def test_dates_set_precision_and_the_day_filters_use(filled: EventStore) -> None:
    event = one(filled, actor="RUS")
    filled.correct_event(event["id"], Correction(date="2023"))
    assert one(filled, actor="RUS")["date_precision"] == "year"
    assert [e["id"] for e in filled.query_events(EventFilters(since="2023-01-01", until="2023-01-01"))] == [event["id"]]


@pytest.mark.parametrize(
    ("correction", "message"),
    [
        (Correction(event_type="PARTY"), "unknown event type"),
        (Correction(mode="visit"), "not a mode of ASSAULT"),
        (Correction(factuality="probably"), "bad factuality"),
        (Correction(date="2024-02-30"), "bad date"),
        (Correction(actor=EntityChange(country="ZZZ")), "unknown actor country"),
        (Correction(recipient=EntityChange(sector="XYZ")), "unknown recipient sector"),
        (Correction(place=PlaceChange(country="QQQ")), "unknown place country"),
        (Correction(note="x" * 5000, factuality="negated"), "note is longer"),
        (Correction(), "nothing to correct"),
    ],
)
def test_bad_corrections_raise_and_change_nothing(filled: EventStore, correction: Correction, message: str) -> None:
    event = one(filled, actor="RUS")
    with pytest.raises(CorrectionError, match=message):
        filled.correct_event(event["id"], correction)
    assert one(filled, actor="RUS") == event and filled.corrections(event["id"]) == []


def test_an_unknown_event_is_none(filled: EventStore) -> None:
    assert filled.correct_event("nope", Correction(factuality="negated")) is None


def test_not_an_event_is_left_out_unless_asked_for(filled: EventStore) -> None:
    event = one(filled, actor="RUS")
    filled.correct_event(event["id"], Correction(not_event=True))
    assert filled.query_events(EventFilters(actor="RUS")) == []
    assert filled.count_events(EventFilters(actor="RUS")) == 0
    assert one(filled, actor="RUS", include_not_events=True)["not_event"] is True
    filled.correct_event(event["id"], Correction(not_event=False))
    assert one(filled, actor="RUS")["not_event"] is False


@pytest.mark.parametrize("order", ["date", "date-asc", "goldstein", "goldstein-asc"])
@pytest.mark.parametrize("offset", [0, 1, 2, 3, 5, 9])
def test_deep_pages_equal_plain_pages(filled: EventStore, monkeypatch: pytest.MonkeyPatch, order: str,
                                      offset: int) -> None:
    plain = filled.query_events(limit=2, offset=offset, order=order)
    monkeypatch.setattr(queries, "DEEP_OFFSET", 0)
    page, total = filled.page_events(limit=2, offset=offset, order=order)
    assert [e["id"] for e in page] == [e["id"] for e in plain]
    assert total == filled.count_events()

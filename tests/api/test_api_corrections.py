"""Corrections over HTTP: validated, kept as an audit trail beside the original, used by queries and exports."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from api_helpers import event_id, events

from eventcoder.store import EventFilters, EventStore


def correct(client: Any, eid: str, **body: Any) -> Any:
    return client.post(f"/api/events/{eid}/corrections", json=body)


def test_a_correction_is_stored_with_its_audit_trail_and_the_original_kept(serve: Any) -> None:
    client = serve()
    eid = event_id(client, "CONSULT", actor="TUR")
    response = correct(client, eid, event_type="COOPERATE", actor={"name": "Georgia", "country": "geo"},
                       date="2024-03", note="wrong country", author="tester")
    assert response.status_code == 201, response.text
    view = response.json()
    event = view["event"]
    assert (event["event_type"], event["quad_class"], event["corrected"]) == ("COOPERATE", 2, True)
    assert event["cameo"] is not None and event["goldstein"] is not None
    assert [(a["name"], a["country"]) for a in event["actor"]] == [("Georgia", "GEO")]
    assert (event["date"], event["date_precision"]) == ("2024-03", "month")
    assert view["original"]["event_type"] == "CONSULT" and view["original"]["actor"][0]["country"] == "TUR"
    fields = {c["field"]: c for c in view["corrections"]}
    assert {"event_type", "quad_class", "actor", "date"} <= set(fields)
    assert (fields["event_type"]["old"], fields["event_type"]["new"]) == ("CONSULT", "COOPERATE")
    assert all(c["note"] == "wrong country" and c["author"] == "tester" for c in view["corrections"])
    assert client.get(f"/api/events/{eid}/corrections").json() == view["corrections"]
    # the spans still quote the text (the actor's mention is still the one the coder found)
    for span in view["spans"]:
        assert view["article"]["text"][span["start"]:span["end"]] == span["text"]
    # a second correction keeps the first original
    assert correct(client, eid, factuality="reported").status_code == 201
    again = client.get(f"/api/events/{eid}").json()
    assert again["original"]["event_type"] == "CONSULT" and len(again["corrections"]) == len(view["corrections"]) + 1


def test_a_list_of_entities_corrects_a_compound_actor(serve: Any) -> None:
    client = serve()
    eid = event_id(client, "CONSULT", actor="TUR")
    coded = client.get(f"/api/events/{eid}").json()["event"]["actor"]
    # the coded actor kept as it is (an empty object), a second one added
    response = correct(client, eid, actor=[{}, {"name": "Georgia", "country": "GEO", "sector": "GOV"}])
    assert response.status_code == 201, response.text
    actors = response.json()["event"]["actor"]
    assert actors[0] == coded[0]
    assert [(a["name"], a["country"], a["sector"]) for a in actors[1:]] == [("Georgia", "GEO", "GOV")]
    assert [e["id"] for e in events(client, actor="GEO")] == [eid] == [e["id"] for e in events(client, actor="TUR")]
    edges = {(e["source"], e["target"]) for e in client.get("/api/network").json()["edges"]}
    assert {("TUR", "AZE"), ("GEO", "AZE")} <= edges
    # an empty list: no actor; too many entities: 422
    assert correct(client, eid, actor=[]).json()["event"]["actor"] == []
    assert correct(client, eid, actor=[{"country": "FRA"}] * 21).status_code == 422


def test_queries_use_the_corrected_values(serve: Any) -> None:
    client = serve()
    eid = event_id(client, "CONSULT", actor="TUR")
    assert correct(client, eid, actor={"country": "GEO"}, place={"name": "Tbilisi"}).status_code == 201
    assert [e["id"] for e in events(client, actor="GEO")] == [eid]
    assert events(client, actor="TUR") == []
    assert [e["id"] for e in events(client, place="tbilisi")] == [eid]
    places = client.get("/api/places", params={"place_country": "GEO"}).json()
    assert [p["name"] for p in places] == ["Tbilisi"] and places[0]["lat"] is not None
    edges = client.get("/api/network").json()["edges"]
    assert any(e["source"] == "GEO" and e["target"] == "AZE" for e in edges)
    assert not any(e["source"] == "TUR" for e in edges)


def test_exports_use_corrected_values_and_say_so(serve: Any) -> None:
    client = serve()
    eid = event_id(client, "SANCTION")
    assert correct(client, eid, recipient={"country": "IRQ", "name": "Iraq"}).status_code == 201
    client.server.__exit__()  # the server holds the database; exports read it after
    with EventStore.open(client.db_path, read_only=True) as store:
        jsonl, plover, csv = io.StringIO(), io.StringIO(), io.StringIO()
        store.export("jsonl", jsonl, EventFilters(event_type="SANCTION"))
        store.export("plover-jsonl", plover, EventFilters(event_type="SANCTION"))
        store.export("csv", csv, EventFilters(event_type="SANCTION"))
    (record,) = [json.loads(line) for line in jsonl.getvalue().splitlines()]
    assert record["corrected"] is True and record["recipient"][0]["country"] == "IRQ"
    (row,) = [json.loads(line) for line in plover.getvalue().splitlines()]
    assert row["corrected"] is True and row["recipient"][0]["code"] == "IRQ" and row["has_event"] is True
    header, line = csv.getvalue().splitlines()
    values = dict(zip(header.split(","), line.split(","), strict=False))
    assert values["corrected"] == "true" and values["recipient_country"] == "IRQ"


def test_not_an_event_is_hidden_from_lists_counts_and_exports(serve: Any) -> None:
    client = serve()
    eid = event_id(client, "AID")
    total = client.get("/api/events").json()["total"]
    assert correct(client, eid, not_event=True, note="a pledge, not a delivery").status_code == 201
    assert eid not in [e["id"] for e in events(client, limit=500)]
    assert client.get("/api/events").json()["total"] == total - 1
    shown = events(client, include_not_events="true", event_type="AID")
    assert [(e["id"], e["not_event"]) for e in shown] == [(eid, True)]
    assert client.get(f"/api/events/{eid}").json()["event"]["not_event"] is True
    assert client.get("/api/stats").json()["not_events"] == 1
    client.server.__exit__()
    with EventStore.open(client.db_path, read_only=True) as store:
        assert store.count_events(EventFilters(event_type="AID")) == 0
        out = io.StringIO()
        store.export("plover-jsonl", out, EventFilters(event_type="AID", include_not_events=True))
    assert json.loads(out.getvalue())["has_event"] is False


def test_mode_and_place_can_be_cleared_with_null(serve: Any) -> None:
    client = serve()
    eid = event_id(client, "COERCE")
    view = correct(client, eid, mode=None, place=None).json()
    assert view["event"]["mode"] is None and view["event"]["event_loc"] is None
    assert {c["field"] for c in view["corrections"]} >= {"mode", "place"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"event_type": "PARTY"}, "event_type"),
        ({"mode": "visit"}, "not a mode of ASSAULT"),
        ({"factuality": "probably"}, "factuality"),
        ({"date": "2024-13-01"}, "bad date"),
        ({"date": "next week"}, "date"),
        ({"actor": {"country": "XXX"}}, "unknown actor country"),
        ({"recipient": {"sector": "ZZZ"}}, "unknown recipient sector"),
        ({"colour": "red"}, "colour"),
        ({}, "nothing to correct"),
        ({"factuality": "reported"}, "nothing to correct"),
    ],
)
def test_invalid_corrections_are_422_and_change_nothing(serve: Any, body: dict[str, Any], message: str) -> None:
    client = serve()
    eid = event_id(client, "ASSAULT", actor="RUS")
    before = client.get(f"/api/events/{eid}").json()
    response = correct(client, eid, **body)
    assert response.status_code == 422 and message in response.json()["detail"]
    after = client.get(f"/api/events/{eid}").json()
    assert after == before and after["corrections"] == []


def test_correcting_an_unknown_event_is_404(serve: Any) -> None:
    assert correct(serve(), "no-such-event", factuality="negated").status_code == 404

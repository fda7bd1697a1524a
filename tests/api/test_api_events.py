"""GET /api/events over HTTP: filters, paging, sorting; hostile filter values are only data."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from api_helpers import events


def kinds(found: list[dict[str, Any]]) -> set[tuple[str, str | None]]:
    return {(e["event_type"], (e["actor"] or [{}])[0].get("country")) for e in found}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor": "RUS"}, {("ASSAULT", "RUS")}),
        ({"actor": "tur", "recipient": "AZE"}, {("CONSULT", "TUR")}),
        ({"event_type": "SANCTION"}, {("SANCTION", "EUR")}),
        ({"quad_class": 2}, {("AID", "JPN")}),
        ({"actor_sector": "cop"}, {("COERCE", "CHL")}),
        ({"recipient_name": "bayramov"}, {("CONSULT", "TUR")}),
        ({"actor_name": "XI JIN"}, {("CONSULT", "CHN")}),
        ({"place": "santiago"}, {("COERCE", "CHL")}),
        ({"place_country": "AZE"}, {("CONSULT", "TUR")}),
        ({"q": "HUMANITARIAN aid"}, {("AID", "JPN")}),
        ({"factuality": "reported", "recipient": "UKR"}, {("ASSAULT", "RUS")}),
        ({"since": "2024-03-12", "until": "2024-03-12"}, {("ASSAULT", "RUS")}),
        ({"since": "2024-04-02"}, {("PROTEST", "FRA"), ("COERCE", "CHL"), ("ACCUSE", "ARM"), ("ASSAULT", "AZE")}),
    ],
)
def test_filters_select_the_matching_events(api: httpx.Client, params: dict[str, Any], expected: set) -> None:
    assert kinds(events(api, **params)) == expected


def test_one_row_per_real_world_event_with_its_mention_count(api: httpx.Client) -> None:
    (consult,) = events(api, actor="TUR")
    assert consult["num_mentions"] == 2 and consult["corrected"] is False and consult["not_event"] is False


def test_paging_returns_slices_of_the_whole_list_and_the_total(api: httpx.Client) -> None:
    whole = api.get("/api/events", params={"limit": 500}).json()
    assert whole["total"] == len(whole["events"]) >= 8
    page = api.get("/api/events", params={"limit": 3, "offset": 2}).json()
    assert (page["total"], page["limit"], page["offset"]) == (whole["total"], 3, 2)
    assert [e["id"] for e in page["events"]] == [e["id"] for e in whole["events"][2:5]]
    beyond = api.get("/api/events", params={"offset": 1000}).json()
    assert beyond["events"] == [] and beyond["total"] == whole["total"]


def _day(event: dict[str, Any]) -> str:
    return (event["date"] or event["article"]["published"])[:7]


@pytest.mark.parametrize(
    ("sort", "key", "descending"),
    [
        ("date", _day, True),
        ("date-asc", _day, False),
        ("goldstein", lambda e: e["goldstein"], True),
        ("goldstein-asc", lambda e: e["goldstein"], False),
        ("mentions", lambda e: e["num_mentions"], True),
    ],
)
def test_sort_orders(api: httpx.Client, sort: str, key: Any, descending: bool) -> None:
    values = [key(e) for e in events(api, sort=sort, limit=500)]
    assert values == sorted(values, reverse=descending)


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0}, {"limit": 501}, {"offset": -1}, {"quad_class": 5}, {"sort": "random()"},
        {"since": "last week"}, {"event_type": "PARTY"}, {"factuality": "probably"}, {"actor": "AZE' OR 1=1 --"},
    ],
)
def test_bad_values_are_422_with_a_message(api: httpx.Client, params: dict[str, Any]) -> None:
    response = api.get("/api/events", params=params)
    assert response.status_code == 422
    assert isinstance(response.json()["detail"], str) and response.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x' OR '1'='1"},
        {"place": "%'; DROP TABLE events; --"},
        {"actor_name": "\\' UNION SELECT record FROM events --"},
        {"recipient_name": "_%"},
    ],
)
def test_sql_looking_values_match_nothing_and_break_nothing(api: httpx.Client, params: dict[str, Any]) -> None:
    before = api.get("/api/events").json()["total"]
    response = api.get("/api/events", params=params)
    assert response.status_code == 200 and response.json()["events"] == []
    assert api.get("/api/events").json()["total"] == before
    assert api.get("/api/events/' OR 1=1 --").status_code == 404

"""The counts behind the charts: a pair's time series, the network, places, actors, and the stats."""

from __future__ import annotations

from typing import Any

import pytest

from api_helpers import events


def test_series_counts_cooperation_and_conflict_per_period(api: Any) -> None:
    body = api.get("/api/series", params={"actor": "arm", "recipient": "AZE", "interval": "day"}).json()
    assert (body["actor"], body["recipient"], body["interval"]) == ("ARM", "AZE", "day")
    assert [p["period"] for p in body["points"]] == ["2024-05-05", "2024-05-06"]
    assert sum(p["conflict"] for p in body["points"]) == 2 and sum(p["cooperation"] for p in body["points"]) == 0
    assert all(p["goldstein_mean"] < 0 for p in body["points"])


def test_series_one_direction_and_month_labels(api: Any) -> None:
    one_way = api.get("/api/series", params={"actor": "ARM", "recipient": "AZE", "both_directions": "false"}).json()
    assert [(p["period"], p["start"], p["events"]) for p in one_way["points"]] == [("2024-05", "2024-05-01", 1)]
    tur = api.get("/api/series", params={"actor": "TUR", "recipient": "AZE", "interval": "week"}).json()
    assert [(p["period"], p["cooperation"]) for p in tur["points"]] == [("2024-W11", 1)]


def test_series_fills_empty_periods_between_events(api: Any) -> None:
    body = api.get("/api/series", params={"actor": "RUS", "recipient": "UKR", "interval": "month"}).json()
    assert [p["period"] for p in body["points"]] == ["2024-03"]
    both = api.get("/api/series", params={"actor": "UKR", "recipient": "JPN", "interval": "month"}).json()
    assert [p["period"] for p in both["points"]] == ["2024-02"]
    wide = api.get("/api/series", params={"actor": "CHN", "recipient": "RUS", "interval": "year"}).json()
    periods = [p["period"] for p in wide["points"]]
    assert periods[0] == "2023" and periods == [str(y) for y in range(2023, 2023 + len(periods))]


def test_series_needs_both_countries(api: Any) -> None:
    assert api.get("/api/series", params={"actor": "ARM"}).status_code == 422


def test_network_edges_and_nodes(api: Any) -> None:
    body = api.get("/api/network").json()
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert edges[("TUR", "AZE")]["cooperation"] == 1 and edges[("RUS", "UKR")]["conflict"] == 1
    assert {n["id"] for n in body["nodes"]} == {c for pair in edges for c in pair}
    conflict = api.get("/api/network", params={"quad_class": 4}).json()
    assert ("TUR", "AZE") not in {(e["source"], e["target"]) for e in conflict["edges"]}
    assert len(api.get("/api/network", params={"limit": 2}).json()["edges"]) == 2


def test_places_have_coordinates_and_follow_the_filters(api: Any) -> None:
    places = api.get("/api/places").json()
    assert {"Baku", "Santiago"} <= {p["name"] for p in places}
    assert all(isinstance(p["lat"], float) and isinstance(p["lon"], float) for p in places)
    chile = api.get("/api/places", params={"place_country": "CHL"}).json()
    assert [(p["name"], p["events"]) for p in chile] == [("Santiago", 1)]


@pytest.mark.parametrize("role", ["actor", "recipient", "any"])
def test_actors_are_counted_most_first(api: Any, role: str) -> None:
    rows = api.get("/api/actors", params={"role": role}).json()
    counts = [r["events"] for r in rows]
    assert rows and counts == sorted(counts, reverse=True)
    if role != "recipient":
        assert "TUR" in {r["country"] for r in rows}


def test_stats_match_the_event_list(api: Any) -> None:
    stats = api.get("/api/stats").json()
    assert stats["canonical_events"] == api.get("/api/events").json()["total"]
    assert stats["articles"] == 5 and stats["corrected_events"] == 0
    assert sum(stats["event_types"].values()) == len(events(api, limit=500))

"""The actor network from the store: every event once per country pair and once per country."""

from __future__ import annotations

from eventcoder.store import EventFilters, EventStore


def _edges(network: dict) -> dict[tuple[str, str], int]:
    return {(e["source"], e["target"]): e["events"] for e in network["edges"]}


def test_network_counts_the_written_articles(filled: EventStore) -> None:
    network = filled.network()
    edges = _edges(network)
    # two reports of one meeting are one canonical event; the Azerbaijani thanks and invitation go the other way
    assert edges[("TUR", "AZE")] == 1
    assert edges[("AZE", "TUR")] == 2
    assert edges[("RUS", "UKR")] == 1
    assert edges[("FRA", "FRA")] == 1  # a protest against its own government: a self-loop
    assert all(e["cooperation"] + e["conflict"] == e["events"] for e in network["edges"])
    nodes = {n["id"]: n["events"] for n in network["nodes"]}
    assert nodes["AZE"] == nodes["TUR"] == 3
    assert [n["events"] for n in network["nodes"]] == sorted(nodes.values(), reverse=True)


def test_a_compound_actor_counts_once_per_pair_and_once_per_country(filled: EventStore) -> None:
    # a joint Turkish-Azerbaijani statement to Azerbaijan and Ukraine: pairs TUR/AZE x AZE/UKR
    (event_id,) = filled.con.execute(
        "SELECT id FROM events WHERE is_canonical AND event_type = 'ASSAULT'").fetchone()
    filled.con.execute("UPDATE events SET actor_key = '|AZE|TUR|', recipient_key = '|AZE|UKR|' WHERE id = ?",
                       [event_id])
    network = filled.network()
    edges = _edges(network)
    assert edges[("AZE", "AZE")] == 1
    assert edges[("TUR", "UKR")] == 1 and edges[("AZE", "UKR")] == 1
    assert ("RUS", "UKR") not in edges
    nodes = {n["id"]: n["events"] for n in network["nodes"]}
    assert nodes["AZE"] == 4  # three before, and the compound event once although AZE is on both sides
    assert nodes["UKR"] == 1


def test_network_limits_and_filters(filled: EventStore) -> None:
    assert len(filled.network(limit=2)["edges"]) == 2
    top = filled.network(limit=1)
    assert _edges(top) == {("AZE", "TUR"): 2}
    assert {n["id"] for n in top["nodes"]} == {"AZE", "TUR"}
    assert _edges(filled.network(min_events=2)) == {("AZE", "TUR"): 2}
    conflict = filled.network(EventFilters(quad_class=4))
    assert set(_edges(conflict)) == {("RUS", "UKR"), ("FRA", "FRA"), ("CHL", "CHL")}
    assert filled.network(EventFilters(since="2030-01-01")) == {"nodes": [], "edges": []}
    # events with no actor or no recipient country are not in the network
    assert all("" not in pair for pair in _edges(filled.network()))

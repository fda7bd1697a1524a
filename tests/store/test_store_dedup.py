"""Deduplication in the store: near-duplicate articles and one canonical event per real-world event."""

from __future__ import annotations

from pathlib import Path

from store_helpers import OTHER_REPORT, WIRE, WIRE_EDITED, article, check_consistent, ingest, write_jsonl

from eventcoder.store import EventFilters, EventStore


def test_wire_copy_with_small_edits_is_linked_to_the_original(store: EventStore, coder, tmp_path: Path) -> None:
    ingest(store, coder, write_jsonl(tmp_path / "wire.jsonl", [
        article("orig", WIRE, url="https://wire.example/1", source="Wire"),
        article("copy", WIRE_EDITED, url="https://paper.example/copy", source="Paper"),
        article("same", WIRE, url="https://other.example/same", source="Other"),
    ]))
    rows = dict(store.con.execute("SELECT input_id, (canonical_id, duplicate_kind) FROM articles").fetchall())
    original = store.con.execute("SELECT id FROM articles WHERE input_id = 'orig'").fetchone()[0]
    assert rows["orig"] == (original, None)
    assert rows["copy"] == (original, "near")
    assert rows["same"] == (original, "exact")
    stats = store.stats()
    assert (stats["near_duplicates"], stats["exact_duplicates"], stats["canonical_articles"]) == (1, 1, 1)
    check_consistent(store)


def test_events_of_duplicate_articles_are_kept_but_not_counted(store: EventStore, coder, tmp_path: Path) -> None:
    ingest(store, coder, write_jsonl(tmp_path / "wire.jsonl", [
        article("orig", WIRE, url="https://wire.example/1", source="Wire"),
        article("copy", WIRE_EDITED, url="https://paper.example/copy", source="Paper"),
    ]))
    (meeting,) = store.query_events(EventFilters(event_type="CONSULT", actor="TUR", recipient="AZE"))
    assert (meeting["num_mentions"], meeting["num_articles"], meeting["num_sources"]) == (1, 1, 1)
    mentions = store.event(meeting["id"])["mentions"]
    assert [m["from_duplicate"] for m in mentions] == [False, True]
    every = store.query_events(EventFilters(canonical_only=False, event_type="CONSULT", actor="TUR"))
    assert len(every) == 2 and sum(e["from_duplicate"] for e in every) == 1


def test_same_event_from_two_outlets_is_one_canonical_event_with_gdelt_counts(
    store: EventStore, coder, tmp_path: Path
) -> None:
    ingest(store, coder, write_jsonl(tmp_path / "two.jsonl", [
        article("a", WIRE, url="https://wire.example/1", source="Wire"),
        article("b", OTHER_REPORT, url="https://paper.example/2", source="Paper", published="2024-03-14"),
    ]))
    (meeting,) = store.query_events(EventFilters(event_type="CONSULT", actor="TUR", recipient="AZE"))
    assert (meeting["num_mentions"], meeting["num_sources"], meeting["num_articles"]) == (2, 2, 2)
    mentions = store.event(meeting["id"])["mentions"]
    assert [(m["source"], m["trigger"]["text"]) for m in mentions] == [("Wire", "met"), ("Paper", "held talks")]
    assert all(m["sentence"]["span"][0] <= m["trigger"]["span"][0] for m in mentions)
    check_consistent(store)


def test_a_later_batch_merges_into_an_earlier_canonical_event(store: EventStore, coder, tmp_path: Path) -> None:
    ingest(store, coder, write_jsonl(tmp_path / "one.jsonl", [article("a", WIRE, url="https://wire.example/1")]))
    ingest(store, coder, write_jsonl(tmp_path / "two.jsonl", [
        article("b", OTHER_REPORT, url="https://paper.example/2", source="Paper"),
    ]))
    (meeting,) = store.query_events(EventFilters(event_type="CONSULT", actor="TUR", recipient="AZE"))
    assert meeting["num_mentions"] == 2 and meeting["article"]["url"] == "https://wire.example/1"


def test_a_negated_report_stays_a_separate_event(store: EventStore, coder, tmp_path: Path) -> None:
    denial = "Turkish Foreign Minister Hakan Fidan did not meet Azerbaijani Foreign Minister Jeyhun Bayramov in Baku on Monday."
    ingest(store, coder, write_jsonl(tmp_path / "neg.jsonl", [
        article("a", OTHER_REPORT, url="https://paper.example/2"),
        article("b", denial, url="https://paper.example/3"),
    ]))
    events = store.query_events(EventFilters(event_type="CONSULT", actor="TUR"))
    assert sorted(e["factuality"] for e in events) == ["asserted", "negated"]
    assert all(e["num_mentions"] == 1 for e in events)

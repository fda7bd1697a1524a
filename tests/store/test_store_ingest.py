"""Ingesting into the store: idempotence, article identity, failures, events kept in context."""

from __future__ import annotations

from pathlib import Path

from store_helpers import (
    OTHER_REPORT,
    PROTEST,
    WIRE,
    article,
    check_consistent,
    ingest,
    snapshot,
    table_counts,
    write_jsonl,
)

from eventcoder.store import EventFilters, EventStore, article_key
from eventcoder.types import Article


def test_ingesting_the_same_input_twice_changes_nothing(store: EventStore, coder, tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [
        article("w1", WIRE, url="https://wire.example/1", source="Wire"),
        article("p1", PROTEST),
        "{not json",
        article("e1", ""),
    ])
    first = ingest(store, coder, corpus)
    before = snapshot(store), table_counts(store)
    second = ingest(store, coder, corpus)
    assert (snapshot(store), table_counts(store)) == before
    assert first.counts.articles_stored == 2 and first.failed == 2
    assert second.counts.articles_stored == 0 and second.already_stored == 2 and second.counts.events == 0
    assert [r["status"] for r in (store.run(first.run_id), store.run(second.run_id))] == ["finished", "finished"]
    check_consistent(store)


def test_article_is_identified_by_url_else_by_its_normalised_text(store: EventStore, coder, tmp_path: Path) -> None:
    ingest(store, coder, write_jsonl(tmp_path / "a.jsonl", [
        article("x", PROTEST),
        article("y", OTHER_REPORT, url="https://paper.example/talks"),
    ]))
    again = ingest(store, coder, write_jsonl(tmp_path / "b.jsonl", [
        article("renamed", "  " + PROTEST.upper().replace(". ", ".\n\n") + "  "),  # same words, other case/spacing
        article("changed", OTHER_REPORT + " Updated.", url="HTTPS://Paper.example/talks#comments"),
    ]))
    assert again.already_stored == 2 and again.counts.articles_stored == 0
    assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_article_key_uses_the_url_when_there_is_one() -> None:
    with_url = Article("a", "Some text.", url="https://example.org/a")
    assert article_key(with_url) == article_key(Article("b", "Other text.", url="https://EXAMPLE.org/a#top"))
    assert article_key(Article("a", "Some text.")) != article_key(with_url)


def test_stored_event_can_be_shown_in_its_article(store: EventStore, coder, tmp_path: Path) -> None:
    ingest(store, coder, write_jsonl(tmp_path / "c.jsonl", [article("w1", WIRE, url="https://wire.example/1")]))
    (attack,) = store.query_events(EventFilters(event_type="ASSAULT"))
    detail = store.event(attack["id"])
    assert detail is not None
    text = detail["article"]["text"]
    start, end = detail["trigger"]["span"]
    assert text[start:end] == detail["trigger"]["text"] == "attacked"
    assert detail["article"]["input_id"] == "w1" and detail["article"]["url"] == "https://wire.example/1"
    (mention,) = detail["mentions"]
    assert mention["sentence"]["text"] == detail["sentence"]["text"]
    assert text[slice(*mention["sentence"]["span"])] == mention["sentence"]["text"]


def test_failures_are_recorded_once_with_their_reason(store: EventStore, coder, tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "bad.jsonl", ["{oops", article("empty", "   ")])
    summary = ingest(store, coder, corpus)
    ingest(store, coder, corpus)
    failures = store.failures()
    assert summary.failed == 2
    assert [(f["article_id"], f["reason"].split(" (")[0]) for f in failures] == [
        ("bad.jsonl:1", "not valid JSON"),
        ("empty", "empty article"),
    ]
    assert failures[0]["source"] == f"{corpus}:1"


def test_events_keep_the_coder_ids_for_articles_stored_under_their_key(store: EventStore, coder) -> None:
    text = OTHER_REPORT
    key = article_key(Article("k", text))
    coded = coder.code(text, published="2024-03-15", id=key)
    run = store.start_run("test")
    store.ingest([(Article(key, text, "2024-03-15"), coded)], run)
    stored = {r["id"] for r in store.query_events()}
    assert stored == {e.id for e in coded}

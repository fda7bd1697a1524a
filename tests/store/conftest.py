"""Fixtures for the store tests: a real DuckDB file per test, the session's real Coder, and a store
filled with three written articles (two reports of one event, one protest)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store_helpers import OTHER_REPORT, PROTEST, WIRE, article, ingest, write_jsonl

from eventcoder.store import EventStore


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture
def store(db_path: Path) -> Iterator[EventStore]:
    with EventStore.open(db_path) as opened:
        yield opened


@pytest.fixture
def filled(store: EventStore, coder, tmp_path: Path) -> EventStore:
    ingest(store, coder, write_jsonl(tmp_path / "corpus.jsonl", [
        article("wire", WIRE, url="https://wire.example/1", source="Wire"),
        article("paper", OTHER_REPORT, url="https://paper.example/2", source="Paper"),
        article("protest", PROTEST, source="Paper", published="2024-04-02"),
    ]))
    return store

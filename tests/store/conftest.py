"""Fixtures for the store tests: a real DuckDB file per test, the session's real Coder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventcoder.store import EventStore


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture
def store(db_path: Path) -> Iterator[EventStore]:
    with EventStore.open(db_path) as opened:
        yield opened

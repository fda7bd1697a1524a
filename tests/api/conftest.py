"""Fixtures for the API tests: a DuckDB seeded once through the real coder, copied per server; real uvicorn servers.

Every test talks HTTP to a uvicorn server running in a thread on a free port.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from api_helpers import ARTICLES, Server

from eventcoder.api import create_app
from eventcoder.store import EventStore, ingest_items


@pytest.fixture(scope="session")
def seeded_db(coder: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template database (never served itself: servers get copies)."""
    path = tmp_path_factory.mktemp("api-seed") / "events.duckdb"
    with EventStore.open(path) as store:
        run = store.start_run("test", [a.id for a in ARTICLES])
        ingest_items(store, coder, ARTICLES, run)
        store.finish_run(run)
    return path


ServeFactory = Callable[..., httpx.Client]


@pytest.fixture
def serve(seeded_db: Path, coder: Any, tmp_path: Path) -> Iterator[ServeFactory]:
    """serve(**create_app options) -> an httpx client of a fresh server on a fresh copy of the seeded database."""
    stack: list[tuple[Server, httpx.Client]] = []

    def start(**options: Any) -> httpx.Client:
        path = tmp_path / f"served-{len(stack)}.duckdb"
        shutil.copy(seeded_db, path)
        options.setdefault("coder_factory", lambda: coder)
        server = Server(create_app(path, **options)).__enter__()
        client = httpx.Client(base_url=server.url, timeout=60)
        client.db_path = path  # type: ignore[attr-defined]
        client.server = server  # type: ignore[attr-defined]  # a test may stop it early to read the file
        stack.append((server, client))
        return client

    yield start
    for server, client in reversed(stack):
        client.close()
        server.__exit__()


@pytest.fixture(scope="module")
def api(seeded_db: Path, coder: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A module's shared server, for tests that only read."""
    path = tmp_path_factory.mktemp("api-read") / "events.duckdb"
    shutil.copy(seeded_db, path)
    with Server(create_app(path, coder_factory=lambda: coder)) as server, \
            httpx.Client(base_url=server.url, timeout=60) as client:
        yield client

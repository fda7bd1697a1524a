"""Fixtures for the browser tests: a DuckDB store seeded by ingesting our own articles with the real Coder,
the real app served by uvicorn on a free loopback port, and Debian's headless chromium driven by Playwright.

The module is skipped (with the reason) when /usr/bin/chromium, the npm packages (setup.sh runs `npm ci`)
or the playwright package is missing; `.ci/run` installs all three.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from web_helpers import CHROMIUM, CHROMIUM_ARGS, MISSING, Session, is_local, write_corpus


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory, coder: Any) -> Path:
    """A closed DuckDB file holding the ingested test articles (copied per test, so tests stay independent)."""
    from eventcoder.store import EventStore, ingest_paths

    root = tmp_path_factory.mktemp("webdb")
    corpus = write_corpus(root / "articles.jsonl")
    path = root / "seed.duckdb"
    with EventStore.open(path) as store:
        summary = ingest_paths(store, coder, [str(corpus)])
    assert summary.failed == 0 and summary.counts.events > 0, summary.as_dict()
    return path


@dataclass
class Served:
    """A running app: its base URL and the token it was started with (None: writes are open)."""

    base: str
    db_path: Path
    token: str | None
    server: Any = field(repr=False)
    thread: threading.Thread = field(repr=False)


def _serve(db_path: Path, coder: Any, token: str | None) -> Served:
    import uvicorn

    from eventcoder.api.app import create_app

    app = create_app(db_path, token=token, writes_need_token=token is not None, coder_factory=lambda: coder)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="auto"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="uvicorn-web-test")
    thread.start()
    started = threading.Event()
    for _ in range(600):  # wait for start-up (or for the thread to die with its error)
        if server.started or not thread.is_alive():
            break
        started.wait(0.05)
    if not server.started:
        server.should_exit = True
        raise RuntimeError("the app did not start (see the captured log above)")
    return Served(f"http://127.0.0.1:{port}", db_path, token, server, thread)


def _stop(served: Served) -> None:
    served.server.should_exit = True
    served.thread.join(30)


@pytest.fixture
def app_server(seeded_db: Path, tmp_path: Path, coder: Any) -> Iterator[Served]:
    """The app over a fresh copy of the seeded database; writes need no token (bound to 127.0.0.1)."""
    db = tmp_path / "events.duckdb"
    shutil.copyfile(seeded_db, db)
    served = _serve(db, coder, None)
    yield served
    _stop(served)


@pytest.fixture
def token_server(seeded_db: Path, tmp_path: Path, coder: Any) -> Iterator[Served]:
    """The app as if bound to a public address: write endpoints need `Authorization: Bearer <token>`."""
    db = tmp_path / "events.duckdb"
    shutil.copyfile(seeded_db, db)
    served = _serve(db, coder, "s3cret-test-token")
    yield served
    _stop(served)


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the tests save screenshots: $EVENTCODER_SCREENSHOTS, else a pytest temporary directory."""
    configured = os.environ.get("EVENTCODER_SCREENSHOTS")
    path = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    _SHOT_DIRS.add(str(path))
    return path


_SHOT_DIRS: set[str] = set()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for path in sorted(_SHOT_DIRS):
        terminalreporter.write_line(f"web UI screenshots: {path}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if MISSING:
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def web(browser: Any, app_server: Served) -> Iterator[Session]:
    yield from _session(browser, app_server)


@pytest.fixture
def token_web(browser: Any, token_server: Served) -> Iterator[Session]:
    yield from _session(browser, token_server)


def _session(browser: Any, served: Served) -> Iterator[Session]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=served.base)
    page = context.new_page()
    session = Session(page, served.base)

    def route(route: Any) -> None:  # record every request; let none leave this machine
        session.requests.append(route.request.url)
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)
    page.on("console", lambda m: session.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: session.page_errors.append(str(e)))
    page.set_default_timeout(20_000)
    yield session
    context.close()
    assert session.external() == [], f"requests left 127.0.0.1: {session.external()}"
    assert session.page_errors == [], f"uncaught errors in the page: {session.page_errors}"

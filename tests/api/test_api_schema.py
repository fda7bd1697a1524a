"""Schemathesis over /openapi.json: generated requests to every operation never get a server error.

(Schemathesis' lazy pytest loader does not run under pytest 9, so each operation's
Hypothesis strategy is driven here directly, through HTTP to a live server.)
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from api_helpers import Server

from eventcoder.api import create_app

OPERATIONS = [
    ("GET", "/api/events"),
    ("GET", "/api/events/{event_id}"),
    ("GET", "/api/events/{event_id}/corrections"),
    ("POST", "/api/events/{event_id}/corrections"),
    ("GET", "/api/actors"),
    ("GET", "/api/series"),
    ("GET", "/api/network"),
    ("GET", "/api/places"),
    ("GET", "/api/stats"),
    ("POST", "/api/code"),
    ("POST", "/api/articles"),
]


@pytest.fixture(scope="module")
def served(seeded_db: Path, coder: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    path = tmp_path_factory.mktemp("api-fuzz") / "events.duckdb"
    shutil.copy(seeded_db, path)
    with Server(create_app(path, coder_factory=lambda: coder)) as server:
        yield server


@pytest.fixture(scope="module")
def api_schema(served: Server) -> Any:
    return schemathesis.openapi.from_url(f"{served.url}/openapi.json")


@pytest.fixture(scope="module")
def stored_ids(served: Server) -> list[str]:
    """Ids of stored events: generated event ids would almost never exist (404 is tested elsewhere)."""
    return [e["id"] for e in httpx.get(f"{served.url}/api/events", params={"limit": 500}).json()["events"]]


def test_every_operation_is_exercised(api_schema: Any) -> None:
    found = {(r.ok().method.upper(), r.ok().path) for r in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


# valid inputs, then invalid ones (which must get 4xx, never 5xx); bounded to keep the run under a minute
MODES = [(schemathesis.GenerationMode.POSITIVE, 20), (schemathesis.GenerationMode.NEGATIVE, 8)]


@pytest.mark.parametrize(("mode", "examples"), MODES, ids=["valid", "invalid"])
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_no_server_errors(
    api_schema: Any, stored_ids: list[str], method: str, path: str, mode: Any, examples: int
) -> None:
    if path == "/api/stats" and mode == schemathesis.GenerationMode.NEGATIVE:
        pytest.skip("no input to make invalid")
    operation = api_schema[path][method]
    picks = iter(stored_ids * 100)

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
              database=None)
    def check(case: Any) -> None:
        if "event_id" in (case.path_parameters or {}):
            case.path_parameters["event_id"] = next(picks)
        response = case.call(timeout=60)
        case.validate_response(response, checks=[not_a_server_error])

    check()

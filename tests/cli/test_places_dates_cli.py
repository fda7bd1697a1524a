"""`eventcoder places` and `eventcoder dates` end to end: a real subprocess, the real model and gazetteer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import eventcoder.cli

SRC = Path(eventcoder.cli.__file__).resolve().parents[2]

ARTICLE = {
    "id": "tbilisi-1",
    "published": "2024-01-01",
    "text": (
        "Georgia's prime minister met Turkish officials in Tbilisi on Friday. "
        "The two governments will sign a transit deal next month."
    ),
}
PLACE_FIELDS = {
    "article", "entity_text", "span", "name", "geonameid", "lat", "lon", "country", "admin1", "feature_code", "score",
}


def eventcoder(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-m", "eventcoder.cli.main", *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8", env=env, check=False,
    )


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    return path


def test_places_prints_one_resolved_record_per_toponym(feed: Path) -> None:
    result = eventcoder("places", str(feed), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    by_text = {r["entity_text"]: r for r in recs}
    assert set(by_text) == {"Georgia", "Turkish", "Tbilisi"}
    for r in recs:
        assert set(r) == PLACE_FIELDS
        assert r["article"] == {"id": "tbilisi-1"}
        assert ARTICLE["text"][r["span"][0] : r["span"][1]] == r["entity_text"]
        assert 0.0 <= r["score"] <= 1.0
    assert (by_text["Georgia"]["country"], by_text["Georgia"]["feature_code"]) == ("GEO", "PCLI")
    assert (by_text["Turkish"]["name"], by_text["Turkish"]["country"]) == ("Turkey", "TUR")
    assert by_text["Tbilisi"]["geonameid"] == 611717


def test_dates_prints_one_resolved_record_per_expression(feed: Path) -> None:
    result = eventcoder("dates", str(feed), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["value"], r["precision"]) for r in recs] == [
        ("Friday", "2023-12-29", "day"),
        ("next month", "2024-02", "month"),
    ]
    for r in recs:
        assert set(r) == {"article", "text", "span", "value", "precision"}
        assert ARTICLE["text"][r["span"][0] : r["span"][1]] == r["text"]


def test_table_format_lists_the_article_and_its_items(feed: Path) -> None:
    result = eventcoder("places", str(feed), "--format", "table")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("== tbilisi-1 (2024-01-01)")
    assert "Tbilisi" in result.stdout and "GEO" in result.stdout


def test_a_bad_article_fails_alone_with_exit_1(tmp_path: Path, feed: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary\x00")
    result = eventcoder("dates", str(bad), str(feed), "--format", "jsonl")
    assert result.returncode == 1
    assert f"eventcoder: bad.txt ({bad}): binary content, not text" in result.stderr
    assert {json.loads(line)["article"]["id"] for line in result.stdout.splitlines()} == {"tbilisi-1"}
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["places", "dates"])
def test_usage_errors_exit_2(feed: Path, command: str) -> None:
    result = eventcoder(command, str(feed), "--published", "2024-02-30")
    assert result.returncode == 2
    assert "bad --published date" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_stdin_text_uses_the_published_option() -> None:
    result = eventcoder("dates", "-", "--published", "2024-03-01", "--format", "jsonl",
                        stdin="Protesters gathered outside parliament yesterday.")
    assert result.returncode == 0, result.stderr
    rec = json.loads(result.stdout)
    assert (rec["article"]["id"], rec["value"]) == ("stdin", "2024-02-29")

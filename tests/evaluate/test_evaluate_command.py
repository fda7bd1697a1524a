"""`eventcoder evaluate` end to end: `run()` on tiny gold files we wrote, with the real Coder."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

import eventcoder.pipeline
from eventcoder.cli import evaluate
from eventcoder.errors import DataFileError, UsageError
from eventcoder.pipeline import Coder


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    evaluate.register(parser.add_subparsers())
    return parser.parse_args(["evaluate", *argv])


@pytest.fixture
def shared_coder(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> Coder:
    """`run()` builds its own Coder; hand it the session's (the real one) instead of loading another."""
    monkeypatch.setattr(eventcoder.pipeline, "Coder", lambda model=None: coder)
    return coder


def test_events_json_over_both_gold_forms(
    shared_coder: Coder, fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert evaluate.run(parse(str(fixtures / "mini-gold.jsonl"), "--format", "json", "--errors")) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["task"] == "events" and report["records"] == 3
    assert report["forms"] == {"eventcoder": 2, "plover": 1} and report["gold_events"] == 2
    assert report["no_event"]["records"] == 1
    assert report["plover_gsr"]["top_type"]["total"] == 1
    assert set(report["fields"]) >= {"actor_country", "factuality", "date", "place", "attribution"}
    counted = report["micro"]["tp"] + report["micro"]["fp"]
    assert counted == report["predicted_events"]
    assert len(report["errors"]) == sum(report["error_counts"].values())


def test_events_table_with_errors(shared_coder: Coder, fixtures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate.run(parse(str(fixtures / "mini-gold.jsonl"), "--errors", "--limit", "2")) == 0
    out = capsys.readouterr().out
    assert "records 2 (eventcoder 2)" in out
    assert "micro" in out and "confusion (rows gold" in out and "every error" in out
    assert "PLOVER-GSR" not in out


@pytest.mark.parametrize(
    ("task", "fixture", "keys"),
    [
        ("places", "mini-places.jsonl", {"found", "precision", "within_161km", "mean_error_km"}),
        ("dates", "mini-dates.jsonl", {"found", "found_exact_value", "precision"}),
    ],
)
def test_places_and_dates_tasks(shared_coder: Coder, fixtures: Path, capsys: pytest.CaptureFixture[str],
                                task: str, fixture: str, keys: set[str]) -> None:
    assert evaluate.run(parse(str(fixtures / fixture), "--task", task, "--format", "json")) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["task"] == task and report["articles"] == 1 and keys <= set(report)


def test_missing_gold_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        evaluate.run(parse(str(tmp_path / "absent.jsonl")))


def test_malformed_gold_names_the_line_before_loading_the_coder(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "Talks resumed.", "events": [{"event_type": "TALK"}]}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad.jsonl:1: .*unknown event_type"):
        evaluate.run(parse(str(path)))

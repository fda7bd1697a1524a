"""`eventcoder code` end to end: a real subprocess, the real Coder and spaCy model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import eventcoder.cli

SRC = Path(eventcoder.cli.__file__).resolve().parents[2]

GOOD = (
    "The foreign ministers of Norway and Chile met in Oslo on Monday. "
    "Police arrested dozens of protesters in Santiago on Tuesday."
)


def eventcoder(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-m", "eventcoder.cli.main", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_good_and_bad_article_exit_1_with_good_output(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary\x00")
    result = eventcoder("code", str(bad), str(good), "--published", "2023-11-06", "--format", "jsonl")
    assert result.returncode == 1, result.stderr
    out = records(result.stdout)
    assert out, "the good article produced no events"
    assert {r["article"]["id"] for r in out} == {"good.txt"}
    assert all(r["article"]["published"] == "2023-11-06" for r in out)
    assert f"eventcoder: bad.txt ({bad}): binary content, not text" in result.stderr.splitlines()
    assert "failed" in result.stderr.splitlines()[-1]
    assert "Traceback" not in result.stderr


def test_stdin_text_is_coded_as_article_stdin() -> None:
    result = eventcoder("code", "-", "--published", "2024-03-15", "--format", "jsonl", stdin=GOOD.encode())
    assert result.returncode == 0, result.stderr
    out = records(result.stdout)
    assert out and {r["article"]["id"] for r in out} == {"stdin"}


def test_jsonl_with_a_malformed_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a1", "text": GOOD}) + "\n[1, 2]\n", encoding="utf-8")
    result = eventcoder("code", str(feed), "--published", "2023-11-06", "--format", "json")
    assert result.returncode == 1
    assert {r["article"]["id"] for r in json.loads(result.stdout)} == {"a1"}
    assert f"eventcoder: feed.jsonl:2 ({feed}:2): not a JSON object (found an array)" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--published", "2023-02-30"], "bad --published date"),
        (["--published", "yesterday"], "bad --published date"),
        (["--format", "xml"], "invalid choice: 'xml'"),
        (["--model", "xx_not_an_installed_pipeline"], "spaCy model 'xx_not_an_installed_pipeline' is not installed"),
    ],
)
def test_usage_errors_exit_2_without_traceback(tmp_path: Path, args: list[str], message: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = eventcoder("code", str(good), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    feed = tmp_path / "many.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for i in range(400):
            f.write(json.dumps({"id": f"n{i}", "text": GOOD}) + "\n")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventcoder.cli.main", "code", str(feed), "--published", "2023-11-06"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    proc.wait()
    assert json.loads(first)["article"]["id"] == "n0"
    assert "Traceback" not in err and "BrokenPipe" not in err

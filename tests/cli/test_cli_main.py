"""The command line in-process, with a stand-in Coder: reading, reporting, formats, exit statuses."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from eventcoder.cli.main import main

GOOD = "Diplomats from Norway and Peru met in Lima on Monday."


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "f1", "text": "Protesters marched."}) + "\n{oops\n" + json.dumps({"text": "Talks."}) + "\n",
        encoding="utf-8",
    )
    return {"good": good, "empty": empty, "feed": feed}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_all_coded_exits_0_with_jsonl_and_a_summary(fake_coder, files, capsys) -> None:
    status, out, err = run(["code", str(files["good"]), "--published", "2023-11-04", "--source", "Wire"], capsys)
    assert status == 0
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["article"] == {"id": "good.txt", "source": "Wire", "url": None, "published": "2023-11-04"}
    assert err == "eventcoder: 1 article coded, 1 event, 0 failed\n"


def test_bad_article_is_named_on_stderr_and_the_rest_still_coded(fake_coder, files, capsys) -> None:
    argv = ["code", str(files["empty"]), str(files["good"]), str(files["feed"]), str(files["good"].parent / "x.pdf")]
    status, out, err = run(argv, capsys)
    assert status == 1
    assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == ["good.txt", "f1", "feed.jsonl:3"]
    lines = err.splitlines()
    assert lines[0] == f"eventcoder: empty.txt ({files['empty']}): empty article (no text after cleaning)"
    assert lines[1].startswith(f"eventcoder: feed.jsonl:2 ({files['feed']}:2): not valid JSON")
    assert lines[2] == f"eventcoder: {files['good'].parent / 'x.pdf'}: no such file"
    assert lines[3] == "eventcoder: 3 articles coded, 3 events, 3 failed"
    assert "Traceback" not in err


def test_quiet_drops_the_summary_but_not_failures(fake_coder, files, capsys) -> None:
    status, _, err = run(["code", "--quiet", str(files["empty"])], capsys)
    assert status == 1
    assert err.splitlines() == [f"eventcoder: empty.txt ({files['empty']}): empty article (no text after cleaning)"]


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("json", lambda out: [r["article"]["id"] for r in json.loads(out)] == ["good.txt"]),
        ("csv", lambda out: [r["article_id"] for r in csv.DictReader(io.StringIO(out))] == ["good.txt"]),
        ("table", lambda out: out.startswith("good.txt") and "CONSULT/meet" in out),
        ("jsonl", lambda out: json.loads(out)["trigger"]["text"] == "Diplomats"),
    ],
)
def test_each_format(fake_coder, files, capsys, fmt, check) -> None:
    status, out, _ = run(["code", "--format", fmt, str(files["good"])], capsys)
    assert status == 0 and check(out)


def test_stdin_dash(fake_coder, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    status, out, _ = run(["code", "-", "--published", "2024-03-15"], capsys)
    assert status == 0
    record = json.loads(out)
    assert (record["article"]["id"], record["article"]["published"]) == ("stdin", "2024-03-15")


def test_options_reach_the_coder(fake_coder, files, tmp_path, capsys) -> None:
    actors = tmp_path / "actors.csv"
    patterns = tmp_path / "patterns.jsonl"
    actors.write_text("x", encoding="utf-8")
    patterns.write_text("x", encoding="utf-8")
    argv = ["-v", "code", str(files["good"]), "--model", "my_model"]
    argv += ["--actors", str(actors), "--patterns", str(patterns)]
    assert run(argv, capsys)[0] == 0
    (coder,) = fake_coder.instances
    assert (coder.model, coder.actor_files, coder.pattern_files) == ("my_model", [str(actors)], [str(patterns)])


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["code", "{good}", "--model", "no_such_model"], "spaCy model 'no_such_model' is not installed"),
        (["code", "{good}", "--published", "2023-11-31"], "bad --published date '2023-11-31'"),
        (["code", "{good}", "--actors", "{missing}"], "--actors {missing}: no such file"),
        (["code", "{good}", "--patterns", "{broken}"], "{broken}:3: pattern has no 'event_type'"),
        (["code", "-", "-"], "standard input (-) can only be read once"),
    ],
)
def test_user_mistakes_exit_2_with_one_line(fake_coder, files, tmp_path, capsys, argv, message) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{}", encoding="utf-8")
    names = {"good": files["good"], "missing": tmp_path / "nope.csv", "broken": broken}
    status, out, err = run([a.format(**names) for a in argv], capsys)
    assert status == 2 and out == ""
    assert err.startswith(f"eventcoder: error: {message.format(**names)}")
    assert err.count("\n") == 1 and err.endswith("\n")


@pytest.mark.parametrize(
    "argv",
    [["code", "a.txt", "--format", "xml"], ["code"], ["code", "a.txt", "--bogus"], [], ["frobnicate"]],
)
def test_argparse_errors_exit_2(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("eventcoder ")

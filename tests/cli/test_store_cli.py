"""`eventcoder ingest | events | stats | export` in-process, with the session's real Coder and a real DuckDB file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

import eventcoder.pipeline
from eventcoder.cli.main import main
from eventcoder.store import EventStore, ingest_paths

WIRE = ("Turkish Foreign Minister Hakan Fidan met his Azerbaijani counterpart Jeyhun Bayramov in Baku on Monday. "
        "Russian forces attacked Kharkiv on Tuesday.")
OTHER = "Turkey's foreign minister Hakan Fidan held talks with Azerbaijan's Jeyhun Bayramov in Baku on Monday."


@pytest.fixture
def real_coder(coder, monkeypatch: pytest.MonkeyPatch):
    """`eventcoder ingest` builds a Coder; hand it the session's instead of loading the model again."""
    monkeypatch.setattr(eventcoder.pipeline, "Coder", lambda **kwargs: coder)
    return coder


def write_corpus(folder: Path) -> Path:
    path = folder / "corpus.jsonl"
    rows = [
        {"id": "a", "text": WIRE, "published": "2024-03-15", "source": "Wire", "url": "https://wire.example/a"},
        {"id": "b", "text": OTHER, "published": "2024-03-14", "source": "Paper", "url": "https://paper.example/b"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path)


@pytest.fixture(scope="module")
def db(coder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database for the read-only commands, filled through the library (the CLI's own path is tested above)."""
    folder = tmp_path_factory.mktemp("store-cli")
    path = folder / "events.duckdb"
    with EventStore.open(path) as store:
        ingest_paths(store, coder, [str(write_corpus(folder))])
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_ingest_prints_a_summary_and_is_idempotent(tmp_path: Path, corpus: Path, real_coder, capsys) -> None:
    db = tmp_path / "x.duckdb"
    status, _, err = run(["ingest", str(corpus), "--db", str(db)], capsys)
    assert status == 0
    assert err == (f"eventcoder: 2 articles stored (0 duplicates), 0 already stored, 3 events (2 new canonical), "
                   f"0 failed; database {db}\n")
    status, _, err = run(["ingest", str(corpus), "--db", str(db)], capsys)
    assert status == 0 and "0 articles stored (0 duplicates), 2 already stored, 0 events" in err


def test_ingest_names_bad_inputs_and_exits_1(tmp_path: Path, real_coder, capsys) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    good = tmp_path / "good.txt"
    good.write_text(OTHER, encoding="utf-8")
    status, _, err = run(["ingest", str(bad), str(good), "--db", str(tmp_path / "y.duckdb")], capsys)
    assert status == 1
    assert err.splitlines()[0] == f"eventcoder: bad.txt ({bad}): binary content, not text"
    assert "1 articles stored" in err and "1 failed" in err


def test_events_filters_and_formats(db: Path, capsys) -> None:
    status, out, _ = run(["events", "--db", str(db), "--actor", "TUR", "--format", "jsonl"], capsys)
    assert status == 0
    (meeting,) = [json.loads(line) for line in out.splitlines()]
    assert (meeting["event_type"], meeting["num_mentions"], meeting["num_sources"]) == ("CONSULT", 2, 2)
    _, out, _ = run(["events", "--db", str(db), "--type", "ASSAULT", "--format", "csv"], capsys)
    assert [r["actor_country"] for r in csv.DictReader(io.StringIO(out))] == ["RUS"]
    _, out, _ = run(["events", "--db", str(db), "--format", "table", "--since", "2024-03-12"], capsys)
    assert out.startswith("2024-03-12   ASSAULT") and "Russia [RUS MIL] → Kharkiv [UKR]" in out
    _, out, _ = run(["events", "--db", str(db), "--all", "--format", "jsonl"], capsys)
    assert len(out.splitlines()) == 3
    _, out, _ = run(["events", "--db", str(db), "--recipient", "FRA", "--format", "table"], capsys)
    assert out == "(no events)\n"


def test_stats_as_json_and_table(db: Path, capsys) -> None:
    status, out, _ = run(["stats", "--db", str(db), "--format", "json"], capsys)
    stats = json.loads(out)
    assert status == 0
    assert (stats["articles"], stats["events"], stats["canonical_events"], stats["mentions"]) == (2, 3, 2, 3)
    _, out, _ = run(["stats", "--db", str(db)], capsys)
    assert "canonical events  " in out and "CONSULT" in out


def rows_of(relation: duckdb.DuckDBPyRelation) -> int:
    return len(relation.fetchall())


@pytest.mark.parametrize(
    ("fmt", "read"),
    [
        ("parquet", lambda p: pq.read_table(p).num_rows),
        ("csv", lambda p: rows_of(duckdb.read_csv(str(p), header=True))),
        ("gdelt-tsv", lambda p: pacsv.read_csv(p, read_options=pacsv.ReadOptions(autogenerate_column_names=True),
                                                parse_options=pacsv.ParseOptions(delimiter="\t")).num_rows),
        ("plover-jsonl", lambda p: rows_of(duckdb.read_json(str(p), format="newline_delimited"))),
    ],
)
def test_export_formats_load_in_users_tools(db: Path, tmp_path: Path, capsys, fmt: str, read) -> None:
    out = tmp_path / f"export.{fmt}"
    status, _, err = run(["export", "--db", str(db), "--format", fmt, "--out", str(out), "--actor", "TUR"], capsys)
    assert status == 0 and err == f"eventcoder: 1 events written to {out} ({fmt})\n"
    assert read(out) == 1


def test_export_to_standard_output(db: Path, capsys) -> None:
    status, out, _ = run(["export", "--db", str(db), "--format", "plover-jsonl", "--out", "-", "-q"], capsys)
    assert status == 0 and len(out.splitlines()) == 2


def test_db_defaults_to_the_environment_variable(db: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("EVENTCODER_DB", str(db))
    status, out, _ = run(["stats", "--format", "json"], capsys)
    assert status == 0 and json.loads(out)["articles"] == 2


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["events", "--since", "yesterday"], 2, "bad --since date"),
        (["export", "--format", "parquet", "--out", "-"], 2, "parquet cannot be written to standard output"),
        (["ingest", "x.txt", "--batch-size", "0"], 2, "--batch-size must be at least 1"),
    ],
)
def test_usage_errors_exit_2(db: Path, real_coder, capsys, argv: list[str], status: int, message: str) -> None:
    code, _, err = run([*argv, "--db", str(db)], capsys)
    assert code == status and message in err and "Traceback" not in err


def test_a_missing_database_is_a_clear_error(tmp_path: Path, capsys) -> None:
    status, _, err = run(["events", "--db", str(tmp_path / "none.duckdb")], capsys)
    assert status == 1 and "no database at" in err and "eventcoder ingest" in err

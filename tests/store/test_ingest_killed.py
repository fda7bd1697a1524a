"""A real SIGKILL in the middle of `eventcoder ingest`: the database stays consistent, a re-run completes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from store_helpers import check_consistent, ingest, snapshot, write_jsonl

import eventcoder
import eventcoder.pipeline
from eventcoder.cli.main import main
from eventcoder.store import EventStore

SRC = Path(eventcoder.__file__).resolve().parents[1]
COUNTRIES = [("Norway", "Oslo"), ("Chile", "Santiago"), ("Kenya", "Nairobi"), ("Peru", "Lima"),
             ("Japan", "Tokyo"), ("Egypt", "Cairo"), ("Poland", "Warsaw"), ("Ghana", "Accra")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TOPICS = ["fishing quotas", "a new rail line", "grain exports", "visa rules", "river pollution", "port fees"]


def corpus(n: int) -> list[dict | str]:
    """`n` one-sentence articles, all different (no two near duplicates), and two bad lines."""
    records: list[dict | str] = []
    for i in range(n):
        (a, city), (b, _) = COUNTRIES[i % 8], COUNTRIES[(i // 8 + i + 1) % 8]
        day, topic = DAYS[i % 5], TOPICS[(i // 5) % 6]
        text = f"Officials from {a} met diplomats from {b} in {city} on {day} to discuss {topic} (report {i})."
        records.append({"id": f"gen-{i}", "text": text, "published": f"2024-0{1 + i % 9}-1{i % 10}",
                        "source": f"Outlet {i % 7}"})
    records.insert(n // 3, "{broken line")
    records.insert(2 * n // 3, {"id": "blank", "text": " "})
    return records


def eventcoder_process(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    env.pop("EVENTCODER_DB", None)
    return subprocess.Popen(
        [sys.executable, "-m", "eventcoder.cli.main", *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
    )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_ingest_leaves_a_consistent_database_and_a_rerun_completes_it(
    coder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_jsonl(tmp_path / "corpus.jsonl", corpus(200))
    db = tmp_path / "killed.duckdb"
    args = ("ingest", str(path), "--db", str(db), "--batch-size", "10", "-v")

    victim = eventcoder_process(*args)
    assert victim.stderr is not None
    committed = 0
    for line in victim.stderr:
        if "committed:" in line:
            committed += 1
            if committed == 3:
                os.kill(victim.pid, signal.SIGKILL)
                break
    victim.wait()
    assert victim.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    with EventStore.open(db) as store:
        check_consistent(store)
        stored = store.con.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert 0 < stored < 200
        (status,) = store.con.execute("SELECT status FROM runs").fetchone()
        assert status == "running"  # the killed run never finished

    # the same command again, in this process (with the session's Coder: no second model load)
    monkeypatch.setattr(eventcoder.pipeline, "Coder", lambda **kwargs: coder)
    assert main(list(args[:-1])) == 1  # the two bad lines
    err = capsys.readouterr().err
    assert f"{stored} already stored" in err and "Traceback" not in err

    reference_db = tmp_path / "reference.duckdb"
    with EventStore.open(reference_db) as reference:
        ingest(reference, coder, path, batch_size=10)
        expected = snapshot(reference)
    assert len(expected["events"]) >= 150 and len(expected["failures"]) == 2
    with EventStore.open(db) as store:
        check_consistent(store)
        assert snapshot(store) == expected
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 200

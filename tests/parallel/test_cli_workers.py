"""`eventcoder code --workers 2`: a local cluster started by the command, output identical to serial.

stderr is a pseudo-terminal here, so the progress line is drawn; failures and the
summary follow it at the end.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from parallel_helpers import lines

import eventcoder
from eventcoder.cli.main import main

SRC = Path(eventcoder.__file__).resolve().parents[1]


def run_on_a_terminal(argv: list[str], stdout: Path) -> tuple[int, str]:
    """Run the command with stderr on a pseudo-terminal; returns (status, what the terminal showed)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    master, slave = pty.openpty()
    with stdout.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "eventcoder.cli.main", *argv], stdout=out, stderr=slave, env=env)
        os.close(slave)
        shown = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed: every process holding it has exited
                break
            if not chunk:
                break
            shown += chunk
        os.close(master)
        status = proc.wait()
    return status, shown.decode("utf-8", "replace").replace("\r\n", "\n")


def test_workers_2_prints_what_the_serial_path_prints_and_shows_progress(
    corpus: Path, serial, tmp_path: Path
) -> None:
    out = tmp_path / "events.jsonl"
    argv = ["code", str(corpus), "--workers", "2", "--partition-size", "4", "--format", "jsonl"]
    status, shown = run_on_a_terminal(argv, out)
    assert status == 1, shown
    assert out.read_text(encoding="utf-8").splitlines() == lines(serial)
    assert "articles/s" in shown and "events" in shown and "\r" in shown
    end = shown.rsplit("\x1b[K", 1)[-1].splitlines()  # after the progress line is erased
    assert end == [
        f"eventcoder: empty-one ({corpus}:6): empty article (no text after cleaning)",
        f"eventcoder: corpus.jsonl:18 ({corpus}:18): not valid JSON "
        "(Expecting property name enclosed in double quotes at column 2)",
        f"eventcoder: 30 articles coded, {len(lines(serial))} events, 2 failed",
    ]
    assert "Traceback" not in shown and "distributed" not in shown


def test_ingest_with_workers_shows_progress_and_leaves_no_partition_files(
    corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "db" / "events.duckdb"
    db.parent.mkdir()
    argv = ["ingest", str(corpus), "--db", str(db), "--workers", "2", "--partition-size", "4"]
    status, shown = run_on_a_terminal(argv, tmp_path / "stdout")
    assert status == 1, shown
    assert "articles/s" in shown and "\r" in shown
    end = shown.rsplit("\x1b[K", 1)[-1].splitlines()
    assert end[-1].startswith("eventcoder: 30 articles stored"), shown
    assert sorted(p.name for p in db.parent.iterdir() if "partitions" in p.name) == []  # temporary files removed
    assert "eventcoder: empty-one" in shown and "Traceback" not in shown


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--workers", "0"], "--workers must be at least 1"),
        (["--workers", "2", "--scheduler", "tcp://127.0.0.1:1"], "give either --workers or --scheduler, not both"),
        (["--scheduler", " "], "--scheduler needs an address"),
    ],
)
def test_bad_cluster_options_exit_2_before_anything_starts(
    corpus: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["code", str(corpus), *argv]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"eventcoder: error: {message}")
    assert err.count("\n") == 1


def test_an_unreachable_scheduler_is_a_usage_error(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import dask
    import distributed  # noqa: F401 - its config defaults must exist before set() saves the config

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        status = main(["code", str(corpus), "--scheduler", "tcp://127.0.0.1:9", "--quiet"])
    assert status == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("eventcoder: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")

"""Coding on a real Dask cluster (two worker processes): same results as serial, failures survived.

One cluster serves the whole module; the test that kills a worker runs last.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pyarrow.parquet as pq
import pytest
from parallel_helpers import failures, lines

import eventcoder
from eventcoder.errors import UsageError
from eventcoder.ingest import read_paths
from eventcoder.parallel import CoderSpec, ParallelRun, Partition, run_parallel
from eventcoder.parallel.run import lost_partition
from eventcoder.types import Article, ArticleFailure

SRC = Path(eventcoder.__file__).resolve().parents[1]


def items(corpus: Path) -> list:
    return list(read_paths([str(corpus)]))


def test_results_equal_the_serial_path_in_input_order(cluster: str, corpus: Path, serial) -> None:
    with ParallelRun(scheduler=cluster, partition_size=3) as run:
        results = list(run.code(items(corpus)))
        assert len(set(run.worker_pids().values())) == 2
    assert lines(results) == lines(serial)
    assert failures(results) == failures(serial)
    assert (run.articles, run.events, run.failed) == (30, len(lines(serial)), 2)


def test_unordered_results_are_the_same_set(cluster: str, corpus: Path, serial) -> None:
    with ParallelRun(scheduler=cluster, partition_size=4, ordered=False) as run:
        parts = list(run.code_partitions(items(corpus)))
    assert sorted(p.index for p in parts) == list(range(len(parts)))
    assert sorted(lines(r for p in parts for r in p.items)) == sorted(lines(serial))


def test_partitions_are_written_as_parquet_one_pair_per_partition(
    cluster: str, corpus: Path, serial, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with run_parallel(items(corpus), scheduler=cluster, out_dir=out, partition_size=8, tail_partitions=0) as results:
        coded = list(results)
    assert lines(coded) == lines(serial)
    names = sorted(Path(f).name for f in results.files)
    assert names == sorted(f"{kind}-{i:06d}.parquet" for kind in ("events", "articles") for i in range(4))
    assert sorted(p.name for p in out.iterdir()) == names  # no temporary file left behind
    events = pq.read_table(sorted(out.glob("events-*.parquet"))).to_pylist()
    assert [r["id"] for r in events] == [json.loads(line)["id"] for line in lines(serial)]


def test_a_model_missing_on_the_workers_is_a_usage_error(cluster: str, corpus: Path) -> None:
    with ParallelRun(scheduler=cluster, spec=CoderSpec(model="xx_no_such_pipeline"), retries=0) as run:
        with pytest.raises(UsageError, match="on a Dask worker: spaCy model 'xx_no_such_pipeline' is not installed"):
            list(run.code(items(corpus)))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "give --workers N"),
        ({"workers": 2, "scheduler": "tcp://x:8786"}, "not both"),
        ({"workers": 0}, "at least 1"),
        ({"workers": 1, "partition_size": 0}, "partition size must be at least 1"),
    ],
)
def test_bad_options_are_usage_errors(options: dict, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        ParallelRun(**options)


def test_a_lost_partition_reports_each_of_its_articles() -> None:
    read_failure = ArticleFailure("f:2", "not valid JSON", "f:2")
    part = Partition(4, (Article(id="a", text="x"), read_failure))
    result = lost_partition(part, "worker died")
    assert result.failures == (ArticleFailure("a", "worker died"), read_failure)
    assert (result.index, result.articles, result.events) == (4, 0, 0)


def test_a_partition_that_keeps_killing_workers_fails_its_articles_not_the_run() -> None:
    from distributed.scheduler import KilledWorker

    class Lost:
        def result(self):
            raise KilledWorker("eventcoder-partition-x", SimpleNamespace(address="tcp://10.0.0.9:1234"), 3)

    part = Partition(2, (Article(id="a", text="x"), Article(id="b", text="y")))
    result = ParallelRun(workers=1)._outcome(Lost(), part)  # never opened: no cluster needed
    assert [(f.article_id, "died" in f.reason) for f in result.failures] == [("a", True), ("b", True)]
    assert [f.article_id for f in result.items] == ["a", "b"]


def test_cli_scheduler_option_prints_what_the_serial_path_prints(cluster: str, corpus: Path, serial) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    argv = ["code", str(corpus), "--scheduler", cluster, "--partition-size", "5", "--format", "jsonl"]
    done = subprocess.run(
        [sys.executable, "-m", "eventcoder.cli.main", *argv], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == lines(serial)
    assert done.stderr.splitlines()[-1] == f"eventcoder: 30 articles coded, {len(lines(serial))} events, 2 failed"
    assert "\r" not in done.stderr and "articles/s" not in done.stderr  # no progress line in a pipe


def test_ingest_on_the_cluster_stores_what_serial_ingest_stores(
    cluster: str, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from eventcoder.cli.main import main

    exported = []
    for name, extra in (("serial", []), ("dask", ["--scheduler", cluster, "--partition-size", "7"])):
        db, out = tmp_path / f"{name}.duckdb", tmp_path / f"{name}.jsonl"
        assert main(["ingest", str(corpus), "--db", str(db), "--quiet", *extra]) == 1  # two bad inputs
        assert main(["export", "--format", "jsonl", "--all", "--db", str(db), "--out", str(out), "--quiet"]) == 0
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        exported.append(sorted(json.dumps({k: v for k, v in r.items() if k != "ingested_at"}) for r in records))
    capsys.readouterr()
    assert exported[0] and exported[0] == exported[1]


def exported(db: Path, out: Path) -> list[str]:
    """The database's events as exported JSON lines, sorted, without the ingestion time."""
    from eventcoder.cli.main import main

    assert main(["export", "--format", "jsonl", "--all", "--db", str(db), "--out", str(out), "--quiet"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return sorted(json.dumps({k: v for k, v in r.items() if k != "ingested_at"}) for r in records)


def test_ingest_loads_the_workers_parquet_files_into_the_database(
    cluster: str, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from eventcoder.cli.main import main

    parts = tmp_path / "parts"
    assert main(["ingest", str(corpus), "--db", str(tmp_path / "serial.duckdb"), "--quiet"]) == 1
    argv = ["--scheduler", cluster, "--partition-size", "7", "--parquet", str(parts)]
    assert main(["ingest", str(corpus), "--db", str(tmp_path / "dask.duckdb"), "--quiet", *argv]) == 1
    capsys.readouterr()
    serial_db = exported(tmp_path / "serial.duckdb", tmp_path / "s.jsonl")
    assert serial_db and serial_db == exported(tmp_path / "dask.duckdb", tmp_path / "d.jsonl")
    files = sorted(p.name for p in parts.iterdir())
    assert files and files[0] == "articles-000000.parquet" and len(files) % 2 == 0
    stored = pq.read_table(sorted(parts.glob("articles-*.parquet"))).num_rows
    assert stored == 30  # every coded article went through the files


def test_ingest_refuses_a_parquet_directory_holding_partitions(
    cluster: str, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from eventcoder.cli.main import main

    (tmp_path / "events-000000.parquet").write_bytes(b"")
    argv = ["--db", str(tmp_path / "x.duckdb"), "--scheduler", cluster, "--parquet", str(tmp_path)]
    assert main(["ingest", str(corpus), *argv]) == 2
    assert "already holds partition files" in capsys.readouterr().err


def test_a_killed_worker_costs_a_retry_not_the_run(cluster: str, corpus: Path, serial) -> None:
    with ParallelRun(scheduler=cluster, partition_size=2) as run:
        before = run.worker_pids()
        stream = run.code_partitions(items(corpus))
        parts = [next(stream)]  # the cluster is busy with the partitions after it
        busy = [w for w, keys in run.client.processing().items() if keys]
        assert busy, "no worker was coding a partition"
        victim = before[busy[0]]
        os.kill(victim, signal.SIGKILL)
        parts.extend(stream)
        after = run.worker_pids()
    assert victim not in after.values()
    results = [r for p in parts for r in p.items]
    assert lines(results) == lines(serial)
    assert failures(results) == failures(serial)

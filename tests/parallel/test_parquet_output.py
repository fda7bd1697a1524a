"""Partitioned Parquet: the record survives the round trip; files appear whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from eventcoder.parallel import EVENT_SCHEMA, partition_paths, write_partition
from eventcoder.parallel import parquet as parquet_module
from eventcoder.parallel.parquet import read_partition, remove_temporaries
from eventcoder.types import ArticleFailure


def coded(serial) -> list:
    return [r for r in serial if not isinstance(r, ArticleFailure)]


def without_nulls(value):
    """Arrow gives absent struct fields back as None; the record omits a few of them."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def test_event_records_round_trip_through_parquet(serial, tmp_path: Path) -> None:
    items = coded(serial)
    events_path, articles_path = write_partition(tmp_path, 3, items)
    assert (events_path, articles_path) == tuple(map(str, partition_paths(tmp_path, 3)))
    table = pq.read_table(events_path)
    assert table.schema.equals(EVENT_SCHEMA)
    expected = [e.to_dict() for _, events in items for e in events]
    assert expected, "the corpus should produce events"
    assert [without_nulls(r) for r in table.to_pylist()] == [without_nulls(r) for r in expected]


def test_the_articles_file_lists_every_coded_article_with_its_text(serial, tmp_path: Path) -> None:
    items = coded(serial)
    _, articles_path = write_partition(tmp_path, 0, items)
    rows = pq.read_table(articles_path).to_pylist()
    assert [(r["id"], r["text"], r["events"]) for r in rows] == [(a.id, a.text, len(e)) for a, e in items]


def test_a_partition_without_events_still_has_readable_files(tmp_path: Path) -> None:
    events_path, articles_path = write_partition(tmp_path, 0, [])
    assert pq.read_table(events_path).num_rows == 0
    assert pq.read_table(events_path).schema.equals(EVENT_SCHEMA)
    assert pq.read_table(articles_path).num_rows == 0


def test_rewriting_a_partition_replaces_it_and_leaves_no_temporary_file(serial, tmp_path: Path) -> None:
    items = coded(serial)
    write_partition(tmp_path, 0, items[:1], tag="t1")
    events_path, _ = write_partition(tmp_path, 0, items[:2], tag="t1")
    assert pq.read_table(events_path).num_rows == sum(len(e) for _, e in items[:2])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles-000000.parquet", "events-000000.parquet"]


def test_a_failed_write_leaves_neither_the_file_nor_its_temporary(
    serial, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(table, where, **kwargs):
        where.write(b"PAR1 half a file")
        raise OSError("disk full")

    monkeypatch.setattr(parquet_module.pq, "write_table", broken)
    with pytest.raises(OSError, match="disk full"):
        write_partition(tmp_path, 0, coded(serial))
    assert list(tmp_path.iterdir()) == []


def test_a_run_sweeps_only_its_own_temporaries(tmp_path: Path) -> None:
    mine = tmp_path / ".events-000001.parquet.run1.abc.tmp"
    theirs = tmp_path / ".events-000001.parquet.run2.def.tmp"
    for path in (mine, theirs):
        path.write_bytes(b"x")
    assert remove_temporaries(tmp_path, "run1") == 1
    assert [p.name for p in tmp_path.iterdir()] == [theirs.name]


def test_a_partition_reads_back_as_the_articles_and_events_written(serial, tmp_path: Path) -> None:
    items = coded(serial)
    back = read_partition(*write_partition(tmp_path, 0, items))
    assert [a for a, _ in back] == [a for a, _ in items]
    assert [[e.to_dict() for e in events] for _, events in back] == [[e.to_dict() for e in events] for _, events in items]
    assert all(e.article is a for a, events in back for e in events)

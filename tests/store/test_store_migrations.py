"""Schema migrations: applied in order on open, each whole or not at all; read-only opens never migrate."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventcoder.store import EventStore, StoreError
from eventcoder.store import migrations as migrations_module
from eventcoder.store.migrations import Migration, current_version, latest_version, migrations


def versions(path: Path) -> list[int]:
    with duckdb.connect(str(path), read_only=True) as con:
        return [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]


def test_a_new_database_gets_every_migration_once(db_path: Path) -> None:
    EventStore.open(db_path).close()
    EventStore.open(db_path).close()
    assert versions(db_path) == list(range(1, latest_version() + 1))
    assert [m.version for m in migrations()] == versions(db_path)


def test_a_new_migration_is_applied_on_the_next_open(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    EventStore.open(db_path).close()
    extra = Migration(latest_version() + 1, "add_notes", "CREATE TABLE notes (event_id VARCHAR, note VARCHAR);")
    monkeypatch.setattr(migrations_module, "migrations", lambda: (*migrations(), extra))
    with EventStore.open(db_path) as store:
        store.con.execute("INSERT INTO notes VALUES ('e1', 'checked')")
        assert current_version(store.con) == extra.version


def test_a_failing_migration_leaves_the_previous_version(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    EventStore.open(db_path).close()
    before = versions(db_path)
    broken = Migration(latest_version() + 1, "broken", "CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;")
    monkeypatch.setattr(migrations_module, "migrations", lambda: (*migrations(), broken))
    with pytest.raises(duckdb.Error):
        EventStore.open(db_path)
    assert versions(db_path) == before
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'half'").fetchone() == (0,)


def test_read_only_open_of_a_missing_database_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="eventcoder ingest"):
        EventStore.open(tmp_path / "nothing.duckdb", read_only=True)


def test_read_only_open_of_an_old_schema_asks_for_an_upgrade(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    EventStore.open(db_path).close()
    extra = Migration(latest_version() + 1, "later", "CREATE TABLE later (x INTEGER);")
    monkeypatch.setattr(migrations_module, "migrations", lambda: (*migrations(), extra))
    with pytest.raises(StoreError, match="older than"):
        EventStore.open(db_path, read_only=True)


def test_a_database_in_use_is_a_clear_error(db_path: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    EventStore.open(db_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); "
         "time.sleep(30)", str(db_path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreError, match="in use"):
            EventStore.open(db_path)
    finally:
        holder.kill()
        holder.wait()

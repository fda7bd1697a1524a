"""Opening the DuckDB file: the default location, locking errors, schema upgrades."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from ..errors import EventcoderError
from .migrations import current_version, latest_version, migrate

DB_ENV = "EVENTCODER_DB"
DEFAULT_DB = "eventcoder.duckdb"


class StoreError(EventcoderError):
    """The database cannot be opened or used (locked, missing, newer schema); the message says what to do."""


def default_db_path() -> Path:
    """``$EVENTCODER_DB`` when set, else ``./eventcoder.duckdb`` in the working directory."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


def connect(path: str | os.PathLike[str], read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection with the schema at the latest version (upgraded on open when writable)."""
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"no database at {path}: create it with `eventcoder ingest ... --db {path}`")
    if not read_only and path.parent != Path("") and not path.parent.exists():
        raise StoreError(f"cannot create {path}: the folder {path.parent} does not exist")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise StoreError(f"{path} is in use by another process (an ingest still running?): {message}") from None
        raise StoreError(f"cannot open {path}: {message}") from None
    except duckdb.Error as exc:
        raise StoreError(f"cannot open {path} as a DuckDB database: {exc}") from None
    try:
        version = current_version(con)
        if version > latest_version():
            raise StoreError(
                f"{path} has schema version {version}, newer than this eventcoder knows ({latest_version()}); "
                "upgrade eventcoder"
            )
        if version < latest_version():
            if read_only:
                raise StoreError(
                    f"{path} has schema version {version}, older than {latest_version()}: "
                    "open it once for writing (e.g. `eventcoder ingest`) to upgrade it"
                )
            migrate(con)
    except BaseException:
        con.close()
        raise
    return con

"""The app's hold on the store: one read-write DuckDB connection, a cursor per request, one writer at a time.

DuckDB connections are not thread-safe, but cursors (``con.cursor()``: connections to
the same database) are, one per thread; request handlers run in a thread pool, so each
borrows a cursor from a small pool for its duration.  Writes (ingest, corrections) take
a lock, so two never race in one transaction.  The server holds the database file's
lock, so it is the only writer: a cached result (stats, actors, network, places) stays
right until the app itself writes, which bumps `version`.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from ..store import EventStore

if TYPE_CHECKING:
    from ..pipeline import Coder

log = logging.getLogger(__name__)

CACHE_SIZE = 64  # results kept (network and places results are at most a few thousand rows)


class Database:
    """The store behind the API (see the module docstring)."""

    def __init__(self, path: str | os.PathLike[str], coder_factory: Callable[[], Coder] | None = None) -> None:
        self.path = Path(path)
        self.store = EventStore.open(self.path)
        self.store.con.execute("SET enable_progress_bar = false")  # no progress bars on the server's stdout
        self._pool: list[duckdb.DuckDBPyConnection] = []
        self._pool_lock = threading.Lock()
        self.write_lock = threading.Lock()
        self.version = 0
        self._cache: dict[tuple[Any, ...], Any] = {}
        self._coder: Coder | None = None
        self._coder_factory = coder_factory
        self.coder_lock = threading.RLock()  # held while coding too: one spaCy call at a time
        self.warmers: list[Callable[[Database], None]] = []
        self._warm_needed = threading.Event()
        self._closing = False
        self._warming: threading.Thread | None = None

    def start_warming(self) -> None:
        """Run the `warmers` in a background thread now and again after every write."""
        if self._warming is None and self.warmers:
            self._warming = threading.Thread(target=self._warm_loop, name="eventcoder-cache-warmer", daemon=True)
            self._warming.start()
        self._warm_needed.set()

    def _warm_loop(self) -> None:
        while True:
            self._warm_needed.wait()
            if self._closing:
                return
            self._warm_needed.clear()
            for warm in self.warmers:
                if self._closing:
                    return
                try:
                    warm(self)
                except duckdb.Error as exc:  # a cache left cold is computed on request instead
                    log.warning("warming the cache failed: %s", exc)

    def close(self) -> None:
        self._closing = True
        self._warm_needed.set()
        if self._warming is not None:
            self._warming.join(timeout=60)
        with self._pool_lock:
            for cursor in self._pool:
                cursor.close()
            self._pool.clear()
        self.store.close()

    @contextmanager
    def reader(self) -> Iterator[EventStore]:
        """An `EventStore` on a cursor of this thread's own, for one request."""
        with self._pool_lock:
            cursor = self._pool.pop() if self._pool else self.store.con.cursor()
        try:
            yield EventStore(cursor, self.path, read_only=False)
        except BaseException:
            cursor.close()  # a cursor left mid-transaction is not reused
            raise
        with self._pool_lock:
            self._pool.append(cursor)

    @contextmanager
    def writer(self) -> Iterator[EventStore]:
        """Like `reader`, holding the write lock; the cache is dropped afterwards."""
        with self.write_lock, self.reader() as store:
            try:
                yield store
            finally:
                self.version += 1
                self._cache.clear()
                self._warm_needed.set()

    def cached(self, key: tuple[Any, ...], compute: Callable[[EventStore], Any]) -> Any:
        """`compute(store)`, remembered until the next write."""
        version = self.version
        full = (version, *key)
        if full in self._cache:
            return self._cache[full]
        with self.reader() as store:
            value = compute(store)
        if self.version == version:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            self._cache[full] = value
        return value

    def coder(self) -> Coder:
        """The coder, loaded on first use (the spaCy model takes seconds)."""
        with self.coder_lock:
            if self._coder is None:
                if self._coder_factory is not None:
                    self._coder = self._coder_factory()
                else:
                    from ..pipeline import Coder

                    self._coder = Coder()
            return self._coder

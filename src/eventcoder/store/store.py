"""`EventStore`: the event database on one DuckDB file, for the CLI, the API and batch runners.

>>> with EventStore.open("events.duckdb") as store:          # doctest: +SKIP
...     run = store.start_run("ingest", ["corpus.jsonl"])
...     store.ingest(coder.code_many(articles), run)
...     store.finish_run(run)
...     store.query_events(EventFilters(actor="AZE"), limit=20)

One process writes at a time (DuckDB locks the file); readers open it read-only.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import duckdb

from ..types import Article, ArticleFailure, Event
from . import aggregates, queries
from .corrections import Correction, apply_correction, corrections_of, original_of
from .db import connect, default_db_path
from .queries import EventFilters
from .writer import BatchCounts, write_batch

DEFAULT_BATCH = 32


@dataclass(frozen=True, slots=True)
class Run:
    """One command that wrote to the store (its row in `runs`)."""

    id: str
    command: str
    started: datetime


class EventStore:
    """The event database.  Open with `EventStore.open(path)`; use as a context manager."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, read_only: bool = False) -> EventStore:
        """Open (creating and upgrading as needed) the database at `path` (default: `default_db_path()`)."""
        where = Path(path) if path is not None else default_db_path()
        return cls(connect(where, read_only=read_only), where, read_only)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- runs ---------------------------------------------------------------------------
    def start_run(self, command: str, inputs: Sequence[str] = ()) -> Run:
        now = datetime.now(UTC).replace(tzinfo=None)
        run = Run(f"{now:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}", command, now)
        self.con.execute(
            "INSERT INTO runs (id, command, inputs, started, status) VALUES (?, ?, ?, ?, 'running')",
            [run.id, command, list(inputs), now],
        )
        return run

    def finish_run(self, run: Run, status: str = "finished", already_stored: int = 0) -> dict[str, Any]:
        """Close a run (`already_stored`: articles skipped before coding); returns its row."""
        self.con.execute(
            "UPDATE runs SET finished = ?, status = ?, already_stored = already_stored + ? WHERE id = ?",
            [datetime.now(UTC).replace(tzinfo=None), status, already_stored, run.id],
        )
        return self.run(run.id) or {}

    def run(self, run_id: str) -> dict[str, Any] | None:
        cursor = self.con.execute("SELECT * FROM runs WHERE id = ?", [run_id])
        row = cursor.fetchone()
        if row is None:
            return None
        names = [d[0] for d in cursor.description]
        return dict(zip(names, row, strict=True))

    # -- writing ------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def ingest(
        self,
        results: Iterable[tuple[Article, list[Event]] | ArticleFailure],
        run: Run,
        batch_size: int = DEFAULT_BATCH,
        input_ids: Mapping[str, str] | None = None,
        on_batch: Callable[[BatchCounts], None] | None = None,
    ) -> BatchCounts:
        """Store coded articles and failures, `batch_size` articles per transaction.

        Articles are stored under `article_key` (URL, else text hash); one already stored is
        skipped, so ingesting the same results twice changes nothing.  `input_ids` maps a
        store id to the id the input gave (kept in `articles.input_id`).
        """
        total = BatchCounts()
        batch: list[tuple[Article, list[Event]] | ArticleFailure] = []
        for item in results:
            batch.append(item)
            if len(batch) >= batch_size:
                total.add(self._write(batch, run, input_ids, on_batch))
                batch = []
        if batch:
            total.add(self._write(batch, run, input_ids, on_batch))
        return total

    def _write(
        self,
        batch: list[tuple[Article, list[Event]] | ArticleFailure],
        run: Run,
        input_ids: Mapping[str, str] | None,
        on_batch: Callable[[BatchCounts], None] | None,
    ) -> BatchCounts:
        self.con.execute("BEGIN TRANSACTION")
        try:
            counts = write_batch(self.con, batch, run.id, input_ids)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        if on_batch is not None:
            on_batch(counts)
        return counts

    def correct_event(self, event_id: str, correction: Correction) -> list[dict[str, Any]] | None:
        """Apply an analyst's correction in one transaction (see `store.corrections`).

        Returns the event's audit trail, or None when no event has this id; raises
        `CorrectionError` for a value the ontology does not allow or a correction that changes nothing.
        """
        self.con.execute("BEGIN TRANSACTION")
        try:
            trail = apply_correction(self.con, event_id, correction)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return trail

    def corrections(self, event_id: str) -> list[dict[str, Any]]:
        """The audit trail of one event (oldest first)."""
        return corrections_of(self.con, event_id)

    def original(self, event_id: str) -> dict[str, Any] | None:
        """The record as the coder produced it, when the event was corrected since."""
        return original_of(self.con, event_id)

    # -- reading ------------------------------------------------------------------------
    def query_events(
        self, filters: EventFilters | None = None, limit: int | None = 100, offset: int = 0, order: str = "date"
    ) -> list[dict[str, Any]]:
        """Event records (with canonical_id and num_mentions/num_sources/num_articles)."""
        return queries.query_events(self.con, filters or EventFilters(), limit, offset, order)

    def page_events(
        self, filters: EventFilters | None = None, limit: int = 50, offset: int = 0, order: str = "date"
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of event records and the total matching (fast for deep pages too)."""
        return queries.page_events(self.con, filters or EventFilters(), limit, offset, order)

    def iter_events(self, filters: EventFilters | None = None, order: str = "date") -> Iterator[dict[str, Any]]:
        """Every matching event, streamed (for exports)."""
        return queries.iter_events(self.con, filters or EventFilters(), order)

    def count_events(self, filters: EventFilters | None = None) -> int:
        return queries.count_events(self.con, filters or EventFilters())

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event with its article (including the full text) and all mentions of its canonical event."""
        return queries.event_detail(self.con, event_id)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return queries.article_detail(self.con, article_id)

    def stats(self) -> dict[str, Any]:
        return queries.stats(self.con)

    # -- counts for charts (see `store.aggregates`) ---------------------------------------
    def series(self, actor: str, recipient: str, interval: str = "month", both_directions: bool = True,
               filters: EventFilters | None = None) -> list[dict[str, Any]]:
        """Events between two countries per period: counts, cooperation/conflict, Goldstein mean and sum."""
        return aggregates.series(self.con, actor, recipient, interval, both_directions, filters)

    def network(self, filters: EventFilters | None = None, min_events: int = 1, limit: int = 200) -> dict[str, Any]:
        """The actor network: country -> country edges with counts, and their nodes."""
        return aggregates.network(self.con, filters or EventFilters(), min_events, limit)

    def places(self, filters: EventFilters | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        return aggregates.places(self.con, filters or EventFilters(), limit)

    def actors(self, role: str = "any", limit: int = 100, filters: EventFilters | None = None) -> list[dict[str, Any]]:
        return aggregates.actors(self.con, role, limit, filters)

    def failures(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.con.execute(
            "SELECT run_id, source, article_id, reason FROM ingest_failures ORDER BY id LIMIT ?", [limit]
        ).fetchall()
        return [dict(zip(("run_id", "source", "article_id", "reason"), r, strict=True)) for r in rows]

    # -- exports ------------------------------------------------------------------------
    def export(
        self, fmt: str, out: str | os.PathLike[str] | IO[str], filters: EventFilters | None = None,
        order: str = "date",
    ) -> int:
        """Write matching events as `fmt` (see `eventcoder.export.store_formats`); returns the count."""
        from ..export.store_formats import export_events

        return export_events(self, fmt, out, filters or EventFilters(), order)

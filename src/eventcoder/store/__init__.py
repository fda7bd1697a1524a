"""The event database: DuckDB schema and migrations, idempotent writes, deduplication, queries.

`EventStore.open(path)` is the entry point (see `store.py`); `ingest_paths` does the
work of `eventcoder ingest`; `EventFilters` selects events; the rule that merges
reports of one real-world event is documented in `matching.py`, the near-duplicate
article rule in `eventcoder.ingest.dedup`.
"""

from __future__ import annotations

from .corrections import Correction, CorrectionError, EntityChange, PlaceChange
from .db import DB_ENV, DEFAULT_DB, StoreError, default_db_path
from .ingest import IngestSummary, ingest_items, ingest_paths
from .queries import ORDERS, EventFilters
from .rows import article_key
from .store import EventStore, Run
from .writer import BatchCounts

__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "ORDERS",
    "BatchCounts",
    "Correction",
    "CorrectionError",
    "EntityChange",
    "EventFilters",
    "EventStore",
    "IngestSummary",
    "PlaceChange",
    "Run",
    "StoreError",
    "article_key",
    "default_db_path",
    "ingest_items",
    "ingest_paths",
]

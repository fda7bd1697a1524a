"""Stored events as Parquet: typed columns (dates, numbers, lists of codes) plus the full record.

Written with pyarrow from an Arrow stream the store produces, batch by batch, so an
export of millions of events never sits in memory whole.  Columns: see `COLUMNS`;
``record`` holds the event record of DESIGN.md as JSON text; ``corrected`` says an analyst
corrected the event (every column and the record then hold the corrected values).
"""

from __future__ import annotations

import os

import pyarrow as pa
import pyarrow.parquet as pq

# Columns of the events table written to Parquet, in order (code constants: safe in SQL).
COLUMNS: tuple[str, ...] = (
    "id", "canonical_id", "is_canonical", "from_duplicate", "article_id", "source", "url", "published",
    "event_type", "mode", "context", "cameo", "quad_class", "goldstein", "date", "date_precision", "date_start",
    "date_end", "factuality", "confidence", "evidence", "actor_countries", "actor_sectors", "actor_names",
    "recipient_countries", "recipient_sectors", "recipient_names", "place_name", "place_country",
    "place_geonameid", "place_lat", "place_lon", "trigger_text", "sentence_index", "sentence_text",
    "num_mentions", "num_sources", "num_articles", "ingested_at", "record", "corrected", "not_event",
)


def write_parquet(batches: pa.RecordBatchReader, path: str | os.PathLike[str]) -> int:
    """Write every batch to one Parquet file (zstd); returns the number of rows."""
    rows = 0
    with pq.ParquetWriter(os.fspath(path), batches.schema, compression="zstd") as writer:
        for batch in batches:
            writer.write_batch(batch)
            rows += batch.num_rows
    return rows

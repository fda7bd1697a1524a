"""Writing event records: PLOVER JSONL, a JSON array, flat CSV, or a table for people."""

from __future__ import annotations

from typing import TextIO

from .base import EventWriter
from .csv_out import CsvWriter
from .records import JsonlWriter, JsonWriter
from .table import TableWriter

FORMATS = ("jsonl", "json", "csv", "table")


def open_writer(fmt: str, stream: TextIO, width: int | None = None) -> EventWriter:
    """A writer for `fmt` (one of `FORMATS`); `width` is the terminal width for `table`."""
    if fmt == "jsonl":
        return JsonlWriter(stream)
    if fmt == "json":
        return JsonWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream)
    if fmt == "table":
        return TableWriter(stream, width)
    raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "CsvWriter", "EventWriter", "JsonWriter", "JsonlWriter", "TableWriter", "open_writer"]

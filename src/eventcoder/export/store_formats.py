"""Exporting stored events: one function, four formats (plus the stored records as JSONL).

Text formats go to a path or an open text stream; Parquet needs a path.  A file is
written beside its target and renamed into place at the end, so a failed export never
leaves a half-written file under the requested name.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

from ..errors import UsageError
from .gdelt_tsv import write_gdelt_tsv
from .plover_jsonl import write_plover_jsonl
from .store_csv import write_store_csv

if TYPE_CHECKING:
    from ..store import EventFilters, EventStore

STORE_FORMATS = ("parquet", "plover-jsonl", "gdelt-tsv", "csv", "jsonl")


def _write_jsonl(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    count = 0
    for rec in records:
        stream.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
    return count


_TEXT_WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], TextIO], int]] = {
    "plover-jsonl": write_plover_jsonl,
    "gdelt-tsv": write_gdelt_tsv,
    "csv": write_store_csv,
    "jsonl": _write_jsonl,
}


def export_events(
    store: EventStore, fmt: str, out: str | os.PathLike[str] | IO[str], filters: EventFilters, order: str = "date"
) -> int:
    """Write the events matching `filters` as `fmt`; returns how many were written."""
    if fmt not in STORE_FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: choose one of {', '.join(STORE_FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, (str, os.PathLike)):
            raise UsageError("parquet needs a file path (--out PATH), not a stream")
        from ..store.queries import arrow_events
        from .parquet import COLUMNS, write_parquet

        return _atomic(Path(out), lambda part: write_parquet(arrow_events(store.con, filters, order, COLUMNS), part))
    write = _TEXT_WRITERS[fmt]
    records = store.iter_events(filters, order)
    if not isinstance(out, (str, os.PathLike)):
        return write(records, out)

    def to_file(part: Path) -> int:
        with open(part, "w", encoding="utf-8", newline="") as stream:
            return write(records, stream)

    return _atomic(Path(out), to_file)


def _atomic(target: Path, write: Callable[[Path], int]) -> int:
    if target.parent != Path("") and not target.parent.is_dir():
        raise UsageError(f"cannot write {target}: the folder {target.parent} does not exist")
    part = target.with_name(target.name + ".part")
    try:
        count = write(part)
        os.replace(part, target)
    finally:
        if part.exists():
            part.unlink()
    return count

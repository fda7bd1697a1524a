"""CSV input: a header row naming the columns (`text` required; `id`, `published`, `source`,
`url`, `title` optional; others ignored), then one article per row, read as a stream.

Rows are decoded line by line; a row with invalid UTF-8 fails alone.  Column names are
matched case-insensitively.  Raising the csv module's field size limit (to the article
size limit) is process-wide; it is only ever raised, never lowered.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import BinaryArticle, MalformedRecord, OversizedArticle, UndecodableArticle
from ..types import Article, ArticleFailure
from .record import ReadOptions, article_from_record, failure

_BOM = "\ufeff"
_CHUNK = 1 << 16


class _Lines:
    """Decoded lines for `csv.reader`, each at most `cap` bytes.

    A longer physical line is skipped (never held in memory) and replaced by an empty
    line; `oversized` then holds its length so the reader can fail that record.
    """

    def __init__(self, stream: BinaryIO, cap: int) -> None:
        self.stream = stream
        self.cap = cap
        self.first = True
        self.oversized = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = self.stream.readline(self.cap)
        if not raw:
            raise StopIteration
        if len(raw) == self.cap and not raw.endswith(b"\n"):
            self.oversized = len(raw) + self._skip_rest()
            return "\n"
        line = raw.decode("utf-8", "surrogateescape")
        if self.first:
            self.first = False
            line = line.removeprefix(_BOM)
        return line

    def _skip_rest(self) -> int:
        skipped = 0
        while True:
            raw = self.stream.readline(_CHUNK)
            skipped += len(raw)
            if not raw or raw.endswith(b"\n"):
                return skipped


def read_csv(stream: BinaryIO, name: str, where: str, options: ReadOptions) -> Iterator[Article | ArticleFailure]:
    """Articles from a CSV stream with a header row; failures name ``<file>:<line>``."""
    if csv.field_size_limit() < options.max_bytes + 1:
        csv.field_size_limit(options.max_bytes + 1)
    peek = getattr(stream, "peek", None)
    if peek is not None and b"\x00" in peek(_CHUNK)[:_CHUNK]:  # a binary file, not a bad row
        yield failure(BinaryArticle(name, where), where)
        return
    lines = _Lines(stream, 2 * options.max_bytes + _CHUNK)  # quoting at most doubles a field
    reader = csv.reader(lines)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield failure(MalformedRecord(name, f"cannot read the CSV header ({exc})", where), where)
        return
    if header is None:
        reason = "empty CSV file (a header row with a 'text' column is required)"
        yield failure(MalformedRecord(name, reason, where), where)
        return
    if lines.oversized:
        reason = f"the CSV header line is longer than {lines.cap} bytes"
        yield failure(MalformedRecord(name, reason, where), where)
        return
    columns = [cell.strip().lower() for cell in header]
    if "text" not in columns:
        found = ", ".join(repr(c) for c in columns if c) or "no column names"
        reason = f"CSV header has no 'text' column (found {found}); the first row must name the columns"
        yield failure(MalformedRecord(name, reason, where), where)
        return
    while True:
        start = reader.line_num + 1
        line_id, line_where = f"{name}:{start}", f"{where}:{start}"
        try:
            row = next(reader, None)
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                reason = f"article too large: a field is longer than the limit of {options.max_bytes} bytes"
                yield failure(MalformedRecord(line_id, reason, line_where), line_where)
            else:
                yield failure(MalformedRecord(line_id, f"bad CSV row ({exc})", line_where), line_where)
            continue
        if lines.oversized:
            size, lines.oversized = lines.oversized, 0
            yield failure(OversizedArticle(line_id, size, options.max_bytes, line_where), line_where)
            continue
        if row is None:
            return
        if not any(cell.strip() for cell in row):
            continue
        yield _row_article(columns, row, line_id, line_where, options)


def _row_article(
    columns: list[str], row: list[str], line_id: str, where: str, options: ReadOptions
) -> Article | ArticleFailure:
    record: dict[str, object] = {}
    for column, cell in zip(columns, row, strict=False):
        if column and column not in record:
            record[column] = cell
    cells = "".join(row)
    if "\x00" in cells:
        return failure(BinaryArticle(_cell_id(record, line_id), where), where)
    try:
        cells.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = ord(cells[exc.start]) - 0xDC00
        detail = f"invalid byte 0x{bad:02x} in this row"
        return failure(UndecodableArticle(_cell_id(record, line_id), detail, where), where)
    return article_from_record(record, line_id, where, options)


def _cell_id(record: dict[str, object], line_id: str) -> str:
    value = record.get("id")
    return value.strip() if isinstance(value, str) and value.strip() else line_id

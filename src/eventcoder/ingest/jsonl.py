"""JSON Lines input: one article object per line, read as a stream (any file size).

Each line is decoded and parsed on its own, so one bad line fails alone: its failure
names ``<file>:<line>`` and, when the object has one, the article's id.  A line longer
than the limit is skipped without being held in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import ArticleError, BinaryArticle, MalformedRecord, OversizedArticle
from ..types import Article, ArticleFailure
from .clean import decode_bytes
from .record import ReadOptions, article_from_record, describe_type, failure

_CHUNK = 1 << 16


def line_limit(max_bytes: int) -> int:
    """Longest JSONL line accepted: JSON escapes may take up to 6 bytes per byte of text."""
    return 6 * max_bytes + _CHUNK


def read_jsonl(stream: BinaryIO, name: str, where: str, options: ReadOptions) -> Iterator[Article | ArticleFailure]:
    """Articles from a JSONL stream; `name` is used for ids (``name:line``), `where` for locations."""
    cap = line_limit(options.max_bytes)
    lineno = 0
    while True:
        raw = stream.readline(cap)
        if not raw:
            return
        lineno += 1
        line_id, line_where = f"{name}:{lineno}", f"{where}:{lineno}"
        if len(raw) == cap and not raw.endswith(b"\n"):
            size = len(raw) + _skip_line(stream)
            yield failure(OversizedArticle(line_id, size, options.max_bytes, line_where), line_where)
            continue
        if not raw.strip():
            continue
        try:
            text = decode_bytes(raw, line_id, line_where)
        except BinaryArticle as exc:
            if lineno == 1:  # a binary file, not a bad line: one failure for the whole file
                yield failure(BinaryArticle(name, where), where)
                return
            yield failure(exc, line_where)
            continue
        except ArticleError as exc:
            yield failure(exc, line_where)
            continue
        yield _parse_line(text, line_id, line_where, options)


def _parse_line(text: str, line_id: str, where: str, options: ReadOptions) -> Article | ArticleFailure:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return failure(MalformedRecord(line_id, f"not valid JSON ({exc.msg} at column {exc.colno})", where), where)
    except RecursionError:
        return failure(MalformedRecord(line_id, "not valid JSON (nested too deeply)", where), where)
    if not isinstance(record, dict):
        found = describe_type(record)
        return failure(MalformedRecord(line_id, f"not a JSON object (found {found})", where), where)
    return article_from_record(record, line_id, where, options)


def _skip_line(stream: BinaryIO) -> int:
    """Discard the rest of the current line; return how many bytes were skipped."""
    skipped = 0
    while True:
        chunk = stream.readline(_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped

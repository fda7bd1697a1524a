"""`read_paths`: command-line PATH arguments to a stream of articles (and failures).

A PATH is a ``.txt`` file (one article, id = file name; or, when every line is a URL,
a list of URLs to fetch), a ``.jsonl`` file (one article per line), a ``.csv`` file
(header row, one article per row), an HTML page (``.html``, ``.htm``: boilerplate
removed, metadata from the page), an RSS/Atom feed (``.rss``, ``.atom``, ``.xml``), a
WARC archive (``.warc``, ``.warc.gz``), a list of URLs (``.urls``), an http(s) URL
(fetched: a feed, a page or a text), a directory (its files of those kinds, sorted,
recursively; ids are paths relative to the directory; hidden files, other extensions
and ``.xml`` files that are not feeds are skipped) or ``-`` for standard input (JSONL
when every non-empty line starts with ``{``, otherwise one text article with id
``stdin``).  See the modules html, feeds, warc and urls for each format.

Problems with one input (missing file, unsupported type, bad line) become
`ArticleFailure` records in the stream; only a wrong argument list raises `UsageError`.
"""

from __future__ import annotations

import io
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ..config import load_settings
from ..errors import UsageError
from ..types import Article, ArticleFailure
from .csv import read_csv
from .feeds import looks_like_feed, read_feed
from .html import read_html
from .jsonl import read_jsonl
from .record import ReadOptions
from .txt import read_text_stream
from .urls import is_url, read_url, read_url_list, url_lines
from .warc import read_warc

log = logging.getLogger(__name__)

Item = Article | ArticleFailure
STDIN = "-"
SUFFIXES = (
    ".txt", ".jsonl", ".ndjson", ".csv", ".html", ".htm", ".xhtml", ".rss", ".atom", ".xml", ".warc", ".warc.gz",
    ".urls",
)
URL_LIST_LIMIT = 1 << 22
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_paths(
    paths: Sequence[str],
    published: str | None = None,
    source: str | None = None,
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Articles from the given paths, in order, each cleaned and checked (see `prepare_article`).

    `published` (YYYY-MM-DD) and `source` apply to articles that carry none of their own.
    `max_bytes` defaults to the `max_article_bytes` setting.  Raises `UsageError` at once
    (before anything is read) when the arguments themselves are wrong.
    """
    if not paths:
        raise UsageError("no PATH given: name files, directories, or - for standard input")
    if list(paths).count(STDIN) > 1:
        raise UsageError("standard input (-) can only be read once")
    if published is not None:
        published = check_published(published)
    if max_bytes is None:
        max_bytes = load_settings().max_article_bytes
    options = ReadOptions(published=published, source=source, max_bytes=max_bytes)
    return _read_all(list(paths), options, stdin)


def check_published(value: str) -> str:
    """Validate a --published value (YYYY-MM-DD); raises `UsageError`."""
    value = value.strip()
    try:
        if _DATE.fullmatch(value):
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise UsageError(f"bad --published date {value!r}: expected YYYY-MM-DD, e.g. 2023-11-04")


def _read_all(paths: list[str], options: ReadOptions, stdin: BinaryIO | None) -> Iterator[Item]:
    for path in paths:
        if path == STDIN:
            yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, options)
        elif is_url(path):
            yield from read_url(path.strip(), options)
        elif os.path.isdir(path):
            yield from _read_directory(path, options)
        else:
            yield from _read_file(path, os.path.basename(path) or path, options, explicit=True)


def _read_directory(root: str, options: ReadOptions) -> Iterator[Item]:
    found = False
    for rel in _directory_files(root):
        found = True
        if rel.lower().endswith(".xml") and not _sniff_feed(os.path.join(root, rel)):
            log.debug("%s: not an RSS/Atom feed, skipped", rel)
            continue
        yield from _read_file(os.path.join(root, rel), rel.replace(os.sep, "/"), options, explicit=False)
    if not found:
        log.warning("%s: no files of a supported kind (.txt, .jsonl, .csv, .html, feeds, WARC) here", root)


def _directory_files(root: str) -> list[str]:
    """Supported files under `root`, as relative paths sorted component by component."""
    found: list[tuple[str, ...]] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=_walk_error):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel_dir = Path(dirpath).relative_to(root).parts
        for filename in filenames:
            if not filename.startswith(".") and filename.lower().endswith(SUFFIXES):
                found.append((*rel_dir, filename))
    return [os.path.join(*parts) for parts in sorted(found)]


def _sniff_feed(path: str) -> bool:
    try:
        with open(path, "rb") as stream:
            return looks_like_feed(stream.read(4096))
    except OSError:
        return True  # let the reader report the problem


def _suffix(path: str) -> str:
    lower = path.lower()
    if lower.endswith(".warc.gz"):
        return ".warc.gz"
    return os.path.splitext(lower)[1]


def _walk_error(exc: OSError) -> None:
    log.warning("cannot list %s: %s", exc.filename, exc.strerror)


def _read_file(path: str, name: str, options: ReadOptions, explicit: bool) -> Iterator[Item]:
    """One file; `name` is the id base (file name, or path relative to a directory argument)."""
    suffix = _suffix(path)
    reader = _READERS.get(suffix)
    if not os.path.exists(path):
        yield ArticleFailure(path, "no such file", path)
        return
    if reader is None:
        kind = suffix or "(no extension)"
        yield ArticleFailure(
            path,
            f"unsupported file type {kind}; expected .txt, .jsonl, .csv, .html, .rss/.atom/.xml, "
            ".warc(.gz), .urls, a URL, a directory or -",
            path,
        )
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except FileNotFoundError:
        yield ArticleFailure(path, "no such file", path)
        return
    except OSError as exc:
        yield ArticleFailure(path, f"cannot read: {exc.strerror or exc}", path)
        return
    with stream:
        try:
            yield from reader(stream, name, path, options)
        except OSError as exc:  # e.g. a read error half-way through a file
            yield ArticleFailure(path, f"cannot read: {exc.strerror or exc}", path)


def _read_txt(stream: BinaryIO, name: str, where: str, options: ReadOptions) -> Iterator[Item]:
    """One article, or a list of URLs when every non-blank, non-comment line is a URL."""
    head = stream.read(options.max_bytes + 4)
    lines = url_lines(head) if len(head) <= options.max_bytes else None  # longer lists: use .urls
    if lines:
        yield from read_url_list(lines, where, options)
    else:
        yield read_text_stream(stream, name, where, options, head=head)


def _read_urls(stream: BinaryIO, name: str, where: str, options: ReadOptions) -> Iterator[Item]:
    lines = url_lines(stream.read(URL_LIST_LIMIT + 1))
    if lines is None:
        yield ArticleFailure(name, "not a list of URLs (one http:// or https:// URL per line)", where)
        return
    yield from read_url_list(lines, where, options)


_READERS: dict[str, Callable[[BinaryIO, str, str, ReadOptions], Iterator[Item]]] = {
    ".txt": _read_txt,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".warc": read_warc,
    ".warc.gz": read_warc,
    ".urls": _read_urls,
}


# -- standard input -------------------------------------------------------------------------


def read_stdin(stream: BinaryIO, options: ReadOptions) -> Iterator[Item]:
    """Standard input: JSONL if every non-empty line starts with ``{``, else one text article.

    Only the first `max_bytes` are looked at to decide, so JSONL of any length streams.
    """
    limit = options.max_bytes + 4
    head = stream.read(limit)
    if _looks_like_jsonl(head):
        yield from read_jsonl(io.BufferedReader(_Prefixed(head, stream)), "stdin", "stdin", options)
    else:
        yield read_text_stream(stream, "stdin", "stdin", options, head=head)


def _looks_like_jsonl(head: bytes) -> bool:
    lines = [ln.strip() for ln in head.removeprefix(b"\xef\xbb\xbf").splitlines()]
    lines = [ln for ln in lines if ln]
    return bool(lines) and all(ln.startswith(b"{") for ln in lines)


class _Prefixed(io.RawIOBase):
    """A binary stream that first replays `head`, then continues with `rest`."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read1 = getattr(self._rest, "read1", self._rest.read)
        data = read1(len(buffer))
        buffer[: len(data)] = data
        return len(data)

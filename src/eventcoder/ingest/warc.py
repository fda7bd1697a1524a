"""WARC web archives (``.warc``, ``.warc.gz``) to articles, with warcio.

Every ``response`` record with HTTP status 200 and an HTML body (and every ``resource``
record of type text/html or text/plain) is one article: id and URL are the record's
``WARC-Target-URI``, the text and metadata come from the page (`eventcoder.ingest.html`).
Other records (requests, metadata, images, redirects, errors) are skipped.  The
publication date is the page's own, else ``--published``, else the capture date
(``WARC-Date``), the best guess an archive has.  A damaged archive fails at the record
where reading stops; the records before it are kept.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from ..errors import ArticleError, MalformedRecord
from ..types import Article, ArticleFailure
from .clean import decode_bytes, normalise_date
from .html import article_from_html, html_limit
from .record import ReadOptions, failure, finish

Item = Article | ArticleFailure
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MAGIC = (b"WARC/", b"\x1f\x8b", b"filedesc://")


def read_warc(stream: BinaryIO, name: str, where: str, options: ReadOptions) -> Iterator[Item]:
    """The pages of one WARC file (gzip-compressed or not)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not stream.peek(16)[:16].startswith(_MAGIC):  # type: ignore[attr-defined]
        yield failure(MalformedRecord(name, "not a WARC archive (no WARC/ARC header or gzip data)", where), where)
        return
    iterator = ArchiveIterator(stream, arc2warc=True)
    seen = 0
    try:
        for record in iterator:
            seen += 1
            # warcio finds a record's offset by reading to its end: content is read before asking
            item = _record_item(record, lambda: f"{where}@{iterator.get_record_offset()}", options)
            if item is not None:
                yield item
    except ArchiveLoadFailed as exc:
        yield failure(MalformedRecord(name, f"not a readable WARC archive after {seen} records ({exc})", where), where)
    except (OSError, EOFError, ValueError) as exc:  # truncated gzip, bad chunking
        yield failure(MalformedRecord(name, f"WARC archive damaged after {seen} records ({exc})", where), where)


def _record_item(record: Any, where_of: Callable[[], str], options: ReadOptions) -> Item | None:
    kind = record.rec_type
    url = record.rec_headers.get_header("WARC-Target-URI")
    captured = normalise_date(record.rec_headers.get_header("WARC-Date") or "")
    if kind == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return None
        media = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    elif kind == "resource":
        media = (record.rec_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    else:
        return None
    if media not in _HTML_TYPES and media != "text/plain":
        return None
    limit = html_limit(options)
    data = record.content_stream().read(limit + 1)
    where = where_of()
    article_id = url or where
    if len(data) > limit:
        return ArticleFailure(article_id, f"page too large: over {limit} bytes", where)
    if media == "text/plain":
        try:
            text = decode_bytes(data, article_id, where)
        except ArticleError as exc:
            return failure(exc, where)
        article = Article(article_id, text, options.published or captured, options.source, url)
        return finish(article, where, options)
    item = article_from_html(data, article_id, where, options, url=url)
    if isinstance(item, Article) and item.published is None and captured:
        return finish(dataclasses.replace(item, published=captured), where, options)
    return item

"""RSS and Atom feeds to articles (feedparser), fetching each item's page when needed.

An item *carries its full text* when it has a content element (``content:encoded``,
``atom:content``) whose text is longer than its summary; that text is the article.
Otherwise the feed carries only a summary, and the item's link is fetched and read as
an HTML page (`eventcoder.ingest.html`); a link that cannot be fetched is a failure for
that item (so a later run retries it), and an item without a link is coded from its
summary.  The item's link is the article's id and URL; its title and date come from
the feed (the page's own metadata when the feed has none); the outlet is the item's
``<source>``, else the page's site name, else the feed's title.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import MalformedRecord, OversizedArticle
from ..types import Article, ArticleFailure
from .clean import html_to_text, normalise_date
from .fetch import FetchError, fetch
from .html import article_from_html, html_limit
from .record import ReadOptions, failure, finish

log = logging.getLogger(__name__)

Item = Article | ArticleFailure
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """True for an RSS/Atom document (by media type, or by its root element near the start)."""
    if content_type in _FEED_TYPES[:3]:
        return True
    return bool(_FEED_START.search(data[:4096]))


def read_feed(stream: BinaryIO, name: str, where: str, options: ReadOptions) -> Iterator[Item]:
    """A feed file (``.rss``, ``.atom``, ``.xml``)."""
    limit = html_limit(options)
    data = stream.read(limit + 1)
    if len(data) > limit:
        yield failure(OversizedArticle(name, len(data), limit, where), where)
        return
    yield from read_feed_bytes(data, name, where, options)


def read_feed_bytes(
    data: bytes, name: str, where: str, options: ReadOptions, feed_url: str | None = None
) -> Iterator[Item]:
    """The items of one feed document as articles (pages fetched as needed) and failures."""
    import feedparser  # imported here: only feeds need it

    headers = {"content-location": feed_url} if feed_url else None
    parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        detail = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        yield failure(MalformedRecord(name, f"not an RSS or Atom feed{detail}", where), where)
        return
    feed_title = _clean(parsed.feed.get("title"))
    if not parsed.entries:
        log.info("%s: the feed has no items", where)
    for index, entry in enumerate(parsed.entries, start=1):
        yield _item(entry, f"{name}#{index}", f"{where}#{index}", feed_title, options)


def _item(entry: Any, fallback_id: str, where: str, feed_title: str | None, options: ReadOptions) -> Item:
    link = _clean(entry.get("link"))
    article_id = link or _clean(entry.get("id")) or fallback_id
    title = _clean(entry.get("title"))
    published = _entry_date(entry)
    entry_source = _clean((entry.get("source") or {}).get("title"))
    summary = _fragment_text(entry.get("summary"))
    content = max((_fragment_text(c.get("value")) or "" for c in entry.get("content") or ()), key=len, default="")
    if content and len(content) > len(summary or ""):
        text = content
    elif link:
        return _fetched_item(link, article_id, where, options, published, title, entry_source, feed_title)
    else:
        text = summary or ""
    article = Article(
        id=article_id,
        text=text,
        published=published or options.published,
        source=entry_source or feed_title or options.source,
        url=link,
        title=title,
    )
    return finish(article, where, options)


def _fetched_item(
    link: str, article_id: str, where: str, options: ReadOptions, published: str | None, title: str | None,
    entry_source: str | None, feed_title: str | None,
) -> Item:
    try:
        page = fetch(link, html_limit(options))
    except FetchError as exc:
        return ArticleFailure(article_id, exc.reason, where)
    return article_from_html(
        page.data, article_id, where, options, url=link, published=published, title=title,
        source=entry_source, default_source=feed_title,
    )


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if isinstance(value, str) and (normal := normalise_date(value)):
            return normal
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _fragment_text(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = html_to_text(value) if "<" in value else value
    return text.strip() or None


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

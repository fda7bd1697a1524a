"""URLs as input: a URL argument, or a file listing URLs (``feeds.txt``, ``*.urls``).

A list of URLs is a text file whose every non-blank line is one http(s) URL (lines
starting with ``#`` are comments).  Each URL is fetched and read by what comes back: a
feed (RSS/Atom, by media type or root element) yields its items, an HTML page is one
article, plain text is one article; anything else fails with its media type.  The
article's id and URL are the URL as given.

`normalise_url` gives the form that identifies an article in the store: scheme and host
lower-cased, default port and fragment dropped, the rest kept as is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

from ..errors import ArticleError, MalformedRecord
from ..types import Article, ArticleFailure
from .clean import decode_bytes
from .feeds import looks_like_feed, read_feed_bytes
from .fetch import FetchError, fetch
from .html import article_from_html, html_limit
from .record import ReadOptions, failure, finish

Item = Article | ArticleFailure
_URL = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_LIST_LIMIT = 1 << 22  # a list of URLs larger than 4 MiB is taken for something else


def is_url(value: str) -> bool:
    """True for an http:// or https:// URL (the only kind eventcoder fetches)."""
    return bool(_URL.fullmatch(value.strip()))


def normalise_url(url: str) -> str:
    """The URL that identifies an article: lower-case scheme and host, no default port or fragment."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def url_lines(data: bytes) -> list[tuple[int, str]] | None:
    """(line number, URL) for each URL when `data` is a list of URLs, else None."""
    if len(data) > _LIST_LIMIT:
        return None
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return None
    found: list[tuple[int, str]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            return None
        found.append((lineno, line))
    return found or None


def read_url_list(lines: list[tuple[int, str]], where: str, options: ReadOptions) -> Iterator[Item]:
    """Fetch and read each URL of a list, in order."""
    for lineno, url in lines:
        yield from read_url(url, options, where=f"{where}:{lineno}")


def read_url(url: str, options: ReadOptions, where: str | None = None) -> Iterator[Item]:
    """Fetch one URL and read it as a feed, an HTML page or a text."""
    where = where or url
    try:
        page = fetch(url, html_limit(options))
    except FetchError as exc:
        yield ArticleFailure(url, exc.reason, where)
        return
    if looks_like_feed(page.data, page.content_type):
        yield from read_feed_bytes(page.data, url, where, options, feed_url=page.url)
    elif page.content_type in _HTML_TYPES or (not page.content_type and b"<html" in page.data[:4096].lower()):
        yield article_from_html(page.data, url, where, options, url=url)
    elif page.content_type in ("text/plain", ""):
        try:
            text = decode_bytes(page.data, url, where)
        except ArticleError as exc:
            yield failure(exc, where)
            return
        source = options.source or urlsplit(url).hostname
        yield finish(Article(url, text, options.published, source, url), where, options)
    else:
        reason = f"unsupported content type {page.content_type}; expected a feed, an HTML page or text"
        yield failure(MalformedRecord(url, reason, where), where)

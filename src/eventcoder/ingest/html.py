"""HTML pages to articles: boilerplate removed by trafilatura, metadata from the page.

The article text is trafilatura's main-content extraction (navigation, footers, cookie
banners and comments dropped); when trafilatura finds no main content, its baseline
extractor is tried before the page fails as empty.  Title, publication date, canonical
URL and outlet (site name) come from the page's metadata (``<title>``, Open Graph,
``<link rel=canonical>``, htmldate's date search).  A value the caller knows (the URL
it fetched, a date the feed gave) wins over one found in the page; ``--published`` and
``--source`` apply only when neither gives one.  The outlet falls back to the URL's host.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO
from urllib.parse import urlsplit

from ..errors import BinaryArticle, OversizedArticle
from ..types import Article, ArticleFailure
from .clean import normalise_date
from .record import ReadOptions, failure, finish

# An HTML page carries markup around its text: accept pages this many times the text limit.
HTML_SIZE_FACTOR = 8


def html_limit(options: ReadOptions) -> int:
    return options.max_bytes * HTML_SIZE_FACTOR


def article_from_html(
    data: bytes | str,
    article_id: str,
    where: str,
    options: ReadOptions,
    *,
    url: str | None = None,
    published: str | None = None,
    title: str | None = None,
    source: str | None = None,
    default_source: str | None = None,
) -> Article | ArticleFailure:
    """One article from one HTML page; keyword values (known to the caller) win over page metadata.

    `default_source` (e.g. a feed's title) is used when neither `source` nor the page names the outlet.
    """
    import trafilatura  # imported here: it is slow to import and only HTML input needs it

    if (b"\x00" if isinstance(data, bytes) else "\x00") in data:  # type: ignore[operator]
        return failure(BinaryArticle(article_id, where), where)
    document = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, favor_recall=True, include_comments=False, include_tables=False
    )
    text = document.text if document is not None and document.text else None
    if not text:
        text = _baseline_text(data)
    page_url = url or (document.url if document is not None else None)
    page_date = normalise_date(document.date) if document is not None and document.date else None
    article = Article(
        id=article_id,
        text=text or "",
        published=published or page_date or options.published,
        source=source
        or (document.sitename if document is not None else None)
        or default_source
        or options.source
        or _host(page_url),
        url=page_url,
        title=title or (document.title if document is not None else None),
    )
    return finish(article, where, options)


def _baseline_text(data: bytes | str) -> str | None:
    from trafilatura import baseline

    _, text, _ = baseline(data)
    return text or None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def read_html(stream: BinaryIO, name: str, where: str, options: ReadOptions) -> Iterator[Article | ArticleFailure]:
    """An ``.html`` file: one article, id = the file name (size-capped at `html_limit`)."""
    limit = html_limit(options)
    data = stream.read(limit + 1)
    if len(data) > limit:
        size = len(data) + sum(len(chunk) for chunk in iter(lambda: stream.read(1 << 16), b""))
        yield failure(OversizedArticle(name, size, limit, where), where)
        return
    yield article_from_html(data, name, where, options)

"""Turning raw input into clean article text, and rejecting what is not text.

Every span in an event record is an offset into the text `prepare_article`
returns, so cleaning happens exactly once, before parsing, and is idempotent:
``clean_text(clean_text(s)) == clean_text(s)``.

HTML: a text that is clearly a whole HTML document (it starts with
``<!DOCTYPE html`` or ``<html``) is reduced to its visible text with the
standard library's tolerant `html.parser` (scripts, styles and comments
dropped, block elements become line breaks).  Fragments and stray tags in
ordinary text are left alone; proper boilerplate removal is a later stage.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser

from ..errors import (
    BinaryArticle,
    EmptyArticle,
    MalformedRecord,
    OversizedArticle,
    UndecodableArticle,
)
from ..types import Article

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# Line breaks other than \n: CRLF, CR, NEL, line/paragraph separators, form feed, vertical tab.
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# Spaces that are not U+0020: no-break, Ogham, en/em/thin/hair..., narrow no-break, math, ideographic.
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Invisible characters: soft hyphen, Mongolian vowel separator, zero-width space/non-joiner/joiner,
# bidi marks and embeddings, word joiner and invisible operators, BOM / zero-width no-break space.
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
# C0 and C1 control characters except tab and newline (other line breaks were converted before).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)

# A text is binary when it holds a NUL, or when more than this share of its characters
# (and at least _MIN_CONTROLS of them) are control characters other than whitespace.
_BINARY_SHARE = 0.05
_MIN_CONTROLS = 4
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, article_id: str, where: str | None = None) -> str:
    """Decode UTF-8 bytes (an optional BOM is dropped); never guesses another encoding.

    Raises `BinaryArticle` for NUL bytes and `UndecodableArticle` for anything that is
    not valid UTF-8 (including UTF-16, which is named so the user knows what to convert).
    """
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    elif data.startswith(_UTF16_BOMS):
        raise UndecodableArticle(article_id, "UTF-16 byte order mark; convert the file to UTF-8", where)
    if b"\x00" in data:
        raise BinaryArticle(article_id, where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise UndecodableArticle(article_id, f"invalid byte 0x{bad:02x} at offset {exc.start}", where) from None


def looks_binary(text: str) -> bool:
    """True when the text holds a NUL or a high share of control characters."""
    if "\x00" in text:
        return True
    controls = len(_BINARY_CONTROL.findall(text))
    return controls >= _MIN_CONTROLS and controls > _BINARY_SHARE * len(text)


def clean_text(raw: str) -> str:
    """Normalise text for coding (NFC, \\n line ends, plain spaces, no invisible or control characters)."""
    text = unicodedata.normalize("NFC", raw)
    if _HTML_START.match(text):
        text = html_to_text(text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()


def prepare_article(article: Article, max_bytes: int) -> Article:
    """Check and clean one article; the returned article's text is what spans refer to.

    Raises `OversizedArticle` (more than `max_bytes` UTF-8 bytes as read, before cleaning),
    `BinaryArticle`, `EmptyArticle` (nothing left after cleaning) or `MalformedRecord`
    (a `published` value that is not a date).
    """
    text = article.text
    if len(text) > max_bytes:  # at least one byte per character: certainly too large
        raise OversizedArticle(article.id, len(text.encode("utf-8", "surrogatepass")), max_bytes)
    if len(text) * 4 > max_bytes:  # only encode when it could be too large
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise OversizedArticle(article.id, size, max_bytes)
    if looks_binary(text):
        raise BinaryArticle(article.id)
    if _SURROGATE.search(text):
        raise UndecodableArticle(article.id, "lone surrogate code points, not valid Unicode text")
    cleaned = clean_text(text)
    if not cleaned:
        raise EmptyArticle(article.id)
    published = article.published
    if published is not None:
        normal = normalise_date(published) if isinstance(published, str) else None
        if normal is None:
            raise MalformedRecord(article.id, bad_date_reason(published))
        published = normal
    if cleaned == text and published == article.published:
        return article
    return dataclasses.replace(article, text=cleaned, published=published)


def normalise_date(value: str) -> str | None:
    """An ISO date or timestamp (or an RFC 2822 date as in RSS) as YYYY-MM-DD; None if not a date.

    A timestamp keeps its own calendar date: "2023-11-04T23:30:00-05:00" is 2023-11-04.
    """
    value = value.strip()
    if not value:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def bad_date_reason(value: object) -> str:
    return f"bad published date {value!r} (expected YYYY-MM-DD or an ISO 8601 timestamp)"


# -- whole HTML documents -----------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    (
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "table", "td", "th", "title", "tr", "ul",
    )
)
_WHITESPACE = re.compile(r"\s+")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            # Whitespace inside a block is layout, not content: collapse it as a browser would.
            self.parts.append(_WHITESPACE.sub(" ", data))


def html_to_text(document: str) -> str:
    """The visible text of an HTML document, one line per block element (stdlib only)."""
    parser = _TextExtractor()
    parser.feed(document)
    parser.close()
    lines = "".join(parser.parts).split("\n")
    return "\n".join(_WHITESPACE.sub(" ", line).strip() for line in lines)

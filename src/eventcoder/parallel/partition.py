"""Splitting a stream of articles into partitions, and what coding one partition returns."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..types import Article, ArticleFailure, Event

Item = Article | ArticleFailure
Result = tuple[Article, list[Event]] | ArticleFailure

PARTITION_SIZE = 100  # articles per partition
PARTITION_CHARS = 120_000  # and about this many characters of text at most (~20,000 words)


@dataclass(frozen=True, slots=True)
class Partition:
    """Consecutive input items (articles, and read failures passed through in place)."""

    index: int
    items: tuple[Item, ...]

    def ids(self) -> tuple[tuple[str, str | None], ...]:
        """(article id, where) of each article: enough to report them if the partition is lost."""
        return tuple((i.id, None) if isinstance(i, Article) else (i.article_id, i.where) for i in self.items)


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """One coded partition.

    `items` are the results in input order (empty when the run does not collect them);
    `failures` repeats the failures among them; `files` are the Parquet files written.
    """

    index: int
    items: tuple[Result, ...]
    articles: int
    events: int
    failures: tuple[ArticleFailure, ...]
    files: tuple[str, ...] = ()
    host: str = ""
    pid: int = 0
    seconds: float = 0.0


def partitions(
    items: Iterable[Item], size: int = PARTITION_SIZE, max_chars: int = PARTITION_CHARS
) -> Iterator[Partition]:
    """Cut `items` into partitions of at most `size` items and about `max_chars` of text, lazily."""
    if size < 1:
        raise ValueError(f"partition size must be at least 1, not {size}")
    index = 0
    chunk: list[Item] = []
    chars = 0
    for item in items:
        length = len(item.text) if isinstance(item, Article) else 0
        if chunk and (len(chunk) >= size or chars + length > max_chars):
            yield Partition(index, tuple(chunk))
            index += 1
            chunk, chars = [], 0
        chunk.append(item)
        chars += length
    if chunk:
        yield Partition(index, tuple(chunk))

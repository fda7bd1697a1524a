"""Splitting a stream of articles into partitions, and what coding one partition returns."""

from __future__ import annotations

from collections import deque
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
    `failures` repeats the failures among them, and `failure_at` gives their positions
    in that order (so results read back from the Parquet `files` can be put in order).
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
    failure_at: tuple[int, ...] = ()


def partitions(
    items: Iterable[Item], size: int = PARTITION_SIZE, max_chars: int = PARTITION_CHARS, tail: int = 0
) -> Iterator[Partition]:
    """Cut `items` into partitions of at most `size` items and about `max_chars` of text, lazily.

    With `tail` > 0 the stream is read `tail` partitions ahead, and the last `tail`
    partitions' worth of input is cut `TAIL_SPLIT` times finer: the workers of a run
    then finish within a small partition of each other instead of one idling while
    another codes the last big partition (measured: 6 s idle at the end of a 100 s
    run with 120,000-character partitions).  The bulk keeps big partitions (fewer
    tasks, fewer Parquet files).
    """
    if size < 1:
        raise ValueError(f"partition size must be at least 1, not {size}")
    chunks = _cut(items, size, max_chars)
    if tail > 0:
        chunks = _small_tail(chunks, tail, size, max_chars)
    for index, chunk in enumerate(chunks):
        yield Partition(index, chunk)


TAIL_SPLIT = 4  # the last partitions of a run are this many times smaller


def _cut(items: Iterable[Item], size: int, max_chars: int) -> Iterator[tuple[Item, ...]]:
    chunk: list[Item] = []
    chars = 0
    for item in items:
        length = len(item.text) if isinstance(item, Article) else 0
        if chunk and (len(chunk) >= size or chars + length > max_chars):
            yield tuple(chunk)
            chunk, chars = [], 0
        chunk.append(item)
        chars += length
    if chunk:
        yield tuple(chunk)


def _small_tail(
    chunks: Iterator[tuple[Item, ...]], tail: int, size: int, max_chars: int
) -> Iterator[tuple[Item, ...]]:
    """`chunks`, holding back the last `tail` of them to re-cut `TAIL_SPLIT` times finer."""
    held: deque[tuple[Item, ...]] = deque()
    for chunk in chunks:
        held.append(chunk)
        if len(held) > tail:
            yield held.popleft()
    rest = [item for chunk in held for item in chunk]
    yield from _cut(rest, max(1, size // TAIL_SPLIT), max(1, max_chars // TAIL_SPLIT))

"""`ingest_paths`: read inputs, skip what is stored, code the rest, store it — the `eventcoder ingest` work.

Articles are given their store id (`article_key`: the URL, else the text hash) *before*
coding, so event ids depend on the article, not on the file it came from; articles the
database already holds (or met earlier in the same run) are not coded again.  That is
what makes a re-run after a crash cheap and free of duplicates.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..ingest import read_paths
from ..types import Article, ArticleFailure, Event
from .rows import article_key
from .store import DEFAULT_BATCH, EventStore, Run
from .writer import BatchCounts

if TYPE_CHECKING:
    from ..pipeline import Coder


@dataclass(slots=True)
class IngestSummary:
    """What one ingest did: items read, articles skipped before coding, and what the store added."""

    run_id: str
    read: int = 0
    skipped: int = 0  # already in the store (or twice in the input): not coded again
    counts: BatchCounts = dataclasses.field(default_factory=BatchCounts)

    @property
    def failed(self) -> int:
        return self.counts.failures

    @property
    def already_stored(self) -> int:
        return self.skipped + self.counts.already_stored

    def as_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "read": self.read, **self.counts.as_dict(), "already_stored": self.already_stored}


def ingest_paths(
    store: EventStore,
    coder: Coder,
    paths: Sequence[str],
    published: str | None = None,
    source: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    on_batch: Callable[[BatchCounts], None] | None = None,
    on_failure: Callable[[ArticleFailure], None] | None = None,
    stdin: Any = None,
) -> IngestSummary:
    """Read, code and store `paths` (files, directories, URLs, -) in one run."""
    items = read_paths(paths, published=published, source=source, stdin=stdin)
    run = store.start_run("ingest", list(paths))
    try:
        summary = ingest_items(store, coder, items, run, batch_size, on_batch, on_failure)
    except KeyboardInterrupt:
        store.finish_run(run, status="interrupted")
        raise
    except BaseException:
        store.finish_run(run, status="failed")
        raise
    store.finish_run(run, already_stored=summary.skipped)
    return summary


def ingest_items(
    store: EventStore,
    coder: Coder,
    items: Iterable[Article | ArticleFailure],
    run: Run,
    batch_size: int = DEFAULT_BATCH,
    on_batch: Callable[[BatchCounts], None] | None = None,
    on_failure: Callable[[ArticleFailure], None] | None = None,
) -> IngestSummary:
    """Code and store the articles not yet in the store; failures (reading or coding) are stored too."""
    summary = IngestSummary(run.id)
    input_ids: dict[str, str] = {}
    seen: set[str] = set()

    def fresh() -> Iterator[Article | ArticleFailure]:
        for item in items:
            summary.read += 1
            if isinstance(item, ArticleFailure):
                yield item
                continue
            key = article_key(item)
            if key in seen or store.has_article(key):
                summary.skipped += 1
                continue
            seen.add(key)
            input_ids[key] = item.id
            yield dataclasses.replace(item, id=key)

    def results() -> Iterator[tuple[Article, list[Event]] | ArticleFailure]:
        for result in coder.code_many(fresh()):
            if isinstance(result, ArticleFailure):
                if result.article_id in input_ids:  # a coding failure: name the article as the input did
                    result = ArticleFailure(input_ids[result.article_id], result.reason, result.where)
                if on_failure is not None:
                    on_failure(result)
            yield result

    summary.counts = store.ingest(results(), run, batch_size, input_ids=input_ids, on_batch=on_batch)
    return summary

"""Running the coder over an event gold set and scoring the result."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..types import Article, ArticleFailure
from .gold import GoldRecord
from .metrics import EventScores, score_events
from .predicted import PredEvent

if TYPE_CHECKING:
    from ..pipeline import Coder


def predict(records: Sequence[GoldRecord], coder: Coder) -> Iterator[tuple[GoldRecord, list[PredEvent], str | None]]:
    """Each record with the coder's events for its text, and the failure reason if it could not be coded."""
    by_id = {r.id: r for r in records}
    articles = (Article(id=r.id, text=r.text, published=r.published) for r in records)
    for item in coder.code_many(articles):
        if isinstance(item, ArticleFailure):
            yield by_id[item.article_id], [], item.reason
        else:
            article, events = item
            yield by_id[article.id], [PredEvent.from_event(e) for e in events], None


def evaluate_events(records: Sequence[GoldRecord], coder: Coder) -> EventScores:
    """Code every gold record's text with ``coder`` and score the events (failures count as no events)."""
    failures: list[tuple[str, str]] = []

    def pairs() -> Iterator[tuple[GoldRecord, list[PredEvent]]]:
        for record, pred, failure in predict(records, coder):
            if failure is not None:
                failures.append((record.id, failure))
            yield record, pred

    scores = score_events(pairs())
    scores.failures = failures
    return scores

"""Measuring eventcoder against labelled data: events (PLOVER or eventcoder gold), places and dates.

`read_gold` + `evaluate_events` (or `score_events` on predictions you already have) give an
`EventScores`; `headline` picks the figures the eval gate (`eventcoder.evaluate.gate`) pins.
"""

from . import report
from .events import evaluate_events, predict
from .gold import GoldEntity, GoldEvent, GoldPlace, GoldRecord, parse_gold_record, read_gold
from .match import Alignment, align
from .metrics import PRF, Accuracy, ErrorItem, EventScores, headline, score_events, top_event
from .predicted import PredEntity, PredEvent, PredPlace
from .tasks import (
    DateRecord,
    DateScores,
    PlaceRecord,
    PlaceScores,
    evaluate_dates,
    evaluate_places,
    read_dates,
    read_places,
    score_dates,
    score_places,
)

__all__ = [
    "PRF",
    "Accuracy",
    "Alignment",
    "DateRecord",
    "DateScores",
    "ErrorItem",
    "EventScores",
    "GoldEntity",
    "GoldEvent",
    "GoldPlace",
    "GoldRecord",
    "PlaceRecord",
    "PlaceScores",
    "PredEntity",
    "PredEvent",
    "PredPlace",
    "align",
    "evaluate_dates",
    "evaluate_events",
    "evaluate_places",
    "headline",
    "parse_gold_record",
    "predict",
    "read_dates",
    "read_gold",
    "read_places",
    "report",
    "score_dates",
    "score_events",
    "score_places",
    "top_event",
]

"""Events as CSV: one row per event, nested fields flattened.

Lists (context, compound actors and recipients) are joined with ``;``; the actor and
recipient columns stay aligned position by position (an unknown country is an empty
item: ``AZE;``).  Missing values are empty cells.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from typing import Any

from ..types import Entity, Event
from .base import EventWriter

SEP = ";"


def _join(values: Sequence[Any]) -> str:
    return SEP.join("" if v is None else str(v) for v in values)


def _names(entities: Sequence[Entity]) -> str:
    return _join([e.name or e.entity_text for e in entities])


def _cell(value: Any) -> Any:
    return "" if value is None else value


def _loc(event: Event, attribute: str) -> Any:
    return _cell(getattr(event.event_loc, attribute)) if event.event_loc else ""


def _speaker(event: Event) -> str:
    speaker = event.attribution.speaker if event.attribution else None
    return (speaker.name or speaker.entity_text) if speaker else ""


COLUMNS: tuple[tuple[str, Callable[[Event], Any]], ...] = (
    ("id", lambda e: e.id),
    ("article_id", lambda e: e.article.id),
    ("article_source", lambda e: _cell(e.article.source)),
    ("article_published", lambda e: _cell(e.article.published)),
    ("event_type", lambda e: e.event_type),
    ("mode", lambda e: _cell(e.mode)),
    ("context", lambda e: _join(e.context)),
    ("cameo", lambda e: _cell(e.cameo)),
    ("quad_class", lambda e: _cell(e.quad_class)),
    ("goldstein", lambda e: _cell(e.goldstein)),
    ("actor_name", lambda e: _names(e.actor)),
    ("actor_country", lambda e: _join([a.country for a in e.actor])),
    ("actor_sector", lambda e: _join([a.sector for a in e.actor])),
    ("recipient_name", lambda e: _names(e.recipient)),
    ("recipient_country", lambda e: _join([r.country for r in e.recipient])),
    ("recipient_sector", lambda e: _join([r.sector for r in e.recipient])),
    ("date", lambda e: _cell(e.date)),
    ("date_precision", lambda e: _cell(e.date_precision)),
    ("event_loc_name", lambda e: _loc(e, "name") or _loc(e, "entity_text")),
    ("event_loc_country", lambda e: _loc(e, "country")),
    ("event_loc_lat", lambda e: _loc(e, "lat")),
    ("event_loc_lon", lambda e: _loc(e, "lon")),
    ("trigger", lambda e: e.trigger.text),
    ("factuality", lambda e: e.factuality),
    ("attribution_speaker", _speaker),
    ("confidence", lambda e: round(e.confidence, 3)),
    ("evidence", lambda e: e.evidence),
    ("sentence", lambda e: e.sentence.text),
)

HEADER = tuple(name for name, _ in COLUMNS)


def flatten(event: Event) -> list[Any]:
    """The CSV row for one event, in `HEADER` order."""
    return [get(event) for _, get in COLUMNS]


class CsvWriter(EventWriter):
    """A header row, then one row per event (RFC 4180 quoting, \\n line ends)."""

    def begin(self) -> None:
        self.writer = csv.writer(self.stream, lineterminator="\n")
        self.writer.writerow(HEADER)

    def write_event(self, event: Event) -> None:
        self.writer.writerow(flatten(event))

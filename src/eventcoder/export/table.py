"""A compact human view of events for the terminal (plain text, no dependencies).

One heading line per article, then two lines per event::

    readout.txt  (published 2023-11-04, News.Az)
      CONSULT/visit          Jeyhun Bayramov [AZE GOV] → Council of Europe [IGO]
          2023-11-03 · Strasbourg [FRA] · asserted · “held a meeting”

Lines longer than the width are cut with an ellipsis.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ..types import Article, Entity, Event
from .base import EventWriter

DEFAULT_WIDTH = 100
_KIND_WIDTH = 23  # "ASSAULT/suicide-attack" and a space
_INDENT = "  "
_DETAIL_INDENT = "      "
_SPEAKER_WIDTH = 32


def entity_label(entity: Entity) -> str:
    """``Name [CTY SEC]``: canonical name (or the text), country and sector codes."""
    codes = " ".join(c for c in (entity.country, entity.sector) if c)
    name = entity.name or entity.entity_text
    return f"{name} [{codes}]" if codes else name


def who(event: Event) -> str:
    actor = ", ".join(entity_label(e) for e in event.actor) or "?"
    if not event.recipient:
        return actor
    return f"{actor} → " + ", ".join(entity_label(e) for e in event.recipient)


def details(event: Event) -> str:
    parts: list[str] = []
    if event.date:
        parts.append(event.date)
    if event.event_loc:
        loc = event.event_loc
        place = loc.name or loc.entity_text
        parts.append(f"{place} [{loc.country}]" if loc.country else place)
    factuality = event.factuality
    speaker = event.attribution.speaker if event.attribution else None
    if speaker:
        factuality += f" by {fit(speaker.name or speaker.entity_text, _SPEAKER_WIDTH)}"
    parts.append(factuality)
    parts.append(f"“{' '.join(event.trigger.text.split())}”")
    return " · ".join(parts)


def kind(event: Event) -> str:
    return f"{event.event_type}/{event.mode}" if event.mode else event.event_type


def heading(article: Article) -> str:
    meta = [m for m in (f"published {article.published}" if article.published else None, article.source) if m]
    return f"{article.id}  ({', '.join(meta)})" if meta else article.id


def fit(line: str, width: int) -> str:
    return line if len(line) <= width else line[: max(1, width - 1)] + "…"


class TableWriter(EventWriter):
    """The human view; articles without events are listed as such."""

    def __init__(self, stream: TextIO, width: int | None = None) -> None:
        super().__init__(stream)
        self.width = max(40, width or DEFAULT_WIDTH)
        self.articles = 0

    def write(self, article: Article, events: Sequence[Event]) -> None:
        lines = [heading(article)] if not self.articles else ["", heading(article)]
        self.articles += 1
        if not events:
            lines.append(f"{_INDENT}(no events)")
        for event in events:
            lines.append(f"{_INDENT}{kind(event):<{_KIND_WIDTH - 1}} {who(event)}")
            lines.append(_DETAIL_INDENT + details(event))
        self.stream.write("".join(fit(line, self.width) + "\n" for line in lines))

    def write_event(self, event: Event) -> None:  # pragma: no cover - `write` handles events
        raise NotImplementedError

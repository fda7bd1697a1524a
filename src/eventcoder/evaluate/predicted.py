"""Predicted events in the light form the scorer needs, built from `Event` or its JSON record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..types import Event


@dataclass(frozen=True, slots=True)
class PredEntity:
    text: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class PredPlace:
    text: str
    name: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class PredEvent:
    event_type: str
    trigger: str
    trigger_span: tuple[int, int] | None = None
    mode: str | None = None
    actor: tuple[PredEntity, ...] = ()
    recipient: tuple[PredEntity, ...] = ()
    factuality: str = "asserted"
    attribution: str | None = None  # the speaker's text (or the cue when no speaker was found)
    date: str | None = None
    event_loc: PredPlace | None = None
    confidence: float = 1.0
    sentence: str | None = None

    @classmethod
    def from_event(cls, event: Event) -> PredEvent:
        return cls.from_record(event.to_dict())

    @classmethod
    def from_record(cls, d: Mapping[str, Any]) -> PredEvent:
        """From the event record of DESIGN.md (`Event.to_dict()`, a line of `eventcoder code`)."""
        trigger = d.get("trigger") or {}
        span = trigger.get("span")
        attribution = d.get("attribution")
        speaker = None
        if attribution:
            who = attribution.get("speaker") or {}
            speaker = who.get("entity_text") or who.get("name") or attribution.get("cue") or ""
        loc = d.get("event_loc")
        sentence = d.get("sentence") or {}
        return cls(
            event_type=d["event_type"],
            trigger=trigger.get("text") or "",
            trigger_span=(int(span[0]), int(span[1])) if span else None,
            mode=d.get("mode"),
            actor=tuple(_entity(e) for e in d.get("actor") or ()),
            recipient=tuple(_entity(e) for e in d.get("recipient") or ()),
            factuality=d.get("factuality") or "asserted",
            attribution=speaker,
            date=d.get("date"),
            event_loc=PredPlace(loc.get("entity_text") or "", loc.get("name"), loc.get("country")) if loc else None,
            confidence=float(d.get("confidence") or 0.0),
            sentence=sentence.get("text"),
        )


def _entity(e: Mapping[str, Any]) -> PredEntity:
    return PredEntity(e.get("entity_text") or "", e.get("country"), e.get("sector"), e.get("name"))

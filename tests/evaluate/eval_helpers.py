"""Hand-built gold and predicted events for the scoring tests (no Coder involved)."""

from __future__ import annotations

from typing import Any

from eventcoder.evaluate import GoldEntity, GoldEvent, GoldPlace, GoldRecord, PredEntity, PredEvent
from eventcoder.evaluate.gold import EVENTCODER


def gold(event_type: str, trigger: str, actor: tuple[tuple[str, str | None, str | None], ...] = (),
         recipient: tuple[tuple[str, str | None, str | None], ...] = (), **kw: Any) -> GoldEvent:
    kw.setdefault("attribution_labelled", True)
    kw.setdefault("factuality", "asserted")
    return GoldEvent(
        event_type=event_type, mode=kw.pop("mode", None), context=(), trigger=trigger,
        actor=tuple(GoldEntity(*a) for a in actor), recipient=tuple(GoldEntity(*r) for r in recipient), **kw,
    )


def pred(text: str, event_type: str, trigger: str, actor: tuple[tuple[str, str | None, str | None], ...] = (),
         recipient: tuple[tuple[str, str | None, str | None], ...] = (), **kw: Any) -> PredEvent:
    start = text.index(trigger)
    return PredEvent(
        event_type=event_type, trigger=trigger, trigger_span=(start, start + len(trigger)),
        actor=tuple(PredEntity(*a) for a in actor), recipient=tuple(PredEntity(*r) for r in recipient), **kw,
    )


def record(rid: str, text: str, *events: GoldEvent, form: str = EVENTCODER) -> GoldRecord:
    return GoldRecord(rid, text, "2024-05-07", tuple(events), form)


def place(text: str, country: str | None) -> GoldPlace:
    return GoldPlace(text, country, True)

"""The event filters of the query string, shared by /api/events, /api/network and /api/places."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Query

from ..store import EventFilters
from .schemas import CODE_PATTERN, MAX_NAME, EventType, Factuality

Code = Annotated[str | None, Query(pattern=CODE_PATTERN, description="country code: ISO alpha-3 or PLOVER (IGO...)")]
Sector = Annotated[str | None, Query(pattern=CODE_PATTERN, description="PLOVER sector code, e.g. GOV, MIL")]
Text = Annotated[str | None, Query(max_length=MAX_NAME, description="substring, case-insensitive")]


def _text(value: str | None) -> str | None:
    return value if value and value.strip() else None


def event_filters(
    event_type: Annotated[EventType | None, Query(description="PLOVER event type")] = None,  # type: ignore[valid-type]
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1 verbal cooperation ... 4 material conflict")] = None,
    actor: Code = None,
    recipient: Code = None,
    actor_sector: Sector = None,
    recipient_sector: Sector = None,
    actor_name: Text = None,
    recipient_name: Text = None,
    factuality: Annotated[Factuality | None, Query()] = None,  # type: ignore[valid-type]
    since: Annotated[date | None, Query(description="event date on or after (undated: publication date)")] = None,
    until: Annotated[date | None, Query(description="event date on or before")] = None,
    place: Text = None,
    place_country: Code = None,
    q: Annotated[str | None, Query(max_length=MAX_NAME, description="substring of the sentence, case-insensitive")] = None,
    include_not_events: Annotated[bool, Query(description="also events marked as not events")] = False,
) -> EventFilters:
    return EventFilters(
        event_type=event_type, quad_class=quad_class, actor=actor, recipient=recipient,
        actor_sector=actor_sector, recipient_sector=recipient_sector, actor_name=_text(actor_name),
        recipient_name=_text(recipient_name), factuality=factuality,
        since=since.isoformat() if since else None, until=until.isoformat() if until else None,
        place=_text(place), place_country=place_country, q=_text(q), include_not_events=include_not_events,
    )

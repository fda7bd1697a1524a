"""When two coded events are the same real-world event (one canonical event, many mentions).

The rule, applied to every event as it is stored, against the canonical events already
in the database (and those stored earlier in the same batch):

1. **Same kind**: the same PLOVER ``event_type``, and the same factuality group — an
   event said to happen (``asserted`` or ``reported``) never merges with one said not to
   happen or not yet (``negated``, ``denied``, ``hypothetical``, ``future`` each form
   their own group).
2. **Same participants**: the same *set* of actor countries and the same set of
   recipient countries (order and repetition ignored).  When both events name sectors
   for the actors (or for the recipients), those sector sets must be equal too.  An
   event with no country on either side is too vague to merge across articles.
3. **Dates within a window**: each date is an interval at its precision (a day, an ISO
   week, a month, a year).  Two day-precision dates match when at most one day apart
   (reports straddle midnight and time zones); otherwise the intervals must overlap
   (same month for month precision; a day inside a month matches that month).  An
   undated event never merges with an event of another article.
4. **Same place when both have one**: equal GeoNames ids (or equal names when a place
   has no id).  A place on one side only does not prevent a merge.

The first stored event of a group is canonical; later matches become its mentions.
When several canonical events match, the one with the closest date wins (then the
earliest stored).  Events coded from a duplicate article (see `eventcoder.ingest.dedup`)
are linked to the canonical event they match but never counted, so a wire story
republished by ten outlets is one article's worth of mentions.  Counts follow GDELT:
``num_mentions`` (mentions, several per article possible), ``num_articles`` (distinct
articles) and ``num_sources`` (distinct outlets; an article without one counts by its
URL's host).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..types import Event

DAY_WINDOW = timedelta(days=1)
_FACTUALITY_GROUP = {"asserted": "real", "reported": "real"}


@dataclass(frozen=True, slots=True)
class MatchInfo:
    """The fields of one event the rule looks at."""

    event_id: str
    article_id: str
    match_key: str | None
    date_start: date | None
    date_end: date | None
    date_precision: str | None
    place: str | None
    actor_sectors: frozenset[str]
    recipient_sectors: frozenset[str]
    order: int = 0  # storage order, for ties


def match_key(event_type: str, factuality: str, actor_countries: Iterable[str | None],
              recipient_countries: Iterable[str | None]) -> str | None:
    """The exact-match part of the rule as one string; None when the event cannot merge across articles."""
    actors = sorted({c for c in actor_countries if c})
    recipients = sorted({c for c in recipient_countries if c})
    if not actors and not recipients:
        return None
    group = _FACTUALITY_GROUP.get(factuality, factuality)
    key = "|".join((event_type, group, ",".join(actors), ",".join(recipients)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def date_interval(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """First and last day an event date stands for (None when undated or unreadable)."""
    if not value:
        return None
    try:
        if "-W" in value:
            year, week = value.split("-W")
            start = date.fromisocalendar(int(year), int(week[:2]), 1)
            return start, start + timedelta(days=6)
        parts = value.split("-")
        if len(parts) >= 3:
            day = date.fromisoformat(value[:10])
            return day, day
        if len(parts) == 2:
            start = date(int(parts[0]), int(parts[1]), 1)
            following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return start, following - timedelta(days=1)
        return date(int(parts[0]), 1, 1), date(int(parts[0]), 12, 31)
    except ValueError:
        return None


def place_key(geonameid: int | None, name: str | None) -> str | None:
    if geonameid is not None:
        return f"gn:{geonameid}"
    return f"name:{name.casefold()}" if name else None


def info_for(event: Event, article_id: str, order: int = 0) -> MatchInfo:
    """The rule's view of a freshly coded event."""
    interval = date_interval(event.date, event.date_precision)
    loc = event.event_loc
    return MatchInfo(
        event_id=event.id,
        article_id=article_id,
        match_key=match_key(
            event.event_type, event.factuality, (a.country for a in event.actor), (r.country for r in event.recipient)
        ),
        date_start=interval[0] if interval else None,
        date_end=interval[1] if interval else None,
        date_precision=event.date_precision,
        place=place_key(loc.geonameid, loc.name or loc.entity_text) if loc else None,
        actor_sectors=frozenset(a.sector for a in event.actor if a.sector),
        recipient_sectors=frozenset(r.sector for r in event.recipient if r.sector),
        order=order,
    )


def same_event(new: MatchInfo, old: MatchInfo) -> bool:
    """True when `new` reports the same real-world event as the canonical `old`."""
    if new.match_key is None or new.match_key != old.match_key:
        return False
    if new.actor_sectors and old.actor_sectors and new.actor_sectors != old.actor_sectors:
        return False
    if new.recipient_sectors and old.recipient_sectors and new.recipient_sectors != old.recipient_sectors:
        return False
    if new.place and old.place and new.place != old.place:
        return False
    return _dates_match(new, old)


def _dates_match(a: MatchInfo, b: MatchInfo) -> bool:
    if a.date_start is None or b.date_start is None or a.date_end is None or b.date_end is None:
        return a.article_id == b.article_id and a.date_start is None and b.date_start is None
    if a.date_precision == "day" and b.date_precision == "day":
        return abs(a.date_start - b.date_start) <= DAY_WINDOW
    return a.date_start <= b.date_end and b.date_start <= a.date_end


def best_match(new: MatchInfo, candidates: Sequence[MatchInfo]) -> MatchInfo | None:
    """The canonical event `new` is a mention of, if any (closest date, then earliest stored)."""
    matches = [c for c in candidates if same_event(new, c)]
    if not matches:
        return None

    def distance(c: MatchInfo) -> int:
        if new.date_start is None or c.date_start is None:
            return 0
        return abs((new.date_start - c.date_start).days)

    return min(matches, key=lambda c: (distance(c), c.order))

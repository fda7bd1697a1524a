"""Typed records passed between pipeline stages.

Every stage takes and returns these frozen dataclasses; only `Event.to_dict()`
turns them into the JSON record of DESIGN.md (the contract shared by exports,
the store and the tests).  Spans are ``(start, end)`` character offsets into
``Article.text`` (the clean text), end-exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]

FACTUALITY_VALUES = ("asserted", "negated", "hypothetical", "future", "reported", "denied")


@dataclass(frozen=True, slots=True)
class Article:
    """One article after reading and cleaning."""

    id: str
    text: str
    published: str | None = None  # ISO date YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    title: str | None = None

    def meta(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "url": self.url, "published": self.published}


@dataclass(frozen=True, slots=True)
class Entity:
    """An actor or recipient: a mention resolved (as far as possible) to a known entity."""

    entity_text: str
    span: Span
    name: str | None = None
    country: str | None = None  # ISO-3166 alpha-3, or a PLOVER code such as IGO, UNO, EUR, NGO
    sector: str | None = None  # PLOVER sector code (GOV, MIL, REB, ...)
    office: str | None = None  # role or title, e.g. "Foreign Minister"
    identifier_id: str | None = None  # e.g. a Wikidata QID
    kind: str = "unknown"  # country | igo | person | agent | org | unknown (internal, not exported)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_text": self.entity_text,
            "span": list(self.span),
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "office": self.office,
            "identifier_id": self.identifier_id,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved against the gazetteer."""

    entity_text: str
    span: Span
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO alpha-3
    admin1: str | None = None
    feature_code: str | None = None
    score: float = 0.0

    def to_dict(self, with_score: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "entity_text": self.entity_text,
            "span": list(self.span),
            "name": self.name,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "feature_code": self.feature_code,
        }
        if with_score:
            d["score"] = round(self.score, 4)
        return d


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression found in the text and resolved against the publication date.

    ``value`` is a TimeML value (``2023-05-17``, ``2023-05``, ``2023``, ``2023-W11``)
    or None when it cannot be resolved; ``precision`` is day | week | month | quarter | year.
    An event's ``date`` takes the calendar values (day, ISO week, month, year).
    """

    text: str
    span: Span
    value: str | None
    precision: str | None

    @property
    def iso_date(self) -> str | None:
        """The value as an ISO calendar date prefix usable for the event `date` field."""
        if self.value and self.precision in ("day", "week", "month", "year"):
            return self.value
        return None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span), "value": self.value, "precision": self.precision}


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says an event happened: speaker, cue word(s) and span."""

    speaker: Entity | None
    cue: str
    cue_span: Span

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue,
            "cue_span": list(self.cue_span),
        }


@dataclass(frozen=True, slots=True)
class TextRef:
    """A quoted piece of the article: the trigger or the sentence."""

    text: str
    span: Span
    index: int | None = None  # sentence index within the article (sentences only)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "span": list(self.span)}
        if self.index is not None:
            d["index"] = self.index
        return d


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event; `to_dict()` is exactly the JSON record of DESIGN.md."""

    id: str
    event_type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    trigger: TextRef
    sentence: TextRef
    factuality: str
    attribution: Attribution | None
    confidence: float
    evidence: str
    article: Article
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    date_span: Span | None = None
    event_loc: Place | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [r.to_dict() for r in self.recipient],
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "date_span": list(self.date_span) if self.date_span else None,
            "event_loc": self.event_loc.to_dict() if self.event_loc else None,
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.to_dict(),
            "factuality": self.factuality,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence,
            "article": self.article.meta(),
        }


@dataclass(frozen=True, slots=True)
class ArticleFailure:
    """An article that could not be read or coded: its id (or line) and the reason."""

    article_id: str
    reason: str
    where: str | None = None  # file and line, when known

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "reason": self.reason, "where": self.where}

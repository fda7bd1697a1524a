"""Pydantic models of the HTTP API: what goes in and out, so the OpenAPI schema says exactly that.

The event record is DESIGN.md's record as stored (`store.queries.stored_record`) plus
``corrected`` and ``not_event``; models allow extra keys so nothing the store adds is lost.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..events.ontology import Ontology
from ..store.corrections import MAX_ENTITIES
from ..store.queries import ORDERS
from ..types import FACTUALITY_VALUES

EventType = Literal[tuple(Ontology.load().types)]  # type: ignore[valid-type]
Factuality = Literal[tuple(FACTUALITY_VALUES)]  # type: ignore[valid-type]
Order = Literal[tuple(ORDERS)]  # type: ignore[valid-type]
CODE_PATTERN = r"^[A-Za-z]{3}$"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$"
MAX_ID = 200
MAX_NAME = 200
MAX_TEXT = 1_000_000
MAX_ARTICLES = 100


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class EntityOut(_Open):
    entity_text: str | None = None
    span: list[int] | None = Field(None, description="[start, end) in the article text")
    name: str | None = None
    country: str | None = Field(None, description="ISO 3166 alpha-3 or a PLOVER code (IGO, UNO, ...)")
    sector: str | None = None
    office: str | None = None
    identifier_id: str | None = None


class PlaceOut(_Open):
    entity_text: str | None = None
    span: list[int] | None = None
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature_code: str | None = None


class TextRefOut(_Open):
    text: str
    span: list[int]
    index: int | None = None


class AttributionOut(_Open):
    speaker: EntityOut | None = None
    cue: str | None = None
    cue_span: list[int] | None = None


class ArticleRef(_Open):
    id: str
    source: str | None = None
    url: str | None = None
    published: str | None = None


class EventRecord(_Open):
    """One event: the record of DESIGN.md, with the store's counts and the correction flags."""

    id: str
    event_type: str
    mode: str | None = None
    context: list[str] = []
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    actor: list[EntityOut] = []
    recipient: list[EntityOut] = []
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    date_span: list[int] | None = None
    event_loc: PlaceOut | None = None
    trigger: TextRefOut
    sentence: TextRefOut
    factuality: str
    attribution: AttributionOut | None = None
    confidence: float | None = None
    evidence: str | None = None
    article: ArticleRef
    corrected: bool = False
    not_event: bool = False
    canonical_id: str | None = None
    is_canonical: bool | None = None
    from_duplicate: bool | None = None
    num_mentions: int | None = None
    num_sources: int | None = None
    num_articles: int | None = None
    ingested_at: str | None = None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[EventRecord]


class ArticleOut(_Open):
    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    text: str


class SpanOut(BaseModel):
    role: Literal["sentence", "trigger", "actor", "recipient", "date", "place"]
    start: int = Field(description="character offset into article.text")
    end: int
    text: str = Field(description="article.text[start:end]")


class CorrectionOut(BaseModel):
    id: int
    event_id: str
    field: str
    old: Any = None
    new: Any = None
    note: str | None = None
    author: str | None = None
    created_at: str


class MentionOut(_Open):
    event_id: str
    article_id: str


class EventDetail(BaseModel):
    event: EventRecord
    original: EventRecord | None = Field(None, description="the record as coded, when the event was corrected")
    corrections: list[CorrectionOut]
    article: ArticleOut
    spans: list[SpanOut]
    mentions: list[MentionOut] = Field([], description="every stored report of the same canonical event")


class EntityIn(BaseModel):
    """A corrected actor or recipient; an omitted field keeps its value, null or "" clears it."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, max_length=MAX_NAME)
    country: str | None = Field(None, max_length=3, pattern=r"^([A-Za-z]{3})?$")
    sector: str | None = Field(None, max_length=3, pattern=r"^([A-Za-z]{3})?$")


class PlaceIn(BaseModel):
    """A corrected place, looked up in the gazetteer; both null or "": no place."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, max_length=MAX_NAME)
    country: str | None = Field(None, max_length=3, pattern=r"^([A-Za-z]{3})?$")


class CorrectionIn(BaseModel):
    """Changes to one event; omitted fields stay as they are (at least one change)."""

    model_config = ConfigDict(extra="forbid")
    event_type: EventType | None = None  # type: ignore[valid-type]
    mode: str | None = Field(None, max_length=40, description="a mode of the event type; null: no mode")
    factuality: Factuality | None = None  # type: ignore[valid-type]
    date: str | None = Field(None, pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")
    place: PlaceIn | None = None
    actor: EntityIn | Annotated[list[EntityIn], Field(max_length=MAX_ENTITIES)] | None = Field(
        None, description="one entity: the actor becomes that entity; a list: every actor entity, in order, each "
        "keeping the fields it omits from the entity at the same position; null or []: no actor")
    recipient: EntityIn | Annotated[list[EntityIn], Field(max_length=MAX_ENTITIES)] | None = Field(
        None, description="as `actor`")
    not_event: bool | None = None
    note: str | None = Field(None, max_length=2000)
    author: str | None = Field(None, max_length=MAX_NAME)


class CodeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    published: date | None = None
    title: str | None = Field(None, max_length=1000)
    source: str | None = Field(None, max_length=MAX_NAME)


class FailureOut(_Open):
    article_id: str
    reason: str
    where: str | None = None


class CodeOut(BaseModel):
    events: list[EventRecord]
    failure: FailureOut | None = None


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(None, max_length=MAX_ID)
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    title: str | None = Field(None, max_length=1000)
    source: str | None = Field(None, max_length=MAX_NAME)
    url: str | None = Field(None, max_length=2000)
    published: date | None = None


class ArticlesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)


class IngestOut(_Open):
    run_id: str
    read: int
    articles_stored: int
    already_stored: int
    duplicates: int
    events: int
    canonical_events: int
    failures: int


class ActorCount(BaseModel):
    country: str
    events: int


class SeriesPoint(BaseModel):
    period: str = Field(description="2023-11-04, 2023-W44, 2023-11 or 2023")
    start: str
    events: int
    cooperation: int = Field(description="quad classes 1 and 2")
    conflict: int = Field(description="quad classes 3 and 4")
    goldstein_mean: float | None
    goldstein_sum: float


class SeriesOut(BaseModel):
    actor: str
    recipient: str
    interval: str
    points: list[SeriesPoint]


class NetworkNode(BaseModel):
    id: str
    events: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    events: int
    cooperation: int
    conflict: int
    goldstein_mean: float | None


class NetworkOut(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class PlaceCount(BaseModel):
    name: str | None
    country: str | None
    lat: float
    lon: float
    events: int


class ErrorOut(BaseModel):
    detail: str

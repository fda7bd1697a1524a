"""Rows for the store's tables, built from typed records (column names are code constants)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from ..ingest.urls import normalise_url
from ..types import Article, Event
from .matching import MatchInfo, date_interval

ARTICLE_COLUMNS = (
    "id", "input_id", "source", "url", "title", "published", "text", "sha256", "canonical_id",
    "duplicate_kind", "similarity", "num_events", "ingested_at", "run_id",
)

EVENT_COLUMNS = (
    "id", "article_id", "run_id", "canonical_id", "is_canonical", "from_duplicate", "event_type", "mode",
    "context", "cameo", "quad_class", "goldstein", "date", "date_precision", "date_start", "date_end", "day",
    "factuality", "confidence", "evidence", "place_name", "place_country", "place_geonameid", "place_lat",
    "place_lon", "actor_countries", "actor_sectors", "actor_names", "recipient_countries", "recipient_sectors",
    "recipient_names", "trigger_text", "trigger_start", "trigger_end", "sentence_index", "sentence_start",
    "sentence_end", "sentence_text", "source", "url", "published", "match_key", "ingested_at", "record",
    "actor_key", "recipient_key",
)

ENTITY_COLUMNS = (
    "event_id", "role", "position", "entity_text", "name", "country", "sector", "office", "identifier_id",
    "span_start", "span_end",
)

MENTION_COLUMNS = (
    "event_id", "canonical_id", "article_id", "source_key", "from_duplicate", "sentence_index", "sentence_start",
    "sentence_end", "trigger_start", "trigger_end", "run_id",
)


def article_key(article: Article) -> str:
    """The store's id of an article: sha256 of its normalised URL, else of its normalised text."""
    from ..ingest.dedup import text_sha256

    if article.url:
        return hashlib.sha256(("url:" + normalise_url(article.url)).encode("utf-8")).hexdigest()[:24]
    return text_sha256(article.text)[:24]


def source_key(source: str | None, url: str | None) -> str:
    """Who published it, for counting sources: the outlet, else the URL's host, else "unknown"."""
    if source:
        return source.strip().casefold()
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else "unknown"


def country_key(countries: Iterable[str | None]) -> str:
    """``|AZE|TUR|``: the distinct countries, sorted, for ``contains(actor_key, '|AZE|')`` filters."""
    return "|" + "|".join(sorted({c for c in countries if c})) + "|"


def as_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def event_row(
    event: Event,
    article: Article,
    *,
    run_id: str,
    canonical_id: str | None,
    from_duplicate: bool,
    match: MatchInfo,
    now: datetime,
) -> tuple[Any, ...]:
    """One `events` row in `EVENT_COLUMNS` order; the record keeps the store's article id."""
    record = event.to_dict()
    record["article"]["id"] = article.id
    interval = date_interval(event.date, event.date_precision)
    published = as_date(article.published)
    loc = event.event_loc
    values: dict[str, Any] = {
        "id": event.id,
        "article_id": article.id,
        "run_id": run_id,
        "canonical_id": canonical_id,
        "is_canonical": canonical_id == event.id,
        "from_duplicate": from_duplicate,
        "event_type": event.event_type,
        "mode": event.mode,
        "context": list(event.context),
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_start": interval[0] if interval else None,
        "date_end": interval[1] if interval else None,
        "day": interval[0] if interval else published,
        "factuality": event.factuality,
        "confidence": round(event.confidence, 3),
        "evidence": event.evidence,
        "place_name": (loc.name or loc.entity_text) if loc else None,
        "place_country": loc.country if loc else None,
        "place_geonameid": loc.geonameid if loc else None,
        "place_lat": loc.lat if loc else None,
        "place_lon": loc.lon if loc else None,
        "actor_countries": [a.country for a in event.actor],
        "actor_sectors": [a.sector for a in event.actor],
        "actor_names": [a.name or a.entity_text for a in event.actor],
        "recipient_countries": [r.country for r in event.recipient],
        "recipient_sectors": [r.sector for r in event.recipient],
        "recipient_names": [r.name or r.entity_text for r in event.recipient],
        "trigger_text": event.trigger.text,
        "trigger_start": event.trigger.span[0],
        "trigger_end": event.trigger.span[1],
        "sentence_index": event.sentence.index,
        "sentence_start": event.sentence.span[0],
        "sentence_end": event.sentence.span[1],
        "sentence_text": event.sentence.text,
        "source": article.source,
        "url": article.url,
        "published": published,
        "match_key": match.match_key,
        "ingested_at": now,
        "record": json.dumps(record, ensure_ascii=False, separators=(",", ":")),
        "actor_key": country_key(a.country for a in event.actor),
        "recipient_key": country_key(r.country for r in event.recipient),
    }
    return tuple(values[c] for c in EVENT_COLUMNS)


def entity_rows(event: Event) -> list[tuple[Any, ...]]:
    rows = []
    for role, entities in (("actor", event.actor), ("recipient", event.recipient)):
        for position, e in enumerate(entities):
            rows.append((event.id, role, position, e.entity_text, e.name, e.country, e.sector, e.office,
                         e.identifier_id, e.span[0], e.span[1]))
    return rows


def mention_row(event: Event, article: Article, canonical_id: str, from_duplicate: bool, run_id: str) -> tuple[Any, ...]:
    return (
        event.id, canonical_id, article.id, source_key(article.source, article.url), from_duplicate,
        event.sentence.index, event.sentence.span[0], event.sentence.span[1],
        event.trigger.span[0], event.trigger.span[1], run_id,
    )

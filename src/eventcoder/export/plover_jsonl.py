"""Stored events as PLOVER JSONL: the field names of the PLOVER codebook's "Data Fields" chapter.

One JSON object per line.  Codebook fields: ``id``, ``has_event``, ``date`` (YYYY-MM-DD:
the event's own date when known to the day, else the article's publication date, as
event datasets do; ``date_precision`` says which), ``actor`` and ``recipient`` (entity
objects: ``code`` = country, ``sector``, ``entity_text``, ``identifier_id`` (Wikidata
QID), ``identifier_text``, ``office``), ``event`` (list with the PLOVER type), ``mode``
and ``context`` (lists), ``event_loc`` (``extracted_place``, ``resolved_place``,
``geonameid``, ``lat``, ``lon``, ``province``, ``country_code``, ``feature_class``,
``feature_code``), ``event_text`` (the sentence), ``quad_code``, ``event_scale`` (the
Goldstein score), ``link`` (the canonical event: every report of one real-world event
shares it), ``text_info`` (sentence ``sequence``, ``start``, ``end``), ``cite_info``
(``url``, ``publication``, ``coder``, ``codebook``) and ``coder``.

Beside them, the names POLECAT users know: ``event_type``, ``story_id`` (the article),
``publication_date``, ``event_date`` (as coded: a day, week, month or year), and
eventcoder's own ``cameo``, ``trigger``, ``factuality``, ``attribution``,
``confidence``, ``num_mentions``, ``num_sources``, ``num_articles``, and ``corrected``
(true when an analyst corrected the event: the values are the corrected ones; an event
marked "not an event" is exported, when asked for, with ``has_event`` false).  The
codebook allows fields beyond its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

CODER = "eventcoder"
CODEBOOK = "plover-2.0"


def _entity(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": e.get("country"),
        "sector": e.get("sector"),
        "entity_text": e.get("entity_text"),
        "identifier_id": e.get("identifier_id"),
        "identifier_text": e.get("name"),
        "office": e.get("office"),
        "country": e.get("country"),
        "name": e.get("name"),
        "span": e.get("span"),
    }


def _feature_class(code: str | None) -> str | None:
    if not code:
        return None
    if code.startswith(("PPL", "STLMT")):
        return "P"
    if code.startswith(("ADM", "PCL", "TERR", "ZN")):
        return "A"
    return None


def _location(loc: dict[str, Any] | None) -> dict[str, Any] | None:
    if not loc:
        return None
    return {
        "extracted_place": loc.get("entity_text"),
        "resolved_place": loc.get("name"),
        "geonameid": loc.get("geonameid"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "province": loc.get("admin1"),
        "country_code": loc.get("country"),
        "feature_class": _feature_class(loc.get("feature_code")),
        "feature_code": loc.get("feature_code"),
        "span": loc.get("span"),
    }


def plover_record(rec: dict[str, Any]) -> dict[str, Any]:
    """A stored event record (see `EventStore.query_events`) in PLOVER's field names."""
    article = rec.get("article") or {}
    day = rec.get("date") if rec.get("date_precision") == "day" else None
    sentence = rec.get("sentence") or {}
    span = sentence.get("span") or [None, None]
    return {
        "id": rec["id"],
        "has_event": not rec.get("not_event"),
        "corrected": bool(rec.get("corrected")),
        "date": day or article.get("published"),
        "date_precision": rec.get("date_precision") if day else ("publication" if article.get("published") else None),
        "event_date": rec.get("date"),
        "event": [rec["event_type"]],
        "event_type": rec["event_type"],
        "mode": [rec["mode"]] if rec.get("mode") else [],
        "context": list(rec.get("context") or []),
        "actor": [_entity(e) for e in rec.get("actor") or []],
        "recipient": [_entity(e) for e in rec.get("recipient") or []],
        "event_loc": _location(rec.get("event_loc")),
        "event_text": [sentence.get("text")] if sentence.get("text") else [],
        "quad_code": rec.get("quad_class"),
        "event_scale": rec.get("goldstein"),
        "cameo": rec.get("cameo"),
        "link": rec.get("canonical_id"),
        "text_info": {"sequence": sentence.get("index"), "start": span[0], "end": span[1]},
        "trigger": rec.get("trigger"),
        "factuality": rec.get("factuality"),
        "attribution": rec.get("attribution"),
        "confidence": rec.get("confidence"),
        "story_id": article.get("id"),
        "publication_date": article.get("published"),
        "cite_info": {"url": article.get("url"), "publication": article.get("source"), "coder": CODER,
                      "codebook": CODEBOOK},
        "coder": CODER,
        "num_mentions": rec.get("num_mentions"),
        "num_sources": rec.get("num_sources"),
        "num_articles": rec.get("num_articles"),
    }


def write_plover_jsonl(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """One PLOVER object per line; returns how many were written."""
    count = 0
    for rec in records:
        stream.write(json.dumps(plover_record(rec), ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
    return count

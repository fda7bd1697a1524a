"""The places and dates tasks: gold readers, scoring, and running the coder's stages.

places gold: ``{id, text, published, toponyms: [{span: [s, e], text, lat, lon, geonameid, country}]}``.
A gold toponym is *found* when a predicted place's span overlaps it; precision is the share of
predicted places overlapping some gold toponym; of the found toponyms with gold coordinates, the
share whose (best-overlapping) prediction lies within 161 km (haversine), and the mean and median
error in km (an unresolved prediction counts as half the Earth's circumference, 20,015 km). Since
GeoNames and the gold sets place some countries' points far apart, the share within 161 km *or*
with the gold geonameid is reported too.

dates gold: ``{id, text, published, timexes: [{span: [s, e], text, type, value}]}``. Of the gold
``DATE`` timexes, the share found (span overlap) and the share found with a predicted value exactly
equal to the gold value; precision is the share of predicted expressions overlapping a gold timex of
any type (TIME, DURATION and SET included).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DataFileError
from ..types import DateExpr, Place
from .gold import json_lines

if TYPE_CHECKING:
    from ..pipeline import Coder

Span = tuple[int, int]
KM_LIMIT = 161.0
EARTH_RADIUS_KM = 6371.0088
UNRESOLVED_KM = math.pi * EARTH_RADIUS_KM


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# -- gold ------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GoldToponym:
    span: Span
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    country: str | None


@dataclass(frozen=True, slots=True)
class GoldTimex:
    span: Span
    text: str
    type: str
    value: str | None


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    id: str
    text: str
    published: str | None
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True, slots=True)
class DateRecord:
    id: str
    text: str
    published: str | None
    timexes: tuple[GoldTimex, ...]


def _span(value: Any) -> Span:
    s, e = int(value[0]), int(value[1])
    if not 0 <= s < e:
        raise ValueError(f"bad span {value!r}")
    return s, e


def _opt_float(value: Any) -> float | None:
    return None if value is None or value == "" else float(value)


def _lines(path: str | Path, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    name = str(path)
    for lineno, obj in json_lines(path):
        if not isinstance(obj, dict) or key not in obj or "text" not in obj or "id" not in obj:
            raise DataFileError(name, lineno, f"a record needs 'id', 'text' and '{key}'")
        yield lineno, obj


def read_places(path: str | Path) -> list[PlaceRecord]:
    """A toponym gold file (TR-News / GeoWebNews form)."""
    out = []
    for lineno, obj in _lines(path, "toponyms"):
        try:
            tops = tuple(
                GoldToponym(
                    _span(t["span"]), str(t.get("text") or ""), _opt_float(t.get("lat")), _opt_float(t.get("lon")),
                    int(t["geonameid"]) if t.get("geonameid") not in (None, "") else None, t.get("country") or None,
                )
                for t in obj["toponyms"]
            )
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise DataFileError(str(path), lineno, f"bad toponym: {exc}") from exc
        out.append(PlaceRecord(str(obj["id"]), obj["text"], obj.get("published") or None, tops))
    return out


def read_dates(path: str | Path) -> list[DateRecord]:
    """A date-expression gold file (TimeBank/AQUAINT form)."""
    out = []
    for lineno, obj in _lines(path, "timexes"):
        try:
            timexes = tuple(
                GoldTimex(_span(t["span"]), str(t.get("text") or ""), str(t["type"]), t.get("value") or None)
                for t in obj["timexes"]
            )
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise DataFileError(str(path), lineno, f"bad timex: {exc}") from exc
        out.append(DateRecord(str(obj["id"]), obj["text"], obj.get("published") or None, timexes))
    return out


def _context(text: str, span: Span, width: int = 60) -> str:
    return text[max(0, span[0] - width) : span[1] + width].replace("\n", " ")


def _ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


# -- places ----------------------------------------------------------------------------------------
@dataclass(slots=True)
class PlaceScores:
    articles: int = 0
    gold: int = 0
    found: int = 0
    predicted: int = 0
    predicted_hit: int = 0
    distances: list[float] = field(default_factory=list)
    near_or_same_id: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, with_errors: bool = False) -> dict[str, Any]:
        within = sum(d < KM_LIMIT for d in self.distances)
        d: dict[str, Any] = {
            "task": "places",
            "articles": self.articles,
            "gold_toponyms": self.gold,
            "predicted": self.predicted,
            "found": _ratio(self.found, self.gold),
            "precision": _ratio(self.predicted_hit, self.predicted),
            "scored_for_distance": len(self.distances),
            "within_161km": _ratio(within, len(self.distances)),
            "within_161km_or_same_geonameid": _ratio(self.near_or_same_id, len(self.distances)),
            "mean_error_km": round(statistics.mean(self.distances), 1) if self.distances else None,
            "median_error_km": round(statistics.median(self.distances), 1) if self.distances else None,
        }
        if with_errors:
            d["errors"] = self.errors
        return d


def score_places(items: Iterable[tuple[PlaceRecord, Sequence[Place]]]) -> PlaceScores:
    s = PlaceScores()
    for record, places in items:
        s.articles += 1
        s.gold += len(record.toponyms)
        s.predicted += len(places)
        for p in places:
            if any(overlap(p.span, g.span) for g in record.toponyms):
                s.predicted_hit += 1
            else:
                s.errors.append({"kind": "false_alarm", "id": record.id, "text": p.entity_text,
                                 "predicted": _place(p), "context": _context(record.text, p.span)})
        for g in record.toponyms:
            hits = sorted((p for p in places if overlap(p.span, g.span)), key=lambda p: -overlap(p.span, g.span))
            if not hits:
                context = _context(record.text, g.span)
                s.errors.append({"kind": "miss", "id": record.id, "text": g.text, "context": context})
                continue
            s.found += 1
            if g.lat is None or g.lon is None:
                continue
            p = hits[0]
            km = haversine_km(p.lat, p.lon, g.lat, g.lon) if p.lat is not None and p.lon is not None else UNRESOLVED_KM
            s.distances.append(km)
            s.near_or_same_id += km < KM_LIMIT or (g.geonameid is not None and p.geonameid == g.geonameid)
            if km >= KM_LIMIT:
                s.errors.append({"kind": "far", "id": record.id, "text": g.text, "km": round(km),
                                 "gold": {"lat": g.lat, "lon": g.lon, "geonameid": g.geonameid, "country": g.country},
                                 "predicted": _place(p), "context": _context(record.text, g.span)})
    return s


def _place(p: Place) -> dict[str, Any]:
    return {"name": p.name, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon, "country": p.country,
            "feature_code": p.feature_code}


def evaluate_places(records: Sequence[PlaceRecord], coder: Coder) -> PlaceScores:
    """Find and resolve toponyms as `Coder` does and score them."""
    from ..geo import find_places

    def pairs() -> Iterator[tuple[PlaceRecord, list[Place]]]:
        docs = coder.nlp.pipe((r.text for r in records), batch_size=coder.settings.batch_size)
        for record, doc in zip(records, docs, strict=True):
            yield record, find_places(doc, coder.gazetteer)

    return score_places(pairs())


# -- dates -----------------------------------------------------------------------------------------
@dataclass(slots=True)
class DateScores:
    articles: int = 0
    gold_dates: int = 0
    found: int = 0
    exact: int = 0
    predicted: int = 0
    predicted_hit: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, with_errors: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "task": "dates",
            "articles": self.articles,
            "gold_dates": self.gold_dates,
            "predicted": self.predicted,
            "found": _ratio(self.found, self.gold_dates),
            "found_exact_value": _ratio(self.exact, self.gold_dates),
            "exact_among_found": _ratio(self.exact, self.found),
            "precision": _ratio(self.predicted_hit, self.predicted),
        }
        if with_errors:
            d["errors"] = self.errors
        return d


def score_dates(items: Iterable[tuple[DateRecord, Sequence[DateExpr]]]) -> DateScores:
    s = DateScores()
    for record, dates in items:
        s.articles += 1
        s.predicted += len(dates)
        for p in dates:
            if any(overlap(p.span, g.span) for g in record.timexes):
                s.predicted_hit += 1
            else:
                s.errors.append({"kind": "false_alarm", "id": record.id, "published": record.published,
                                 "text": p.text, "value": p.value, "context": _context(record.text, p.span)})
        for g in record.timexes:
            if g.type != "DATE":
                continue
            s.gold_dates += 1
            hits = [p for p in dates if overlap(p.span, g.span)]
            s.found += bool(hits)
            if any(p.value == g.value for p in hits):
                s.exact += 1
                continue
            s.errors.append({"kind": "wrong_value" if hits else "miss", "id": record.id,
                             "published": record.published, "text": g.text, "gold": g.value,
                             "predicted": [f"{p.text}={p.value}" for p in hits],
                             "context": _context(record.text, g.span)})
    return s


def evaluate_dates(records: Sequence[DateRecord], coder: Coder) -> DateScores:
    """Find and resolve date expressions with the coder's model and score them."""
    from ..dates import find_dates

    def pairs() -> Iterator[tuple[DateRecord, list[DateExpr]]]:
        docs = coder.nlp.pipe((r.text for r in records), batch_size=coder.settings.batch_size)
        for record, doc in zip(records, docs, strict=True):
            yield record, find_dates(doc, record.published)

    return score_dates(pairs())

"""Stored events as a GDELT 2.0-style event table: the 61 columns of GDELT's event export, in order.

Tab-separated, no header row (as GDELT's files; `write_gdelt_tsv(header=True)` adds
one), one row per event.  What fills each column:

* ``GLOBALEVENTID``: the first 15 hex digits of the event id as an integer (stable).
* ``SQLDATE``, ``MonthYear``, ``Year``, ``FractionDate``: the event's date when known to
  the day, else the article's publication date (GDELT dates events by publication).
  FractionDate is GDELT's ``Year + (Month*30 + Day)/365``.
* ``Actor1*`` / ``Actor2*``: the first actor / first recipient.  ``Code`` is country +
  sector (``AZEGOV``); ``Name`` the canonical name, upper-cased as GDELT does;
  ``CountryCode`` an ISO-3166 alpha-3 country; a non-country code (IGO, NGO, UNO, ...)
  goes to ``KnownGroupCode`` instead; ``Type1Code`` the PLOVER sector.  Ethnic and
  religion codes stay empty.
* ``IsRootEvent``: 1 when the event is in the article's first sentence.
* ``EventCode``/``EventBaseCode``/``EventRootCode``: the CAMEO code and its first three
  and two digits; ``QuadClass`` and ``GoldsteinScale`` as coded.
* ``NumMentions``, ``NumSources``, ``NumArticles``: the canonical event's counts (see
  `eventcoder.store.matching`); ``AvgTone`` is empty (no tone model).
* ``Actor1Geo_*``, ``Actor2Geo_*``: empty (actors are not geolocated).
* ``ActionGeo_*``: the event's place.  Type 1 country, 2 US state, 3 US city, 4 world
  city, 5 world state (first-order division); FullName "place, province, country";
  ``FeatureID`` the GeoNames id; ``CountryCode`` the FIPS 10-4 code, as GDELT's
  (``data/geo/fips.tsv``: Azerbaijan AJ, Germany GM).  Known difference:
  ``ADM1Code``/``ADM2Code`` are empty.
* Corrected events (see `eventcoder.store.corrections`) are written with their corrected
  values; GDELT's fixed columns have no place to say so (the other formats do).
* ``DATEADDED``: when the event was stored (UTC, YYYYMMDDHHMMSS); ``SOURCEURL`` the
  article's URL, else its source name, else its id.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any, TextIO

import pycountry

_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)


@cache
def _country_name(code: str) -> str | None:
    country = pycountry.countries.get(alpha_3=code)
    return country.name if country else None


@cache
def fips_codes() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4 country code (data/geo/fips.tsv)."""
    text = resources.files("eventcoder.data.geo").joinpath("fips.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {iso3: fips for iso3, fips in rows}


def _actor(entities: list[dict[str, Any]]) -> list[Any]:
    if not entities:
        return [""] * len(_ACTOR_FIELDS)
    e = entities[0]
    country = e.get("country") or ""
    sector = e.get("sector") or ""
    is_country = bool(country) and _country_name(country) is not None
    name = (e.get("name") or e.get("entity_text") or "").upper()
    return [country + sector, name, country if is_country else "", "" if is_country else country,
            "", "", "", sector, "", ""]


def _geo_type(country: str | None, feature: str | None) -> int:
    feature = feature or ""
    if feature.startswith("PCL"):
        return 1
    us = country == "USA"
    if feature == "ADM1":
        return 2 if us else 5
    return 3 if us else 4


def _action_geo(loc: dict[str, Any] | None) -> list[Any]:
    if not loc:
        return [""] * len(_GEO_FIELDS)
    country = loc.get("country")
    name = loc.get("name") or loc.get("entity_text")
    parts = [name]
    if loc.get("admin1") and loc.get("admin1") != name:
        parts.append(loc["admin1"])
    if country and (cname := _country_name(country)) and cname != name:
        parts.append(cname)
    return [
        _geo_type(country, loc.get("feature_code")), ", ".join(p for p in parts if p),
        fips_codes().get(country or "", ""), "", "",
        _num(loc.get("lat")), _num(loc.get("lon")), _num(loc.get("geonameid")),
    ]


def _num(value: Any) -> Any:
    return "" if value is None else value


def _event_day(rec: dict[str, Any]) -> date | None:
    article = rec.get("article") or {}
    value = rec.get("date") if rec.get("date_precision") == "day" else article.get("published")
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def gdelt_row(rec: dict[str, Any]) -> list[Any]:
    """One stored event record as the 61 GDELT values (empty strings where we know nothing)."""
    day = _event_day(rec)
    cameo = rec.get("cameo") or ""
    article = rec.get("article") or {}
    sentence = rec.get("sentence") or {}
    added = rec.get("ingested_at")
    added_text = datetime.fromisoformat(added).strftime("%Y%m%d%H%M%S") if added else ""
    row: list[Any] = [
        int(rec["id"][:15], 16) if _is_hex(rec["id"]) else rec["id"],
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.year if day else "",
        f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else "",
        *_actor(rec.get("actor") or []),
        *_actor(rec.get("recipient") or []),
        1 if sentence.get("index") == 0 else 0,
        cameo, cameo[:3], cameo[:2],
        _num(rec.get("quad_class")), _num(rec.get("goldstein")),
        _num(rec.get("num_mentions")), _num(rec.get("num_sources")), _num(rec.get("num_articles")), "",
        *([""] * len(_GEO_FIELDS)),
        *([""] * len(_GEO_FIELDS)),
        *_action_geo(rec.get("event_loc")),
        added_text,
        article.get("url") or article.get("source") or article.get("id") or "",
    ]
    return row


def _is_hex(value: str) -> bool:
    return len(value) >= 15 and all(c in "0123456789abcdef" for c in value[:15])


def write_gdelt_tsv(records: Iterable[dict[str, Any]], stream: TextIO, header: bool = False) -> int:
    """Write the rows, unquoted as GDELT's (tabs and line breaks inside values become spaces)."""
    if header:
        stream.write("\t".join(GDELT_COLUMNS) + "\n")
    count = 0
    for rec in records:
        stream.write("\t".join(_tsv_value(v) for v in gdelt_row(rec)) + "\n")
        count += 1
    return count


def _tsv_value(value: Any) -> str:
    text = str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        return " ".join(text.split())
    return text

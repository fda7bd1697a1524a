"""dateparser as the fallback normaliser for expressions the grammar in rules.py does not cover.

dateparser is right for the long tail of absolute forms ("3rd of March", "17 May 2023",
"2023/05/17") and plain relative phrases.  Its output is corrected here:

* only results whose period is day/week/month/year are kept, plus "part_of_day" ("Friday
  afternoon") and "time" when the text holds a clock time ("May 5 at 10am"), both read as the
  day; for anything else it is guessing ("the 1990s" comes back as a "time" a few minutes from
  the base), so we return None;
* weekday names are never left to it: with PREFER_DATES_FROM="past" it moves a weekday equal
  to the base weekday a whole week back ("Saturday" read on Saturday 2023-11-04 gives
  2023-10-28).  Any result for a text naming a weekday is recomputed by rules._weekday's
  convention (see values.weekday_occurrence);
* with no publication date dateparser silently uses today; we parse against two distant
  bases and keep the result only when both agree, i.e. when the expression is absolute;
* bare numbers ("15", "2,000") are refused: dateparser reads them as a day of this month.

Parsers are built once per (publication date, tense) and results are cached per
(text, published, tense).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from eventcoder.dates import values as v
from eventcoder.dates.lexicon import lexicon

_PREFER = {"past": "past", "future": "future", None: "current_period"}
_PROBE_BASES = (datetime(2001, 1, 1), datetime(2017, 6, 15))
_PERIODS = {"day": v.DAY, "week": v.WEEK, "month": v.MONTH, "year": v.YEAR, "part_of_day": v.DAY, "time": v.DAY}
_CLOCK = re.compile(r"\d\s*(?::\d\d|[ap]\.?m\b)|\b(?:noon|midnight)\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def _parser(base: datetime, tense: str | None) -> Any:
    from dateparser.date import DateDataParser  # imported lazily: dateparser takes ~0.3 s to import

    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": _PREFER.get(tense, "current_period"),
        "RETURN_TIME_AS_PERIOD": True,
        "PARSERS": ["relative-time", "absolute-time"],
        "DATE_ORDER": "MDY",
    }
    return DateDataParser(languages=["en"], settings=settings)


def _looks_parseable(text: str) -> bool:
    if not re.search(r"[A-Za-z]", text):
        return bool(re.fullmatch(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}", text.strip()))
    return len(text) <= 60


def _parse(text: str, base: datetime, tense: str | None) -> tuple[str, str] | None:
    data = _parser(base, tense).get_date_data(text)
    if data is None or data.date_obj is None or data.period not in _PERIODS:
        return None
    if data.period == "time" and not _CLOCK.search(text):
        return None
    d: date = data.date_obj.date()
    precision = _PERIODS[data.period]
    if precision == v.DAY:
        return v.day_value(d), precision
    if precision == v.WEEK:
        return v.week_value(d), precision
    if precision == v.MONTH:
        return v.month_value(d.year, d.month), precision
    return v.year_value(d.year), precision


def _names_weekday(text: str) -> int | None:
    for word in re.findall(r"[A-Za-z]+", text.lower()):
        if word in lexicon().weekdays:
            return lexicon().weekdays[word]
    return None


@lru_cache(maxsize=8192)
def dateparser_resolve(text: str, published: str | None, tense: str | None) -> tuple[str, str] | None:
    """(value, precision) from dateparser, corrected as described above, or None."""
    text = " ".join(text.split())
    if not _looks_parseable(text):
        return None
    pub = v.parse_published(published)
    if pub is None:
        results = {_parse(text, base, tense) for base in _PROBE_BASES}
        if len(results) != 1:
            return None
        result = results.pop()
        # a weekday alone is relative even when both probes happen to agree
        return None if result is None or _names_weekday(text) else result
    result = _parse(text, datetime(pub.year, pub.month, pub.day), tense)
    if result is None:
        return None
    weekday = _names_weekday(text)
    if weekday is not None and result[1] == v.DAY and not re.search(r"\d", text):
        direction = tense if tense in ("past", "future") else "nearest"
        return v.day_value(v.weekday_occurrence(pub, weekday, direction)), v.DAY
    return result

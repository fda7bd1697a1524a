"""Normalisers for absolute and calendar-named expressions: dates, months, years, quarters, holidays.

Each takes the grammar's match and a `Context` and returns a `Resolution`; none calls dateparser.
"""

from __future__ import annotations

import re

from eventcoder.dates import values as v
from eventcoder.dates.lexicon import lexicon, lookup_ordinal, month_number
from eventcoder.dates.resolution import UNRESOLVED, Context, Resolution, direction, group_year, rel_direction

YEAR_BACK = frozenset({"year-ago", "year-earlier", "year-before", "prior-year", "year-previous"})

_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}


def iso(m: re.Match[str], ctx: Context) -> Resolution:
    """ "2013-03-22", "2013-03-22T14:05:00Z"."""
    d = v.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Resolution(v.day_value(d), v.DAY) if d else UNRESOLVED


def numeric(m: re.Match[str], ctx: Context) -> Resolution:
    """ "5/17/2023" (month first), "17.05.2023" (day first)."""
    # "/" is read month-first (US news), "." day-first (European); either flips when impossible.
    a, b = int(m["a"]), int(m["b"])
    year = int(m["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    month, day = (a, b) if m["sep"] == "/" else (b, a)
    if month > 12:
        month, day = day, month
    d = v.safe_date(year, month, day)
    return Resolution(v.day_value(d), v.DAY) if d else UNRESOLVED


def month_day(m: re.Match[str], ctx: Context) -> Resolution:
    """ "May 17, 2023", "17 May", "Friday, Oct. 23", "the week of March 6" (that day's week)."""
    res = _month_day(m, ctx)
    day = v.period_start(res.value) if m.groupdict().get("weekof") else None
    return Resolution(v.week_value(day), v.WEEK) if day is not None else res


def _month_day(m: re.Match[str], ctx: Context) -> Resolution:
    """ "May 17, 2023", "17 May", "Friday, Oct. 23": the year from the text, else by tense."""
    month = month_number(m["mon"])
    day = int(m["day"])
    year = group_year(m)
    if year is not None:
        d = v.safe_date(year, month, day)
        return Resolution(v.day_value(d), v.DAY) if d else UNRESOLVED
    if ctx.published is None:
        return UNRESOLVED
    if m["wd"]:  # "Friday, Oct. 23": the year whose Oct. 23 is a Friday, nearest first
        wd = lexicon().weekdays[m["wd"].lower()]
        for y in (ctx.published.year, ctx.published.year - 1, ctx.published.year + 1):
            d = v.safe_date(y, month, day)
            if d and d.isoweekday() == wd:
                return Resolution(v.day_value(d), v.DAY)
    d = v.month_day_occurrence(ctx.published, month, day, direction(ctx))
    return Resolution(v.day_value(d), v.DAY) if d else UNRESOLVED


def _text_year(m: re.Match[str]) -> int | None:
    """The year of a match, in digits ("1994") or read out ("nineteen ninety-four")."""
    year = group_year(m)
    if year is None and m.groupdict().get("spelled"):
        year = _spelled_number(m["spelled"])
    return year


def month_year(m: re.Match[str], ctx: Context) -> Resolution:
    """ "September 2023", "September of 2023", "January nineteen ninety-seven"."""
    year = _text_year(m)
    return Resolution(v.month_value(year, month_number(m["mon"])), v.MONTH) if year else UNRESOLVED


def month_relyear(m: re.Match[str], ctx: Context) -> Resolution:
    """ "June last year", "January this year"."""
    if ctx.published is None:
        return UNRESOLVED
    shift = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return Resolution(v.month_value(ctx.published.year + shift, month_number(m["mon"])), v.MONTH)


def month(m: re.Match[str], ctx: Context) -> Resolution:
    """ "December", "last April", "early March": the year by "last"/"next" or by tense."""
    if ctx.published is None:
        return UNRESOLVED
    month = month_number(m["mon"])
    rel = m.groupdict().get("rel")
    if rel and rel.lower() == "this":
        year = ctx.published.year
    else:
        year = v.month_occurrence(ctx.published, month, rel_direction(rel, ctx))
    return Resolution(v.month_value(year, month), v.MONTH)


def year_only(m: re.Match[str], ctx: Context) -> Resolution:
    """ "1990", "mid-1990", "the end of 1990"."""
    return Resolution(v.year_value(int(m["year"])), v.YEAR)


def decade(m: re.Match[str], ctx: Context) -> Resolution:
    """ "the 1990s", "the '80s", "the sixties"."""
    # TimeML writes a decade as its first three digits: "the 1990s" -> "199".
    if m["dec"]:
        return Resolution(m["dec"][:3], None)
    if m["dec2"]:
        century = (ctx.published.year // 100) if ctx.published else 19
        digit = int(m["dec2"][0])
        if ctx.published and century * 100 + digit * 10 > ctx.published.year:
            century -= 1
        return Resolution(f"{century}{digit}", None)
    return Resolution(f"19{lexicon().decades[m['decw'].lower()]}", None)


def century(m: re.Match[str], ctx: Context) -> Resolution:
    """ "the 20th century" -> "19"."""
    n = lookup_ordinal(m["ord"])
    return Resolution(f"{n - 1:02d}", None) if n else UNRESOLVED


def quarter(m: re.Match[str], ctx: Context) -> Resolution:
    """ "the third quarter", "third-quarter", "the 1988 second quarter", "next year's first quarter"."""
    q = lookup_ordinal(m["q"])
    if not q or q > 4:
        return UNRESOLVED
    year = group_year(m, "y1") or group_year(m, "y2")
    rel = m["yrel"] or m["yrel2"]
    if year is None:
        if ctx.published is None:
            return UNRESOLVED
        year = ctx.published.year
        if rel:
            year += {"this": 0, "last": -1, "next": 1}[rel.lower()]
        elif m["prev"]:
            year -= 1
        elif ctx.tense == "past" and q > v.quarter_of(ctx.published.month):
            year -= 1  # a quarter is named once it has ended: no forward move for future tense
    if m["cmp"] and m["cmp"].lower() in YEAR_BACK:
        year -= 1
    return Resolution(v.quarter_value(year, q), v.QUARTER)


def quarter_code(m: re.Match[str], ctx: Context) -> Resolution:
    """ "Q3 2023", "3Q"."""
    q = int(m["qn"] or m["qn2"])
    year = group_year(m, "y3")
    if year is None and m["yy"]:
        year = 2000 + int(m["yy"]) if int(m["yy"]) < 50 else 1900 + int(m["yy"])
    if year is None:
        if ctx.published is None:
            return UNRESOLVED
        year = ctx.published.year
    return Resolution(v.quarter_value(year, q), v.QUARTER)


def half(m: re.Match[str], ctx: Context) -> Resolution:
    """ "the first half of 1990", "the first two quarters of 1990" -> "1990-H1"."""
    h = 1 if (m["h"] or m["h2"]).lower() in ("first", "1st") else 2
    year = group_year(m)
    if year is None:
        if ctx.published is None:
            return UNRESOLVED
        year = ctx.published.year + {"this": 0, "last": -1, "next": 1, None: 0}[(m["yrel"] or "").lower() or None]
    return Resolution(f"{year:04d}-H{h}", None)


def fiscal_year(m: re.Match[str], ctx: Context) -> Resolution:
    """ "fiscal 1989", "FY2023" (the fiscal year's own number)."""
    return Resolution(v.year_value(int(m["year"])), v.YEAR)


def holiday(m: re.Match[str], ctx: Context) -> Resolution:
    """ "Thanksgiving", "Christmas Eve 2022", "last Easter"."""
    rule = lexicon().holidays[" ".join(m["hol"].lower().split())]
    year = group_year(m)
    if year is None:
        if ctx.published is None:
            return UNRESOLVED
        direction = rel_direction(m["rel"], ctx)
        candidates = [(y, v.holiday_date(rule, y)) for y in (ctx.published.year - 1, ctx.published.year,
                                                              ctx.published.year + 1)]
        dates = [d for _, d in candidates if d is not None]
        pub = ctx.published
        before = max((d for d in dates if d <= pub and (direction != "prev" or d < pub)), default=None)
        after = min((d for d in dates if d >= pub and (direction != "next" or d > pub)), default=None)
        if direction in ("past", "future") and before is not None and after is not None:
            # a tense that points a year away from a holiday a few days off is misleading
            # ("as Easter week began" three days before Easter): see values.PAST_OVERRIDE_RATIO
            gap_before, gap_after = (pub - before).days, (after - pub).days
            if direction == "past" and gap_after * v.PAST_OVERRIDE_RATIO < gap_before:
                direction = "future"
            elif direction == "future" and gap_before * v.PAST_OVERRIDE_RATIO < gap_after:
                direction = "past"
        if direction in ("past", "prev"):
            d = before
        elif direction in ("future", "next"):
            d = after
        else:
            d = min(dates, key=lambda x: (abs((x - pub).days), x > pub))
    else:
        d = v.holiday_date(rule, year)
    if d is None:
        return UNRESOLVED
    if m["hweek"]:  # "Easter week", "Thanksgiving weekend": the week holding the holiday
        week = v.weekend_value(d) if m["hweek"].lower() == "weekend" else v.week_value(d)
        return Resolution(week, v.WEEK)
    return Resolution(v.day_value(d), v.DAY)


def spelled_year(m: re.Match[str], ctx: Context) -> Resolution:
    """Years as read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand"."""
    return Resolution(v.year_value(_spelled_number(m["spelled"])), v.YEAR)


def _spelled_number(text: str) -> int:
    words = re.split(r"[\s-]+", text.lower())
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + sum(_ONES.get(w, _TEENS.get(w, 0)) for w in rest)
    century = _TEENS[words[0]] * 100
    tail = 0
    for w in words[1:]:
        tail += _TENS.get(w, 0) + _ONES.get(w, 0) + _TEENS.get(w, 0)
    return century + tail


def season_any(m: re.Match[str], ctx: Context) -> Resolution:
    """ "the summer", "the winter of 1994"."""
    season = m["season"] or m["season2"]
    year = _text_year(m)
    lx = lexicon()
    code = lx.seasons[season.lower()]
    if year is None:
        if ctx.published is None:
            return UNRESOLVED
        direction = "prev" if ctx.tense == "past" else "next" if ctx.tense == "future" else "this"
        year = v.season_year(ctx.published, code, direction)
    return Resolution(f"{year:04d}-{code}", None)

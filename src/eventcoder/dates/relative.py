"""Normalisers for expressions relative to the publication date or to the date just mentioned.

Weekdays, "yesterday", "last month", "two weeks ago", "the quarter", "a year earlier", "that
day"; plus durations and vague references.  None calls dateparser.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventcoder.dates import values as v
from eventcoder.dates.absolute import YEAR_BACK
from eventcoder.dates.lexicon import lexicon, lookup_number, month_number
from eventcoder.dates.resolution import (
    AGE,
    DURATION,
    UNRESOLVED,
    VAGUE,
    Context,
    Resolution,
    anaphor_reference,
    anchor_from_reference,
    rel_direction,
)

_DEICTIC_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "the day before yesterday": -2,
                 "the day after tomorrow": 2, "this morning": 0, "this afternoon": 0, "this evening": 0}
_REL_SHIFT = {"this": 0, "current": 0, "the current": 0, "this coming": 1, "this past": -1,
              "last": -1, "past": -1, "previous": -1, "the past": -1, "the last": -1, "the previous": -1,
              "next": 1, "coming": 1, "the coming": 1, "the next": 1, "following": 1, "the following": 1,
              "the same": 0}
_ANAPHORIC_REL = {"the previous", "previous", "the following", "following", "the next", "the same"}


def weekday(m: re.Match[str], ctx: Context) -> Resolution:
    """ "Friday", "last Monday", "Tuesday night", "the previous Friday"."""
    if ctx.published is None:
        return UNRESOLVED
    wd = lexicon().weekdays[m["wd"].lower()]
    rel = " ".join((m.groupdict().get("rel") or "").lower().split())
    if rel in ("the previous", "the preceding", "the following", "the next"):
        # "down 4.5% from the previous Friday": counted from the day just mentioned
        anchor = _day_anchor(ctx)
        if anchor is None:
            return UNRESOLVED
        direction = "prev" if rel in ("the previous", "the preceding") else "next"
        return Resolution(v.day_value(v.weekday_occurrence(anchor, wd, direction)), v.DAY, anaphoric=True)
    if rel == "this":
        direction = "future" if ctx.tense == "future" else "past" if ctx.tense == "past" else "nearest"
    else:
        direction = rel_direction(rel, ctx)
    # A weekday equal to the publication weekday is the publication day in either tense
    # ("will meet on Saturday" in a Saturday paper means today): weekday_occurrence's
    # "past"/"future" directions include the publication day itself.  This corrects
    # dateparser, whose PREFER_DATES_FROM="past" moves such a weekday a week back.
    d = v.weekday_occurrence(ctx.published, wd, direction)
    return Resolution(v.day_value(d), v.DAY)


def clock_day(m: re.Match[str], ctx: Context) -> Resolution:
    """ "9 a.m. Tuesday", "10:30 p.m. EST yesterday": the day, with the clock time (TimeML "T09:00")."""
    day = weekday(m, ctx) if m["wd"] else deictic(m, ctx)
    if day.value is None:
        return day
    hour = int(m["hour"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    return Resolution(f"{day.value}T{hour:02d}:{m['minute'] or '00'}", v.DAY)


def _day_anchor(ctx: Context) -> date | None:
    """The day just narrated, for "the next day", "the previous Friday"; None without one."""
    ref = anaphor_reference(ctx)
    return anchor_from_reference(ctx, distant=True) if ref and ref[1] == v.DAY else None


def deictic(m: re.Match[str], ctx: Context) -> Resolution:
    """ "yesterday", "today", "tonight", "late yesterday"."""
    if ctx.published is None:
        return UNRESOLVED
    offset = _DEICTIC_DAYS[" ".join(m["d"].lower().split())]
    return Resolution(v.day_value(ctx.published + timedelta(days=offset)), v.DAY)


def _unit_value(anchor: date, unit: str, shift: int) -> Resolution:
    """The calendar unit containing ``anchor``, moved by ``shift`` units."""
    if unit == "week":
        return Resolution(v.week_value(anchor + timedelta(weeks=shift)), v.WEEK)
    if unit == "weekend":
        return Resolution(v.weekend_value(anchor + timedelta(weeks=shift)), v.WEEK)
    if unit == "month":
        y, mo = v.add_months(anchor.year, anchor.month, shift)
        return Resolution(v.month_value(y, mo), v.MONTH)
    if unit == "quarter":
        y, q = v.add_quarters(anchor.year, v.quarter_of(anchor.month), shift)
        return Resolution(v.quarter_value(y, q), v.QUARTER)
    if unit == "year":
        return Resolution(v.year_value(anchor.year + shift), v.YEAR)
    if unit == "decade":
        return Resolution(str(anchor.year // 10 + shift), None)
    if unit == "century":
        return Resolution(f"{anchor.year // 100 + shift:02d}", None)
    if unit == "day":
        return Resolution(v.day_value(anchor + timedelta(days=shift)), v.DAY)
    return UNRESOLVED


def relative_unit(m: re.Match[str], ctx: Context) -> Resolution:
    """ "last week", "next month", "this year", "the past year", "this summer", "the following month"."""
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    season = lexicon().seasons.get(unit)
    anchor = ctx.published
    anaphoric = rel in _ANAPHORIC_REL
    if anaphoric and rel != "the next":
        anchor = anchor_from_reference(ctx, distant=True)  # "the following month": no narrative date, no value
    if anchor is None:
        return UNRESOLVED
    if season:
        direction = "prev" if _REL_SHIFT.get(rel, 0) < 0 else "next" if _REL_SHIFT.get(rel, 0) > 0 else "this"
        return Resolution(f"{v.season_year(anchor, season, direction):04d}-{season}", None)
    return Resolution(_unit_value(anchor, unit, _REL_SHIFT.get(rel, 0)).value,
                      _unit_value(anchor, unit, 0).precision, anaphoric=anaphoric)


def current_unit(m: re.Match[str], ctx: Context) -> Resolution:
    """ "earlier in the year", "the end of the month", "the year": the unit containing the publication date."""
    if ctx.published is None:
        return UNRESOLVED
    return _unit_value(ctx.published, m["unit"].lower(), 0)


def that_unit(m: re.Match[str], ctx: Context) -> Resolution:
    """ "that year", "later that day", "the same month": the unit of the date just mentioned."""
    anchor = anchor_from_reference(ctx, distant=True)
    ref = anaphor_reference(ctx)
    if anchor is None or ref is None:
        return UNRESOLVED
    unit = m["unit"].lower()
    # a day of a month, or a month of a year, that the text does not name: TimeML's X digits
    # ("in October ... that same day" -> "1998-10-XX")
    if unit == "day" and ref[1] == v.MONTH:
        return Resolution(f"{v.month_value(anchor.year, anchor.month)}-XX", None, anaphoric=True)
    if unit == "day" and ref[1] == v.YEAR:
        return Resolution(f"{v.year_value(anchor.year)}-XX-XX", None, anaphoric=True)
    if unit == "month" and ref[1] == v.YEAR:
        return Resolution(f"{v.year_value(anchor.year)}-XX", None, anaphoric=True)
    res = _unit_value(anchor, unit, 0)
    return Resolution(res.value, res.precision, anaphoric=True)


def next_day(m: re.Match[str], ctx: Context) -> Resolution:
    """ "the next day", "the following morning", "the day before": a day from the last day mentioned."""
    anchor = _day_anchor(ctx)
    if anchor is None:
        return UNRESOLVED
    rel = (m["rel"] or m["rel2"]).lower()
    shift = 1 if rel in ("next", "following", "after") else -1
    return Resolution(v.day_value(anchor + timedelta(days=shift)), v.DAY, anaphoric=True)


def year_end(m: re.Match[str], ctx: Context) -> Resolution:
    """ "year-end", "the full year", "the fiscal year": the publication year."""
    if ctx.published is None:
        return UNRESOLVED
    return Resolution(v.year_value(ctx.published.year), v.YEAR)


def weekend(m: re.Match[str], ctx: Context) -> Resolution:
    """ "the weekend": the coming one in future tense, else the last one."""
    if ctx.published is None:
        return UNRESOLVED
    sat = v.weekday_occurrence(ctx.published, 6, "future" if ctx.tense == "future" else "past")
    return Resolution(v.weekend_value(sat), v.WEEK)


def _unit_name(text: str) -> str:
    unit = text.lower()
    if unit == "centuries":
        return "century"
    return unit[:-1] if unit.endswith("s") else unit


def ago(m: re.Match[str], ctx: Context) -> Resolution:
    """ "two days ago", "three weeks later", "a year earlier" (at the granularity of the period discussed)."""
    unit = _unit_name(m["unit"])
    n = lookup_number(m["num"])
    word = " ".join(m["dir"].lower().split())
    back = word in ("ago", "earlier", "before", "back", "previously")
    if unit in ("hour", "minute"):
        return UNRESOLVED if ctx.published is None else Resolution(v.day_value(ctx.published), v.DAY)
    if n is None:  # "a few years ago", "several months later"
        return Resolution(v.PAST_REF if back else v.FUTURE_REF, None, VAGUE)
    if unit == "fortnight":
        unit, n = "week", 2 * n
    if unit == "decade":
        unit, n = "year", 10 * n
    if unit == "century":
        unit, n = "year", 100 * n
    sign = -1 if back else 1
    anaphoric = word not in ("ago", "from now", "hence")
    # "a year ago/earlier" compares with the period just mentioned ("profit rose 5% in the third
    # quarter ... from a year earlier"): keep that period's granularity and move it a year.
    if unit == "year" and n == 1 and ctx.quarter:
        return Resolution(v.quarter_value(ctx.quarter[0] + sign, ctx.quarter[1]), v.QUARTER, anaphoric=True)
    if unit == "year" and n == 1 and ctx.reference and ctx.reference[1] in (v.QUARTER, v.MONTH, v.DAY):
        shifted = v.shift_value(ctx.reference[0], sign)
        if shifted:
            return Resolution(shifted, ctx.reference[1], anaphoric=True)
    anchor = (anchor_from_reference(ctx) if anaphoric and ctx.reference and ctx.reference[1] == v.DAY
              else None) or ctx.published
    if anchor is None:
        return UNRESOLVED
    if unit == "day":
        return Resolution(v.day_value(anchor + timedelta(days=sign * n)), v.DAY)
    if unit == "week":
        return Resolution(v.week_value(anchor + timedelta(weeks=sign * n)), v.WEEK)
    if unit == "month":
        y, mo = v.add_months(anchor.year, anchor.month, sign * n)
        return Resolution(v.month_value(y, mo), v.MONTH)
    if unit == "quarter":
        y, q = v.add_quarters(anchor.year, v.quarter_of(anchor.month), sign * n)
        return Resolution(v.quarter_value(y, q), v.QUARTER)
    return Resolution(v.year_value(anchor.year + sign * n), v.YEAR)


def year_ago_adjective(m: re.Match[str], ctx: Context) -> Resolution:
    """ "year-ago", "year-earlier" as modifiers: the reference period a year back."""
    if ctx.quarter:
        y, q = ctx.quarter
        return Resolution(v.quarter_value(y - 1, q), v.QUARTER, anaphoric=True)
    if ctx.reference:
        shifted = v.shift_value(ctx.reference[0], -1)
        if shifted:
            return Resolution(shifted, ctx.reference[1], anaphoric=True)
    if ctx.published is None:
        return UNRESOLVED
    return Resolution(v.year_value(ctx.published.year - 1), v.YEAR)


def _quarter_ended(m: re.Match[str], ctx: Context) -> tuple[int, int] | None:
    """ "the quarter ended Sept. 30": the calendar quarter holding most of the three months before that day."""
    if not m["emon"]:
        return None
    month, day = month_number(m["emon"]), int(m["eday"])
    if m["eyear"]:
        end = v.safe_date(int(m["eyear"]), month, day)
    elif ctx.published is not None:
        end = v.month_day_occurrence(ctx.published, month, day, "past")
    else:
        return None
    if end is None:
        return None
    middle = end - timedelta(days=45)
    return middle.year, v.quarter_of(middle.month)


def quarter_anaphor(m: re.Match[str], ctx: Context) -> Resolution:
    """ "the quarter", "the latest period", "the year-ago quarter": the quarter under discussion."""
    words = m.group(0).lower()
    qy = m["qy"] or m["qy2"]
    if qy and ctx.quarter:
        return Resolution(v.quarter_value(int(qy), ctx.quarter[1]), v.QUARTER, anaphoric=True)
    ended = _quarter_ended(m, ctx)
    if ended is not None:
        return Resolution(v.quarter_value(*ended), v.QUARTER)  # explicit, not anaphoric
    elif "current" in words and ctx.published is not None:
        y, q = ctx.published.year, v.quarter_of(ctx.published.month)
    elif ctx.quarter:
        y, q = ctx.quarter
    elif ctx.published is not None:
        if "this" in words:
            y, q = ctx.published.year, v.quarter_of(ctx.published.month)
        else:
            y, q = v.last_completed_quarter(ctx.published)
    else:
        return UNRESOLVED
    if qy:
        y = int(qy)
    back = any(w in words for w in YEAR_BACK) or "last year" in words or "a year" in words
    back = back or "previous year" in words or "prior year" in words
    if back:
        y -= 1
    elif re.search(r"\b(?:previous|preceding|prior)\b", words):
        y, q = v.add_quarters(y, q, -1)
    return Resolution(v.quarter_value(y, q), v.QUARTER, anaphoric=True)


def duration(m: re.Match[str], ctx: Context) -> Resolution:
    """ "three days", "the past 10 years": a TimeML duration; "65 years old" is an age."""
    if m.groupdict().get("old"):
        return Resolution(None, None, AGE)
    unit = _unit_name(m["unit"])
    return Resolution(v.duration_value(lookup_number(m["num"]), unit), None, DURATION)


def in_duration(m: re.Match[str], ctx: Context) -> Resolution:
    """ "(will be redeemed) in five years": the date that far ahead; in other tenses a duration."""
    n = lookup_number(m["num"])
    if ctx.tense != "future" or n is None or ctx.published is None:
        return duration(m, ctx)
    unit = _unit_name(m["unit"])
    if unit == "day":
        return Resolution(v.day_value(ctx.published + timedelta(days=n)), v.DAY)
    if unit == "week":
        return Resolution(v.week_value(ctx.published + timedelta(weeks=n)), v.WEEK)
    if unit == "month":
        return Resolution(v.month_value(*v.add_months(ctx.published.year, ctx.published.month, n)), v.MONTH)
    return Resolution(v.year_value(ctx.published.year + n), v.YEAR)


def vague(m: re.Match[str], ctx: Context) -> Resolution:
    """ "now", "recently", "the future": PRESENT_REF / PAST_REF / FUTURE_REF."""
    text = " ".join(m.group(0).lower().split())
    for key, value in lexicon().vague.items():
        if re.fullmatch(key, text):
            return Resolution(value, None, VAGUE)
    return UNRESOLVED

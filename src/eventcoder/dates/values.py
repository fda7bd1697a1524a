"""Calendar arithmetic and TimeML value strings (days, weeks, months, quarters, seasons).

Pure functions over ``datetime.date``; no parsing of text happens here.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

DAY, WEEK, MONTH, QUARTER, YEAR = "day", "week", "month", "quarter", "year"

PRESENT_REF, PAST_REF, FUTURE_REF = "PRESENT_REF", "PAST_REF", "FUTURE_REF"
REF_VALUES = frozenset({PRESENT_REF, PAST_REF, FUTURE_REF})


def parse_published(published: str | None) -> date | None:
    """The publication date from an ISO string ("2023-11-04" or a full ISO timestamp); None if absent."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def year_value(year: int) -> str:
    return f"{year:04d}"


def week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def weekend_value(d: date) -> str:
    return week_value(d) + "-WE"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) shifted by n months."""
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def add_quarters(year: int, quarter: int, n: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + n
    return index // 4, index % 4 + 1


def shift_date(d: date, years: int = 0, months: int = 0, days: int = 0) -> date:
    """d shifted by whole years/months (day clamped to the month's end) and days."""
    y, m = add_months(d.year, d.month, years * 12 + months)
    day = d.day
    while safe_date(y, m, day) is None:
        day -= 1
    return date(y, m, day) + timedelta(days=days)


def last_completed_quarter(d: date) -> tuple[int, int]:
    return add_quarters(d.year, quarter_of(d.month), -1)


def weekday_occurrence(published: date, weekday: int, direction: str) -> date:
    """The date of ISO ``weekday`` near ``published``.

    direction: "past" (on or before), "future" (on or after), "prev" (strictly before),
    "next" (strictly after), "nearest" (the closer of past/future; ties go to the past).
    """
    back = (published.isoweekday() - weekday) % 7
    ahead = (weekday - published.isoweekday()) % 7
    if direction == "past":
        return published - timedelta(days=back)
    if direction == "future":
        return published + timedelta(days=ahead)
    if direction == "prev":
        return published - timedelta(days=back or 7)
    if direction == "next":
        return published + timedelta(days=ahead or 7)
    return published - timedelta(days=back) if back <= ahead else published + timedelta(days=ahead)


# A past-tense verb often governs the date of a coming event ("declared a dividend payable
# Dec. 7", "set a deadline of Jan. 14"): in the past direction, an occurrence at least this
# many times closer ahead than behind wins.  Likewise in the future direction a date just
# behind the publication day beats one most of a year ahead ("ordered the boy returned by
# Jan. 14" read on Jan. 15): a date that far ahead would carry its year.
PAST_OVERRIDE_RATIO = 4


def month_occurrence(published: date, month: int, direction: str) -> int:
    """The year of the occurrence of ``month`` chosen by direction (see weekday_occurrence).

    "past" includes the publication month; "nearest" keeps the publication year unless the
    month is within three months across the year boundary (December read in January is last
    December).
    """
    y = published.year
    behind = (published.month - month) % 12
    ahead = (month - published.month) % 12
    if direction == "past":
        if behind and ahead * PAST_OVERRIDE_RATIO < behind:
            return y if month >= published.month else y + 1
        return y if month <= published.month else y - 1
    if direction == "future":
        if behind == 1:  # the month just ended, not the one eleven months on
            return y if month <= published.month else y - 1
        return y if month >= published.month else y + 1
    if direction == "prev":
        return y if month < published.month else y - 1
    if direction == "next":
        return y if month > published.month else y + 1
    diff = month - published.month
    if diff > 8:
        return y - 1
    if diff < -8:
        return y + 1
    return y


def _on(year: int, month: int, day: int) -> date | None:
    """month/day in year, with Feb 29 falling back to Feb 28."""
    return safe_date(year, month, day) or (safe_date(year, month, 28) if day <= 31 else None)


def month_day_occurrence(published: date, month: int, day: int, direction: str) -> date | None:
    """The occurrence of month/day near ``published`` (see month_occurrence for the directions)."""
    y = published.year
    this_year = _on(y, month, day)
    if this_year is None:
        return None
    before = this_year if this_year <= published else _on(y - 1, month, day)
    after = this_year if this_year >= published else _on(y + 1, month, day)
    if before is None or after is None:
        return this_year
    if direction in ("past", "prev"):
        if direction == "past" and (after - published).days * PAST_OVERRIDE_RATIO < (published - before).days:
            return after
        return before
    if direction in ("future", "next"):
        if direction == "future" and (published - before).days * PAST_OVERRIDE_RATIO < (after - published).days:
            return before
        return after
    year = month_occurrence(published, month, "nearest")
    return _on(year, month, day)


_SEASON_END_MONTH = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}
_SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_year(published: date, season: str, direction: str) -> int:
    """The year of a season ("last fall", "this summer"); winter belongs to the year it starts in."""
    y = published.year
    start = date(y, _SEASON_START_MONTH[season], 1)
    if season == "WI" and published.month <= 2:
        start = date(y - 1, 12, 1)
    end_month = _SEASON_END_MONTH[season]
    end_year = start.year + 1 if season == "WI" else start.year
    ended = published > date(end_year, end_month, 28)
    if direction == "prev":
        return start.year if ended else start.year - 1
    if direction == "next":
        return start.year if published < start else start.year + 1
    return start.year


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday_date(rule: str, year: int) -> date | None:
    """The date of a holiday rule from the lexicon ("fixed:12-25", "nth:11:4:4", "easter:-2")."""
    kind, _, rest = rule.partition(":")
    if kind == "fixed":
        month, day = (int(x) for x in rest.split("-"))
        return safe_date(year, month, day)
    if kind == "easter":
        return easter(year) + timedelta(days=int(rest))
    if kind == "nth":
        parts = rest.split(":")
        month, weekday, n = int(parts[0]), int(parts[1]), int(parts[2])
        offset = int(parts[3]) if len(parts) > 3 else 0
        if n > 0:
            first = date(year, month, 1)
            d = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
        else:
            nxt = date(year + (month == 12), month % 12 + 1, 1)
            last = nxt - timedelta(days=1)
            d = last - timedelta(days=(last.isoweekday() - weekday) % 7)
        return d + timedelta(days=offset)
    return None


_VALUE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|Q(?P<q>[1-4])|W(?P<w>\d{2})(?P<we>-WE)?"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?$"
)


def shift_value(value: str, years: int) -> str | None:
    """A TimeML calendar value moved by whole years, keeping its granularity ("1989-Q3" -> "1988-Q3")."""
    m = _VALUE_RE.match(value)
    if not m:
        return None
    y = int(m["y"]) + years
    if m["d"]:
        d = shift_date(date(int(m["y"]), int(m["m"]), int(m["d"])), years=years)
        return day_value(d)
    if m["m"]:
        return month_value(y, int(m["m"]))
    if m["q"]:
        return quarter_value(y, int(m["q"]))
    if m["w"]:
        return f"{y:04d}-W{m['w']}{m['we'] or ''}"
    if m["h"]:
        return f"{y:04d}-H{m['h']}"
    if m["s"]:
        return f"{y:04d}-{m['s']}"
    return year_value(y)


def quarter_from_value(value: str) -> tuple[int, int] | None:
    m = _VALUE_RE.match(value)
    if m and m["q"]:
        return int(m["y"]), int(m["q"])
    return None


def duration_value(n: int | None, unit: str) -> str:
    """A TimeML duration: P3D, P2W, P1M, P5Y, P1Q... PT4H; unknown amounts use X (PXY)."""
    amount = "X" if n is None else str(n)
    code = {"day": "D", "week": "W", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y",
            "decade": "DE", "century": "CE", "hour": "H", "minute": "M"}[unit]
    if unit == "fortnight" and n is not None:
        amount = str(2 * n)
    if unit in ("hour", "minute"):
        return f"PT{amount}{code}"
    return f"P{amount}{code}"


def period_start(value: str | None) -> date | None:
    """First day of a TimeML calendar value: 2023-05-17, 2023-W11, 2023-05, 2023-Q2, 2023."""
    if not value:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        if "-W" in value:
            year, week = value.split("-W")
            return date.fromisocalendar(int(year), int(week[:2]), 1)
        if "-Q" in value:
            year, q = value.split("-Q")
            return date(int(year), 3 * (int(q) - 1) + 1, 1)
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1)
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1)
    except ValueError:
        return None
    return None

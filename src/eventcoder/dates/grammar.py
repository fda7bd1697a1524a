"""The date grammar: one rule per expression shape, each a regex plus a normaliser.

The same rules serve finding (``finditer`` over the article) and resolving (``fullmatch`` on
one expression), so an expression is parsed once.  Rules are listed from the most to the least
specific; when two matches cover the same text the earlier rule wins.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventcoder.dates import absolute as a
from eventcoder.dates import relative as r
from eventcoder.dates.lexicon import fragments, lexicon
from eventcoder.dates.resolution import Normaliser, Rule


def _year_re(name: str = "year") -> str:
    """A four-digit year 1000-2099 that is not part of a larger number, an amount or a range."""
    return rf"(?<![\w$£€#.,/:])(?<!\d-)(?P<{name}>1[0-9]{{3}}|20[0-9]{{2}})(?![\d%]|[.,/:]\d|-\d|\s*%)"


_MOD = (r"(?:(?:early|late|earlier|later|(?:the\s+)?(?:end|beginning|middle|start)\s+of"
        r"|(?:the\s+)?(?:early|late)\s+part\s+of)\s+|mid-\s*|mid\s+)")
_TOD = r"(?:morning|afternoon|evening|night|noon|midnight)"
_UNITS = r"(?:days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century|hours?|minutes?)"
_YEAR_BACK = r"(?:year-ago|year-earlier|year-before|prior-year|year-previous)"
_APPROX = r"(?:about|almost|nearly|some|more\s+than|less\s+than|roughly|only|just|around|over|barely|exactly)"
_REL = (r"(?:this\s+past|this\s+coming|the\s+past|the\s+last|the\s+current|the\s+coming|the\s+previous"
        r"|the\s+following|the\s+next|the\s+same|this|last|next|past|coming|current|previous|following)")
_SPELLED_YEAR = (r"(?:eighteen|nineteen)\s+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                 r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
                 r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
                 r"|(?<=year\s)two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?")
_END = r"(?![\w-])"


def _specs() -> list[tuple[str, str, Normaliser, tuple[str, ...]]]:
    """(name, regex, normaliser, groups that need a capital) for every expression shape."""
    f = fragments()
    wd = rf"(?:(?P<wd>{f.weekday})\s*,?\s+)?"
    week_of = r"(?:(?P<weekof>(?:the\s+)?week\s+of)\s+)?"  # "the week of March 6": that date's week
    day = r"(?P<day>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|[:.]\d|\s*%)"
    vague = "|".join(sorted(lexicon().vague, key=len, reverse=True))
    iso_time = r"(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    quarter_word = r"(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter\b"
    quarter_of = (rf"(?:\s+of\s+(?:fiscal\s+)?(?:{_year_re('y2')}|(?P<yrel2>this|last|next)\s+year"
                  r"|the\s+(?P<prev>previous|prior)\s+year))?")
    quarter_words = (r"(?:latest|current|most\s+recent|recent|just-ended|just-completed|same|comparable"
                     rf"|corresponding|previous|preceding|prior|{_YEAR_BACK})")
    period_tail = (r"(?:\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)|of\s+last\s+year"
                   r"|the\s+(?:previous|prior)\s+year))?")
    ended = (rf"(?:(?=\s+(?:ended|ending|through)\s+(?P<emon>{f.month})\s+(?P<eday>[12][0-9]|3[01]|0?[1-9])\b"
             r"(?:,?\s+(?P<eyear>1[0-9]{3}|20[0-9]{2}))?))?")
    ago_dir = r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back|previously)"
    return [
        ("iso", rf"(?<![\w-])(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){iso_time}{_END}", a.iso, ()),
        ("numeric", r"(?<![\w/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/]|\.\d)",
         a.numeric, ()),
        ("month_day", rf"{week_of}{wd}(?:{_MOD})?(?P<mon>{f.month})\s+{day}(?:(?:\s*,\s*|\s+of\s+|\s+){_year_re()})?",
         a.month_day, ("mon", "wd")),
        ("day_month", rf"{wd}(?:the\s+)?{day}(?:\s+of)?\s+(?P<mon>{f.month})(?:\s*,?\s+{_year_re()})?",
         a.month_day, ("mon", "wd")),
        ("month_year", rf"(?:{_MOD})?(?P<mon>{f.month})(?:\s+of|\s*,)?\s+"
                       rf"(?:{_year_re()}|(?P<spelled>{_SPELLED_YEAR}){_END})", a.month_year, ("mon",)),
        ("month_relyear", rf"(?:{_MOD})?(?P<mon>{f.month_full})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b",
         a.month_relyear, ("mon",)),
        ("rel_month", rf"(?:{_MOD})?(?P<rel>this\s+past|this\s+coming|last|next|this|past|coming)\s+"
                      rf"(?P<mon>{f.month_full})(?!\s*\d)(?!\w)", a.month, ("mon",)),
        ("month", rf"(?:{_MOD})?(?P<mon>{f.month_full})(?!\s*\d)(?!\w)", a.month, ("mon",)),
        ("decade", r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?"
                   rf"(?:(?P<dec>1\d\d0|20\d0)'?s|'(?P<dec2>\d0)s|(?<=the\s)(?P<decw>{f.decade_word}))(?!\w)",
         a.decade, ()),
        ("century", rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<ord>{f.ordinal})[\s-]+century\b", a.century, ()),
        ("quarter", r"(?:(?:the|its|their|this|that|a)\s+)?(?:(?P<yrel>this|last|next)\s+year's\s+)?"
                    rf"(?:(?P<cmp>comparable|latest|current|same|{_YEAR_BACK})\s+)?(?:{_year_re('y1')}\s+)?"
                    rf"(?:(?:fiscal|calendar)[\s-]+)?(?:(?:early|late|mid)[\s-]+)?{quarter_word}{quarter_of}",
         a.quarter, ()),
        ("quarter_code", r"(?<![\w-])(?:Q(?P<qn>[1-4])|(?P<qn2>[1-4])Q)"
                         rf"(?:\s+{_year_re('y3')}|\s*'(?P<yy>\d\d))?(?!\w)", a.quarter_code, ()),
        ("half", r"(?:the\s+)?(?:(?P<h>first|second|last|latter|1st|2nd)\s+half"
                 r"|(?P<h2>first|last|final)\s+(?:two|2)\s+quarters)\s+of\s+"
                 rf"(?:(?:fiscal\s+)?{_year_re()}|(?P<yrel>this|last|next)\s+year|the\s+year)", a.half, ()),
        ("quarter_anaphor",
         rf"(?:(?:the|this|that|its)\s+(?:(?P<qy>1[0-9]{{3}}|20[0-9]{{2}})\s+)?(?:{quarter_words}\s+)*(?:fiscal\s+)?quarter"
         rf"|the\s+(?:(?:latest|same|comparable|corresponding|{_YEAR_BACK})\s+)+period{period_tail}"
         r"|the\s+(?P<qy2>1[0-9]{3})\s+period"
         rf"|last\s+year's\s+(?:quarter|period)){_END}{ended}",
         r.quarter_anaphor, ()),
        ("year_ago_adj", rf"(?<![\w-]){_YEAR_BACK}{_END}", r.year_ago_adjective, ()),
        ("fiscal_year", rf"(?:fiscal|calendar|FY)\s*(?:year\s+)?{_year_re()}", a.fiscal_year, ()),
        ("year", rf"(?:{_MOD}|the\s+year\s+)?{_year_re()}", a.year_only, ()),
        ("spelled_year", rf"(?:the\s+year\s+)?(?P<spelled>{_SPELLED_YEAR}){_END}", a.spelled_year, ()),
        ("weekday", r"(?:(?P<rel>this\s+past|this\s+coming|the\s+previous|the\s+preceding|the\s+following"
                    r"|the\s+next|last|next|this|past|coming)\s+|(?:early|late|earlier|later)\s+)?"
                    rf"(?P<wd>{f.weekday})(?:\s+{_TOD})?(?!\w)", r.weekday, ("wd",)),
        ("clock_day", r"(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5][0-9]))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)"
                      r"(?:\s+(?:[a-z][sd]t|gmt|utc))?\s*,?\s+(?:on\s+)?"
                      rf"(?:(?P<wd>{f.weekday})|(?P<d>yesterday|today|tomorrow))(?!\w)", r.clock_day, ("wd",)),
        ("deictic", r"(?:(?:early|late|earlier|later)\s+)?(?P<d>the\s+day\s+before\s+yesterday"
                    r"|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight|this\s+(?:morning|afternoon|evening))"
                    rf"(?:\s+{_TOD})?(?!\w)", r.deictic, ()),
        ("relative_unit", r"(?:(?:early|late|earlier|later)\s+(?:in\s+)?"
                          r"|(?:the\s+)?(?:end|beginning|middle|start)\s+of\s+"
                          rf"|mid-?)?(?P<rel>{_REL})\s+(?:(?:fiscal|calendar)\s+)?"
                          rf"(?P<unit>week|weekend|month|year|quarter|decade|century|{f.season}){_END}",
         r.relative_unit, ()),
        ("current_unit", r"(?:(?:earlier|later|early|late)\s+in\s+|(?:the\s+)?(?:end|beginning|middle|start)\s+of\s+)"
                         rf"the\s+(?P<unit>week|month|year|quarter|decade){_END}", r.current_unit, ()),
        ("the_year", r"(?<![\w-])the\s+(?P<unit>year)(?![\w-]|\s+(?:before|after|earlier|later|ago|\d))",
         r.current_unit, ()),
        ("weekend", rf"(?<![\w-])the\s+weekend{_END}", r.weekend, ()),
        ("that_unit", r"(?<![\w-])(?:(?:early|late|earlier|later)\s+)?(?:that|the\s+same)\s+(?:same\s+)?"
                      rf"(?P<unit>day|week|month|year){_END}", r.that_unit, ()),
        ("next_day", r"(?<![\w-])(?:the\s+)?(?P<rel>next|following|previous|preceding)\s+"
                     rf"(?:day|morning|afternoon|evening|night){_END}"
                     r"|(?<![\w-])the\s+(?:day|night)\s+(?P<rel2>before|after)(?=\s*[,.;])", r.next_day, ()),
        ("year_end", rf"(?<![\w-])(?:the\s+)?(?:year[\s-]end|year's\s+end){_END}"
                     rf"|the\s+(?:full|fiscal|calendar|current\s+fiscal|whole|entire)\s+year{_END}", r.year_end, ()),
        ("season", rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<season>{f.season})(?:\s+of)?\s+"
                   rf"(?:{_year_re()}|(?P<spelled>{_SPELLED_YEAR}){_END})"
                   rf"|the\s+(?:(?:early|late)\s+)?(?P<season2>summer|winter|spring|autumn){_END}", a.season_any, ()),
        ("ago", rf"(?:{_APPROX}\s+)?(?P<num>{f.number})[\s-]+(?P<unit>{_UNITS})(?:\s+or\s+so)?\s+{ago_dir}{_END}"
                r"(?!\s+(?:the|a|an|his|her|its|their|this|that)\b)", r.ago, ()),
        ("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<hol>{f.holiday})(?:\s*,?\s+{_year_re()})?"
                    rf"(?:\s+(?P<hweek>week|weekend){_END})?{_END}",
         a.holiday, ("hol",)),
        ("vague", rf"(?<![\w-])(?:{vague}){_END}", r.vague, ()),
        ("in_duration", rf"(?<=\bin\s)(?P<num>{f.number})[\s-]+(?P<unit>days?|weeks?|months?|years?){_END}",
         r.in_duration, ()),
        ("duration", r"(?:(?:the\s+)?(?:past|last|next|previous|coming|first|following|final|preceding)\s+)?"
                     rf"(?:{_APPROX}\s+)?(?P<num>{f.number})[\s-]+(?P<unit>{_UNITS})(?P<old>[\s-]+old)?(?![\w])",
         r.duration, ()),
    ]


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The grammar, compiled once."""
    keywords = _keywords()
    # every expression starts at a word boundary: saying so first lets the engine skip mid-word positions
    return tuple(
        Rule(name, re.compile(r"(?<!\w)(?:" + pattern + ")", re.IGNORECASE), fn, caps, keywords.get(name))
        for name, pattern, fn, caps in _specs()
    )


def _keywords() -> dict[str, frozenset[str]]:
    lx = lexicon()
    months = frozenset(lx.months)
    units = frozenset({"day", "days", "week", "weeks", "fortnight", "fortnights", "month", "months", "quarter",
                       "quarters", "year", "years", "decade", "decades", "century", "centuries", "hour", "hours",
                       "minute", "minutes"})
    return {
        "month_day": months, "day_month": months, "month_year": months, "month_relyear": months,
        "rel_month": months, "month": months,
        "weekday": frozenset(lx.weekdays),
        "quarter": frozenset({"quarter"}), "quarter_anaphor": frozenset({"quarter", "period"}),
        "quarter_code": frozenset({"q"}), "century": frozenset({"century"}), "half": frozenset({"half", "quarters"}),
        "ago": frozenset({"ago", "earlier", "later", "before", "after", "now", "hence", "back", "previously"}),
        "duration": units, "in_duration": units,
        "relative_unit": frozenset({"this", "last", "next", "past", "coming", "current", "previous", "following",
                                    "same"}),
        "current_unit": frozenset({"end", "beginning", "middle", "start", "earlier", "later", "early", "late"}),
        "holiday": frozenset(name.split()[0].replace("'s", "") for name in lx.holidays),
        "season": frozenset(lx.seasons),
        "deictic": frozenset({"yesterday", "today", "tomorrow", "tonight", "this", "day"}),
        "clock_day": frozenset({"m", "am", "pm"}),
        "the_year": frozenset({"year"}), "weekend": frozenset({"weekend"}),
        "that_unit": frozenset({"that", "same"}), "year_end": frozenset({"year"}),
        "next_day": frozenset({"day", "night", "morning", "afternoon", "evening"}),
        "spelled_year": frozenset({"eighteen", "nineteen", "thousand"}),
        "year_ago_adj": frozenset({"year"}),
    }

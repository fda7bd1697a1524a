"""Trying the date rules only where a match can begin finds exactly what `finditer` over the whole text finds."""

from __future__ import annotations

import re

import pytest

from eventcoder.dates.grammar import rules
from eventcoder.dates.scan import Starts, finditer, literal_prefixes

TEXTS = [
    "The ministers met on Monday, 3 March 2014, and again on March 5th; talks resume in mid-April.",
    "Sales rose in the third quarter of 2019 (Q3 2019, or 3Q'19) against the year-ago period.",
    "In the 1990s and the '80s, FY2018 and fiscal 2020 budgets; the year before, two years ago.",
    "Protests began late last week, on 12/03/2020, and on 2020-03-04T10:00Z the army moved in.",
    "Early in the year, at the end of the month, the day after tomorrow, this past Sunday evening.",
    "SUNDAY, JANUARY 5, 2014 — Christmas Eve, Good Friday, New Year's Day and Boxing Day 2015.",
    "Over three decades, nearly 40 years old, the past six months and the following day.",
    "«Recently» the summit (in November last year) was delayed until next spring; autumn 2016.",
    "Curly ‘quotes’ and “dates”: ‘2019’, İstanbul on ſunday, Kelvin-signed Kſ and ½ March.",
    "Numbers in other scripts: ٢٠١٩ and २०२० years, the 21st century, the nineteen-nineties.",
    "",
    "2019",
    "a",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_rule_finds_what_finditer_finds(text: str) -> None:
    starts = Starts(text)
    for rule in rules():
        expected = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in finditer(rule.pattern, text, starts)] == expected, rule.name


def test_every_rule_of_the_grammar_has_prefixes() -> None:
    assert [r.name for r in rules() if literal_prefixes(r.pattern) is None] == []


YEARS_20 = {f"20{d}" for d in range(10)}


@pytest.mark.parametrize(
    ("pattern", "prefixes"),
    [
        (r"(?<!\w)(?:the\s+)?(?:Jan|feb)(?:uary)?", {"the", "jan", "feb"}),
        (r"(?<!\w)(?:early\s+)?(?P<y>1[0-9]{3}|20[0-9]{2})", {"ear"} | {f"1{d}" for d in range(10)} | YEARS_20),
        (r"(?<!\w)(?:mid-?)?(?P<d>\d)", {"mid"} | set("0123456789")),
        (r"(?<!\w)(?:Q(?P<n>[1-4]))", {"q1", "q2", "q3", "q4"}),
    ],
)
def test_prefixes_are_read_from_the_regex(pattern: str, prefixes: set[str]) -> None:
    assert literal_prefixes(re.compile(pattern, re.IGNORECASE)) == prefixes


@pytest.mark.parametrize(
    "pattern",
    [
        r"the\s+year",  # not anchored at a word start: the index holds only word starts
        r"(?<!\w)(?:the)?",  # may match the empty string
        r"(?<!\w)(?:\w+day)",  # begins with any word character
        r"(?<!\w)(?:\s*May)",  # may begin with a space
    ],
)
def test_patterns_without_usable_prefixes_run_with_finditer(pattern: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    assert literal_prefixes(compiled) is None
    text = "the year on Monday, the   May day"
    assert [m.span() for m in finditer(compiled, text, Starts(text))] == [m.span() for m in compiled.finditer(text)]

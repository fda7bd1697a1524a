"""The date vocabulary (data/dates/lexicon.toml) and the regular-expression pieces built from it."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventcoder.errors import DataFileError

_SECTIONS = ("months", "weekdays", "numbers", "ordinals", "seasons", "decades", "holidays", "vague")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The sections of lexicon.toml."""
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    seasons: dict[str, str]
    decades: dict[str, int]
    holidays: dict[str, str]
    vague: dict[str, str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The date vocabulary, loaded once."""
    path = resources.files("eventcoder.data").joinpath("dates", "lexicon.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(str(path), None, f"invalid TOML: {exc}") from exc
    missing = [s for s in _SECTIONS if s not in data]
    if missing:
        raise DataFileError(str(path), None, f"missing sections: {', '.join(missing)}")
    return Lexicon(**{s: dict(data[s]) for s in _SECTIONS})


def _alt(words: list[str]) -> str:
    """A non-capturing alternation, longest first so that "sept" wins over "sep"."""
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) + ")"


def lookup_number(word: str) -> int | None:
    """An amount from digits or a number word ("3", "three", "a few"); None if unknown or vague."""
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    if w in ("a few", "few", "several", "some"):
        return None
    if "-" in w:  # twenty-five
        parts = [lexicon().numbers.get(p) for p in w.split("-")]
        if all(p is not None for p in parts):
            return sum(p for p in parts if p is not None)
    return lexicon().numbers.get(w)


def lookup_ordinal(word: str) -> int | None:
    """A number from "3rd" or "third"."""
    w = word.lower().strip()
    m = re.match(r"(\d+)(?:st|nd|rd|th)?$", w)
    if m:
        return int(m.group(1))
    return lexicon().ordinals.get(w)


def month_number(word: str) -> int:
    """1-12 from a month name or abbreviation ("Sept.")."""
    return lexicon().months[word.lower().rstrip(".")]


@dataclass(frozen=True, slots=True)
class Fragments:
    """Regex source fragments shared by the finding and the resolving rules."""

    month: str  # any month name or abbreviation (abbreviations may carry a dot)
    month_full: str  # full names, plus abbreviations that carry a dot ("Sept.")
    weekday: str
    number: str
    ordinal: str
    season: str
    decade_word: str
    holiday: str


@lru_cache(maxsize=1)
def fragments() -> Fragments:
    """The regex fragments, built once."""
    lx = lexicon()
    full = [m for m in lx.months if len(m) > 4 or m in ("may", "june", "july")]
    abbr = [m for m in lx.months if m not in full]
    month = "(?:" + _alt(full) + "|" + _alt(abbr) + r"\.?)"
    month_full = "(?:" + _alt(full) + "|" + _alt(abbr) + r"\.)"
    weekday = _alt(list(lx.weekdays))
    number_words = [w for w in lx.numbers]
    number = r"(?:\d{1,3}|(?:" + _alt(number_words) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
    ordinal = r"(?:\d{1,2}(?:st|nd|rd|th)|" + _alt(list(lx.ordinals)) + ")"
    return Fragments(
        month=month,
        month_full=month_full,
        weekday=weekday,
        number=number,
        ordinal=ordinal,
        season=_alt(list(lx.seasons)),
        decade_word=_alt(list(lx.decades)),
        holiday=_alt(list(lx.holidays)),
    )

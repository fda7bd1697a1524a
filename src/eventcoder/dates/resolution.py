"""The records the date grammar works with: the context a normaliser sees, what it returns, a rule."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from eventcoder.dates import values as v

# kinds of resolution
DATE, DURATION, VAGUE, AGE = "date", "duration", "vague", "age"


@dataclass(frozen=True, slots=True)
class Context:
    """What a normaliser may look at besides the expression itself."""

    published: date | None
    tense: str | None = None  # "past" | "future" | None
    reference: tuple[str, str] | None = None  # (value, precision) of the last date mentioned nearby
    quarter: tuple[int, int] | None = None  # the last completed fiscal quarter discussed in the article
    # the last date mentioned a little further back, for expressions that mean nothing without
    # one ("the following month", "the next morning", "that day"): None when `reference` is set
    distant_reference: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    """A normaliser's answer: TimeML value, precision, kind."""
    value: str | None
    precision: str | None
    kind: str = DATE
    anaphoric: bool = False  # resolved against the discourse reference, not only the publication date


Normaliser = Callable[[re.Match[str], Context], Resolution]


@dataclass(frozen=True, slots=True)
class Rule:
    """One expression shape: its regex and its normaliser."""

    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    capitalised: tuple[str, ...] = ()  # groups that must start with a capital letter when finding
    keywords: frozenset[str] | None = None  # a text holding none of these words cannot match (a fast pre-check)


UNRESOLVED = Resolution(None, None)


def direction(ctx: Context) -> str:
    """The search direction the tense implies: "past", "future" or "nearest"."""
    return ctx.tense if ctx.tense in ("past", "future") else "nearest"


def rel_direction(rel: str | None, ctx: Context) -> str:
    """The direction of "last"/"next"/"this"-style modifiers, else the tense's."""
    rel = " ".join((rel or "").lower().split())
    if rel in ("last", "past", "this past", "previous"):
        return "prev"
    if rel in ("next", "coming", "this coming", "following"):
        return "next"
    return direction(ctx)


def group_year(m: re.Match[str], group: str = "year") -> int | None:
    """The year captured by a named group, if any."""
    text = m.groupdict().get(group)
    return int(text) if text else None


def anaphor_reference(ctx: Context) -> tuple[str, str] | None:
    """The date a purely anaphoric expression refers back to: the nearby one, else one further back."""
    return ctx.reference or ctx.distant_reference


def anchor_from_reference(ctx: Context, distant: bool = False) -> date | None:
    """A representative day for the discourse reference (its first day), if any.

    ``distant`` lets a purely anaphoric expression use `Context.distant_reference`.
    """
    ref = anaphor_reference(ctx) if distant else ctx.reference
    if not ref:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4]))?$", ref[0])
    if not m:
        return None
    year = int(m[1])
    if m[4]:
        return date(year, 3 * int(m[4]) - 2, 1)
    return v.safe_date(year, int(m[2] or 1), int(m[3] or 1))


"""Normalising one date expression to a TimeML value against the publication date."""

from __future__ import annotations

import re

from eventcoder.dates import values as v
from eventcoder.dates.fallback import dateparser_resolve
from eventcoder.dates.grammar import rules
from eventcoder.dates.resolution import UNRESOLVED, Context, Resolution

_TENSES = ("past", "future")
_LEADING = re.compile(
    r"^(?:(?:on|in|at|since|by|until|till|from|during|for|of|to|before|after|around|about|as\s+of|over|through"
    r"|throughout|within)\s+)+",
    re.IGNORECASE,
)


def clean_expression(text: str) -> str:
    """The expression without surrounding space, leading prepositions, trailing punctuation and 's."""
    text = _LEADING.sub("", " ".join(text.split()))
    text = re.sub(r"(?:'s|’s)$", "", text)
    return text.strip(" ,;:!?\"'()[]")


def normalise(text: str, ctx: Context) -> Resolution:
    """The grammar's reading of a whole expression; dateparser only for what the grammar does not cover.

    When a rule covers the whole expression its verdict stands, even "no value" (e.g. "the
    following month" with no date mentioned before it): dateparser would only guess.
    """
    for rule in rules():
        match = rule.pattern.fullmatch(text)
        if match:
            return rule.normalise(match, ctx)
    published = v.day_value(ctx.published) if ctx.published else None
    found = dateparser_resolve(text, published, ctx.tense)
    if found:
        return Resolution(found[0], found[1])
    return UNRESOLVED


def resolve(text: str, published: str | None, tense: str | None = None) -> tuple[str | None, str | None]:
    """One expression -> (TimeML value, precision); (None, None) when it cannot be resolved.

    ``tense`` ("past" | "future" | None) chooses the direction for weekday and month names
    without a year; None takes the nearest occurrence.  Durations come back as ("P3D", None),
    vague references as ("PRESENT_REF", None), ages as (None, None).
    """
    ctx = Context(published=v.parse_published(published), tense=tense if tense in _TENSES else None)
    resolution = normalise(clean_expression(text), ctx)
    return resolution.value, resolution.precision

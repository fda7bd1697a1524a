"""Which date expression belongs to an event trigger.

Preference, within the trigger's sentence:

1. a date in the trigger's own clause: below the trigger in the parse with no other clause
   verb in between, except a participle or relative clause describing a nominal trigger ("the
   summit held on May 17", "the measures carried out in September");
2. for a nominal trigger that is an argument of a verb, a date hanging off that verb or off
   another of its arguments ("X on Friday held a meeting");
3. a date in no event verb's clause at all (a dateline, a verbless fragment, a copula clause).

Within a tier the more precise date wins (day over month over year), then the closer one.
Durations ("three days"), vague references ("now"), and "since"/"for"/"until" periods are
never event dates.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token
from ..nlp.sentences import sentence_of

from eventcoder.dates.values import REF_VALUES
from eventcoder.types import DateExpr

_PERIOD_MARKERS = frozenset({"since", "for", "until", "till"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "pobj", "appos", "conj"})
_DESCRIBING_DEPS = frozenset({"acl", "relcl"})
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
_MAX_CLIMB = 20


def is_duration(value: str | None) -> bool:
    """A TimeML duration value (P3D, PT4H, PXY)."""
    return bool(value) and re.match(r"^PT?[\dX]", value or "") is not None


def _is_clause_head(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass")


def _span(doc: Doc, d: DateExpr) -> Span | None:
    return doc.char_span(d.span[0], d.span[1], alignment_mode="expand")


def _eligible(doc: Doc, d: DateExpr, span: Span) -> bool:
    if d.value is not None and (is_duration(d.value) or d.value in REF_VALUES):
        return False
    return not (span.start > 0 and doc[span.start - 1].lower_ in _PERIOD_MARKERS)


def _attachment(span: Span) -> Token | None:
    """The word the date expression modifies, looking through a governing preposition."""
    root = span.root
    head = root.head
    if head.i == root.i:
        return None
    if head.pos_ == "ADP" and head.head.i != head.i:
        return head.head
    return head


def _path_to(start: Token, target: Token, allowed: set[int]) -> int | None:
    """Steps from start up to target, or None if another clause verb (not in allowed) intervenes."""
    cur = start
    for steps in range(_MAX_CLIMB):
        if cur.i == target.i:
            return steps
        if _is_clause_head(cur) and cur.i not in allowed:
            return None
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _governing_verb(trigger: Token) -> Token | None:
    """The verb a nominal trigger is an argument of (directly or through one preposition)."""
    if _is_clause_head(trigger) or trigger.dep_ not in _ARGUMENT_DEPS:
        return None
    head = trigger.head
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    if _is_clause_head(head):
        return head
    return None


def _clause_free(start: Token) -> bool:
    """True when no event verb governs ``start`` (only copulas and auxiliaries, or nothing)."""
    cur = start
    for _ in range(_MAX_CLIMB):
        if _is_clause_head(cur) and not (cur.pos_ == "AUX" or cur.lemma_ == "be"):
            return False
        if cur.head.i == cur.i:
            return True
        cur = cur.head
    return True


def date_for_token(doc: Doc, token_i: int, dates: list[DateExpr]) -> DateExpr | None:
    """The date expression that belongs to the event whose trigger is ``doc[token_i]``, or None."""
    trigger = doc[token_i]
    sent = sentence_of(trigger)
    nominal = not _is_clause_head(trigger)
    describing = {c.i for c in trigger.children if c.dep_ in _DESCRIBING_DEPS} if nominal else set()
    governor = _governing_verb(trigger) if nominal else None
    best: tuple[tuple[int, int, int, int], DateExpr] | None = None
    for d in dates:
        if not (sent.start_char <= d.span[0] and d.span[1] <= sent.end_char):
            continue
        span = _span(doc, d)
        if span is None or not _eligible(doc, d, span) or span.start <= token_i < span.end:
            continue
        head = _attachment(span)
        if head is None:
            continue
        tier: int | None = None
        steps = _path_to(head, trigger, describing | {trigger.i})
        if steps is not None:
            tier = 1
        elif governor is not None:
            steps = _path_to(head, governor, {governor.i})
            if steps is not None:
                tier = 2
        if tier is None and _clause_free(head):
            tier, steps = 3, 0
        if tier is None or steps is None:
            continue
        distance = min(abs(span.start - token_i), abs(span.end - 1 - token_i))
        key = (tier, _PRECISION_RANK.get(d.precision or "", 5), steps, distance)
        if best is None or key < best[0]:
            best = (key, d)
    return best[1] if best else None

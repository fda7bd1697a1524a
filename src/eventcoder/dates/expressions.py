"""Finding date expressions in a parsed article and resolving them in reading order.

Candidates come from the grammar in grammar.py (run over ``doc.text``) and from the model's DATE
entities, which catch forms the grammar lacks but often over-span ("on Friday", "since 2019,")
or mislabel ages and counts.  Overlaps go to the longest grammar match; a DATE entity is kept
only where no grammar match lies, trimmed of leading prepositions and trailing punctuation.
Expressions are resolved in order so that anaphoric ones ("the quarter", "a year earlier")
can use the date mentioned just before them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Token

from eventcoder.dates import values as v
from eventcoder.dates.grammar import rules
from eventcoder.dates.lexicon import lexicon, lookup_number
from eventcoder.dates.resolution import AGE, DATE, Context, Resolution, Rule
from eventcoder.dates.resolver import normalise
from eventcoder.dates.scan import Starts, finditer
from eventcoder.dates.tense import tense_for_span
from eventcoder.nlp.tokens import doc_text
from eventcoder.types import DateExpr

_TRIM_LEADING = frozenset({"on", "in", "at", "since", "by", "until", "till", "from", "during", "for", "of", "to",
                           "before", "after", "around", "about", "over", "through", "throughout", "within", "as"})
_COUNT_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "NORP", "GPE", "LOC"})
_TIME_NOUNS = frozenset({"year", "month", "week", "day", "quarter", "season", "period", "time", "decade"})
_CALENDAR_WORDS = frozenset(lexicon().months) | frozenset(lexicon().weekdays) | frozenset(
    {"day", "eve", "night", "morning", "afternoon", "evening"})
_OFFSET = re.compile(r"(?<![\w-])(?:(?:the\s+)?(?:day|night)|(?P<num>\d{1,2}|[a-z]+)\s+(?P<unit>days?|weeks?))\s+"
                     r"(?P<dir>before|after)\s+\Z", re.IGNORECASE)
_SECOND_DAY = re.compile(r"\s*(?:and|or|&|-|–|to|through)\s*(?P<day>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
                         r"(?![\w%]|[.:,/-]\d|\s*(?:%|percent|[ap]\.m\.|(?:a|p)m\b|o'clock))"
                         r"(?=(?:\s*,?\s*(?P<year>1[0-9]{3}|20[0-9]{2})(?!\d))?)")
_REFERENCE_WINDOW = 1  # an anaphor may use a date from its own or the previous sentence
_ANAPHOR_WINDOW = 5  # ... and one that means nothing without a date ("the following month") from further back


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    rule: Rule | None  # None for a model entity
    match: re.Match[str] | None
    order: int  # rule priority (lower wins ties)


class _Tokens:
    """Character offset -> token index and sentence number for one doc (from arrays, not Token objects)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        arr = doc.to_array([IDX, SENT_START])
        self.starts: list[int] = arr[:, 0].tolist()
        self.sent_starts: list[int] = [0] + [self.starts[i] for i in (arr[1:, 1] == 1).nonzero()[0] + 1]

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        return self.token_at(start), self.token_at(max(start, end - 1)) + 1

    def sentence_of(self, char: int) -> int:
        return bisect.bisect_right(self.sent_starts, char) - 1


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _in_a_name(tok: Token) -> bool:
    """A calendar word inside a name: "The Sunday Times", "the Good Friday Agreement"."""
    if tok.ent_type_ in _NAME_LABELS:
        return True
    head = tok.head
    return (tok.dep_ == "compound" and head.i > tok.i and head.pos_ == "PROPN"
            and head.lower_.rstrip(".") not in _CALENDAR_WORDS)


def _accept(rule: Rule, m: re.Match[str], toks: _Tokens) -> bool:
    """Token-level checks the regex alone cannot make."""
    groups = m.groupdict()
    for name in rule.capitalised:
        if groups.get(name) and not _capitalised(groups[name]):
            return False
    doc = toks.doc
    for name in rule.capitalised:
        if groups.get(name) and _in_a_name(doc[toks.token_at(m.start(name))]):
            return False
    if groups.get("mon"):
        tok = doc[toks.token_at(m.start("mon"))]
        if tok.tag_ == "MD" or tok.pos_ == "VERB":  # "May" the modal, "March" the verb
            return False
    if rule.name == "year":
        tok = doc[toks.token_at(m.start("year"))]
        if tok.ent_type_ in _COUNT_LABELS:
            return False
        if tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.lemma_ not in _TIME_NOUNS:
            return False  # "2000 people"
    if rule.name == "duration":
        tok = doc[toks.token_at(m.start())]
        if tok.ent_type_ in _COUNT_LABELS:
            return False
    return True


def _grammar_candidates(text: str, toks: _Tokens) -> list[_Candidate]:
    found = []
    words = frozenset(re.findall(r"[a-z]+", text.lower()))
    starts: Starts | None = None
    for order, rule in enumerate(rules()):
        if rule.keywords is not None and not rule.keywords & words:
            continue
        if starts is None:
            starts = Starts(text)
        for m in finditer(rule.pattern, text, starts):  # rule.pattern.finditer(text), faster
            if m.end() > m.start() and _accept(rule, m, toks):
                found.append(_Candidate(m.start(), m.end(), rule, m, order))
    return found


def _entity_candidates(doc: Doc) -> list[_Candidate]:
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        toks = list(ent)
        while toks and (toks[0].lower_ in _TRIM_LEADING or toks[0].is_punct):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].lower_ in ("'s", "’s")):
            toks = toks[:-1]
        if toks:
            found.append(_Candidate(toks[0].idx, toks[-1].idx + len(toks[-1].text), None, None, len(rules())))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first (grammar before entities, then rule order)."""
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(candidates, key=lambda c: (c.rule is None, -(c.end - c.start), c.order, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def _is_calendar(value: str | None) -> bool:
    return value is not None and len(value) >= 4 and value[:4].isdigit()


def find_dates(doc: Doc, published: str | None) -> list[DateExpr]:
    """Every date expression in ``doc``, resolved against ``published``, sorted by start.

    Spans are offsets into ``doc.text`` (``doc.text[start:end] == text``).  Values are TimeML
    ("2013-03-22", "2013-W11", "2013-03", "2013-Q1", "2013", "PRESENT_REF", "P3D" for a duration),
    or None when the expression is relative and there is no publication date to anchor it.
    """
    text = doc_text(doc)
    toks = _Tokens(doc)
    pub = v.parse_published(published)
    selected = _select(_grammar_candidates(text, toks) + _entity_candidates(doc))
    out: list[DateExpr] = []
    reference: tuple[str, str, int] | None = None
    quarter: tuple[int, int] | None = None
    for n, c in enumerate(selected):
        t0, t1 = toks.token_range(c.start, c.end)
        sent = toks.sentence_of(c.start)
        tense = tense_for_span(doc, t0, t1) if pub is not None else None
        ref = reference[:2] if reference and sent - reference[2] <= _REFERENCE_WINDOW else None
        distant = reference[:2] if reference and ref is None and sent - reference[2] <= _ANAPHOR_WINDOW else None
        ctx = Context(published=pub, tense=tense, reference=ref, quarter=quarter, distant_reference=distant)
        if c.rule is not None and c.match is not None:
            res = c.rule.normalise(c.match, ctx)
        else:
            res = normalise(text[c.start:c.end], ctx)
            if res.kind == DATE and res.value is None and pub is not None:
                continue  # a model DATE entity we cannot read ("the day", "annual") is more noise than help
        if res.kind == AGE:
            continue
        floor = out[-1].span[0] if out else 0
        res, begin = _offset_before(text, c.start, floor, res)
        if out and out[-1].span[1] > begin:
            out.pop()  # "two days after" read alone by the "ago" rule: now part of "two days after Christmas"
        out.append(DateExpr(text=text[begin:c.end], span=(begin, c.end), value=res.value,
                            precision=res.precision))
        reference, quarter = _track(res, sent, reference, quarter, pub)
        limit = selected[n + 1].start if n + 1 < len(selected) else len(text)
        pair = _second_day(text, c, res, limit, toks)
        if pair is not None:
            out[-1:] = pair
    return out


def _offset_before(text: str, start: int, floor: int, res: Resolution) -> tuple[Resolution, int]:
    """ "the day before last Tuesday", "two days after Christmas": a day counted from a named day.

    Returns the shifted resolution and the expression's new start, or ``res`` and ``start``.
    """
    if res.precision != v.DAY or res.value is None or len(res.value) != 10:
        return res, start
    m = _OFFSET.search(text, max(floor, start - 40), start)
    if m is None:
        return res, start
    n = 1 if m["unit"] is None else lookup_number(m["num"] or "")
    if n is None:
        return res, start
    days = n * (7 if (m["unit"] or "").lower().startswith("week") else 1)
    shifted = date.fromisoformat(res.value) + timedelta(days=-days if m["dir"].lower() == "before" else days)
    return Resolution(v.day_value(shifted), v.DAY, res.kind, anaphoric=res.anaphoric), m.start()


def _second_day(text: str, c: _Candidate, res: Resolution, limit: int,
                toks: _Tokens) -> tuple[DateExpr, DateExpr] | None:
    """The bare day after a month and day ("the 25 of "April 24 and 25"), in the same month.

    Returns the first expression (re-dated when a year follows the second day: "Oct. 2 and 3,
    2022") and the second; None when no such day follows.
    """
    if c.rule is None or c.rule.name != "month_day" or res.precision != v.DAY or res.value is None:
        return None
    m = _SECOND_DAY.match(text, c.end)
    if m is None or m.end("day") > limit:
        return None
    tok = toks.doc[toks.token_at(m.start("day"))]
    if tok.dep_ == "nummod" and tok.head.pos_ == "NOUN":  # "on May 3 and 4 people died"
        return None
    first = date.fromisoformat(res.value)
    if m["year"] and c.match is not None and not c.match["year"]:
        first = v.safe_date(int(m["year"]), first.month, first.day) or first
    d = v.safe_date(first.year, first.month, int(m["day"]))
    if d is None or d <= first:
        return None
    head = DateExpr(text=text[c.start:c.end], span=(c.start, c.end), value=v.day_value(first), precision=v.DAY)
    return head, DateExpr(text=m["day"], span=(m.start("day"), m.end("day")), value=v.day_value(d), precision=v.DAY)


def _track(res: Resolution, sent: int, reference: tuple[str, str, int] | None,
           quarter: tuple[int, int] | None,
           pub: date | None) -> tuple[tuple[str, str, int] | None, tuple[int, int] | None]:
    """Update the discourse reference (last explicit date) and the quarter under discussion.

    Only completed quarters become the quarter under discussion: "a fourth-quarter charge"
    in an October article looks ahead, while "the quarter" and "a year earlier" in earnings
    reports refer back to the quarter just reported.
    """
    if res.kind != DATE or res.value is None or not _is_calendar(res.value):
        return reference, quarter
    if res.anaphoric:
        return reference, quarter
    q = v.quarter_from_value(res.value)
    if q is not None and (pub is None or q <= v.last_completed_quarter(pub)):
        quarter = q
    if res.precision is not None:
        reference = (res.value.partition("T")[0], res.precision, sent)  # "2023-11-07T09:00" -> the day
    return reference, quarter

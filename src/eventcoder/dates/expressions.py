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
from datetime import date

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Token

from eventcoder.dates import values as v
from eventcoder.dates.grammar import rules
from eventcoder.dates.lexicon import lexicon
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
_REFERENCE_WINDOW = 1  # an anaphor may use a date from its own or the previous sentence


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
    for c in selected:
        t0, t1 = toks.token_range(c.start, c.end)
        sent = toks.sentence_of(c.start)
        tense = tense_for_span(doc, t0, t1) if pub is not None else None
        ref = reference[:2] if reference and sent - reference[2] <= _REFERENCE_WINDOW else None
        ctx = Context(published=pub, tense=tense, reference=ref, quarter=quarter)
        if c.rule is not None and c.match is not None:
            res = c.rule.normalise(c.match, ctx)
        else:
            res = normalise(text[c.start:c.end], ctx)
            if res.kind == DATE and res.value is None and pub is not None:
                continue  # a model DATE entity we cannot read ("the day", "annual") is more noise than help
        if res.kind == AGE:
            continue
        out.append(DateExpr(text=text[c.start:c.end], span=(c.start, c.end), value=res.value,
                            precision=res.precision))
        reference, quarter = _track(res, sent, reference, quarter, pub)
    return out


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
        reference = (res.value, res.precision, sent)
    return reference, quarter

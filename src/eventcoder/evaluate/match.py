"""Aligning predicted events with gold events within one record.

Gold triggers are text, not offsets (and PLOVER's ``trigger_text`` is often a gist with words
left out), so a predicted trigger *overlaps* a gold one when their character spans overlap (the
gold span being the first occurrence of the gold trigger in the text) or when they share a
content word (lower-cased, lightly stemmed, function words ignored).

Alignment is one-to-one and greedy, in three rounds:

1. same type and overlapping triggers, best overlap first;
2. same type alone, nearest trigger first (these are still matches for P/R/F1);
3. different types with overlapping triggers: not matches, but *confusions* — scored as a miss
   and a false alarm, and shown in the confusion matrix as gold type × predicted type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .gold import GoldEvent
from .predicted import PredEvent

_WORD = re.compile(r"\w+", re.UNICODE)
_STOP = frozenset(
    "a an the of to in on at for with by and or from into onto its it their his her as is are was were be "
    "been being has have had will would shall should can could may might that this these those over against "
    "s said says say".split()
)
_SUFFIXES = ("ing", "ed", "es", "s")


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str | None) -> frozenset[str]:
    """Lower-cased, stemmed words of ``text`` without function words."""
    if not text:
        return frozenset()
    return frozenset(stem(w) for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in _STOP)


def words_meet(a: str | None, b: str | None) -> bool:
    return bool(content_words(a) & content_words(b))


def locate(text: str, phrase: str) -> tuple[int, int] | None:
    """Span of the first occurrence of ``phrase`` in ``text`` (case-insensitive as a fallback)."""
    if not phrase:
        return None
    i = text.find(phrase)
    if i < 0:
        i = text.lower().find(phrase.lower())
    return (i, i + len(phrase)) if i >= 0 else None


def trigger_overlap(text: str, gold: GoldEvent, pred: PredEvent) -> float:
    """0 when the triggers do not overlap; otherwise a score in (0, 2], higher is better."""
    score = 0.0
    gspan = locate(text, gold.trigger)
    if gspan and pred.trigger_span:
        chars = min(gspan[1], pred.trigger_span[1]) - max(gspan[0], pred.trigger_span[0])
        if chars > 0:
            score += chars / max(gspan[1] - gspan[0], pred.trigger_span[1] - pred.trigger_span[0])
    gw, pw = content_words(gold.trigger), content_words(pred.trigger)
    if gw & pw:
        score += len(gw & pw) / len(gw | pw)
    return score


def _distance(text: str, gold: GoldEvent, pred: PredEvent) -> int:
    gspan = locate(text, gold.trigger)
    if gspan is None or pred.trigger_span is None:
        return len(text)
    return abs(gspan[0] - pred.trigger_span[0])


@dataclass(frozen=True, slots=True)
class Alignment:
    """Indices into the gold and predicted lists of one record."""

    matched: tuple[tuple[int, int], ...]  # same type
    confused: tuple[tuple[int, int], ...]  # overlapping triggers, different types
    missed: tuple[int, ...]  # gold events with no counterpart
    spurious: tuple[int, ...]  # predicted events with no counterpart


def align(text: str, gold: Sequence[GoldEvent], pred: Sequence[PredEvent]) -> Alignment:
    """One-to-one alignment of ``pred`` to ``gold`` (see the module docstring)."""
    free_g, free_p = set(range(len(gold))), set(range(len(pred)))

    def greedy(candidates: Iterable[tuple[tuple[float, ...], int, int]]) -> list[tuple[int, int]]:
        pairs = []
        for _, gi, pi in sorted(candidates):
            if gi in free_g and pi in free_p:
                free_g.discard(gi)
                free_p.discard(pi)
                pairs.append((gi, pi))
        return pairs

    overlap = {(gi, pi): trigger_overlap(text, g, p) for gi, g in enumerate(gold) for pi, p in enumerate(pred)}
    same = [(gi, pi) for (gi, pi) in overlap if gold[gi].event_type == pred[pi].event_type]
    matched = greedy(((-overlap[k], *k), *k) for k in same if overlap[k] > 0)
    rest = [k for k in same if k[0] in free_g and k[1] in free_p]
    matched += greedy(((-overlap[k], _distance(text, gold[k[0]], pred[k[1]]), *k), *k) for k in rest)
    same_set = set(same)
    confused = greedy(((-v, *k), *k) for k, v in overlap.items() if v > 0 and k not in same_set)
    return Alignment(
        matched=tuple(sorted(matched)),
        confused=tuple(sorted(confused)),
        missed=tuple(sorted(free_g)),
        spurious=tuple(sorted(free_p)),
    )

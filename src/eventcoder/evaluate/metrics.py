"""Event scores: type P/R/F1, the confusion matrix, field accuracies on matched pairs, no-event
precision, the PLOVER-GSR "top event" figures, and the list of errors.

Field accuracies are computed on matched pairs (same type), each over the pairs where the gold
labels the field:

- actor/recipient country: the gold entities' countries ⊆ the predicted entities' countries;
  gold entities without a country (``""``) are ignored, and a pair whose gold side has no country
  at all is not counted;
- actor/recipient sector: likewise with sectors (``""``, a whole state, is ignored);
- mode: equal (``null`` equals ``null``); factuality: equal;
- date: among gold events with a date, the predicted ``date`` equals it exactly;
- place: among gold events with an ``event_loc``, a predicted place whose country equals the gold
  country (when the gold form gives one; ``null`` for seas) and whose text or name shares a word
  with the gold text; ``place_country`` scores the country alone;
- attribution: both ``null``, or both given and sharing a word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .gold import EVENTCODER, PLOVER, GoldEntity, GoldEvent, GoldRecord, plover_types
from .match import align, words_meet
from .predicted import PredEntity, PredEvent

NONE = "NONE"
FIELDS = (
    "actor_country",
    "recipient_country",
    "actor_sector",
    "recipient_sector",
    "mode",
    "factuality",
    "date",
    "place",
    "place_country",
    "attribution",
)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(slots=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        """None when the type appears in neither gold nor predictions."""
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.tp + self.fn,
            "predicted": self.tp + self.fp,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


@dataclass(slots=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool | None) -> None:
        if ok is not None:
            self.total += 1
            self.correct += bool(ok)

    @property
    def value(self) -> float | None:
        return _ratio(self.correct, self.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": _round(self.value)}


@dataclass(frozen=True, slots=True)
class ErrorItem:
    """One miss, false alarm, type confusion or matched pair with wrong fields."""

    kind: str  # miss | false_alarm | wrong_type | wrong_fields
    record_id: str
    text: str
    gold: dict[str, Any] | None
    pred: dict[str, Any] | None
    fields: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.record_id,
            "text": self.text,
            "gold": self.gold,
            "predicted": self.pred,
            "wrong_fields": list(self.fields),
        }


@dataclass(slots=True)
class EventScores:
    records: int = 0
    forms: Counter[str] = field(default_factory=Counter)
    gold_events: int = 0
    predicted_events: int = 0
    per_type: dict[str, PRF] = field(default_factory=dict)
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    fields: dict[str, Accuracy] = field(default_factory=lambda: {f: Accuracy() for f in FIELDS})
    no_event_any: Accuracy = field(default_factory=Accuracy)
    no_event_asserted: Accuracy = field(default_factory=Accuracy)
    gsr: dict[str, Accuracy] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)
    errors: list[ErrorItem] = field(default_factory=list)

    @property
    def micro(self) -> PRF:
        total = PRF()
        for prf in self.per_type.values():
            total.tp, total.fp, total.fn = total.tp + prf.tp, total.fp + prf.fp, total.fn + prf.fn
        return total

    @property
    def macro_f1(self) -> float | None:
        """Mean F1 over the types present in the gold or the predictions."""
        f1s = [f for prf in self.per_type.values() if (f := prf.f1) is not None]
        return sum(f1s) / len(f1s) if f1s else None

    def to_dict(self, with_errors: bool = False) -> dict[str, Any]:
        micro = self.micro
        d: dict[str, Any] = {
            "task": "events",
            "records": self.records,
            "forms": dict(self.forms),
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "micro": {k: v for k, v in micro.to_dict().items() if k not in ("gold", "predicted")},
            "macro_f1": _round(self.macro_f1),
            "per_type": {t: prf.to_dict() for t, prf in self.per_type.items()},
            "confusion": {g: dict(row) for g, row in self.confusion.items()},
            "fields": {name: acc.to_dict() for name, acc in self.fields.items()},
            "no_event": {
                "records": self.no_event_any.total,
                "precision_any": _round(self.no_event_any.value),
                "precision_asserted": _round(self.no_event_asserted.value),
            },
            "error_counts": dict(Counter(e.kind for e in self.errors)),
            "failures": [{"id": i, "reason": r} for i, r in self.failures],
        }
        if self.gsr:
            d["plover_gsr"] = {name: acc.to_dict() for name, acc in self.gsr.items()}
        if with_errors:
            d["errors"] = [e.to_dict() for e in self.errors]
        return d


def headline(scores: EventScores) -> dict[str, float | None]:
    """The figures the eval gate pins a floor for, by name."""
    figures: dict[str, float | None] = {"micro_f1": scores.micro.f1, "macro_f1": scores.macro_f1}
    for t in plover_types():
        prf = scores.per_type.get(t)
        figures[f"f1_{t}"] = prf.f1 if prf else None
    for name in ("actor_country", "recipient_country", "factuality", "date", "place"):
        figures[f"{name}_accuracy"] = scores.fields[name].value
    figures["no_event_precision"] = scores.no_event_any.value
    figures["no_event_precision_asserted"] = scores.no_event_asserted.value
    return figures


# -- field checks (None: the gold does not label the field for this pair) ---------------------------
def _codes(entities: Iterable[GoldEntity | PredEntity], attr: str) -> set[str]:
    return {v for e in entities if (v := getattr(e, attr))}


# PLOVER carved the UN (UNO) and the EU (EUR) out of "international governmental
# organisation" (IGO, codebook 5.1.1); gold coded before that split writes IGO for them.
# A gold IGO is therefore matched by a predicted UNO or EUR; the reverse is not.
COUNTRY_GENERALISES = {"IGO": frozenset({"UNO", "EUR"})}


def _subset(gold: Sequence[GoldEntity], pred: Sequence[PredEntity], attr: str) -> bool | None:
    want = _codes(gold, attr)
    if not want:
        return None
    have = _codes(pred, attr)
    if attr == "country":
        have |= {general for general, specific in COUNTRY_GENERALISES.items() if have & specific}
    return want <= have


def _place(g: GoldEvent, p: PredEvent) -> tuple[bool | None, bool | None]:
    """(place, place_country)."""
    gl, pl = g.event_loc, p.event_loc
    if gl is None:
        return None, None
    country = None if not gl.country_labelled else (pl is not None and pl.country == gl.country)
    name = None if not gl.text else (pl is not None and (words_meet(gl.text, pl.text) or words_meet(gl.text, pl.name)))
    parts = [x for x in (country, name) if x is not None]
    return (all(parts) if parts else None), country


def _attribution(g: GoldEvent, p: PredEvent) -> bool | None:
    if not g.attribution_labelled:
        return None
    if g.attribution is None:
        return p.attribution is None
    return p.attribution is not None and words_meet(g.attribution, p.attribution)


CHECKS: dict[str, Callable[[GoldEvent, PredEvent], bool | None]] = {
    "actor_country": lambda g, p: _subset(g.actor, p.actor, "country"),
    "recipient_country": lambda g, p: _subset(g.recipient, p.recipient, "country"),
    "actor_sector": lambda g, p: _subset(g.actor, p.actor, "sector"),
    "recipient_sector": lambda g, p: _subset(g.recipient, p.recipient, "sector"),
    "mode": lambda g, p: g.mode == p.mode,
    "factuality": lambda g, p: None if g.factuality is None else g.factuality == p.factuality,
    "date": lambda g, p: None if g.date is None else p.date == g.date,
    "place": lambda g, p: _place(g, p)[0],
    "place_country": lambda g, p: _place(g, p)[1],
    "attribution": _attribution,
}


# -- summaries for the error list ----------------------------------------------------------------
def _ents(entities: Iterable[GoldEntity | PredEntity]) -> list[str]:
    return [f"{e.text} ({e.country or '-'}/{e.sector or '-'})" for e in entities]


def gold_summary(g: GoldEvent) -> dict[str, Any]:
    loc = g.event_loc
    return {
        "type": g.event_type, "mode": g.mode, "trigger": g.trigger, "actor": _ents(g.actor),
        "recipient": _ents(g.recipient), "factuality": g.factuality, "date": g.date,
        "place": f"{loc.text} ({loc.country or '-'})" if loc else None, "attribution": g.attribution,
    }


def pred_summary(p: PredEvent) -> dict[str, Any]:
    loc = p.event_loc
    return {
        "type": p.event_type, "mode": p.mode, "trigger": p.trigger, "actor": _ents(p.actor),
        "recipient": _ents(p.recipient), "factuality": p.factuality, "date": p.date,
        "place": f"{loc.text} ({loc.country or '-'})" if loc else None, "attribution": p.attribution,
        "confidence": p.confidence,
    }


def top_event(pred: Sequence[PredEvent]) -> PredEvent | None:
    """The highest-confidence event; ties go to the earliest trigger."""
    if not pred:
        return None
    order = sorted(
        range(len(pred)),
        key=lambda i: (-pred[i].confidence, pred[i].trigger_span[0] if pred[i].trigger_span else 1 << 30, i),
    )
    return pred[order[0]]


# -- scoring ---------------------------------------------------------------------------------------
def score_events(items: Iterable[tuple[GoldRecord, Sequence[PredEvent]]]) -> EventScores:
    """Score predicted events against gold records (no Coder involved)."""
    s = EventScores()
    s.per_type = {t: PRF() for t in plover_types()}
    for record, pred in items:
        _score_record(s, record, list(pred))
    s.per_type = {t: prf for t, prf in s.per_type.items() if prf.tp + prf.fp + prf.fn}
    return s


def _score_record(s: EventScores, record: GoldRecord, pred: list[PredEvent]) -> None:
    gold = record.events
    s.records += 1
    s.forms[record.form] += 1
    s.gold_events += len(gold)
    s.predicted_events += len(pred)
    al = align(record.text, gold, pred)

    def bump(gold_type: str, pred_type: str) -> None:
        s.confusion.setdefault(gold_type, Counter())[pred_type] += 1

    def prf(t: str) -> PRF:
        return s.per_type.setdefault(t, PRF())

    for gi, pi in al.matched:
        g, p = gold[gi], pred[pi]
        prf(g.event_type).tp += 1
        bump(g.event_type, p.event_type)
        wrong = []
        for name, check in CHECKS.items():
            ok = check(g, p)
            s.fields[name].add(ok)
            if ok is False and name != "place_country":
                wrong.append(name)
        if wrong:
            s.errors.append(
                ErrorItem("wrong_fields", record.id, record.text, gold_summary(g), pred_summary(p), tuple(wrong))
            )
    for gi, pi in al.confused:
        g, p = gold[gi], pred[pi]
        prf(g.event_type).fn += 1
        prf(p.event_type).fp += 1
        bump(g.event_type, p.event_type)
        s.errors.append(ErrorItem("wrong_type", record.id, record.text, gold_summary(g), pred_summary(p)))
    for gi in al.missed:
        prf(gold[gi].event_type).fn += 1
        bump(gold[gi].event_type, NONE)
        s.errors.append(ErrorItem("miss", record.id, record.text, gold_summary(gold[gi]), None))
    for pi in al.spurious:
        prf(pred[pi].event_type).fp += 1
        bump(NONE, pred[pi].event_type)
        s.errors.append(ErrorItem("false_alarm", record.id, record.text, None, pred_summary(pred[pi])))

    if record.form == EVENTCODER and not gold:
        s.no_event_any.add(not pred)
        s.no_event_asserted.add(not any(p.factuality == "asserted" for p in pred))
    if record.form == PLOVER and len(gold) == 1:
        _score_gsr(s, gold[0], pred)


GSR_FIGURES = (
    "top_type",
    "any_type",
    "actor_country_top",
    "recipient_country_top",
    "actor_country_top_any_role",
    "recipient_country_top_any_role",
)


def _score_gsr(s: EventScores, g: GoldEvent, pred: list[PredEvent]) -> None:
    """Issue 3's figures: does the top event have the gold type, and then the gold countries?"""
    if not s.gsr:
        s.gsr = {name: Accuracy() for name in GSR_FIGURES}
    top = top_event(pred)
    hit = top is not None and top.event_type == g.event_type
    s.gsr["top_type"].add(hit)
    s.gsr["any_type"].add(any(p.event_type == g.event_type for p in pred))
    if top is None or not hit:
        return
    s.gsr["actor_country_top"].add(_subset(g.actor, top.actor, "country"))
    s.gsr["recipient_country_top"].add(_subset(g.recipient, top.recipient, "country"))
    both = top.actor + top.recipient
    s.gsr["actor_country_top_any_role"].add(_subset(g.actor, both, "country"))
    s.gsr["recipient_country_top_any_role"].add(_subset(g.recipient, both, "country"))


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)

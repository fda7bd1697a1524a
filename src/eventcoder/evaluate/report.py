"""Rendering scores: a readable text report (`table`) or JSON, optionally with every error."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .gold import plover_types
from .metrics import FIELDS, GSR_FIGURES, NONE, EventScores
from .tasks import DateScores, PlaceScores

# Issue 3's floors for PLOVER-GSR, shown next to the figures.
GSR_TARGETS = {"top_type": 0.85, "actor_country_top": 0.90, "recipient_country_top": 0.85}
GSR_LABELS = {
    "top_type": "top event has the gold type",
    "any_type": "any event has the gold type",
    "actor_country_top": "gold actor countries in top event's actors",
    "recipient_country_top": "gold recipient countries in top event's recipients",
    "actor_country_top_any_role": "gold actor countries anywhere in top event",
    "recipient_country_top_any_role": "gold recipient countries anywhere in top event",
}


def to_json(scores: EventScores | PlaceScores | DateScores, with_errors: bool = False, **meta: Any) -> str:
    return json.dumps({**meta, **scores.to_dict(with_errors=with_errors)}, ensure_ascii=False, indent=2)


def _f(x: float | None) -> str:
    return "    -" if x is None else f"{x:.3f}"


def _acc_row(label: str, correct: int, total: int, value: float | None, width: int = 48) -> str:
    return f"  {label:<{width}} {f'{correct}/{total}':>9}  {_f(value)}"


def events_table(scores: EventScores, gold_path: str = "", with_errors: bool = False) -> str:
    out: list[str] = []
    forms = ", ".join(f"{k} {v}" for k, v in sorted(scores.forms.items()))
    out.append(f"events: {gold_path}")
    out.append(
        f"records {scores.records} ({forms}), gold events {scores.gold_events}, "
        f"predicted events {scores.predicted_events}, failures {len(scores.failures)}"
    )
    if scores.forms.get("plover"):
        out.append("(PLOVER gold records label one event per sentence: other predicted events count as false alarms)")
    out.append("")
    out.append(f"  {'type':<10} {'gold':>5} {'pred':>5} {'tp':>5}  {'P':>5}  {'R':>5}  {'F1':>5}")
    for t, prf in [*scores.per_type.items(), ("micro", scores.micro)]:
        counts = f"{prf.tp + prf.fn:>5} {prf.tp + prf.fp:>5} {prf.tp:>5}"
        out.append(f"  {t:<10} {counts}  {_f(prf.precision)}  {_f(prf.recall)}  {_f(prf.f1)}")
    out.append(f"  {'macro F1':<36}{_f(scores.macro_f1)}")
    out.append("")
    out.append("matched pairs (same type): field accuracy")
    for name in FIELDS:
        acc = scores.fields[name]
        out.append(_acc_row(name, acc.correct, acc.total, acc.value))
    if scores.no_event_any.total:
        out.append("")
        out.append(f"records with no gold event ({scores.no_event_any.total}): no-event precision")
        a, b = scores.no_event_any, scores.no_event_asserted
        out.append(_acc_row("no predicted event", a.correct, a.total, a.value))
        out.append(_acc_row("no predicted asserted event", b.correct, b.total, b.value))
    if scores.gsr:
        out.append("")
        n = scores.gsr["top_type"].total
        out.append(f"PLOVER-GSR figures ({n} sentences; top event = highest confidence, then earliest)")
        for name in GSR_FIGURES:
            acc = scores.gsr[name]
            target = f"  (target {GSR_TARGETS[name]:.2f})" if name in GSR_TARGETS else ""
            out.append(_acc_row(GSR_LABELS[name], acc.correct, acc.total, acc.value, 52) + target)
    out.append("")
    out.extend(confusion_table(scores.confusion))
    counts = {k: 0 for k in ("miss", "false_alarm", "wrong_type", "wrong_fields")}
    for e in scores.errors:
        counts[e.kind] += 1
    out.append("")
    out.append("errors: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in counts.items()))
    for rid, reason in scores.failures:
        out.append(f"  failed: {rid}: {reason}")
    if with_errors:
        out.append("")
        out.extend(error_lines(scores))
    return "\n".join(out)


def confusion_table(confusion: Mapping[str, Mapping[str, int]]) -> list[str]:
    """Gold type (rows) × predicted type (columns), four-letter heads; NONE = missed or spurious."""
    types = [t for t in plover_types() if t in confusion or any(t in row for row in confusion.values())]
    rows, cols = [*types, NONE], [*types, NONE]
    head = "  " + " " * 10 + "".join(f"{c[:4]:>5}" for c in cols)
    lines = ["confusion (rows gold, columns predicted; NONE = missed or spurious)", head]
    for r in rows:
        row = confusion.get(r, {})
        cells = "".join(f"{row.get(c, 0) or '.':>5}" for c in cols)
        lines.append(f"  {r:<10}{cells}")
    return lines


def _event_line(d: Mapping[str, Any] | None) -> str:
    if d is None:
        return "-"
    parts = [f"{d['type']}" + (f" ({d['mode']})" if d.get("mode") else ""), f"trigger {d['trigger']!r}"]
    parts.append("actor " + ("; ".join(d["actor"]) or "-"))
    parts.append("recipient " + ("; ".join(d["recipient"]) or "-"))
    if d.get("factuality"):
        parts.append(d["factuality"])
    parts.append(f"date {d.get('date') or '-'}")
    parts.append(f"place {d.get('place') or '-'}")
    parts.append(f"attribution {d.get('attribution') or '-'}")
    if "confidence" in d:
        parts.append(f"conf {d['confidence']:.2f}")
    return " | ".join(parts)


def error_lines(scores: EventScores) -> list[str]:
    lines = [f"every error ({len(scores.errors)})"]
    for e in scores.errors:
        kind = e.kind.replace("_", " ") + (f": {', '.join(e.fields)}" if e.fields else "")
        lines.append(f"[{kind}] {e.record_id}")
        lines.append(f"  text: {e.text}")
        lines.append(f"  gold: {_event_line(e.gold)}")
        lines.append(f"  pred: {_event_line(e.pred)}")
    return lines


def places_table(scores: PlaceScores, gold_path: str = "", with_errors: bool = False) -> str:
    d = scores.to_dict()
    out = [
        f"places: {gold_path}",
        f"articles {d['articles']}, gold toponyms {d['gold_toponyms']}, predicted {d['predicted']}",
        "",
        f"  {'found (span overlap)':<44} {_f(d['found'])}  (target 0.80)",
        f"  {'precision':<44} {_f(d['precision'])}",
        f"  {'of found, resolved within 161 km':<44} {_f(d['within_161km'])}  (target 0.85; "
        f"{d['scored_for_distance']} with gold coordinates)",
        f"  {'of found, within 161 km or same geonameid':<44} {_f(d['within_161km_or_same_geonameid'])}",
        f"  {'mean error km':<44} {d['mean_error_km']}",
        f"  {'median error km':<44} {d['median_error_km']}",
    ]
    if with_errors:
        out += ["", f"every error ({len(scores.errors)})"]
        out += [_task_error(e) for e in scores.errors]
    return "\n".join(out)


def dates_table(scores: DateScores, gold_path: str = "", with_errors: bool = False) -> str:
    d = scores.to_dict()
    out = [
        f"dates: {gold_path}",
        f"articles {d['articles']}, gold DATE expressions {d['gold_dates']}, predicted {d['predicted']}",
        "",
        f"  {'found (span overlap)':<44} {_f(d['found'])}",
        f"  {'found and value exact':<44} {_f(d['found_exact_value'])}  (target 0.85)",
        f"  {'value exact among found':<44} {_f(d['exact_among_found'])}",
        f"  {'precision (overlaps a gold timex of any type)':<44} {_f(d['precision'])}",
    ]
    if with_errors:
        out += ["", f"every error ({len(scores.errors)})"]
        out += [_task_error(e) for e in scores.errors]
    return "\n".join(out)


def _task_error(e: Mapping[str, Any]) -> str:
    rest = {k: v for k, v in e.items() if k not in ("kind", "id", "text", "context")}
    extra = " ".join(f"{k}={v}" for k, v in rest.items())
    return f"[{e['kind'].replace('_', ' ')}] {e['id']} {e['text']!r} {extra}\n  ...{e['context']}..."

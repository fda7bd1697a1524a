"""Validate the eventcoder gold set and print its counts.

Usage: python eval/gold/check.py [PATH] [--markdown]

Checks every line of eventcoder-gold.jsonl against the conventions in README.md
(valid JSON, unique ids, quoted text present in the record's text, PLOVER types,
modes, contexts, country and sector codes, ISO dates consistent with their
precision and with weekday names) and exits 1 if anything is wrong.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

MODES: dict[str, set[str]] = {
    "AGREE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": set(),
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
                "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"},
}
CONTEXTS = set(
    "military intelligence executive legislative election political_institutions pro_democracy pro_autocracy "
    "economic legal reparations human_rights rights_freedoms repression human_security gender lgbt "
    "religion_ethnicity inequality diplomatic territory peacekeeping health asylum migration disasters "
    "natural_resource environment technology terrorism cbrn cyber misinformation crime corruption illegal_drugs "
    "trafficking".split()
)
SECTORS = set(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC".split()
)
PLOVER_CODES = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS", "PSE", "HKG", "ATA", "VAT", "TWN"}
FACTUALITY = {"asserted", "negated", "hypothetical", "future", "reported", "denied"}
RECORD_KEYS = {"id", "text", "published", "events", "tags"}
EVENT_KEYS = {"event_type", "mode", "context", "trigger", "actor", "recipient", "date", "date_precision",
              "date_text", "event_loc", "factuality", "attribution"}
DATE_RE = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "week": re.compile(r"^\d{4}-W\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _iso3() -> set[str] | None:
    try:
        import pycountry
    except ImportError:
        return None
    return {c.alpha_3 for c in pycountry.countries}


def check_entity(ent: object, text: str, where: str, iso3: set[str] | None, errors: list[str]) -> None:
    if not isinstance(ent, dict) or set(ent) != {"text", "country", "sector"}:
        errors.append(f"{where}: entity must have exactly text/country/sector: {ent!r}")
        return
    if ent["text"] not in text:
        errors.append(f"{where}: entity text not in record text: {ent['text']!r}")
    c = ent["country"]
    if not (c in PLOVER_CODES or (iso3 is None and isinstance(c, str) and len(c) == 3) or (iso3 and c in iso3)):
        errors.append(f"{where}: bad country code {c!r}")
    if ent["sector"] != "" and ent["sector"] not in SECTORS:
        errors.append(f"{where}: bad sector {ent['sector']!r}")


def check_date(ev: dict, published: date, text: str, where: str, errors: list[str]) -> None:
    d, p, t = ev["date"], ev["date_precision"], ev["date_text"]
    if d is None:
        if p is not None or t is not None:
            errors.append(f"{where}: date null but precision/date_text set")
        return
    if p not in DATE_RE or not DATE_RE[p].match(d):
        errors.append(f"{where}: date {d!r} does not match precision {p!r}")
        return
    if t is not None and t not in text:
        errors.append(f"{where}: date_text not in text: {t!r}")
    if p == "day":
        day = date.fromisoformat(d)
        low = (t or "").lower()
        for i, name in enumerate(WEEKDAYS):
            if name in low:
                if day.weekday() != i:
                    errors.append(f"{where}: {t!r} but {d} is a {WEEKDAYS[day.weekday()]}")
                if abs((day - published).days) > 7:
                    errors.append(f"{where}: {t!r} resolves to {d}, more than a week from {published}")
        if low in ("today", "overnight") and day != published:
            errors.append(f"{where}: {t!r} should resolve to the publication date")


def check_record(rec: dict, iso3: set[str] | None, errors: list[str]) -> None:
    rid = rec.get("id", "?")
    if set(rec) != RECORD_KEYS:
        errors.append(f"{rid}: keys must be {sorted(RECORD_KEYS)}, got {sorted(rec)}")
        return
    if not re.match(r"^ecg-\d{4}$", rid):
        errors.append(f"{rid}: bad id")
    try:
        published = date.fromisoformat(rec["published"])
    except (TypeError, ValueError):
        errors.append(f"{rid}: bad published date {rec['published']!r}")
        return
    text = rec["text"]
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{rid}: empty text")
        return
    if not isinstance(rec["tags"], list) or not all(isinstance(t, str) for t in rec["tags"]):
        errors.append(f"{rid}: tags must be a list of strings")
    if ("no-event" in rec["tags"]) != (not rec["events"]):
        errors.append(f"{rid}: 'no-event' tag must be present exactly when events is empty")
    for k, ev in enumerate(rec["events"]):
        where = f"{rid}#{k}"
        if set(ev) != EVENT_KEYS:
            errors.append(f"{where}: keys must be {sorted(EVENT_KEYS)}, got {sorted(ev)}")
            continue
        et = ev["event_type"]
        if et not in MODES:
            errors.append(f"{where}: unknown event type {et!r}")
            continue
        if ev["mode"] is not None and ev["mode"] not in MODES[et]:
            errors.append(f"{where}: mode {ev['mode']!r} not a {et} mode")
        for c in ev["context"]:
            if c not in CONTEXTS:
                errors.append(f"{where}: unknown context {c!r}")
        if not ev["trigger"] or ev["trigger"] not in text:
            errors.append(f"{where}: trigger not in text: {ev['trigger']!r}")
        if not ev["actor"]:
            errors.append(f"{where}: actor list is empty")
        for role in ("actor", "recipient"):
            for ent in ev[role]:
                check_entity(ent, text, f"{where}.{role}", iso3, errors)
        if et in ("AID", "SANCTION") and not ev["recipient"]:
            errors.append(f"{where}: {et} requires a recipient")
        if et == "COOPERATE" and not ev["recipient"] and len(ev["actor"]) < 2:
            errors.append(f"{where}: COOPERATE needs a recipient or a compound (reciprocal) actor")
        loc = ev["event_loc"]
        if loc is not None:
            if set(loc) != {"text", "country"} or loc["text"] not in text:
                errors.append(f"{where}: bad event_loc {loc!r}")
            elif loc["country"] is not None and not (loc["country"] in PLOVER_CODES or iso3 is None
                                                     or loc["country"] in iso3):
                errors.append(f"{where}: bad event_loc country {loc['country']!r}")
        if ev["factuality"] not in FACTUALITY:
            errors.append(f"{where}: bad factuality {ev['factuality']!r}")
        attr = ev["attribution"]
        if attr is not None and attr not in text:
            errors.append(f"{where}: attribution not in text: {attr!r}")
        if ev["factuality"] in ("reported", "denied") and not attr:
            errors.append(f"{where}: {ev['factuality']} event needs an attribution")
        if ev["factuality"] == "asserted" and attr:
            errors.append(f"{where}: asserted event must not carry an attribution")
        check_date(ev, published, text, where, errors)


def counts(records: list[dict]) -> dict[str, Counter]:
    c: dict[str, Counter] = {k: Counter() for k in ("type", "records_with_type", "mode", "factuality", "tag",
                                                     "context", "events_per_record", "precision", "pub_weekday")}
    for r in records:
        c["events_per_record"][len(r["events"])] += 1
        c["pub_weekday"][WEEKDAYS[date.fromisoformat(r["published"]).weekday()]] += 1
        for t in r["tags"]:
            c["tag"][t] += 1
        for et in {e["event_type"] for e in r["events"]}:
            c["records_with_type"][et] += 1
        for e in r["events"]:
            c["type"][e["event_type"]] += 1
            c["mode"][f"{e['event_type']}:{e['mode'] or '-'}"] += 1
            c["factuality"][e["factuality"]] += 1
            c["precision"][e["date_precision"] or "none"] += 1
            for ctx in e["context"]:
                c["context"][ctx] += 1
    return c


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else Path(__file__).with_name("eventcoder-gold.jsonl")
    errors: list[str] = []
    records: list[dict] = []
    iso3 = _iso3()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: invalid JSON ({exc})")
    ids = Counter(r.get("id") for r in records)
    errors += [f"duplicate id {i}" for i, k in ids.items() if k > 1]
    texts = Counter(r.get("text") for r in records)
    errors += [f"duplicate text: {t[:60]!r}" for t, k in texts.items() if k > 1]
    for r in records:
        check_record(r, iso3, errors)
    c = counts(records)
    n_events = sum(c["type"].values())
    md = "--markdown" in argv
    print(f"{len(records)} records, {n_events} events, {c['events_per_record'][0]} records without an event")
    for key in ("type", "records_with_type", "mode", "factuality", "precision", "context", "tag",
                "events_per_record", "pub_weekday"):
        items = sorted(c[key].items(), key=lambda kv: (-kv[1], str(kv[0])))
        if key == "mode":
            items = sorted(c[key].items())
        if md:
            print(f"\n**{key}**: " + ", ".join(f"{k} {v}" for k, v in items))
        else:
            print(f"\n{key}:")
            for k, v in items:
                print(f"  {k:32} {v}")
    if iso3 is None:
        print("\n(pycountry not installed: ISO-3166 codes only checked for shape)")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    print(f"\n{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

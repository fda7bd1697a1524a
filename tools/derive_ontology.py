"""Derive eventcoder's ontology data files from the reference material.

Reads (derivation time only):
  PLOVER_MANUAL.txt          PLOVER codebook, openeventdata/PLOVER, CC BY-SA 4.0
  CAMEO2PLOVER-2021.txt      CAMEO -> PLOVER crosswalk, openeventdata/PLOVER, CC BY-SA 4.0
  CAMEO.eventcodes.txt       GDELT CAMEO code -> description lookup table
  CAMEO.goldsteinscale.txt   GDELT CAMEO code -> Goldstein score lookup table

Writes src/eventcoder/data/ontology/:
  plover_types.tsv     16 event types: quad class, requires_recipient, modes
  plover_contexts.tsv  the general contexts (manual table 2.1), snake_case names
  plover_sectors.tsv   sector codes (manual table 5.2) with short labels of our own
  plover_scores.tsv    PLOVER conflict-cooperation scores per type/mode (manual table 2.2)
  cameo_plover.tsv     CAMEO code -> description, PLOVER type/mode/contexts, Goldstein, CAMEO quad
  cameo_defaults.tsv   a representative CAMEO code per PLOVER type (and type+mode)

Usage:  python tools/derive_ontology.py [--reference /work/shared/reference]

No prose is copied from the manual: descriptions of types, modes and contexts are
omitted; sector labels are short paraphrases written here.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "eventcoder" / "data" / "ontology"

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# Mode tables of chapter 3 (names transcribed; each is checked against the manual text below).
MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
        "misinformation", "cyber",
    ),
    "ASSAULT": (
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
        "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
        "unconventional",
        # 3.16.1 (text, not table 3.11): added to other modes when a Side A/Side B is distinguishable.
        "sideAB",
    ),
}

QUAD_WORDS = {
    "VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3, "MATERIAL CONFLICT": 4,
}

# General contexts of table 2.1 (snake_case of the manual's names; each checked against the table).
CONTEXTS = (
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
    "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
    "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
    "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
)

# Sector codes of table 5.2 with short labels written for eventcoder.
SECTORS = {
    "COP": "police", "GOV": "government", "JUD": "judiciary", "LEG": "legislature",
    "MIL": "state military", "PRM": "pro-government paramilitary", "PTY": "political party",
    "REB": "rebels / armed opposition", "SPY": "intelligence service", "UAF": "unidentified armed force",
    "UNK": "unidentified actor", "AGR": "agriculture", "BUS": "business", "CRM": "criminals",
    "CVL": "civilians", "EDU": "education", "ELI": "former officials / elites", "JRN": "journalists / media",
    "LAB": "labour", "MED": "health / medical", "REF": "refugees / displaced", "OPP": "political opposition",
    "PRE": "partially recognized entity", "REL": "religious", "SOC": "civil society",
}

# Contexts used by the 2021 crosswalk that are not in the manual (normalised to the manual's names).
CONTEXT_RENAMES = {"humanitarian": "human_security", "democracy": "pro_democracy"}
# Modes used by the crosswalk that are not in the manual for that type: (type, old) -> new ("" = none).
MODE_RENAMES = {
    ("RETREAT", "return"): "",        # return of property: no RETREAT mode fits
    ("RETREAT", "ease"): "",          # the crosswalk itself notes "ease" is no longer a mode
    ("THREATEN", "ban"): "restrict",  # manual: restrict includes banning political activity
    ("THREATEN", "political"): "restrict",
    ("COERCE", "ban"): "restrict",    # manual: restrict includes bans from political life
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "massacre"): "targeted",  # manual: targeted covers deliberate mass killings
    ("ASSAULT", "cleansing"): "",
    ("ASSAULT", "seize"): "destroy",  # 1712 destroy property
    ("ASSAULT", "pro_autocracy"): "",  # 175: a context in the mode column (moved, see below)
}
# Whole-row corrections (code -> (type, mode, contexts)) with the reason written to the header.
ROW_FIXES: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "116": ("SANCTION", "convict", ("legal",),
            "crosswalk ACCUSE/disapprove; manual 3.13 codes findings of guilt as SANCTION convict"),
    "163": ("SANCTION", "discontinue", ("economic",),
            "crosswalk COERCE/restrict; manual table 7.1 maps cue 16 to SANCTION and 3.13 codes "
            "international sanctions as 'discontinue'"),
    "191": ("ASSAULT", "", ("military",),
            "crosswalk COERCE/restrict; manual table 7.1 maps cue 19 (FIGHT) to ASSAULT"),
    "192": ("ASSAULT", "", ("military", "territory"),
            "crosswalk COERCE/seize; manual table 7.1 maps cue 19 (FIGHT) to ASSAULT"),
    "175": ("ASSAULT", "", ("repression", "pro_autocracy"),
            "crosswalk puts pro_autocracy in the mode column; moved to contexts, military "
            "replaced by repression (violent repression is often by police)"),
    "112": ("ACCUSE", "allege", (),
            "crosswalk 'disapprove'; manual table 3.4 puts accusing under 'allege'"),
    "105": ("REQUEST", "yield", ("legal",), "crosswalk 'change' for 'demand that target yields'"),
    "124": ("REJECT", "yield", (), "crosswalk 'change' for 'decline to yield'"),
    "1241": ("REJECT", "yield", ("executive",), "crosswalk 'change' for an easing of sanctions"),
    "1242": ("REJECT", "yield", (), "crosswalk 'change' for an easing of dissent"),
    "0874": ("RETREAT", "withdraw", ("military",),
             "crosswalk 'disarm' for 'retreat or surrender militarily'"),
    "183": ("ASSAULT", "explosives", (),
            "crosswalk 'suicide-attack' for generic non-military bombing (1831 keeps suicide-attack)"),
    "195": ("ASSAULT", "aerial", ("military",),
            "crosswalk 'heavy-weapons' for 'employ aerial weapons'; manual has an aerial mode"),
}

# Representative CAMEO codes where the automatic choice (lowest code with that type+mode) is poor.
DEFAULT_OVERRIDES: dict[tuple[str, str], str] = {
    ("ASSAULT", ""): "190",
    ("ACCUSE", ""): "112",
    ("ACCUSE", "disapprove"): "111",
    ("PROTEST", ""): "141",
    ("PROTEST", "strike"): "143",
    ("PROTEST", "vandalize"): "145",
    ("SANCTION", "discontinue"): "163",
    ("MOBILIZE", "troops"): "154",
    ("MOBILIZE", "police"): "153",
    ("MOBILIZE", "militia"): "154",
    ("THREATEN", "relations"): "1313",
    ("RETREAT", "withdraw"): "0874",
    ("ASSAULT", "primitive"): "180",
    ("ASSAULT", "targeted"): "186",
    ("THREATEN", "violence"): "138",
    ("ASSAULT", "drone"): "195",
    ("ASSAULT", "crowd-control"): "175",
    ("REQUEST", "assist"): "103",
    ("REJECT", "assist"): "121",
}


def _code_key(code: str) -> tuple[int, str]:
    return (len(code), code)


def parse_manual(text: str) -> tuple[dict[str, int], dict[str, bool], list[str], dict[tuple[str, str], float]]:
    """Quad class and requires-recipient per type (chapter 3), contexts (table 2.1), scores (table 2.2)."""
    quad: dict[str, int] = {}
    recip: dict[str, bool] = {}
    chap3 = text[text.index("3.1     AGREE"): text.index("Chapter 4")]
    parts = re.split(r"\n3\.\d+\s+([A-Z]+)\n", "\n" + chap3)
    for name, body in zip(parts[1::2], parts[2::2]):
        m = re.search(r"Quad category:\s*([A-Z ]+)", body)
        r = re.search(r"Requires recipient:\s*(Yes|No)", body)
        if name in TYPES and m and r:
            quad[name] = QUAD_WORDS[m.group(1).strip()]
            recip[name] = r.group(1) == "Yes"
    # the first section (AGREE) is matched by the split only if preceded by a newline
    for t in TYPES:
        if t not in quad:
            raise SystemExit(f"manual parse failed for {t}")
    for t, modes in MODES.items():
        for mode in modes:
            if mode != "sideAB" and not re.search(rf"\n\s*{re.escape(mode)}\s", text, re.I):
                raise SystemExit(f"mode {t}/{mode} not found in the manual")
    t21 = text[text.index("Table 2.1: General contexts"): text.index("How these contexts are used")]
    contexts = list(CONTEXTS)
    for c in contexts:
        if not re.search(rf"\n {re.escape(c.replace('_', ' '))}\s", t21):
            raise SystemExit(f"context {c} not in manual table 2.1")
    t22 = text[text.index("Table 2.2: PLOVER conflict"): text.index("Chapter 3")]
    scores: dict[tuple[str, str], float] = {}
    for typ, mode, val in re.findall(r"\b([A-Z]{3,})(?::\s*([A-Za-z\-]+))?\s+(-?\d+(?:\.\d+)?)\b", t22):
        if typ in TYPES:
            scores[(typ, mode.lower())] = float(val)
    return quad, recip, contexts, scores


def read_two_col(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[0] != "CAMEOEVENTCODE":
            out[parts[0].strip()] = parts[1].strip()
    return out


def parse_crosswalk(path: Path) -> dict[str, tuple[str, str, tuple[str, ...], str]]:
    rows: dict[str, tuple[str, str, tuple[str, ...], str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        body, _, label = rest.partition("#")
        fields = [f.strip() for f in body.split(",")]
        typ = fields[0]
        mode = fields[1] if len(fields) > 1 else ""
        ctx = tuple(c.strip() for c in fields[2].split(";") if c.strip()) if len(fields) > 2 else ()
        if code in rows:  # '08' is listed twice, '175' twice (identical): keep the first
            continue
        rows[code] = (typ, mode, ctx, label.strip())
    return rows


def cameo_quad(code: str) -> int | None:
    root = int(code[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 9:
        return 2
    if 10 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", default="/work/shared/reference", type=Path)
    args = ap.parse_args()
    ref: Path = args.reference
    manual = ref.joinpath("PLOVER_MANUAL.txt").read_text(encoding="utf-8")
    quad, recip, contexts, scores = parse_manual(manual)
    if scores.get(("ACCUSE", "")) == 3.0:
        scores[("ACCUSE", "")] = -3.0  # sign typo in table 2.2 (its modes are -2 .. -3.5)
    OUT.mkdir(parents=True, exist_ok=True)

    cc = "# Licence: derived from the PLOVER codebook (openeventdata/PLOVER), CC BY-SA 4.0.\n"
    gen = "# Generated by tools/derive_ontology.py; edit that script, not this file.\n"

    with open(OUT / "plover_types.tsv", "w", encoding="utf-8") as f:
        f.write("# PLOVER event types (16).\n# Source: PLOVER_MANUAL.txt (Draft 2.0, Feb 2024) chapter 3: "
                "'Quad category' (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,\n"
                "# 4 material conflict), 'Requires recipient', and the mode tables 3.1-3.11.\n" + cc + gen)
        f.write("# Known problems: table 7.3/7.2 of the manual disagree with chapter 3 (SANCTION listed as "
                "verbal conflict,\n# PROTEST as requiring a recipient); chapter 3 is used. ASSAULT's 'sideAB' "
                "comes from 3.16.1 text, not table 3.11.\n")
        f.write("type\tquad_class\trequires_recipient\tmodes\n")
        for t in TYPES:
            f.write(f"{t}\t{quad[t]}\t{'yes' if recip[t] else 'no'}\t{' '.join(MODES.get(t, ())) or '-'}\n")

    with open(OUT / "plover_contexts.tsv", "w", encoding="utf-8") as f:
        f.write("# PLOVER general contexts, manual table 2.1 (names in snake_case: 'pro democracy' -> "
                "pro_democracy).\n" + cc + gen + "context\n")
        for c in contexts:
            f.write(c + "\n")

    with open(OUT / "plover_sectors.tsv", "w", encoding="utf-8") as f:
        f.write("# PLOVER sector codes, manual table 5.2; labels are short paraphrases written for "
                "eventcoder.\n" + cc + gen + "code\tlabel\n")
        for code, label in SECTORS.items():
            if not re.search(rf"\b{code}\b", manual):
                raise SystemExit(f"sector {code} not in manual")
            f.write(f"{code}\t{label}\n")

    with open(OUT / "plover_scores.tsv", "w", encoding="utf-8") as f:
        f.write("# PLOVER conflict-cooperation scores, manual table 2.2 ('-' mode = the type's score).\n"
                "# Known problems: the table gives ACCUSE +3, surely a sign typo (its modes score -2 "
                "to -3.5); written as -3.\n" + cc + gen + "type\tmode\tscore\n")
        for (t, m), s in scores.items():
            f.write(f"{t}\t{m or '-'}\t{s:g}\n")

    # ---- CAMEO crosswalk -------------------------------------------------------------------
    desc = read_two_col(ref / "CAMEO.eventcodes.txt")
    gold = read_two_col(ref / "CAMEO.goldsteinscale.txt")
    cw = parse_crosswalk(ref / "CAMEO2PLOVER-2021.txt")
    codes = sorted({c for c in desc if len(c) >= 2} | set(cw) | set(gold), key=lambda c: (c[:2], c))
    changes: list[str] = []
    rows = []
    for code in codes:
        d = desc.get(code) or (cw[code][3] if code in cw else "")
        typ, mode, ctx = "", "", ()
        if code in cw:
            typ, mode, ctx, _ = cw[code]
            mode = mode.strip()
            if mode and mode not in MODES.get(typ, ()):
                new = MODE_RENAMES.get((typ, mode))
                if new is None:
                    raise SystemExit(f"unhandled crosswalk mode {code} {typ}/{mode}")
                changes.append(f"{code}: mode {mode!r} -> {new or 'none'}")
                mode = new
            new_ctx = []
            for c in ctx:
                c2 = CONTEXT_RENAMES.get(c, c)
                if c2 != c:
                    changes.append(f"{code}: context {c!r} -> {c2!r}")
                if c2 not in contexts:
                    raise SystemExit(f"unknown context {c2} at {code}")
                new_ctx.append(c2)
            ctx = tuple(new_ctx)
        if code in ROW_FIXES:
            t2, m2, c2, why = ROW_FIXES[code]
            changes.append(f"{code}: {typ or 'none'}/{mode or '-'}/{';'.join(ctx) or '-'} -> "
                           f"{t2}/{m2 or '-'}/{';'.join(c2) or '-'} ({why})")
            typ, mode, ctx = t2, m2, c2
        if typ and typ not in TYPES:
            raise SystemExit(f"unknown type {typ} at {code}")
        g = gold.get(code, "")
        if not g and len(code) == 4 and code[:3] in gold:
            g = gold[code[:3]]
            changes.append(f"{code}: no Goldstein score in the GDELT table; parent {code[:3]}'s used")
        rows.append((code, d, typ, mode, ctx, g, cameo_quad(code)))
    with open(OUT / "cameo_plover.tsv", "w", encoding="utf-8") as f:
        f.write("# CAMEO event codes with their PLOVER type, mode and contexts, Goldstein score and CAMEO "
                "quad class.\n"
                "# Sources: CAMEO2PLOVER-2021.txt (openeventdata/PLOVER crosswalk, draft of 17-Sep-2021, "
                "CC BY-SA 4.0);\n"
                "#   CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt (GDELT CAMEO lookup tables; cite "
                "GDELT / Schrodt et al. 2009 CAMEO).\n" + gen +
                "# Derivation: every code of the three tables; codes the crosswalk leaves out (01x public "
                "statements,\n#   02x appeals: PLOVER drops them, manual table 7.1) keep an empty type. "
                "cameo_quad is from the\n#   root code, as grouped in CAMEO.eventcodes.txt (01-05 1, 06-09 "
                "2, 10-13 3, 14-20 4).\n"
                "#   The crosswalk lists root 08 under both CONCEDE and RETREAT: the first (CONCEDE, as 080) is kept.\n"
                "#   Descriptions missing from the GDELT table (1213, 1214) are the crosswalk's labels.\n"
                "# Normalised to the manual's names (modes/contexts the crosswalk uses that the manual "
                "lacks)\n#   and corrected where the crosswalk contradicts the manual:\n")
        for ch in changes:
            f.write(f"#   {ch}\n")
        f.write("# Known problems: the crosswalk is a draft; a CAMEO code is coarser or finer than "
                "PLOVER's type+mode in places.\n")
        f.write("cameo\tdescription\tplover_type\tmode\tcontexts\tgoldstein\tcameo_quad\n")
        for code, d, typ, mode, ctx, g, q in rows:
            f.write(f"{code}\t{d}\t{typ or '-'}\t{mode or '-'}\t{';'.join(ctx) or '-'}\t{g or '-'}\t"
                    f"{q if q is not None else '-'}\n")

    # ---- representative codes ----------------------------------------------------------------
    by_tm: dict[tuple[str, str], list[str]] = {}
    for code, _d, typ, mode, _c, _g, _q in rows:
        if typ and len(code) >= 3:
            by_tm.setdefault((typ, mode), []).append(code)
    defaults: dict[tuple[str, str], tuple[str, str]] = {}
    for t in TYPES:
        for m in ("",) + MODES.get(t, ()):
            if (t, m) in DEFAULT_OVERRIDES:
                defaults[(t, m)] = (DEFAULT_OVERRIDES[(t, m)], "chosen")
            elif (t, m) in by_tm:
                defaults[(t, m)] = (min(by_tm[(t, m)], key=_code_key), "lowest")
    for (t, m), (code, _how) in defaults.items():
        row = next(r for r in rows if r[0] == code)
        if row[2] != t:
            raise SystemExit(f"default {code} for {t}/{m} maps to {row[2]}")
    with open(OUT / "cameo_defaults.tsv", "w", encoding="utf-8") as f:
        f.write("# A representative CAMEO code for each PLOVER type ('-' mode) and type+mode, used when a "
                "pattern gives\n# no CAMEO code. 'lowest': the lowest code the crosswalk (cameo_plover.tsv) "
                "gives that type+mode;\n# 'chosen': picked by hand in tools/derive_ontology.py "
                "(DEFAULT_OVERRIDES) as the more typical code.\n# Modes absent here fall back to the "
                "type's code.\n" + gen + "type\tmode\tcameo\thow\n")
        for (t, m), (code, how) in defaults.items():
            f.write(f"{t}\t{m or '-'}\t{code}\t{how}\n")
    print(f"wrote {OUT}: {len(TYPES)} types, {len(contexts)} contexts, {len(SECTORS)} sectors, "
          f"{len(scores)} scores, {len(rows)} CAMEO codes, {len(defaults)} defaults, {len(changes)} changes")


if __name__ == "__main__":
    main()

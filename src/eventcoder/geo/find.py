"""Finding toponyms in a parsed document (resolution is in :mod:`.resolve`).

Three sources, merged left to right with the longest span winning:

1. spaCy entities labelled GPE / LOC / FAC (names looked up in the gazetteer, with a trailing
   generic word such as "region" or "province" peeled off: "the Karabakh region" → "Karabakh");
   NORP entities that are demonyms ("Azerbaijani").
2. The gazetteer matched directly over capitalised token n-grams — countries, first-level regions,
   hand-listed regions and larger cities — because the small model mislabels places ("Armenia" as
   ORG, "Baku" as PERSON).  Inside another entity a match is kept only when it is that whole entity
   and a country, region or large city; a stoplist removes capitalised common words.
3. Adjectives and demonyms naming a place ("Turkish", "U.S.-led", "Russian-backed").

Entity spans that the gazetteer does not know (facilities, streets, small places) are kept as
unresolved mentions; :mod:`.resolve` places them from the article's context.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Doc, Span

from .gazetteer import GazEntry, Gazetteer, NameMatch
from .normalize import normalize_name
from ..nlp.sentences import sentences
from ..nlp.tokens import TokenTable, token_table

MAX_NGRAM = 7
CITY_MIN_POP = 15000  # a city matched only by the gazetteer (not tagged by spaCy) must be this large
ENTITY_OVERRIDE_MIN_POP = 100000  # ... and this large to override a PERSON/ORG label
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAMING_LABELS = frozenset({"ORG", "LAW", "EVENT", "PRODUCT"})  # names that may contain a place name
OVERRIDABLE_LABELS = frozenset({"PERSON", "NORP", "WORK_OF_ART", "LANGUAGE"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "from", "to", "outside", "into", "across", "around", "of"})
CONNECTORS = frozenset({"of", "the", "and", "de", "del", "da", "do", "dos", "la", "le", "les", "al", "el", "upon", "on", "-", "en", "am", "an", "der", "di", "du", "y", "'s"})
LEADING_TRIM = frozenset({"the", "The", "THE"})
# Generic words after a name: the name alone is the toponym; the word says which kind of place.
GENERIC_REGION = frozenset({
    "region", "regions", "province", "provinces", "governorate", "oblast", "state", "county", "district",
    "prefecture", "department", "territory", "territories", "area", "valley", "enclave", "peninsula", "strip",
})
GENERIC_CITY = frozenset({"city", "town", "village"})
_TITLE_RE = re.compile(r"^[A-Z\u00C0-\u024F]")


@dataclass(slots=True)
class Mention:
    """A toponym found in the text, before resolution."""

    start: int
    end: int
    text: str
    source: str  # ner:GPE | ner:LOC | ner:FAC | gaz | adj | ner-sub
    matches: list[NameMatch] = field(default_factory=list)
    adjective: bool = False
    kind_hint: str | None = None  # "region" / "city" from a generic word after the name
    token_start: int = 0
    token_end: int = 0

    @property
    def key(self) -> str:
        return name_key(self.text)


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """`normalize_name`, remembered: the same names recur in every article and every pass."""
    return normalize_name(text)


@functools.lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    text = resources.files("eventcoder.data.geo").joinpath("stoplist.txt").read_text(encoding="utf-8")
    return frozenset(normalize_name(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


_CAPS_KEY = "eventcoder.geo.capitalised"


def _caps(tt: TokenTable) -> list[bool]:
    """Whether each token of the doc starts with a capital letter, computed once per doc."""
    user_data = tt.doc.user_data
    caps = user_data.get(_CAPS_KEY)
    if caps is None or len(caps) != len(tt):
        match = _TITLE_RE.match
        caps = user_data[_CAPS_KEY] = [match(w) is not None for w in tt.words]
    return caps


def _after_locative_prep(ent: Span) -> bool:
    head = ent.root
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS


MINOR_FEATURES = frozenset({"PPLX", "PPLL", "PPLQ", "PPLH", "PPLW", "PPLF", "PPLS", "PPLR"})


def _notable(matches: list[NameMatch], min_city_pop: int, surface: str | None = None) -> bool:
    """Whether a name is worth taking without spaCy's word for it: a country, region or big enough city.

    With ``surface``, a city whose name only matches once its accents are dropped ("Bush" ~ "Būsh")
    must be ten times larger.
    """
    for m in matches:
        e = m.entry
        if e.kind in ("country", "region", "continent"):
            return True
        if e.kind in ("admin1", "admin2") and m.primary:
            return True
        if e.kind == "city" and e.feature_code not in MINOR_FEATURES:
            need = min_city_pop if m.primary else 10 * min_city_pop
            if surface is not None and surface.isascii() and not e.name.isascii() and m.primary:
                need = 10 * min_city_pop
            if e.population >= need:
                return True
    return False


def _acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return 0 < len(letters) <= 4 and all(ch.isupper() for ch in letters)


def _span_text(tt: TokenTable, start_tok: int, end_tok: int) -> tuple[int, int, str]:
    """(start char, end char, text) of tokens start_tok..end_tok: ``doc[start_tok:end_tok]``'s."""
    start = tt.idx[start_tok]
    end = tt.idx[end_tok - 1] + len(tt.words[end_tok - 1])
    return start, end, tt.text[start:end]


def _trim_entity(ent: Span, tt: TokenTable) -> tuple[int, int]:
    """Token bounds of an entity without a leading "the" and a trailing possessive or punctuation."""
    words, punct = tt.words, tt.is_punct
    s, e = ent.start, ent.end
    while s < e and (words[s] in LEADING_TRIM or punct[s]):
        s += 1
    while e > s and (words[e - 1] in ("'s", "’s", "'") or punct[e - 1]):
        e -= 1
    return s, e


def _lookup(gaz: Gazetteer, text: str) -> list[NameMatch]:
    return gaz.lookup_key(name_key(text))  # gaz.lookup(text), with the key remembered


def _lookup_ngram(tt: TokenTable, gaz: Gazetteer, s: int, e: int) -> tuple[list[NameMatch], str | None, int]:
    """Gazetteer matches for tokens s..e, peeling a trailing generic word; returns (matches, kind hint, end)."""
    _, _, text = _span_text(tt, s, e)
    matches = _lookup(gaz, text)
    if matches and _acronym(text):  # "UN" is not the town of Un: acronyms name countries and regions only
        matches = [m for m in matches if m.entry.kind != "city"]
    if matches:
        return matches, None, e
    if e - s >= 2:
        last = tt.lower[e - 1]
        if last in GENERIC_REGION or last in GENERIC_CITY:
            _, _, inner = _span_text(tt, s, e - 1)
            matches = _lookup(gaz, inner)
            if matches:
                return matches, ("city" if last in GENERIC_CITY else "region"), e - 1
    return [], None, e


def _best_sub_match(
    tt: TokenTable, gaz: Gazetteer, s: int, e: int
) -> tuple[int, int, list[NameMatch], str | None] | None:
    """The longest capitalised n-gram inside tokens s..e that the gazetteer knows."""
    caps = _caps(tt)
    for n in range(e - s - 1, 0, -1):
        for i in range(s, e - n + 1):
            j = i + n
            if not (caps[i] and caps[j - 1]):
                continue
            matches, hint, end = _lookup_ngram(tt, gaz, i, j)
            surface = _span_text(tt, i, end)[2]
            if matches and _notable(matches, CITY_MIN_POP, surface) and name_key(surface) not in stoplist():
                return i, end, matches, hint
    return None


def _abbreviation_qualifier(tt: TokenTable, s: int, e: int) -> bool:
    """An abbreviated region after a place and a comma ("Paris, Mo.", "Walker County (Ga.)"): a stoplisted
    word ("Mo", "Wash") is a region's abbreviation only in that spot and with its full stop."""
    if e - s != 1 or s < 2:
        return False
    word = tt.words[s]
    return (
        word.endswith(".") and 2 < len(word) <= 6 and word[0].isupper()
        and tt.words[s - 1] in (",", "(") and _caps(tt)[s - 2] and not tt.is_punct[s - 2]
    )


def _ner_mentions(doc: Doc, gaz: Gazetteer, ents: tuple[Span, ...]) -> list[Mention]:
    tt = token_table(doc)
    out: list[Mention] = []
    cased = any(ch.isupper() for ch in doc.text)
    for ent in ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        s, e = _trim_entity(ent, tt)
        if s >= e:
            continue
        if cased and ent.text.islower():
            continue  # "its east coast", "the north": a direction, not a named place (names are capitalised)
        matches, hint, end = _lookup_ngram(tt, gaz, s, e)
        if ent.label_ == "FAC":  # a facility named like a place is that place only by its own name
            matches = [m for m in matches if m.primary]
        if name_key(_span_text(tt, s, end)[2]) in stoplist():
            if _abbreviation_qualifier(tt, s, end):
                matches = [m for m in matches if m.entry.kind == "admin1"]  # "Paris, Mo.", "Tacoma, Wash."
            else:
                matches = []  # "West", "Centre": a place, but which one the gazetteer cannot tell
        source = f"ner:{ent.label_}"
        if not matches:
            sub = _best_sub_match(tt, gaz, s, e)
            if sub is not None:
                s, end, matches, hint = sub
                source = "ner-sub"
        cs, ce, text = _span_text(tt, s, end)
        out.append(Mention(cs, ce, text, source, matches, False, hint, s, end))
    return out


def _gazetteer_mentions(doc: Doc, gaz: Gazetteer, ents: tuple[Span, ...]) -> list[Mention]:
    out: list[Mention] = []
    stop = stoplist()
    tt = token_table(doc)
    caps, punct, lower, pos = _caps(tt), tt.is_punct, tt.lower, tt.pos
    sent_spans, sent_of = sentences(doc)
    ent_of: dict[int, Span] = {}
    for ent in ents:
        for i in range(ent.start, ent.end):
            ent_of[i] = ent
    n_tokens = len(doc)
    i = 0
    while i < n_tokens:
        if not caps[i] or punct[i]:
            i += 1
            continue
        found: Mention | None = None
        sent_end = sent_spans[sent_of[i]].end
        for j in range(min(i + MAX_NGRAM, sent_end), i, -1):
            if not caps[j - 1]:
                continue
            if any(not (caps[k] or lower[k] in CONNECTORS) for k in range(i + 1, j - 1)):
                continue
            matches, hint, end = _lookup_ngram(tt, gaz, i, j)
            if not matches:
                continue
            cs, ce, text = _span_text(tt, i, end)
            key = name_key(text)
            if key in stop:
                continue
            all_propn = all(pos[k] == "PROPN" or lower[k] in CONNECTORS for k in range(i, end))
            ent = ent_of.get(i)
            whole = ent is not None and _trim_entity(ent, tt) == (i, end)
            if ent is None or ent.label_ in PLACE_LABELS:
                pass
            elif ent.label_ in NAMING_LABELS:
                # A place inside a name: "the Kentucky State Police", "Enfield Council", "Plan for Europe";
                # a name that is only a town's name is more likely the organisation ("Xinhua").
                inner = ent.label_ == "ORG" and (not whole or _after_locative_prep(ent))
                if not _notable(matches, CITY_MIN_POP if inner else ENTITY_OVERRIDE_MIN_POP, text):
                    continue
            elif ent.label_ in OVERRIDABLE_LABELS:
                # The model's label is wrong when the whole entity is a place ("Baku" as PERSON);
                # after a locative preposition a smaller place is enough ("lived in Cirencester").
                min_pop = CITY_MIN_POP if _after_locative_prep(ent) else ENTITY_OVERRIDE_MIN_POP
                if not whole or not _notable(matches, min_pop):
                    continue
            elif ent.label_ == "MONEY":
                if not any(m.entry.kind == "country" for m in matches):  # "US dollars"
                    continue
            else:
                continue  # dates, quantities, ...
            min_pop = CITY_MIN_POP if all_propn else 10 * ENTITY_OVERRIDE_MIN_POP
            if not _notable(matches, min_pop, text):
                continue
            found = Mention(cs, ce, text, "gaz", matches, False, hint, i, end)
            break
        if found is not None:
            out.append(found)
            i = found.token_end
        else:
            i += 1
    return out


def _part_of_a_name(i: int, ent_of: dict[int, Span], caps: list[bool]) -> bool:
    """Whether capitalised token `i` is part of a person's name ("Bill English"), not an adjective before one."""
    ent = ent_of.get(i)
    if ent is None or len(ent) == 1:
        return False
    if i > ent.start:
        return True
    return caps[i + 1]


def _adjective(gaz: Gazetteer, text: str) -> GazEntry | None:
    return gaz.adjective_key(name_key(text))  # gaz.adjective(text), with the key remembered


def _adjective_mentions(doc: Doc, gaz: Gazetteer, ents: tuple[Span, ...]) -> list[Mention]:
    """Demonyms and adjectives ("Turkish", "South Korean", "U.S.-led", "Russian-backed")."""
    tt = token_table(doc)
    caps, words, ent_type, idx = _caps(tt), tt.words, tt.ent_type, tt.idx
    out: list[Mention] = []
    ent_of: dict[int, Span] = {}
    for ent in ents:
        if ent.label_ == "PERSON":
            for k in range(ent.start, ent.end):
                ent_of[k] = ent
    n_tokens = len(words)
    for i in range(n_tokens):
        if not caps[i]:
            continue
        label = ent_type[i]
        if label == "WORK_OF_ART" or (label == "PERSON" and _part_of_a_name(i, ent_of, caps)):
            continue
        # Three- and two-word adjectives first ("South East Asian", "South Korean", "Latin American").
        multi = None
        for n in (3, 2):
            if i + n <= n_tokens and all(caps[k] for k in range(i + 1, i + n)):
                cs, ce, text = _span_text(tt, i, i + n)
                entry = _adjective(gaz, text)
                if entry is not None:
                    multi = Mention(cs, ce, text, "adj", [NameMatch(entry, True)], True, None, i, i + n)
                    break
        if multi is not None:
            out.append(multi)
            continue
        if out and out[-1].token_end > i:
            continue
        word = words[i]
        pieces = [word]
        offsets = [0]
        if "-" in word:  # "U.S.-led", "Turkish-Syrian"
            pieces, offsets, pos = [], [], 0
            for part in word.split("-"):
                pieces.append(part)
                offsets.append(pos)
                pos += len(part) + 1
        for part, off in zip(pieces, offsets):
            if not part or not _TITLE_RE.match(part):
                continue
            entry = _adjective(gaz, part)
            if entry is None and len(pieces) > 1:
                matches = _lookup(gaz, part)
                if matches and _notable(matches, ENTITY_OVERRIDE_MIN_POP):
                    s = idx[i] + off
                    out.append(Mention(s, s + len(part), part, "gaz", matches, False, None, i, i + 1))
                continue
            if entry is None:
                continue
            s = idx[i] + off
            out.append(Mention(s, s + len(part), part, "adj", [NameMatch(entry, True)], True, None, i, i + 1))
    return out


def _priority(m: Mention) -> tuple[int, int]:
    rank = {"ner:GPE": 3, "ner:LOC": 3, "gaz": 2, "ner-sub": 2, "adj": 2, "ner:FAC": 1}.get(m.source, 0)
    if not m.matches:
        rank -= 2
    return (m.end - m.start, rank)


HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "president", "minister", "senator", "sen",
    "rep", "gov", "governor", "mayor", "judge", "general", "gen", "col", "capt", "prof", "professor",
    "king", "queen", "prince", "princess", "pope", "sheikh", "coach", "officer", "sgt", "chancellor",
})


def _person_words(tt: TokenTable, ents: tuple[Span, ...]) -> set[str]:
    """Words that are the later parts of multi-word person names in this doc ("Modi" of "Narendra Modi")."""
    caps, tokens = _caps(tt), tt.words
    words: set[str] = set()
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            words.update(tokens[k] for k in range(ent.start + 1, ent.end) if caps[k])
    return words


def _is_person(tt: TokenTable, m: Mention, person_words: set[str]) -> bool:
    """A mention that is a person's name: a surname used elsewhere or a title before it ("Ms Raggi")."""
    if m.adjective or any(x.entry.kind in ("country", "admin1", "admin2", "region", "continent") for x in m.matches):
        return False
    lower = tt.lower
    if lower[m.token_start].rstrip(".") in HONORIFICS:
        return True
    if m.token_start > 0 and lower[m.token_start - 1].rstrip(".") in HONORIFICS:
        return True
    return m.text in person_words


def find_mentions(doc: Doc, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Every toponym mention in the doc, non-overlapping, in text order."""
    gaz = gazetteer or Gazetteer.load()
    ents = doc.ents  # Doc.ents builds new Span objects on every access: read it once
    tt = token_table(doc)
    candidates = (
        _ner_mentions(doc, gaz, ents) + _gazetteer_mentions(doc, gaz, ents) + _adjective_mentions(doc, gaz, ents)
    )
    person_words = _person_words(tt, ents)
    candidates = [m for m in candidates if not _is_person(tt, m, person_words)]
    candidates.sort(key=lambda m: (-_priority(m)[0], -_priority(m)[1], m.start))
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in candidates:
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        chosen.append(m)
        taken.append((m.start, m.end))
    chosen.sort(key=lambda m: m.start)
    return chosen

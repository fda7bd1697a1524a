"""Participants named through a thing rather than directly: the owner of what is attacked ("the
computers of X"), the beneficiary of what is given or withheld ("aid programme for X"), and a
preposition's object the parser misattached."""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.resolve import EntityResolver
from ..types import Entity

# "hacked into the computers of X", "fired on the homes of X": a thing attacked stands for its owner.
AIMED_PREPS = frozenset({"into", "on", "upon", "at", "against"})
# Deverbal nouns name deeds, not things: "condemned the killing of three soldiers" is not aimed at them.
DEED_SUFFIXES = ("ing", "tion", "sion", "ment", "ance", "ence", "ure", "al")
DEED_NOUNS = frozenset({"attack", "raid", "strike", "arrest", "ban", "visit", "release", "death", "murder", "abuse", "use"})
# "part of a military aid programme for Bosnia": quantity nouns are transparent.
PART_NOUNS = frozenset({"part", "portion", "some", "half", "most", "much", "all", "rest", "bulk", "share", "section"})
# What is given has a beneficiary: "aid for Bosnia", "a loan programme for Kenya".
BENEFIT_NOUNS = frozenset({
    "aid", "assistance", "program", "programme", "loan", "funding", "fund", "help", "package", "credit", "grant",
    "relief", "support", "subsidy", "scheme", "project",
})


# "the town of Douma" is Douma itself, a place the gazetteer handles, not something Douma owns.
PLACE_NOUNS = frozenset({
    "town", "city", "village", "area", "region", "district", "province", "county", "state", "enclave", "capital",
    "outskirts", "suburb", "neighbourhood", "neighborhood", "island", "port", "territory", "zone", "valley",
})


def _is_thing(n: Token) -> bool:
    lemma = n.lemma_.lower()
    return (n.pos_ == "NOUN" and lemma not in DEED_NOUNS and lemma not in PLACE_NOUNS
            and not lemma.endswith(DEED_SUFFIXES))


def owner(n: Token, resolver: EntityResolver, depth: int = 0) -> list[Entity]:
    """Whose thing `n` is ("the computers of X"), or whom a benefit is for ("aid programme for X"),
    looking through quantity nouns ("part of …")."""
    if n.pos_ != "NOUN" or depth > 2:
        return []
    lemma = n.lemma_.lower()
    benefit = lemma in BENEFIT_NOUNS or any(c.dep_ == "compound" and c.lemma_.lower() in BENEFIT_NOUNS for c in n.children)
    for c in n.children:
        if c.dep_ != "prep":
            continue
        for p in (p for p in c.children if p.dep_ == "pobj"):
            if c.lower_ == "of" and lemma in PART_NOUNS:
                ents = resolver.entities(p) or owner(p, resolver, depth + 1)
            elif c.lower_ == "of" and _is_thing(n) and not benefit:
                ents = resolver.entities(p)
            elif c.lower_ in ("for", "to") and benefit:
                ents = resolver.entities(p)
            else:
                continue
            if ents:
                return ents
    return []


def prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition; when the parser hung a reduced relative's noun on the verb
    instead ("granted asylum to five officers holed up in …": "officers" made the subject of
    "holed"), that noun."""
    objs = [p for p in prep.children if p.dep_ == "pobj"]
    if objs or prep.n_rights or prep.n_lefts:
        return objs
    for tok in prep.doc[prep.i + 1:prep.sent.end]:
        if (tok.dep_ in ("nsubj", "nsubjpass") and tok.left_edge.i == prep.i + 1 and tok.pos_ in ("NOUN", "PROPN")
                and tok.head.i > tok.i and tok.head.tag_ in ("VBN", "VBD") and tok.head.dep_ in ("advcl", "conj", "relcl", "acl")):
            return [tok]
    return []


__all__ = ["AIMED_PREPS", "owner", "prep_objects"]

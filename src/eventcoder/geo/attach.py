"""Attaching the place where an event happened to the event's trigger token.

Order of evidence, first hit wins:

1. a locative prepositional phrase on the trigger ("talks in Geneva", "strikes on Kyiv");
2. for a nominal trigger, one on the verb that modifies it ("the summit held in Reykjavík") or
   governs it ("carried out an operation in the Karabakh region");
3. a city named as a compound modifier of a nominal trigger ("the Geneva talks");
4. otherwise the locative phrase nearest to the trigger in the same clause.

Places that are not in a locative phrase — subjects and possessors ("Baku said", "Moscow's
strikes"), adjectives ("Azerbaijani forces") — are never the event's place.  No locative, no place:
the sentence's first place is not a fallback.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..types import Place
from .gazetteer import Gazetteer
from .normalize import normalize_name
from ..nlp.sentences import sentence_of
from ..nlp.tokens import token_table

LOCATIVE_PREPS = frozenset({
    "in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "on", "onto",
    "into", "over", "along", "off", "beyond", "between", "among", "amid", "nearby",
})
MOVEMENT_LEMMAS = frozenset({
    "visit", "trip", "travel", "go", "fly", "arrive", "return", "deploy", "send", "move", "head",
    "journey", "tour", "march", "flee", "evacuate", "deportation", "deport", "mission", "delegation",
})
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "xcomp", "acl"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
VERBAL_POS = frozenset({"VERB", "AUX"})


def _is_adjective(p: Place, gaz: Gazetteer) -> bool:
    """A place named by a demonym or adjective ("Azerbaijani forces", "Turkish")."""
    return gaz.adjective(p.entity_text) is not None and not gaz.has_key(normalize_name(p.entity_text))


_PLACE_TOKENS_KEY = "eventcoder.geo.place_tokens"


def _place_tokens(doc: Doc, places: list[Place], gaz: Gazetteer) -> dict[int, Place]:
    """Token index → the place whose span covers it (adjectival places left out).

    Every event of an article asks with the same list of places: the map is built once per
    doc and list (kept in ``doc.user_data`` with the places it was built from).
    """
    cached = doc.user_data.get(_PLACE_TOKENS_KEY)
    if cached is not None:
        built_from, built_gaz, by_token = cached
        if built_gaz is gaz and len(built_from) == len(places) and all(a is b for a, b in zip(built_from, places)):
            return by_token
    by_token = _build_place_tokens(doc, places, gaz)
    doc.user_data[_PLACE_TOKENS_KEY] = (tuple(places), gaz, by_token)
    return by_token


def _build_place_tokens(doc: Doc, places: list[Place], gaz: Gazetteer) -> dict[int, Place]:
    out: dict[int, Place] = {}
    for p in places:
        span = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
        if span is None:
            continue
        if _is_adjective(p, gaz) or all(t.pos_ == "ADJ" for t in span):
            continue  # a demonym is not a location
        for t in span:
            out.setdefault(t.i, p)
    return out


def _locative_preps(head: Token, trigger: Token) -> list[Token]:
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS]
    if trigger.lemma_.lower() in MOVEMENT_LEMMAS or head.lemma_.lower() in MOVEMENT_LEMMAS:
        preps += [c for c in head.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
    return sorted(preps, key=lambda t: abs(t.i - trigger.i))


# "between"/"among" name a place only between places smaller than countries ("fighting between
# Kyiv and Kharkiv"); between countries or organisations they name the parties ("the agenda
# between Azerbaijan and the CoE", "clashes between Armenia and Azerbaijan").
RELATIONAL_PREPS = frozenset({"between", "among"})


def _names_parties(prep: Token, by_token: dict[int, Place]) -> bool:
    """A "between"/"among" phrase whose objects are not all places below country level."""
    if prep.lower_ not in RELATIONAL_PREPS:
        return False
    objects = [o for c in prep.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]
    return not objects or not all(
        o.i in by_token and not (by_token[o.i].feature_code or "").startswith("PCL") for o in objects)


def _place_in_pp(prep: Token, by_token: dict[int, Place]) -> Place | None:
    """The first place in the object of a preposition ("in the Karabakh region" → Karabakh)."""
    if _names_parties(prep, by_token):
        return None
    for obj in prep.children:
        if obj.dep_ not in ("pobj", "pcomp"):
            continue
        skip_to = -1
        for t in obj.subtree:
            if t.i <= skip_to:
                continue
            if t.dep_ in ("relcl", "acl") and t.i != obj.i:
                break  # do not wander into a clause hanging off the object
            if t.dep_ == "prep" and _names_parties(t, by_token):
                skip_to = t.right_edge.i  # "on the agenda between Azerbaijan and the CoE": parties
                continue
            if t.i in by_token:
                return by_token[t.i]
    return None


def _clause_head(tok: Token) -> Token:
    while tok.dep_ not in CLAUSE_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _anchor_heads(trigger: Token) -> list[Token]:
    """The trigger, then the verbs that modify or govern a nominal trigger."""
    heads = [trigger]
    if trigger.pos_ in VERBAL_POS:  # "struck an oil depot in the Belgorod region"
        heads += [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if trigger.pos_ in NOMINAL_POS:
        heads += [c for c in trigger.children if c.dep_ in ("acl", "relcl") and c.pos_ in VERBAL_POS]
        h = trigger.head
        if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "appos") and h.pos_ in VERBAL_POS:
            heads.append(h)
        elif trigger.dep_ == "pobj" and h.dep_ == "prep" and h.head.pos_ in VERBAL_POS:
            heads.append(h.head)
    return heads


def place_for_token(doc: Doc, token_i: int, places: list[Place], gazetteer: Gazetteer | None = None) -> Place | None:
    """The place of the event whose trigger is ``doc[token_i]``, or None."""
    if not places or not 0 <= token_i < len(doc):
        return None
    by_token = _place_tokens(doc, places, gazetteer or Gazetteer.load())
    if not by_token:
        return None
    trigger = doc[token_i]
    for head in _anchor_heads(trigger):
        for prep in _locative_preps(head, trigger):
            p = _place_in_pp(prep, by_token)
            if p is not None:
                return p
    if trigger.pos_ in NOMINAL_POS:
        for c in trigger.children:
            p = by_token.get(c.i)
            if c.dep_ == "compound" and p is not None and (p.feature_code or "").startswith("PPL"):
                return p
    # Nearest locative phrase anywhere in the trigger's clause.
    anchor = trigger if trigger.pos_ in VERBAL_POS else _anchor_heads(trigger)[-1]
    clause = _clause_head(anchor)
    best: tuple[int, Place] | None = None
    sent = sentence_of(trigger)
    tt = token_table(doc)
    dep, lower = tt.dep, tt.lower
    for i in range(sent.start, sent.end):
        if dep[i] != "prep" or lower[i] not in LOCATIVE_PREPS:
            continue
        tok = doc[i]
        if _clause_head(tok.head) != clause:
            continue
        p = _place_in_pp(tok, by_token)
        if p is not None:
            dist = abs(tok.i - token_i)
            if best is None or dist < best[0]:
                best = (dist, p)
    return best[1] if best else None

"""Factuality and attribution: did it happen, and who says so.

In the NegEx/FactBank tradition, with syntactic scope: starting at the
trigger (and the light verb that carries a nominal trigger) we walk up the
dependency tree to the sentence root, collecting cues from data/events/cues.toml:

- negation on the trigger or its verb ("did not attack", "no violence was
  observed", "failed to reach a deal")            → negated
- a denial verb above the trigger ("denied that troops fired")  → denied
- a modal or conditional ("could impose", "if talks fail") or a verb of wanting,
  urging or threatening above it                   → hypothetical
- "will", "plans to", "next week", or an event date after publication → future
- a reporting verb above it, or "according to X"   → reported, with X as speaker

Strength order when several apply: denied > negated > hypothetical > future >
reported > asserted.  The speaker is kept as attribution whatever wins.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from ..actors.resolve import EntityResolver
from ..types import Attribution
from ..nlp.sentences import sentence_of

ORDER = ("denied", "negated", "hypothetical", "future", "reported", "asserted")
# Complement relations through which a cue on a head verb reaches the trigger.
COMPLEMENT_DEPS = {"ccomp", "xcomp", "dobj", "obj", "pcomp", "pobj", "prep", "acl", "attr", "oprd", "nsubjpass", "conj", "advcl", "relcl", "appos", "parataxis", "dep", "npadvmod", "agent", "amod", "compound"}


@dataclass(frozen=True)
class Cues:
    neg_dets: frozenset[str]
    neg_advs: frozenset[str]
    failure_verbs: frozenset[str]
    neg_preps: frozenset[str]
    denial_verbs: frozenset[str]
    modals: frozenset[str]
    conditional_marks: frozenset[str]
    hypothetical_verbs: frozenset[str]
    future_aux: frozenset[str]
    intent_verbs: frozenset[str]
    future_advs: frozenset[str]
    intent_adjectives: frozenset[str]
    commitment_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    source_phrases: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def load_cues() -> Cues:
    raw = resources.files("eventcoder.data").joinpath("events/cues.toml").read_text(encoding="utf-8")
    d = tomllib.loads(raw)
    f = frozenset
    return Cues(
        neg_dets=f(d["negation"]["determiners"]),
        neg_advs=f(d["negation"]["adverbs"]),
        failure_verbs=f(d["negation"]["failure_verbs"]),
        neg_preps=f(d["negation"]["prepositions"]),
        denial_verbs=f(d["denial"]["verbs"]),
        modals=f(d["modality"]["modals"]),
        conditional_marks=f(d["modality"]["conditional_marks"]),
        hypothetical_verbs=f(d["modality"]["hypothetical_verbs"]),
        future_aux=f(d["future"]["auxiliaries"]),
        intent_verbs=f(d["future"]["intent_verbs"]),
        future_advs=f(d["future"]["adverbs"]),
        intent_adjectives=f(d["future"]["intent_adjectives"]),
        commitment_verbs=f(d["future"]["commitment_verbs"]),
        reporting_verbs=f(d["reporting"]["verbs"]),
        source_phrases=tuple(d["reporting"]["source_phrases"]),
    )


@dataclass(frozen=True)
class Factuality:
    value: str
    attribution: Attribution | None
    cue: str | None  # the word that decided, for the evidence trail
    kind: str | None = None  # what sort of cue: negation, modal, future-aux, intent, conditional, reporting…
    cue_i: int | None = None  # token of an intent cue ("ready to talk"), for dating the statement


def assess(trigger: Token, governor: Token | None, resolver: EntityResolver, event_date_after_publication: bool) -> Factuality:
    cues = load_cues()
    found: dict[str, tuple[str, str]] = {}  # factuality value -> (cue text, cue kind)
    intent_i: int | None = None  # the word of intent ("ready", "pledged"): a verbal act of its own
    attribution: Attribution | None = None

    # 1. Cues on the trigger itself and on the verb that carries it.
    local = [trigger] + ([governor] if governor is not None else [])
    for tok in local:
        _local_cues(tok, cues, found)
        if tok.pos_ in ("NOUN", "PROPN"):
            for c in tok.children:
                if c.dep_ == "det" and c.lower_ in cues.neg_dets:
                    found.setdefault("negated", (c.text, "negation"))
            if tok.dep_ == "pobj" and tok.head.lower_ in cues.neg_preps:
                found.setdefault("negated", (tok.head.text, "negation"))

    # 2. Walk up: cues on the heads the trigger is a complement of.
    cur = governor if governor is not None else trigger
    steps = 0
    while cur.head.i != cur.i and steps < 8:
        child, cur = cur, cur.head
        steps += 1
        lemma = cur.lemma_.lower()
        if cur.pos_ in ("VERB", "AUX"):
            is_subject = child.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass")
            if not is_subject:
                if lemma in cues.denial_verbs:
                    found.setdefault("denied", (cur.text, "denial"))
                    attribution = attribution or _speaker(cur, resolver)
                elif lemma in cues.failure_verbs and child.dep_ in ("xcomp", "dobj", "ccomp"):
                    found.setdefault("negated", (cur.text, "failure"))
                elif lemma in cues.reporting_verbs:
                    speaker = _speaker(cur, resolver)
                    if speaker is not None:
                        found.setdefault("reported", (cur.text, "reporting"))
                        attribution = attribution or speaker
                elif lemma in cues.commitment_verbs and child.dep_ == "xcomp":
                    found.setdefault("future", (cur.text, "intent"))
                    intent_i = cur.i if intent_i is None else intent_i
                elif lemma in cues.intent_verbs and child.dep_ == "xcomp":
                    found.setdefault("future", (cur.text, "plan"))
                elif lemma in cues.hypothetical_verbs and child.dep_ in ("xcomp", "ccomp"):
                    found.setdefault("hypothetical", (cur.text, "hypothetical-verb"))
        elif cur.lower_ in cues.intent_adjectives and child.dep_ == "xcomp":
            found.setdefault("future", (cur.text, "intent"))
            intent_i = cur.i if intent_i is None else intent_i
            _local_cues(cur, cues, found)
        if cur.pos_ in ("VERB", "AUX"):
            # Negation and modality scope over the complement clause too ("did not say
            # that ..." is left alone; "could be forced to retreat" is hypothetical).
            if child.dep_ in ("xcomp",):
                _local_cues(cur, cues, found, negation=True)
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.conditional_marks for m in child.children):
            found.setdefault("hypothetical", (next(m.text for m in child.children if m.dep_ == "mark"), "conditional"))
        if child.dep_ in ("relcl",):
            break

    # 3. "according to X" anywhere in the sentence.
    if attribution is None:
        attribution = _source_phrase(trigger, resolver, cues)
        if attribution is not None:
            found.setdefault("reported", (attribution.cue, "source"))

    if event_date_after_publication:
        found.setdefault("future", ("date", "date"))

    value = next((v for v in ORDER if v in found), "asserted")
    cue, kind = found.get(value, (None, None))
    return Factuality(value, attribution, cue, kind, intent_i if kind == "intent" else None)


def _local_cues(tok: Token, cues: Cues, found: dict[str, tuple[str, str]], negation: bool = True) -> None:
    for c in tok.children:
        low = c.lower_
        if negation and (c.dep_ == "neg" or (c.dep_ == "advmod" and low in cues.neg_advs)):
            found.setdefault("negated", (c.text, "negation"))
        elif c.dep_ in ("aux", "auxpass"):
            lemma = c.lemma_.lower()
            if low == "would" and _future_in_the_past(tok, cues):
                found.setdefault("future", (c.text, "future-aux"))
            elif low in cues.modals or lemma in cues.modals:
                found.setdefault("hypothetical", (c.text, "modal"))
            elif low in cues.future_aux or lemma in cues.future_aux:
                found.setdefault("future", (c.text, "future-aux"))
        elif c.dep_ in ("npadvmod", "advmod") and low in cues.future_advs:
            found.setdefault("future", (c.text, "future-adverb"))
        if c.dep_ == "mark" and low in cues.conditional_marks and tok.dep_ == "advcl":
            found.setdefault("hypothetical", (c.text, "conditional"))
    # "is going to attack": be + going + xcomp
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "go" and any(c.dep_ == "aux" for c in tok.head.children):
        found.setdefault("future", (tok.head.text, "going-to"))


def _future_in_the_past(tok: Token, cues: Cues) -> bool:
    """"announced it would prohibit all aid", "said its troops would withdraw": "would" under a past
    reporting verb is the future of the report, not a hypothesis, unless a condition is attached."""
    head = tok.head
    if tok.dep_ != "ccomp" or head.tag_ != "VBD" or head.lemma_.lower() not in cues.reporting_verbs | {"announce"}:
        return False
    return not has_condition(tok, cues.conditional_marks)


def has_condition(tok: Token, marks: frozenset[str] | set[str]) -> bool:
    """Whether `tok` has an adverbial clause opened by one of `marks` ("… if the vote fails")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for c in tok.children)


def _speaker(verb: Token, resolver: EntityResolver) -> Attribution | None:
    """The subject of a reporting verb, or its "by" agent, or "as confirmed by X"."""
    cue_span = (verb.idx, verb.idx + len(verb.text))
    for c in verb.children:
        if c.dep_ in ("nsubj",):
            ent = resolver.entity(c)
            if ent is None and c.pos_ in ("NOUN", "PROPN", "PRON") and c.lower_ != "it":
                ent = _plain_entity(c)
            if ent is not None:
                return Attribution(ent, verb.text, cue_span)
    for a in verb.children:
        if a.dep_ == "agent":
            for p in a.children:
                if p.dep_ == "pobj":
                    ent = resolver.entity(p) or _plain_entity(p)
                    return Attribution(ent, verb.text, cue_span)
    # "X thanked Y and said that ...": a conjoined verb shares its subject.
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        shared = _speaker(verb.head, resolver)
        if shared is not None:
            return Attribution(shared.speaker, verb.text, cue_span)
    # "As confirmed by X, it was emphasized that ...": a reporting adverbial clause with an agent.
    cues = load_cues()
    for c in verb.children:
        if c.dep_ == "advcl" and c.lemma_.lower() in cues.reporting_verbs:
            inner = _speaker(c, resolver)
            if inner is not None:
                return inner
    return None


def _source_phrase(trigger: Token, resolver: EntityResolver, cues: Cues) -> Attribution | None:
    sent = sentence_of(trigger)
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
            for p in list(to.children) + list(tok.children):
                if p.dep_ == "pobj":
                    ent = resolver.entity(p) or _plain_entity(p)
                    return Attribution(ent, "according to", (tok.idx, to.idx + len(to.text)))
        if tok.lower_ == "citing" and tok.dep_ in ("advcl", "prep", "xcomp"):
            for p in tok.children:
                if p.dep_ in ("dobj", "pobj"):
                    ent = resolver.entity(p) or _plain_entity(p)
                    return Attribution(ent, tok.text, (tok.idx, tok.idx + len(tok.text)))
    return None


def _plain_entity(tok: Token):
    """A speaker the knowledge base does not know: keep its phrase as written."""
    from ..actors.resolve import contiguous_span, noun_phrase
    from ..types import Entity

    span = contiguous_span(tok.doc, tok, noun_phrase(tok))
    return Entity(span.text, (span.start_char, span.end_char), None, None, None, None, None, "unknown")

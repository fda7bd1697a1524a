"""Who did it and to whom: actor and recipient from the sentence structure.

Verbal triggers: the subject is the actor and the object (or the object of
with/against/on/to...) the recipient; in the passive the "by" agent is the
actor and the subject the recipient; a trigger without a subject of its own
borrows it from the verb it depends on ("agreed to meet", "met ... and
discussed").  Nominal triggers: possessives and country modifiers ("Armenia's
allegations", "Russian strikes on Kyiv"), "by" agents of a participle ("the
allegations made by Armenia"), the subject of a light verb ("X held talks
with Y"), and "between X and Y".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..actors.resolve import EntityResolver, conjuncts
from ..types import Entity
from .owners import AIMED_PREPS, owner as _owner, prep_objects as _prep_objects

# Prepositions that introduce the recipient, most telling first.
RECIPIENT_PREPS = ("against", "with", "on", "upon", "to", "toward", "towards", "into", "at", "from", "for", "over")
OBJECT_RECIPIENT_PREPS = ("against", "on", "upon", "to", "toward", "towards", "with")
NOUN_RECIPIENT_PREPS = ("against", "with", "on", "upon", "to", "toward", "towards", "into", "at", "for", "of")
SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
# Verbs that turn an event noun into a clause ("hold talks", "make allegations").
LIGHT_VERBS = {
    "hold", "have", "conduct", "sign", "launch", "make", "stage", "carry", "impose", "issue", "level", "lodge",
    "file", "begin", "start", "resume", "open", "host", "organize", "organise", "give", "provide", "deliver",
    "send", "offer", "extend", "pay", "do", "take", "announce", "mount", "unleash", "wage", "step", "order",
    "approve", "adopt", "reach", "conclude", "join", "attend", "lead", "continue", "call", "press", "renew",
    "undertake", "engage",
}
# Verbs of handing something over: the object is the thing given, "to X" (or a dative) the recipient.
TRANSFER_VERBS = frozenset({
    "give", "offer", "provide", "send", "supply", "grant", "deliver", "extend", "lend", "donate", "pledge",
    "ship", "hand", "sell", "transfer", "promise",
})
# "complained to the UN over Israeli air raids": whose deed is criticised, not who hears it.
GRIEVANCE_PREPS = ("over", "about", "against")
# "in protest against the ban by X", "in protest of X's refusal", "in defiance of X"
PROTEST_PREPS = ("against", "at", "over", "of", "to")
PROTEST_IDIOMS = frozenset({"protest", "defiance", "opposition"})
# "with Albania's help": who assists, not whom the event is aimed at.
ASSISTANCE_NOUNS = frozenset({"help", "support", "assistance", "backing", "cooperation", "blessing", "consent"})
# "Serb forces were engaged in ethnic cleansing": the verb's subject does the event noun.
PARTAKING_VERBS = frozenset({"engage", "involve", "participate", "indulge"})
# Participles that, after "be" and without a "by" agent, describe the subject's stance.
STATIVE_PASSIVES = frozenset({"oppose", "commit", "determine", "prepare", "resolve", "dedicate", "devote"})
# Verbs whose object is the subject of their xcomp ("urged Iran to stop").
OBJECT_CONTROL = {"urge", "ask", "call", "order", "force", "compel", "press", "persuade", "invite", "tell", "allow"}


@dataclass
class Roles:
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    governor: Token | None = None  # the verb that carries a nominal trigger, if any


def verb_roles(t: Token, frame_tokens: set[int], resolver: EntityResolver, event_type: str | None = None) -> Roles:
    roles = Roles()
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children)
    if passive and t.lemma_.lower() in STATIVE_PASSIVES and not any(c.dep_ == "agent" for c in t.children):
        # "Israel is opposed to the plan", "Vietnam is committed to reform": a state of the
        # subject, not something done to it.
        passive = False
        roles.actor.extend(e for c in t.children if c.dep_ in PASSIVE_SUBJECT_DEPS for e in _resolve_all(resolver, c))
    for head in _subjects(t, passive, lambda tok: bool(_resolve_all(resolver, tok))):
        roles.actor.extend(_resolve_all(resolver, head))
    if passive:
        for c in t.children:
            if c.dep_ in PASSIVE_SUBJECT_DEPS:
                roles.recipient.extend(_resolve_all(resolver, c))
    else:
        for c in t.children:
            if c.dep_ in ("dobj", "dative", "obj"):
                # A frame object is a recipient too when it names someone ("expel diplomats",
                # "struck Kyiv"); an event noun ("hold talks") resolves to nothing and is skipped.
                roles.recipient.extend(_resolve_all(resolver, c))
    if not passive and t.lemma_.lower() in TRANSFER_VERBS:
        # "offered its troops to Lebanon", "provided photographs to Macedonia", "gave Kenya aid"
        given_to = _prep_recipient(t, resolver, ("to",)) or [
            e for c in t.children if c.dep_ == "dative" and c.pos_ != "ADP" for e in _resolve_all(resolver, c)
        ]
        if given_to:
            roles.recipient = given_to
    if event_type == "ACCUSE" and not any(c.dep_ in ("dobj", "obj") for c in t.children):
        roles.recipient = _grievance_doers(t, resolver) or roles.recipient
    if not roles.recipient:
        roles.recipient.extend(_prep_recipient(t, resolver, RECIPIENT_PREPS))
    if not roles.recipient:
        # "held talks with Y", "launched an investigation into Y": the frame's object carries the prep;
        # "ended mediation efforts between X and Y" names both sides.
        for c in t.children:
            if c.dep_ in ("dobj", "obj") and c.i in frame_tokens:
                roles.recipient.extend(_prep_recipient(c, resolver, NOUN_RECIPIENT_PREPS) or _between(c, resolver))
    if not roles.recipient:
        # (any type: a blockade "in defiance of X" may be coded as coercion before it is reframed)
        roles.recipient.extend(_protested(t, resolver))
    if not roles.recipient:
        # "threatened further action against Russia", "provided photographs to Macedonia": the
        # object's own preposition names the target when the verb's does not.
        for c in t.children:
            if c.dep_ in ("dobj", "obj") and c.i not in frame_tokens and c.pos_ == "NOUN":
                roles.recipient.extend(_prep_recipient(c, resolver, OBJECT_RECIPIENT_PREPS))
    if not roles.recipient:
        roles.recipient.extend(_through_objects(t, frame_tokens, resolver))
    if not roles.recipient and t.lemma_.lower() in OBJECT_CONTROL:
        # "allowed X to run" parsed as a clause with X for subject: X is still the one allowed.
        for c in t.children:
            if c.dep_ in ("ccomp", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                roles.recipient.extend(e for s in c.children if s.dep_ == "nsubj" for e in _resolve_all(resolver, s))
    if not roles.recipient and event_type in ADDRESSED_TYPES:
        roles.recipient.extend(addressee(t, event_type, resolver))
    if not roles.recipient and event_type == "REJECT":
        roles.recipient.extend(rejected_source(t, resolver))
    if t.dep_ == "acl" and passive and not roles.recipient:
        # "the convoy attacked by rebels": the modified noun is the recipient.
        roles.recipient.extend(_resolve_all(resolver, t.head))
    if event_type == "SANCTION" and roles.actor and roles.recipient and (
            {r.country for r in roles.recipient} <= {a.country for a in roles.actor}):
        # "withdrew its ambassador to Argentina", "recalled its envoy from Madrid": one's own
        # diplomats are what is withdrawn; the state they leave is the recipient.
        hosts = [e for c in t.children if c.dep_ in ("dobj", "obj")
                 for e in _prep_recipient(c, resolver, ("to", "from", "in"))] or _prep_recipient(t, resolver, ("from",))
        if hosts:
            roles.recipient = hosts
    _drop_overlap(roles)
    return roles


# Demands and threats are addressed to whoever must act: "demanded that the US cancel the sale",
# "its call for Israel to ease restrictions", "threatened to strike unless Israel withdrew".
ADDRESSED_TYPES = frozenset({"REQUEST", "THREATEN"})
CLAUSE_DEPS = ("ccomp", "acl", "advcl", "xcomp", "relcl")
CONDITION_MARKS = frozenset({"unless", "if", "until"})
DEMAND_NOUNS = frozenset({"demand", "call", "appeal", "request", "plea", "ultimatum", "declaration", "statement", "reminder", "warning"})


# What one rejects comes from someone: "a demand from the US President", "calls by Kofi Annan".
PROPOSAL_NOUNS = DEMAND_NOUNS | {"proposal", "offer", "plan", "invitation", "request", "ultimatum", "initiative", "pressure"}


def rejected_source(t: Token, resolver: EntityResolver) -> list[Entity]:
    """"refused to respond to a demand from X", "rejected a proposal by X": whose proposal it was."""
    nouns = [c for c in t.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    for x in (c for c in t.children if c.dep_ == "xcomp"):
        nouns += [c for c in x.children if c.dep_ in ("dobj", "obj")]
        nouns += [p for c in x.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    # "declined to resign despite pressure by X": who pressed for what was refused.
    for h in [t, *(c for c in t.children if c.dep_ == "xcomp")]:
        nouns += [p for c in h.children if c.dep_ == "prep" and c.lower_ == "despite" for p in c.children if p.dep_ == "pobj"]
    for n in nouns:
        if n.pos_ == "NOUN" and n.lemma_.lower() in PROPOSAL_NOUNS:
            ents = _doer_of(n, resolver)
            if ents:
                return ents
    return []


def addressee(t: Token, event_type: str, resolver: EntityResolver) -> list[Entity]:
    """Who a demand or threat is addressed to, when no object or preposition names them: the
    subject of the demanded clause ("demanded that X …", "demands that X …") or of a threat's
    condition ("… unless X …"); for a demand, the doer of the demanded deed ("demanded the
    withdrawal of X", "autonomy from X")."""
    heads = [t] + [
        c for c in t.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in DEMAND_NOUNS
    ] + [
        p for c in t.children if c.dep_ == "prep" for p in c.children
        if p.dep_ == "pobj" and p.lemma_.lower() in DEMAND_NOUNS
    ]
    if event_type == "THREATEN":
        heads += [c for c in t.children if c.dep_ in ("xcomp", "ccomp")]
    for h in heads:
        for c in h.children:
            if c.dep_ not in CLAUSE_DEPS:
                continue  # (any part of speech: the small model tags "hand over" a noun)
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            if event_type == "THREATEN" and not marks & CONDITION_MARKS:
                continue
            if event_type == "REQUEST" and marks & CONDITION_MARKS:
                continue
            for s in c.children:
                if s.dep_ in ("nsubj", "nsubjpass"):
                    ents = _resolve_all(resolver, s)
                    if ents:
                        return ents
    if event_type == "REQUEST":
        for o in t.children:
            if o.dep_ in ("dobj", "obj") and o.pos_ == "NOUN":
                ents = _prep_recipient(o, resolver, ("from", "of"))
                if ents:
                    return ents
    return []


# Event nouns whose "of" names who undergoes the act, not who does it.
UNDERGONE_NOUNS = frozenset({
    "release", "detention", "arrest", "expulsion", "deportation", "extradition", "execution", "killing",
    "abduction", "kidnapping", "capture", "imprisonment", "jailing", "sentencing", "eviction", "evacuation",
})


def noun_roles(n: Token, resolver: EntityResolver, event_type: str | None = None) -> Roles:
    roles = Roles()
    # Possessive or country modifier: "Armenia's allegations", "Russian strikes".
    modifiers = list(n.children)
    # "US Predator attacks": a country inside a compound modifier of the event noun.
    modifiers += [g for c in n.children if c.dep_ == "compound" for g in c.children if g.dep_ == "compound"]
    for c in modifiers:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and resolver.mentions.at(c.i) is not None):
            ent = resolver.entity(c)
            if ent is not None:
                roles.actor.append(ent)
    # "a mediation effort": the event noun modifies the noun its phrase hangs on.
    phrase = n.head if n.dep_ == "compound" and n.head.pos_ == "NOUN" else n
    gov = phrase.head if phrase.dep_ in ("dobj", "obj", "nsubjpass", "nsubj", "attr") else None
    between_hosts = [n] + ([phrase] if phrase is not n else [])
    if gov is not None and gov.pos_ in ("VERB", "AUX") and (gov.lemma_.lower() in LIGHT_VERBS or phrase.dep_ == "nsubj"):
        # "launched a mediation effort on Saturday between X and Y"; "clashes broke out between X and Y"
        between_hosts.append(gov)
    # "X held talks", "talks were held by X"; any verb the noun is subject or object of
    # carries its date, place and negation ("talks resumed in Brussels on Monday").
    if gov is not None and gov.pos_ in ("VERB", "AUX"):
        roles.governor = gov
    if gov is not None and gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in LIGHT_VERBS and phrase.dep_ != "nsubj":
        if not roles.actor:
            passive = phrase.dep_ == "nsubjpass"
            for head in _subjects(gov, passive):
                roles.actor.extend(_resolve_all(resolver, head))
        if not roles.recipient:
            roles.recipient.extend(_prep_recipient(gov, resolver, RECIPIENT_PREPS))
    # "between X and Y"
    for c in (c for h in between_hosts for c in h.children):
        if c.dep_ == "prep" and c.lower_ in ("between", "among"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                people = _resolve_all(resolver, objs[0])
                if people and not roles.actor:
                    roles.actor.append(people[0])
                    roles.recipient.extend(people[1:])
                else:
                    roles.recipient.extend(people)
    # "the allegations made by Armenia", "strikes carried out by X"
    for c in n.children:
        if c.dep_ in ("acl", "relcl"):
            for a in c.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        if p.dep_ == "pobj":
                            roles.actor.extend(_resolve_all(resolver, p))
    if not roles.actor and n.dep_ == "pobj" and n.head.lower_ == "in" and n.head.head.lemma_.lower() in PARTAKING_VERBS:
        verb = n.head.head
        roles.actor.extend(e for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for e in _resolve_all(resolver, c))
    idiom = n.lemma_.lower() == "protest" and n.dep_ == "pobj" and n.head.lower_ == "in"
    undergone = n.lemma_.lower() in UNDERGONE_NOUNS
    if not roles.actor and not idiom:
        # "visit of X", "the summit of the Council of Europe" (not "in protest of X": the target;
        # not "the release of the hostages": those released)
        roles.actor.extend(_pobj_entities(n, resolver, ("by",) if undergone else ("of", "by")))
    if not roles.actor and event_type in ("ASSAULT", "COERCE"):
        # "airstrikes from Russian and Syrian jets", "shelling from government positions"
        roles.actor.extend(_pobj_entities(n, resolver, ("from",)))
    if undergone and not roles.recipient:
        roles.recipient.extend(_pobj_entities(n, resolver, ("of",)))
    # With its doer named ("Russia's invasion of Ukraine"), a nominal event's "of" names its target.
    preps = NOUN_RECIPIENT_PREPS if roles.actor or idiom else NOUN_RECIPIENT_PREPS[:-1]
    if not roles.recipient:
        roles.recipient.extend(_prep_recipient(n, resolver, preps))
    if not roles.recipient:
        # "a suspension of air links with Serbia": the target hangs on the "of" complement.
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ == "of" and not roles.recipient:
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ == "NOUN":
                        roles.recipient.extend(_prep_recipient(p, resolver, NOUN_RECIPIENT_PREPS[:-1]))
    if not roles.recipient:
        roles.recipient.extend(_against_in_subtree(n, resolver))
    if not roles.recipient and n.dep_ == "nsubj" and n.head.pos_ == "VERB" and event_type in ("ASSAULT", "COERCE"):
        # "the air strikes killed three soldiers": the clause's object is the target.
        for c in n.head.children:
            if c.dep_ in ("dobj", "obj"):
                roles.recipient.extend(_resolve_all(resolver, c))
    if not roles.recipient and event_type in ADDRESSED_TYPES:
        roles.recipient.extend(addressee(n, event_type, resolver))
    _drop_overlap(roles)
    return roles


def _subjects(t: Token, passive: bool, is_actor: Callable[[Token], bool] | None = None) -> list[Token]:
    """Subject heads of `t`, or of the verb it borrows its subject from.

    With `is_actor`, a conjunct does not borrow a subject that names no one from the verb
    it hangs on ("said that the talks had failed, and met the ambassador": the talks meet
    no one; the parser's attachment of "met" to "failed" is the usual error): the search
    goes on up to the verb above.
    """
    if passive:
        agents = [p for a in t.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if agents:
            return agents
    else:
        subj = [c for c in t.children if c.dep_ in SUBJECT_DEPS]
        titled = [c for c in t.children if c.dep_ == "dep" and c.pos_ == "NOUN" and c.i < subj[0].i] if subj else []
        if len(subj) > 1 and titled:
            # Several subjects of one verb after a titled head are one name the parser broke up
            # ("Qatar's emir, Sheikh Hamad bin Khalifa al-Thani launched …"): the title names it best.
            return titled[:1]
        if subj:
            return subj
    seen = 0
    cur = t
    passed_over = False
    while (cur.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl", "acomp")
           or (cur.dep_ == "prep" and cur.head.pos_ == "ADJ")) and cur.head.i != cur.i and seen < 5:
        head = cur.head
        seen += 1
        if cur.dep_ == "conj":
            clause = _list_continues(cur)
            listed = [c for c in clause.children if c.dep_ in SUBJECT_DEPS] if clause is not None else []
            if listed and (is_actor is None or any(is_actor(c) for c in listed)):
                return listed
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN") and head.head.i != head.i:
            # "issued a declaration demanding …": the issuer of the noun is the one demanding.
            verb = head.head
            subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            if subj and verb.pos_ in ("VERB", "AUX"):
                return subj
        if cur.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for"):
            # "accused Russia of detaining …", "blamed X for attacking …": the object did it.
            verb = head.head
            objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
            if objs and verb.pos_ == "VERB":
                return objs
        if cur.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
            if objs:
                return objs
        if cur.dep_ in ("ccomp", "advcl") and not any(c.dep_ == "mark" and c.lower_ == "to" for c in cur.children):
            # A finite complement has its own subject; one without is elliptical.
            if cur.dep_ == "ccomp" and not passed_over and not _sibling_clause(cur):
                break
        subj = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
        if subj and cur.dep_ == "conj" and is_actor is not None and not any(is_actor(c) for c in subj):
            passed_over = True
            cur = head
            continue
        if subj:
            return subj
        cur = head
    return []


def _sibling_clause(clause: Token) -> bool:
    """A subjectless, unmarked complement after another complement of the same verb: a misparsed conjunct.

    "said that relations had improved, thanked Turkey …, and urged …": "thanked" comes out
    as a second complement of "said" with no subject; the one who said is the one who thanked.
    """
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("nsubjpass", "mark") for c in clause.children):
        return False
    return any(c.dep_ == "ccomp" and c.i < clause.i for c in clause.head.children)


def _list_continues(conj: Token) -> Token | None:
    """The verb of a that-clause whose list of actions `conj` continues, although parsed as a conjunct of the main verb.

    "X noted that it has cooperated with …, joined a number of conventions, and implemented
    …": the parser makes "joined" a conjunct of "noted", but a comma-only conjunct right
    after the clause, followed by the list's last item ("and implemented"), is the clause's
    next item: its subject is the clause's.  A conjunct after "and" ("said that the talks
    ended, and left") stays the main verb's.
    """
    head = conj.head
    before = conj.doc[conj.left_edge.i - 1] if conj.left_edge.i > 0 else None
    if before is None or before.dep_ == "cc" or before.text != ",":
        return None
    if not any(c.dep_ == "conj" and any(g.dep_ == "cc" for g in c.doc[conj.i:c.i]) for c in conj.children):
        return None
    for clause in head.subtree:
        if (head.i < clause.i < conj.i and clause.pos_ in ("VERB", "AUX") and clause.right_edge.i == before.i - 1
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
                and any(c.dep_ in SUBJECT_DEPS for c in clause.children)):
            return clause
    return None


# "met … at the U.N. offices": a building named after its owner is where, not whom.
FACILITY_NOUNS = frozenset({"office", "offices", "headquarters", "building", "premises", "compound", "facility", "mission"})


def _prep_recipient(t: Token, resolver: EntityResolver, preps: tuple[str, ...]) -> list[Entity]:
    by_prep: dict[str, list[Entity]] = {}
    last_resort: list[Entity] = []
    owners: list[Entity] = []
    for c in t.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for p in _prep_objects(c):
                ents = _resolve_all(resolver, p)
                if c.lower_ == "with" and p.lemma_.lower() in ASSISTANCE_NOUNS:
                    continue
                if ents and c.lower_ == "at" and p.lemma_.lower() in FACILITY_NOUNS:
                    last_resort.extend(ents)
                elif ents:
                    by_prep.setdefault(c.lower_, []).extend(ents)
                elif c.lower_ in AIMED_PREPS:
                    owners.extend(_owner(p, resolver))
    for prep in preps:
        if prep in by_prep:
            return by_prep[prep]
    return owners or last_resort


def _through_objects(t: Token, frame_tokens: set[int], resolver: EntityResolver) -> list[Entity]:
    """With nothing else named: "suspended part of an aid programme for X" (the beneficiary of what
    is given or withheld), "reneged on his commitment to X" (the addressee of the noun the verb's
    preposition governs)."""
    for c in t.children:
        if c.dep_ in ("dobj", "obj") and c.i not in frame_tokens:
            ents = _owner(c, resolver)
            if ents:
                return ents
    for c in t.children:
        if c.dep_ == "prep" and c.i not in frame_tokens and c.lower_ not in ("of", "in", "by", "despite", "during"):
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ == "NOUN" and not resolver.entities(p):
                    ents = _prep_recipient(p, resolver, OBJECT_RECIPIENT_PREPS)
                    if ents:
                        return ents
    return []


def _between(n: Token, resolver: EntityResolver) -> list[Entity]:
    """"efforts between X and Y", "among Serbia's republics": both sides named after the noun."""
    return _pobj_entities(n, resolver, ("between", "among"))


def _pobj_entities(t: Token, resolver: EntityResolver, preps: tuple[str, ...]) -> list[Entity]:
    """The entities of the objects of `t`'s prepositions `preps`, in text order."""
    return [
        e for c in t.children if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children if p.dep_ == "pobj" for e in _resolve_all(resolver, p)
    ]


def _grievance_doers(t: Token, resolver: EntityResolver) -> list[Entity]:
    """"complained to the UN over Israeli air raids": the doer of the deed complained about."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in GRIEVANCE_PREPS:
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ == "NOUN":
                    doers = _doer_of(p, resolver)
                    if doers:
                        return doers
        if c.dep_ == "prep" and c.lower_ == "as":
            # "denounced as a crime X's crackdown": the heavy object after the "as" phrase is parsed
            # as its apposition.
            for p in c.children:
                for a in (a for a in p.children if a.dep_ == "appos"):
                    ents = _resolve_all(resolver, a)
                    if ents:
                        return ents
    return []


def _protested(t: Token, resolver: EntityResolver) -> list[Entity]:
    """"staged a hunger strike in protest against violations by X" / "in protest of X's refusal":
    whom (or whose deed) the protest is against."""
    hosts = [t] + [c for c in t.children if c.dep_ in ("dobj", "obj")]
    for h in hosts:
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ != "in":
                continue
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in PROTEST_IDIOMS:
                    ents = _prep_recipient(p, resolver, PROTEST_PREPS)
                    if ents:
                        return ents
    return []


def _against_in_subtree(n: Token, resolver: EntityResolver) -> list[Entity]:
    """"allegations … within the framework of the campaign against X" → X."""
    for tok in n.subtree:
        if tok.dep_ == "prep" and tok.lower_ == "against" and tok.head.i != n.i:
            for p in tok.children:
                if p.dep_ == "pobj":
                    ents = _resolve_all(resolver, p)
                    if ents:
                        return ents
    return []


def _resolve_all(resolver: EntityResolver, head: Token) -> list[Entity]:
    ents = resolver.entities(head)
    if not ents and head.pos_ == "NOUN":
        ents = _doer_of(head, resolver)
    return ents


def _doer_of(noun: Token, resolver: EntityResolver) -> list[Entity]:
    """Who is behind an act named by a noun: "Serbia's suppression", "crimes committed by Croat
    forces", "Israeli air raids" — the participant when the object is a deed, not an actor."""
    for c in noun.children:
        if c.pos_ == "PRON":
            continue  # "their withdrawal": the pronoun is usually the event's own actor
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and resolver.mentions.at(c.i) is not None):
            ent = resolver.entity(c)
            if ent is not None:
                return [ent]
    for c in noun.children:
        if c.dep_ == "prep" and (c.lower_ == "by" or (c.lower_ == "from" and noun.lemma_.lower() in PROPOSAL_NOUNS)):
            return [e for p in c.children if p.dep_ == "pobj" for e in resolver.entities(p)]
        if c.dep_ in ("acl", "relcl"):
            for a in c.children:
                if a.dep_ == "agent":
                    return [e for p in a.children if p.dep_ == "pobj" for e in resolver.entities(p)]
    return []


def _drop_overlap(roles: Roles) -> None:
    """An entity is never both actor and recipient of one event; duplicates collapse."""
    seen: list[Entity] = []
    for e in roles.actor:
        if e not in seen:
            seen.append(e)
    roles.actor = seen
    actor_keys = {(e.name, e.span) for e in roles.actor} | {(e.name, e.country, e.sector) for e in roles.actor if e.name}
    rec: list[Entity] = []
    for e in roles.recipient:
        if (e.name, e.span) not in actor_keys and (e.name, e.country, e.sector) not in actor_keys and e not in rec:
            rec.append(e)
    roles.recipient = rec


__all__ = ["Roles", "verb_roles", "noun_roles", "conjuncts", "LIGHT_VERBS"]

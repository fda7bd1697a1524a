"""From trigger matches to event records.

For each trigger the pattern table finds, we take the actor and recipient
from the sentence structure (roles.py), the factuality and speaker
(factuality.py), and the date and place attached to the trigger's clause;
then we build the record.  Two discourse rules that readouts and wire copy
need are applied here because they link events, not entities:

- event anaphora: "during the meeting", "at the talks", "the parties",
  "both sides" refer back to an event already coded in the article and take
  its participants (and date and place when the new event has none);
- one event per trigger: a light verb and its event noun ("held a meeting")
  give one event, coded from whichever pattern is more specific.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..actors.kb import KnowledgeBase
from ..actors.mentions import MentionIndex
from ..actors.resolve import EntityResolver
from ..dates import date_for_token
from ..dates.values import period_start
from ..geo import place_for_token
from ..types import Article, DateExpr, Entity, Event, Place, TextRef
from .discards import Discards
from .factuality import assess, load_cues
from .implied_actors import unidentified_attacker
from .intent import has_participants, reframe
from .participant_countries import (
    content_place_target, countries_from_places, domestic_from_place, domestic_targets, home_challengers, home_officials,
    place_as_target, sentence_country,
)
from .plausibility import plausible
from .topics import CONFLICT_TYPES, nonpolitical_topic
from .ontology import Ontology
from .patterns import PatternTable, TriggerMatch
from .roles import LIGHT_VERBS, Roles, noun_roles, verb_roles
from ..nlp.sentences import sentence_of

PARTICIPANT_NOUNS = {"party", "side", "leader", "delegation", "counterpart", "minister", "sides", "parties"}
# "during the meeting", "at the talks": the clause happened inside an earlier event.
ANAPHOR_PREPS = {"during", "at", "throughout", "on the sidelines of", "in"}
DEFINITE = {"the", "this", "that", "these", "those"}
CONSULT_LIKE = {"CONSULT", "AGREE", "COOPERATE"}
NAME_LABELS = {"ORG", "LAW", "NORP", "GPE", "PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "LOC"}


@dataclass
class _Draft:
    match: TriggerMatch
    token: Token
    roles: Roles
    trigger_ids: tuple[int, ...]
    event: Event | None = None


class EventExtractor:
    def __init__(self, patterns: PatternTable, ontology: Ontology, kb: KnowledgeBase, discards: Discards) -> None:
        self.patterns = patterns
        self.ontology = ontology
        self.kb = kb
        self.discards = discards

    def extract(
        self,
        doc: Doc,
        article: Article,
        mentions: MentionIndex,
        dates: list[DateExpr],
        places: list[Place],
    ) -> list[Event]:
        discarded = self.discards.discarded_sentences(doc)
        if discarded is None:
            return []
        resolver = EntityResolver(doc, mentions, self.kb, article.published, places)
        matches = [
            m for m in self._one_per_trigger(doc, self.patterns.match_doc(doc), mentions)
            if sentence_of(doc[m.token_i]).start not in discarded
        ]
        sentence_index = {s.start: n for n, s in enumerate(doc.sents)}
        coded: list[Event] = []
        for m in matches:
            tok = doc[m.token_i]
            if m.pattern.pos == "NOUN" and self._mentions_coded_event(tok, coded):
                continue
            frame_ids = set(m.tokens) - {m.token_i}
            ptype = m.pattern.plover_type
            roles = (
                noun_roles(tok, resolver, ptype) if m.pattern.pos == "NOUN" else verb_roles(tok, frame_ids, resolver, ptype)
            )
            antecedent = self._antecedent(tok, coded, doc)
            self._participants_from_context(tok, roles, antecedent, resolver, coded)
            _merge_participles(tok, roles, matches, resolver, self.patterns)
            unidentified_attacker(tok, roles, ptype)
            if m.pattern.plover_type == "MOBILIZE":
                roles.recipient = [e for e in roles.recipient if e.kind != "agent"]  # the troops sent
            countries_from_places(roles, places)
            home_officials(roles)
            event = self._build(doc, article, m, tok, roles, antecedent, dates, places, resolver, sentence_index)
            domestic_from_place(event, sentence_country(event, places))
            domestic_targets(event)
            event = content_place_target(place_as_target(event), doc, places)
            coded.append(event)
        # Events with no participant we can place are kept until the statement conventions have
        # run (an "agreed to …" with an unknown actor still swallows its content), then dropped.
        events = [e for e in reframe(coded, doc, self.ontology) if has_participants(e)]
        for e in events:
            domestic_targets(e)  # again after reframing: "ordered X to suspend publication" is coercion
            home_challengers(e)
        events = plausible(events, doc, self.ontology)
        if nonpolitical_topic(doc, _political_signals(mentions)) is not None:
            events = [e for e in events if e.event_type not in CONFLICT_TYPES]
        return events

    # -- choosing triggers ----------------------------------------------------------
    def _one_per_trigger(self, doc: Doc, matches: list[TriggerMatch], mentions: MentionIndex) -> list[TriggerMatch]:
        by_token = {m.token_i: m for m in matches}
        drop: set[int] = set()
        for m in matches:
            tok = doc[m.token_i]
            km = mentions.at(m.token_i)
            if km is not None and km.kind in ("person", "country", "igo", "org") and tok.pos_ == "PROPN":
                drop.add(m.token_i)  # a name, not an event word ("Strike" as a surname)
                continue
            if m.pattern.pos == "NOUN" and tok.ent_type_ in NAME_LABELS:
                drop.add(m.token_i)  # part of a name: "the Warsaw Pact", "the Paris Agreement Fund"
                continue
            if m.pattern.pos != "VERB":
                continue
            if tok.dep_ == "amod":
                drop.add(m.token_i)  # "the visiting minister": part of a name, not a new event
                continue
            head = by_token.get(tok.head.i)
            if (
                head is not None and tok.dep_ == "advcl" and tok.tag_ == "VBG"
                and head.pattern.plover_type == m.pattern.plover_type
            ):
                drop.add(m.token_i)  # "struck Kyiv, killing three civilians": one attack
                continue
            # The verb's own arguments, plus event nouns its frame reached through a measure
            # word ("held a second round of talks").
            head_noun = by_token.get(tok.head.i) if tok.dep_ == "acl" else None
            if (
                head_noun is not None and head_noun.pattern.pos == "NOUN"
                and head_noun.pattern.plover_type == m.pattern.plover_type
                and not any(c.dep_ == "agent" for c in tok.children)
            ):
                drop.add(m.token_i)  # "the curfew imposed in Sudan": one event, the noun's ("… imposed by X" is its own)
                continue
            args = [(c, c.dep_) for c in tok.children] + [
                (doc[i], "dobj") for i in m.tokens
                if i != m.token_i and doc[i].head.i != tok.i and tok.left_edge.i <= i <= tok.right_edge.i
            ]
            for c, dep in args:
                noun = by_token.get(c.i)
                if noun is not None and dep == "nsubj" and noun.pattern.priority < m.pattern.priority and (
                        noun.pattern.pos == "NOUN" or c.tag_ == "VBG"):
                    drop.add(m.token_i)  # "fighting raged": a derived verb describing a curated event noun
                    continue
                if noun is None or noun.pattern.pos != "NOUN":
                    continue
                same_type = noun.pattern.plover_type == m.pattern.plover_type
                if dep in ("nsubj", "nsubjpass") and same_type:
                    drop.add(m.token_i)  # "talks resumed": the noun carries the event
                elif dep not in ("dobj", "obj", "nsubjpass"):
                    continue
                elif c.i in m.tokens and m.pattern.frame and (
                    same_type or m.pattern.priority < noun.pattern.priority
                    or (m.pattern.priority == noun.pattern.priority and dep != "nsubjpass")
                ):
                    # the verb pattern already names the noun ("hold talks", "lifted sanctions"); a
                    # passive subject stays its own event ("allegations by X were dismissed by Y")
                    drop.add(c.i)
                elif c.i in m.tokens and noun.pattern.priority < m.pattern.priority and dep in ("dobj", "obj") and c.head.i == tok.i:
                    drop.add(m.token_i)  # a curated event noun beats a derived verb frame ("approved a loan")
                elif tok.lemma_.lower() in LIGHT_VERBS and (not m.pattern.frame or same_type):
                    drop.add(m.token_i)  # "held a meeting": the noun carries the event
        return [m for m in matches if m.token_i not in drop]

    # -- discourse ---------------------------------------------------------------------
    def _mentions_coded_event(self, tok: Token, coded: list[Event]) -> bool:
        """"the meeting" after a meeting was coded is a mention of it, not a new event."""
        return _bare_definite(tok) and self._earlier_event(tok, coded) is not None

    def _earlier_event(self, noun: Token, coded: list[Event]) -> Event | None:
        """The earliest coded event named by the same word or, failing that, of the same type:
        in news copy "the meeting" points back to the meeting (or talks) the lead reported."""
        lemma = noun.lemma_.lower()
        for ev in coded:
            if lemma in ev.extra["lemmas"]:
                return ev
        m = self.patterns.match(noun)
        if m is None or m.pattern.pos != "NOUN":
            return None
        return next((ev for ev in coded if ev.event_type == m.pattern.plover_type), None)

    def _antecedent(self, tok: Token, coded: list[Event], doc: Doc) -> Event | None:
        """An earlier event this trigger's clause points back to ("during the meeting")."""
        heads = [tok] + ([tok.head] if tok.pos_ in ("NOUN", "PROPN") else [])
        for h in heads:
            for prep in h.children:
                if prep.dep_ != "prep" or prep.lower_ not in ANAPHOR_PREPS:
                    continue
                for p in prep.children:
                    if p.dep_ == "pobj" and _bare_definite(p):
                        ev = self._earlier_event(p, coded)
                        if ev is not None:
                            return ev
        return None

    def _participants_from_context(
        self, tok: Token, roles: Roles, antecedent: Event | None, resolver: EntityResolver, coded: list[Event]
    ) -> None:
        """"the parties", "both sides", or a passive with no agent: the antecedent's participants."""
        subj_heads = [c for c in (roles.governor or tok).children if c.dep_ in ("nsubj", "nsubjpass")]
        generic = any(h.lemma_.lower() in PARTICIPANT_NOUNS and h.pos_ == "NOUN" and resolver.entity(h) is None for h in subj_heads)
        source = antecedent
        if generic and source is None:
            source = next((e for e in reversed(coded) if e.event_type in CONSULT_LIKE and e.actor and e.recipient), None)
        if source is None:
            return
        if generic or not roles.actor:
            if not roles.actor and not roles.recipient:
                roles.actor = list(source.actor)
                roles.recipient = list(source.recipient)
            elif not roles.actor:
                roles.actor = [a for a in list(source.actor) + list(source.recipient) if a not in roles.recipient]

    # -- building ---------------------------------------------------------------------
    def _build(
        self,
        doc: Doc,
        article: Article,
        m: TriggerMatch,
        tok: Token,
        roles: Roles,
        antecedent: Event | None,
        dates: list[DateExpr],
        places: list[Place],
        resolver: EntityResolver,
        sentence_index: dict[int, int],
    ) -> Event:
        p = m.pattern
        sent = sentence_of(tok)
        anchors = [tok] + [
            a for a in (_participle_in_phrase(tok), _reduced_relative(tok), roles.governor, _participial_head(tok))
            if a is not None
        ]
        date = next((d for a in anchors if (d := date_for_token(doc, a.i, dates)) is not None), None)
        place = next((pl for a in anchors if (pl := place_for_token(doc, a.i, places)) is not None), None)
        place = _not_an_actor(place, roles)
        if place is not None and _in_a_name(doc, place):
            place = None
        inherited_date = date is None and antecedent is not None and antecedent.date is not None
        start = period_start(date.iso_date) if date is not None else None
        after = bool(start and article.published and start.isoformat() > article.published)
        fact = assess(tok, roles.governor, resolver, after)

        # The trigger quotes the head and the frame words near it ("held a meeting", "imposed
        # sanctions"); far-away frame words ("allegations … were dismissed") are left out.
        light = [roles.governor.i] if roles.governor is not None and roles.governor.lemma_.lower() in LIGHT_VERBS else []
        trigger_ids = sorted(i for i in {m.token_i, *m.tokens, *light} if abs(i - m.token_i) <= 3)
        t_start, t_end = doc[trigger_ids[0]].idx, doc[trigger_ids[-1]].idx + len(doc[trigger_ids[-1]].text)
        trigger = TextRef(article.text[t_start:t_end], (t_start, t_end))  # article.text is doc.text
        s_start, s_end = sent.start_char, sent.end_char
        stext = article.text[s_start:s_end]
        stripped = stext.rstrip()
        sentence = TextRef(stripped, (s_start, s_start + len(stripped)), sentence_index[sent.start])

        cameo = p.cameo or self.ontology.default_cameo(p.plover_type, p.mode)
        goldstein = self.ontology.goldstein_for(p.plover_type, p.mode, cameo)
        evidence = f"pattern:{p.id}"
        if fact.cue:
            evidence += f"; factuality:{fact.value}<{fact.cue}>"
        if antecedent is not None:
            evidence += f"; anaphora:{antecedent.id}"
        return Event(
            id=_event_id(article.id, sentence.index or 0, trigger.span),
            event_type=p.plover_type,
            mode=p.mode,
            context=tuple(p.contexts),
            cameo=cameo,
            quad_class=self.ontology.quad_class(p.plover_type),
            goldstein=goldstein,
            actor=tuple(roles.actor),
            recipient=tuple(roles.recipient),
            trigger=trigger,
            sentence=sentence,
            factuality=fact.value,
            attribution=fact.attribution,
            confidence=_confidence(m, roles, roles.governor if roles.governor is not None else tok),
            evidence=evidence,
            article=article,
            date=(date.iso_date if date else (antecedent.date if inherited_date else None)),  # type: ignore[union-attr]
            date_precision=(date.precision if date else (antecedent.date_precision if inherited_date else None)),  # type: ignore[union-attr]
            date_text=date.text if date else None,
            date_span=date.span if date else None,
            event_loc=place or (antecedent.event_loc if antecedent is not None else None),
            extra={
                "token": tok.i,
                "lemmas": frozenset(doc[i].lemma_.lower() for i in trigger_ids),
                "fact_kind": fact.kind,
                "fact_cue": fact.cue,
                "statement_date": _statement_date(doc, fact.cue_i, dates) if fact.cue_i is not None else None,
            },
        )


def _merge_participles(
    tok: Token, roles: Roles, matches: list[TriggerMatch], resolver: EntityResolver, patterns: PatternTable
) -> None:
    """Recipients of a dropped same-type participle ("…, killing three civilians") join the event;
    other participles ("…, citing domestic opposition") are not part of it."""
    by_token = {m.token_i: m for m in matches}
    own = by_token.get(tok.i)
    for c in tok.children:
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i not in by_token:
            other = patterns.match(c)
            if own is not None and (other is None or other.pattern.plover_type != own.pattern.plover_type):
                continue
            for o in c.children:
                if o.dep_ in ("dobj", "obj"):
                    for e in resolver.entities(o):
                        if e not in roles.recipient and e not in roles.actor:
                            roles.recipient.append(e)


def _statement_date(doc: Doc, cue_i: int, dates: list[DateExpr]) -> DateExpr | None:
    """The date of a statement: on its intent word or the verb that reports it ("said on Monday
    it was ready to talk")."""
    tok = doc[cue_i]
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX", "ADJ"):
            d = date_for_token(doc, tok.i, dates)
            if d is not None:
                return d
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _bare_definite(tok: Token) -> bool:
    """"the meeting", "these talks" — a definite noun with nothing that would make it a new one
    ("the 4th Summit Meeting of the Heads of State" is not "the meeting")."""
    kids = [c for c in tok.children if c.dep_ != "punct"]
    return bool(kids) and all(c.dep_ == "det" and c.lower_ in DEFINITE for c in kids)


def _participle_in_phrase(tok: Token) -> Token | None:
    """The participle that tells when and where a nominal event happened, inside its phrase:
    "the summit of NATO leaders held in Vilnius on July 11" (the parser hangs "held" on "leaders")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    stack = list(tok.children)
    while stack:
        t = stack.pop(0)
        if t.dep_ == "acl" and t.tag_ in ("VBN", "VBD"):
            return t
        if t.dep_ in ("prep", "pobj", "compound", "appos"):
            stack.extend(t.children)
    return None


def _participial_head(tok: Token) -> Token | None:
    """"left Niger on Friday, completing a withdrawal", "raided the camp, arresting 27": a
    participle clause without a subject of its own happens when (and where) its verb does."""
    if tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("advcl", "xcomp", "conj") and tok.head.pos_ in ("VERB", "AUX"):
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return tok.head
    return None


def _reduced_relative(tok: Token) -> Token | None:
    """A bare participle right after a nominal trigger's phrase: "the summit … held in Reykjavík".

    The small parser often hangs such a participle on the wrong head; when it
    follows the trigger's phrase directly and has no subject or auxiliary of its
    own, it modifies the trigger, and its date and place are the event's.
    """
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    nxt_i = tok.right_edge.i + 1
    if nxt_i >= len(tok.doc):
        return None
    nxt = tok.doc[nxt_i]
    if nxt.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in nxt.children):
        return None
    return nxt


POLITICAL_SECTORS = frozenset({"GOV", "MIL", "REB", "COP", "LEG", "JUD", "OPP", "PTY", "SPY", "UAF", "PRM"})


def _political_signals(mentions: MentionIndex) -> int:
    """Distinct states, organisations and political or armed actors the article names."""
    keys = {
        m.best.key for m in mentions
        if m.best.kind in ("country", "igo", "pre") or m.best.sector in POLITICAL_SECTORS
    }
    return len(keys)


NAMED_THINGS = frozenset({"ORG", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})


def _in_a_name(doc: Doc, place: Place) -> bool:
    """"the Geneva International Discussions": a place word inside the name of something else."""
    span = doc.char_span(place.span[0], place.span[1], alignment_mode="expand")
    if span is None:
        return False
    for ent in doc.ents:
        if ent.label_ in NAMED_THINGS and ent.start <= span.start and span.end <= ent.end and len(ent) > len(span) + 1:
            return True
    return False


def _not_an_actor(place: Place | None, roles: Roles) -> Place | None:
    if place is None:
        return None
    for e in (*roles.actor, *roles.recipient):
        if e.span[0] <= place.span[0] and place.span[1] <= e.span[1]:
            return None
    return place


def _confidence(m: TriggerMatch, roles: Roles, anchor: Token) -> float:
    """Pattern strength, participants found, and how central the clause is: the main
    clause's event is the sentence's news; a purpose clause or a modifier is background."""
    p = m.pattern
    score = 0.7 if p.priority <= 0 else 0.55
    score += 0.05 * min(len(p.frame), 2)
    if roles.actor and roles.recipient:
        score += 0.05
    elif not roles.actor:
        score -= 0.15
    depth = _clause_depth(anchor)
    score += 0.15 if depth == 0 else (-0.05 if depth == 1 else -0.15)
    if anchor.dep_ == "conj" and anchor.head.pos_ in ("VERB", "AUX") and anchor.head.i < anchor.i:
        score -= 0.05  # "refused to deploy troops and urged its citizens …": the lead verb is the news
    return max(0.05, min(0.99, score))


def _clause_depth(tok: Token) -> int:
    """How many clause boundaries separate the trigger from the sentence root."""
    # An event noun inside an adverbial phrase ("demobilized since the peace accord") is background.
    depth = 1 if tok.dep_ == "pobj" and tok.pos_ in ("NOUN", "PROPN") else 0
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "csubj", "parataxis"):
            depth += 1
        cur = cur.head
    # Reporting verbs at the root ("…, the army said") do not demote their complement.
    root = sentence_of(tok).root
    if depth and root.lemma_.lower() in load_cues().reporting_verbs and _under(tok, root, "ccomp"):
        depth -= 1
    return depth


def _under(tok: Token, root: Token, dep: str) -> bool:
    cur = tok
    while cur.head.i != cur.i and cur.head.i != root.i:
        cur = cur.head
    return cur.head.i == root.i and cur.dep_ == dep


def _event_id(article_id: str, sentence_index: int, span: tuple[int, int]) -> str:
    key = f"{article_id}\x1f{sentence_index}\x1f{span[0]}:{span[1]}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


__all__ = ["EventExtractor", "Entity"]

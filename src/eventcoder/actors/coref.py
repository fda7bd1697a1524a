"""In-document coreference for actors, by rule.

Chains what news copy repeats: a surname to the full name given earlier
("Bayramov" ↔ "Foreign Minister Jeyhun Bayramov"), a title to the last person
who held it ("the minister"), a pronoun to the last person ("he", "she") or the
last state or organisation ("it"), and "the Organization"/"the country" to the
last organisation or country named.  Rules, not a model: they are auditable and
fast, and news readouts are regular enough for them.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..types import Entity
from .kb import KnowledgeBase
from .mentions import MentionIndex
from ..nlp.sentences import sentence_of

ResolveNP = Callable[[Token, list[Token]], Entity | None]

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
THING_PRONOUNS = {"it", "its"}
ORG_NOUNS = {"organization", "organisation", "alliance", "bloc", "union", "body", "agency", "group", "movement"}
COUNTRY_NOUNS = {"country", "state", "nation", "republic", "kingdom", "government"}


class Coreference:
    """The people, organisations and countries of one document, in text order."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, on_date: str | None) -> None:
        self.doc = doc
        self.kb = kb
        self.on_date = on_date
        self.people: list[tuple[int, Entity]] = []
        self.things: list[tuple[int, Entity]] = []

    def build(self, mentions: MentionIndex, resolve_np: ResolveNP) -> None:
        """Register every person, organisation and country mention, in text order.

        `resolve_np` resolves a PERSON entity's phrase (title, country) and may
        query this chain for earlier mentions while it is being built.
        """
        from .resolve import noun_phrase  # local: resolve imports this module

        doc = self.doc
        for m in mentions:
            e = m.best
            span = doc[m.start : m.end]
            ent = Entity(span.text, (span.start_char, span.end_char), e.name, e.country, e.sector,
                         e.office, e.identifier_id, e.kind)
            if e.kind == "person":
                self.people.append((m.start, ent))
            elif e.kind in ("igo", "org"):
                self.things.append((m.start, ent))
            elif e.kind in ("country", "pre") and e.form not in ("adjective", "demonym"):
                self.things.append((m.start, ent))
        covered = {i for m in mentions if m.kind == "person" for i in range(m.start, m.end)}
        for ent_span in doc.ents:
            if ent_span.label_ != "PERSON" or any(i in covered for i in range(ent_span.start, ent_span.end)):
                continue
            root = ent_span.root
            resolved = resolve_np(root, noun_phrase(root))
            if resolved is not None and resolved.kind == "person":
                self.people.append((ent_span.start, resolved))
        self._register_surnames(covered)
        self.people.sort(key=lambda p: p[0])
        self.things.sort(key=lambda p: p[0])

    def _register_surnames(self, covered: set[int]) -> None:
        """A bare surname NER missed ("Schmid said …") still mentions the person named in full."""
        known = {}
        for _, ent in self.people:
            parts = (ent.name or ent.entity_text).split()
            if len(parts) > 1:
                known.setdefault(parts[-1], ent)
        taken = covered | {i for i, _ in self.people}
        for tok in self.doc:
            if tok.pos_ == "PROPN" and tok.i not in taken and tok.text in known and tok.dep_ != "compound":
                ent = known[tok.text]
                self.people.append((tok.i, Entity(tok.text, (tok.idx, tok.idx + len(tok.text)), ent.name,
                                                  ent.country, ent.sector, ent.office, ent.identifier_id, "person")))

    # -- queries --------------------------------------------------------------------
    def person_by_name(self, name: str) -> Entity | None:
        """A person named earlier whose full name this (partial) name abbreviates."""
        parts = name.lower().split()
        if not parts:
            return None
        for _, ent in self.people:
            full = (ent.name or ent.entity_text).lower().split()
            if len(full) > len(parts) and full[-len(parts):] == parts:
                return ent
            if full == parts:
                return ent
        known = self.kb.person(name, self.on_date)
        if known is not None and len(parts) > 1:
            return Entity(name, (0, 0), known.name, known.country, known.sector, known.office,
                          known.identifier_id, "person")
        return None

    def pronoun(self, head: Token) -> Entity | None:
        word = head.lower_
        if word in PERSON_PRONOUNS:
            return self._last(self.people, head)
        if word in THING_PRONOUNS:
            return self._last(self.things, head)
        return None

    def note(self, token_i: int, ent: Entity) -> None:
        """Record a resolved anaphor ("the minister") so later pronouns can point to it."""
        if ent.kind == "person" and all(i != token_i for i, _ in self.people):
            bisect.insort(self.people, (token_i, ent), key=lambda p: p[0])

    def pronoun_owner(self, pron: Token) -> Entity | None:
        """"its"/"their": the last state or organisation, preferring a subject."""
        return self._last(self.things, pron)

    def by_office(self, office: str, head: Token) -> Entity | None:
        """The last person before `head` whose office includes this title ("the minister")."""
        office = office.lower()
        if not office:
            return None
        for i, ent in reversed(self.people):
            if i < head.i and ent.office and office in ent.office.lower():
                return self._as_mention(head, ent)
        return None

    def definite(self, head: Token, np_tokens: list[Token]) -> Entity | None:
        """"the Organization", "the country", "the minister" → the last matching antecedent."""
        lemma = head.lemma_.lower()
        if lemma in ORG_NOUNS:
            ent = self._last([(i, e) for i, e in self.things if e.kind in ("igo", "org")], head)
            return ent
        if lemma in COUNTRY_NOUNS and lemma != "government":
            return self._last([(i, e) for i, e in self.things if e.kind == "country"], head)
        return None

    # -- helpers --------------------------------------------------------------------
    def _last(self, chain: list[tuple[int, Entity]], head: Token) -> Entity | None:
        """The most recent antecedent, preferring a grammatical subject of this or the previous sentence."""
        before = [(i, e) for i, e in chain if i < head.i]
        if not before:
            return None
        window_start = _previous_sentence_start(self.doc, head)
        for i, ent in reversed(before):
            if i >= window_start and _is_subject(self.doc[i]):
                return self._as_mention(head, ent)
        return self._as_mention(head, before[-1][1])

    def _as_mention(self, head: Token, ent: Entity) -> Entity:
        return as_mention(head, ent)


def as_mention(head: Token, ent: Entity) -> Entity:
    """The antecedent's identity with this mention's own text and span."""
    return replace(ent, entity_text=head.text, span=(head.idx, head.idx + len(head.text)))


def _is_subject(tok: Token) -> bool:
    """True when the mention starting at `tok` heads (or sits inside) a clause subject."""
    t = tok
    for _ in range(8):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ not in ("compound", "poss", "appos", "flat", "amod", "nmod", "case") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _previous_sentence_start(doc: Doc, head: Token) -> int:
    sent = sentence_of(head)
    if sent.start == 0:
        return 0
    return sentence_of(doc[sent.start - 1]).start

"""Turning a syntactic argument (a head token) into an `Entity`.

An argument's noun phrase is collected from the dependency tree (determiners,
modifiers, possessives, compounds, titles and their "of ..." complements), the
knowledge-base matches inside it are combined (person + title + country,
agent noun + country adjective, organisation), and what the phrase only refers
to (a surname, "the minister", "he", "the Organization") is resolved through the
document's `Coreference` chain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..nlp.sentences import sentence_of
from ..types import Entity, Place
from .coref import Coreference, as_mention
from .kb import KBEntry, KnowledgeBase
from .mentions import KBMatch, MentionIndex

NP_DEPS = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "flat", "case", "predet", "nn", "npadvmod"}
PRONOUNS = {"he", "she", "him", "her", "it", "they", "them", "we", "us", "i"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# "leaders of the opposition coalition", "members of the Kurdish party": the group decides.
MEMBER_HEADS = {"leader", "member", "representative", "supporter", "head", "chief", "envoy", "delegate", "wing", "faction"}
# "thousands of protesters", "a group of gunmen": the actor is the "of" complement.
QUANTITY_HEADS = {
    "thousand", "hundred", "dozen", "score", "million", "group", "number", "crowd", "band", "handful",
    "some", "many", "several", "couple", "tens", "hundreds", "thousands", "dozens", "scores", "unit", "contingent",
    # fractions and parts: "one third of the guerrillas", "most of the rebels"
    "third", "half", "quarter", "majority", "minority", "most", "rest", "remainder", "part", "batch", "patch",
}
# A bare people noun borrows the home of the group it comes from ("doctors from two American aid groups").
ORIGIN_PREPS = ("from",)


def noun_phrase(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head`, without conjuncts or clauses.

    "of"-complements are kept when the head is a title or agent noun ("Secretary
    General of the Council of Europe", "the army of Mali").
    """
    keep: list[Token] = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            dep = child.dep_
            if dep in NP_DEPS or (dep == "appos" and child.pos_ == "PROPN"):
                keep.append(child)
                stack.append(child)
            elif dep == "prep" and child.lower_ == "of" and tok.pos_ in ("NOUN", "PROPN"):
                keep.append(child)
                stack.extend(g for g in child.children if g.dep_ == "pobj")
                keep.extend(g for g in child.children if g.dep_ == "pobj")
            elif dep == "punct" and child.text in ("’", "'", "-"):
                keep.append(child)
    return sorted(set(keep), key=lambda t: t.i)


def contiguous_span(doc: Doc, head: Token, tokens: list[Token]) -> Span:
    """The longest contiguous run of `tokens` around `head`, trimmed of edge punctuation/determiners."""
    ids = {t.i for t in tokens}
    start = end = head.i
    while start - 1 in ids:
        start -= 1
    while end + 1 in ids:
        end += 1
    while start < end and (doc[start].is_punct or doc[start].dep_ in ("det", "predet", "case")):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].dep_ == "case"):
        end -= 1
    return doc[start : end + 1]


class EntityResolver:
    """Resolves argument heads of one document to entities, keeping the coreference chain."""

    def __init__(
        self, doc: Doc, mentions: MentionIndex, kb: KnowledgeBase, on_date: str | None, places: Sequence[Place] = ()
    ) -> None:
        self.doc = doc
        # Names the gazetteer resolved as places are not people, whatever NER says ("the village of Ergneti").
        self._place_spans = {p.span for p in places}
        self._places = tuple(places)
        self.mentions = mentions
        self.kb = kb
        self.on_date = on_date
        self._cache: dict[int, Entity | None] = {}
        self._typos: dict[tuple[int, int], KBMatch | None] = {}
        self.coref = Coreference(doc, kb, on_date)
        self.coref.build(mentions, self._resolve_np)

    # -- public -----------------------------------------------------------------------
    def entity(self, head: Token) -> Entity | None:
        if head.i not in self._cache:
            self._cache[head.i] = None  # guards against cycles through appositions
            ent = self._resolve(head)
            if ent is not None and (not ent.country or not ent.sector):
                ent = self._described(head, ent)
            self._cache[head.i] = ent
            if ent is not None and ent.kind == "person":
                self.coref.note(head.i, ent)
        return self._cache[head.i]

    def entities(self, head: Token) -> list[Entity]:
        """The entity at `head` and at each of its conjuncts ("France and Germany"),
        one per conjoined country adjective ("Kenyan and Somali troops")."""
        out: list[Entity] = []
        for tok in [head, *conjuncts(head)]:
            ent = self.entity(tok)
            if ent is None:
                continue
            for variant in [ent, *self._adjective_conjuncts(tok, ent)]:
                if variant not in out:
                    out.append(variant)
        return out

    def _described(self, head: Token, ent: Entity) -> Entity:
        """Fill a missing country or sector from what the phrase says about its head: an
        apposition ("Salaheddine Sidhoum, Algeria's leading rights activist") or the group a
        people noun comes from ("doctors from two American aid groups")."""
        sources: list[Token] = [c for c in head.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")]
        if ent.kind in ("agent", "unknown", "person"):
            sources += [
                p for c in head.children if c.dep_ == "prep" and c.lower_ in ORIGIN_PREPS
                for p in c.children if p.dep_ == "pobj"
            ]
        for src in sources:
            other = self._resolve_np(src, noun_phrase(src))
            if other is None or other.kind == "unknown":
                continue
            country = ent.country or other.country
            sector = ent.sector or other.sector
            if (country, sector) != (ent.country, ent.sector):
                return replace(ent, country=country, sector=sector, name=ent.name or other.name,
                               office=ent.office or other.office)
        return ent

    def _adjective_conjuncts(self, head: Token, ent: Entity) -> list[Entity]:
        extra: list[Entity] = []
        for adj in head.children:
            if adj.dep_ not in ("amod", "compound") or self.mentions.at(adj.i) is None:
                continue
            for conj in conjuncts(adj):
                m = self.mentions.at(conj.i)
                e = m.of_kind("country") if m is not None else None
                if e is not None and e.country != ent.country:
                    extra.append(Entity(conj.text, (conj.idx, conj.idx + len(conj.text)), e.name, e.country,
                                        ent.sector, ent.office, None, ent.kind))
        return extra

    # -- internals --------------------------------------------------------------------
    def _resolve(self, head: Token) -> Entity | None:
        if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head.i != head.i:
            return self.entity(head.head.head)  # "representatives … who visited": the relative's head noun
        if head.lower_ in ("they", "them", "their"):
            return self._plural_antecedent(head)
        if head.pos_ == "PRON" or (head.lower_ in PRONOUNS and not head.text.isupper()):  # "US" is not "us"
            return self.coref.pronoun(head) or self._subject_antecedent(head)
        transparent = head.lemma_.lower() in QUANTITY_HEADS or head.lower_ in QUANTITY_HEADS or (
            head.lemma_.lower() in MEMBER_HEADS and self.mentions.at(head.i) is None
        )
        if transparent:
            of_obj = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            if of_obj:
                return self.entity(of_obj[0])
        np_tokens = noun_phrase(head)
        ent = self._resolve_np(head, np_tokens)
        if ent is not None:
            return ent
        return self.coref.definite(head, np_tokens)

    def _resolve_np(self, head: Token, np_tokens: list[Token]) -> Entity | None:
        doc = self.doc
        span = contiguous_span(doc, head, np_tokens)
        ids = {t.i for t in np_tokens}
        # "ethnic Albanians", "ethnic Turks": an ethnic group, not the state of that name.
        found = [m for m in self.mentions.within(ids) if not _ethnic(doc, m)]
        found += self._particle_names(ids, found)
        found += self._misspelt(ids, found)
        person = _first(found, "person")
        org = _first(found, "igo", "org")
        country = _first(found, "country", "pre")
        country = self._residence(head, found) or country
        title = _first(found, "title")
        agent = _agent_for(head, found, self.kb)
        text, sspan = span.text, (span.start_char, span.end_char)

        if person is not None:
            e = person.best
            office = self._office(title) or e.office
            return Entity(text, sspan, e.name, e.country, e.sector, office, e.identifier_id, "person")

        name = self._person_name(head, ids, found)
        if name is not None and agent is not None and head.pos_ == "NOUN" and title is None and head.dep_ != "appos":
            # "the Hutu rebel group", "Karen guerrillas": a name modifying an agent noun is a
            # people or a place, not a person.
            name = None
        if name is not None:
            known = self.coref.person_by_name(name) or self._titled_surname(name, title, country)
            if known is not None:
                return Entity(text, sspan, known.name, known.country, known.sector,
                              self._office(title) or known.office, known.identifier_id, "person")
            home = org.best if org is not None else (country.best if country is not None else None)
            return Entity(
                text, sspan, name,
                home.country if home else None,
                (title.best.sector if title else None) or ("GOV" if home is not None and home.kind in ("igo",) and title else None),
                self._office(title),
                None,
                "person",
            )

        head_match = self.mentions.at(head.i)
        if (org is not None and country is not None and country.end <= org.start and org.end - org.start == 1
                and doc[org.start].lower_ in GENERIC_INSTITUTIONS and country.best.country != org.best.country):
            # "the Peruvian Congress": a generic institution name the KB gives one state, said of another.
            e = country.best
            return Entity(text, sspan, None, e.country, org.best.sector, None, None, "org")
        if org is not None and (_same(head_match, org) or agent is None):
            e = org.best
            return Entity(text, sspan, e.name, e.country, e.sector, None, e.identifier_id, "org")

        if agent is not None or title is not None:
            role = agent if agent is not None else title.best  # type: ignore[union-attr]
            home_entry = org.best if org is not None else (country.best if country is not None else None)
            if home_entry is None:
                owner = self._possessive_owner(head)
                if owner is not None:
                    return Entity(text, sspan, owner.name, owner.country, role.sector, self._office(title),
                                  None, "agent")
            if home_entry is None and title is not None and head.lower_ != "president":
                ref = self.coref.by_office(self._office(title) or "", head)
                if ref is not None:
                    return ref
            if home_entry is None:
                ref = self.coref.definite(head, np_tokens) if _is_definite(head) else None
                if ref is not None:
                    return ref
            sector = role.sector
            if country is not None and country.best.kind == "pre":
                sector = sector or "PRE"
            return Entity(
                text, sspan,
                home_entry.name if home_entry else None,
                home_entry.country if home_entry else None,
                sector,
                self._office(title),
                home_entry.identifier_id if (home_entry and home_entry.kind != "country") else None,
                "agent",
            )

        if country is not None and (_same(head_match, country) or head.pos_ == "PROPN" or head.i in range(country.start, country.end)):
            e = country.best
            sector = "GOV" if e.form == "capital" else e.sector
            return Entity(text, sspan, e.name, e.country, sector, None, e.identifier_id, "country")

        if country is not None and head.pos_ == "NOUN" and country.start < head.i:
            # "his Turkish counterpart", "Russian missiles": the state behind an unlisted noun.
            e = country.best
            return Entity(text, sspan, e.name, e.country, None, None, e.identifier_id, "country")

        if any(_ethnic(doc, m) for m in self.mentions.within(ids)) and head.i in ids:
            # "ethnic Albanians", "ethnic Serb villagers": people of an ethnic group, civilians unless
            # an agent noun says otherwise; their state is the one where they live, not the namesake.
            return Entity(text, sspan, None, None, "CVL", None, None, "agent")
        if head.lower_ == "party" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children):
            # "the Umma party": an unlisted political party (its state comes from the sentence).
            return Entity(text, sspan, None, None, "PTY", None, None, "org")
        if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and head.pos_ == "PROPN":
            ent = _ner_span(doc, head)
            if head.lower_ in NGO_NAME_HEADS and head.ent_type_ == "ORG" and country is None:
                # "the Association of African Jurists": an unlisted association named for no state.
                return Entity(ent.text, (ent.start_char, ent.end_char), ent.text, "NGO", "SOC", None, None, "org")
            return Entity(ent.text, (ent.start_char, ent.end_char), ent.text, None, None, None, None, "unknown")
        if head.pos_ == "PROPN":
            # "missiles hit Kharkiv": a gazetteer place the parser did not tag stands for its country
            at = head.idx
            place = next((p for p in self._places if p.span[0] <= at < p.span[1] and p.country), None)
            if place is not None:
                return Entity(place.entity_text, place.span, place.name, place.country, None, None, None, "place")
        return None

    def _residence(self, head: Token, found: list[KBMatch]) -> KBMatch | None:
        """"the Albanians of southern Serbia", "Kurds in Iraq": a people named for one state but
        said to live in another belong to the one they live in."""
        m = self.mentions.at(head.i)
        if m is None or m.kind != "country" or m.best.form not in ("demonym", "plural", "adjective"):
            return None
        homes = {
            t.i for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
            for p in c.children if p.dep_ == "pobj" for t in p.subtree
        }
        return next((f for f in found if f.kind == "country" and f.start in homes and f.best.country != m.best.country), None)

    def _particle_names(self, ids: set[int], found: list[KBMatch]) -> list[KBMatch]:
        """Names that open with a lower-case particle ("al-Qaeda leaders", "al-Shabaab fighters"),
        which the mention finder skips as uncapitalised words."""
        covered = {i for m in found for i in range(m.start, m.end)}
        out: list[KBMatch] = []
        for i in sorted(ids):
            tok = self.doc[i]
            if i in covered or tok.lower_ not in NAME_PARTICLES or tok.i + 2 >= len(self.doc):
                continue
            end = i + 1
            while end < len(self.doc) and end in ids and (self.doc[end].pos_ == "PROPN" or self.doc[end].tag_ == "HYPH"):
                end += 1
            for stop in range(end, i + 1, -1):
                entries = [e for e in self.kb.lookup(self.doc[i:stop].text, self.on_date) if e.kind in ("org", "igo", "person")]
                if entries:
                    out.append(KBMatch(i, stop, tuple(entries)))
                    covered.update(range(i, stop))
                    break
        return out

    def _misspelt(self, ids: set[int], found: list[KBMatch]) -> list[KBMatch]:
        """A proper name the KB does not know but that is one typo from a country ("Ethopia") or,
        for two words or more, a person ("Francois Mitterand")."""
        covered = {i for m in found for i in range(m.start, m.end)}
        out: list[KBMatch] = []
        runs: list[list[int]] = []
        for i in sorted(ids):
            tok = self.doc[i]
            if tok.pos_ != "PROPN" or i in covered or not tok.text[:1].isupper():
                continue
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        for run in runs:
            key = (run[0], run[-1] + 1)
            if key not in self._typos:
                text = self.doc[key[0]:key[1]].text
                entry = self.kb.near(text, ("country",) if len(run) == 1 else ("person",))
                self._typos[key] = KBMatch(key[0], key[1], (entry,)) if entry is not None else None
            if self._typos[key] is not None:
                out.append(self._typos[key])  # type: ignore[arg-type]
        return out

    def _titled_surname(self, name: str, title: KBMatch | None, country: KBMatch | None) -> Entity | None:
        """"President Bush": a title and a surname the KB's people share with one state only
        (roles held on the article's date when it has one)."""
        if title is None or len(name.split()) != 1:
            return None
        people = self.kb.people_by_surname(name, self.on_date)
        homes = {e.country for e in people}
        if len(homes) != 1 or (country is not None and country.best.country not in homes):
            return None
        e = people[0]
        return Entity(name, (0, 0), e.name, e.country, e.sector, e.office, e.identifier_id, "person")

    def _subject_antecedent(self, head: Token) -> Entity | None:
        """"it" with no state or organisation before it: the subject of the verb that introduces
        its clause ("the Umma party has said it will boycott …")."""
        if head.lower_ not in ("it", "its"):
            return None
        cur = head
        for _ in range(4):
            if cur.head.i == cur.i:
                return None
            if cur.dep_ in ("ccomp", "xcomp", "advcl"):
                subj = [c for c in cur.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
                if subj:
                    ent = self.entity(subj[0])
                    return as_mention(head, ent) if ent is not None else None
            cur = cur.head
        return None

    def _plural_antecedent(self, head: Token) -> Entity | None:
        """"they": the nearest earlier plural subject ("Palestinian leaders said they would …")."""
        own = sentence_of(head).start
        start = own if own == 0 else sentence_of(self.doc[own - 1]).start
        for i in range(head.i - 1, start - 1, -1):
            tok = self.doc[i]
            if tok.dep_ in ("nsubj", "nsubjpass") and (tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)):
                ent = self.entity(tok)
                if ent is not None:
                    return as_mention(head, ent)
        return None

    def _possessive_owner(self, head: Token) -> Entity | None:
        """"its border guards", "their army": the state or organisation the pronoun stands for."""
        for c in head.children:
            if c.dep_ == "poss" and c.lower_ in ("its", "their"):
                owner = self.coref.pronoun_owner(c)
                if owner is not None and owner.country:
                    return owner
        return None

    def _office(self, title: KBMatch | None) -> str | None:
        return title.best.office if title is not None else None

    def _person_name(self, head: Token, ids: set[int], found: list[KBMatch]) -> str | None:
        """A proper name in the phrase not explained by the KB (NER PERSON or a PROPN run)."""
        covered = {i for m in found for i in range(m.start, m.end)}
        run = [self.doc[i] for i in sorted(ids) if self.doc[i].pos_ == "PROPN" and i not in covered]
        if not run:
            return None
        # Keep the contiguous run that contains or is nearest to the head.
        groups: list[list[Token]] = []
        for t in run:
            if groups and t.i == groups[-1][-1].i + 1:
                groups[-1].append(t)
            else:
                groups.append([t])
        best = min(groups, key=lambda g: 0 if g[0].i <= head.i <= g[-1].i else min(abs(g[0].i - head.i), abs(g[-1].i - head.i)))
        name_span = self.doc[best[0].i : best[-1].i + 1]
        name = name_span.text
        if not any(m.kind == "title" for m in found) and (
            (name_span.start_char, name_span.end_char) in self._place_spans or _names_a_settlement(name_span.root)
        ):
            return None
        is_person = (
            any(t.ent_type_ == "PERSON" for t in best)
            or any(m.kind == "title" for m in found)
            or self.coref.person_by_name(name) is not None
        )
        return name if is_person else None


# "the village of Ergneti", "the town of Bakhmut": what follows is a place, whatever NER says.
SETTLEMENT_NOUNS = {
    "village", "town", "city", "district", "region", "province", "area", "neighbourhood", "neighborhood",
    "municipality", "county", "port", "suburb", "settlement", "camp", "enclave", "governorate", "oblast",
}


# Lower-case particles that open Arabic (and other) names: "al-Qaeda", "el-Sisi", "ad-Dawla".
NAME_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul"})
# Heads of organisation names that are non-governmental when no state is named in them.
NGO_NAME_HEADS = frozenset({"association", "society", "foundation"})
# One-word institution names the KB gives to one state ("Congress" is the US Congress).
GENERIC_INSTITUTIONS = frozenset({"congress", "senate", "parliament", "assembly", "duma"})


def _names_a_settlement(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in SETTLEMENT_NOUNS


def conjuncts(head: Token) -> list[Token]:
    out: list[Token] = []
    stack = [c for c in head.children if c.dep_ == "conj"]
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _first(found: list[KBMatch], *kinds: str) -> KBMatch | None:
    for m in found:
        if m.of_kind(*kinds) is not None and m.kind in kinds:
            return m
    for m in found:
        if m.of_kind(*kinds) is not None:
            return KBMatch(m.start, m.end, tuple(e for e in m.entries if e.kind in kinds))
    return None


def _agent_for(head: Token, found: list[KBMatch], kb: KnowledgeBase) -> KBEntry | None:
    m = next((m for m in found if m.start <= head.i < m.end and m.of_kind("agent")), None)
    if m is not None:
        return m.of_kind("agent")
    if head.pos_ in ("NOUN", "PROPN"):
        return kb.agent(head.lemma_.lower()) or kb.agent(head.lower_)
    return None


def _is_definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def _ner_span(doc: Doc, head: Token) -> Span:
    for ent in doc.ents:
        if ent.start <= head.i < ent.end:
            return ent
    return doc[head.i : head.i + 1]


def _ethnic(doc: Doc, m: KBMatch) -> bool:
    return m.kind == "country" and m.start > 0 and doc[m.start - 1].lower_ == "ethnic"


def _same(a: KBMatch | None, b: KBMatch | None) -> bool:
    return a is not None and b is not None and (a.start, a.end) == (b.start, b.end)

"""Knowledge-base mentions: every name, alias, demonym, capital, title and agent noun.

The knowledge base is matched first (spaCy `PhraseMatcher`), and NER labels are
only hints: the small English model tags "Armenia" as ORG and fuses a title, an
organisation and a person into one entity, so we never trust its spans alone.
Short all-caps acronyms ("US", "AU", "UN") match case-sensitively; everything
else matches case-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .kb import KBEntry, KnowledgeBase, case_sensitive

# Kinds in the order a mention prefers them when one surface form means several things.
KIND_ORDER = {"person": 0, "igo": 1, "org": 2, "pre": 3, "country": 4, "title": 5, "agent": 6}


@dataclass(frozen=True, slots=True)
class KBMatch:
    """A token span [start, end) whose text is a knowledge-base surface form."""

    start: int
    end: int
    entries: tuple[KBEntry, ...]

    @property
    def best(self) -> KBEntry:
        return self.entries[0]

    @property
    def kind(self) -> str:
        return self.entries[0].kind

    def of_kind(self, *kinds: str) -> KBEntry | None:
        return next((e for e in self.entries if e.kind in kinds), None)


class MentionIndex:
    """The KB matches of one document, indexed by token."""

    def __init__(self, doc: Doc, matches: list[KBMatch]) -> None:
        self.doc = doc
        self.matches = matches
        self._by_token: dict[int, KBMatch] = {}
        for m in matches:
            for i in range(m.start, m.end):
                self._by_token[i] = m

    def at(self, token_i: int) -> KBMatch | None:
        return self._by_token.get(token_i)

    def within(self, token_ids: set[int] | range) -> list[KBMatch]:
        seen: dict[int, KBMatch] = {}
        for i in token_ids:
            m = self._by_token.get(i)
            if m is not None:
                seen[m.start] = m
        return [seen[k] for k in sorted(seen)]

    def countries(self) -> list[str]:
        """ISO codes of the countries the article mentions (for geo disambiguation)."""
        out: list[str] = []
        for m in self.matches:
            e = m.of_kind("country", "pre")
            if e and e.country and e.country not in out:
                out.append(e.country)
        return out

    def __iter__(self) -> Iterator[KBMatch]:
        return iter(self.matches)


_PLAIN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def _pattern_docs(nlp: Language, surfaces: Iterable[str]) -> list[Doc]:
    """Pattern docs for the phrase matcher.

    Plain words separated by single spaces tokenize to exactly those words, so
    they are built directly (fast: the KB has tens of thousands of forms); anything
    with punctuation or digits ("U.S.", "al-Qaeda", "G20") goes through the tokenizer
    so that it splits like the article text does.
    """
    plain: list[Doc] = []
    other: list[str] = []
    for s in surfaces:
        if _PLAIN.fullmatch(s):
            plain.append(Doc(nlp.vocab, words=s.split(" ")))
        else:
            other.append(s)
    return plain + list(nlp.tokenizer.pipe(other))


class MentionFinder:
    """Builds the phrase matchers once; `find` runs them on each document."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        exact: dict[str, None] = {}
        lower: dict[str, str] = {}
        for surface, _entry in kb.surface_forms():
            surface = surface.strip()
            if not surface:
                continue
            if case_sensitive(surface):
                exact[surface] = None
            else:
                # Keyed by the lower-case form but tokenized as written: "U.N." splits like the
                # text does, "u.n." would not (the matcher compares lower-case token text).
                lower.setdefault(surface.lower(), surface)
        self._exact.add("KB", _pattern_docs(nlp, exact))
        self._lower.add("KB", _pattern_docs(nlp, lower.values()))

    def find(self, doc: Doc, on_date: str | None = None) -> MentionIndex:
        spans: list[tuple[int, int]] = [
            (s, e) for _, s, e in self._exact(doc)
        ] + [(s, e) for _, s, e in self._lower(doc)]
        # Longest match wins; among equals the earlier one.
        spans.sort(key=lambda se: (-(se[1] - se[0]), se[0]))
        taken: set[int] = set()
        matches: list[KBMatch] = []
        for s, e in spans:
            if any(i in taken for i in range(s, e)):
                continue
            entries = self.kb.lookup(doc[s:e].text, on_date)
            if not entries:
                continue
            if not _plausible(doc, s, e, entries):
                continue
            if not doc[s].text[:1].isupper():
                # "the proposed congress": a lower-case word is the common noun, not the name it shares
                entries = [x for x in entries if x.kind in ("agent", "title")]
            entries = sorted(entries, key=lambda x: KIND_ORDER.get(x.kind, 9))
            matches.append(KBMatch(s, e, tuple(entries)))
            taken.update(range(s, e))
        matches.sort(key=lambda m: m.start)
        return MentionIndex(doc, matches)


def _plausible(doc: Doc, start: int, end: int, entries: list[KBEntry]) -> bool:
    """Reject matches that are ordinary words in this context.

    Names of people, organisations and countries must be capitalised in the text
    ("Chad", "Jordan" vs "chad", "jordan"); agent nouns and titles may be lower case.
    """
    span = doc[start:end]
    if all(e.kind in ("agent", "title") for e in entries):
        return any(t.pos_ in ("NOUN", "PROPN") for t in span)
    first = span[0]
    if not first.text[:1].isupper():
        return any(e.kind in ("agent", "title") for e in entries)
    return True

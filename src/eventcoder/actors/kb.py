"""Actor knowledge base: countries, organisations, agent nouns, titles and people, by surface form.

The default data lives in ``eventcoder/data/actors/`` (each file opens with its provenance).
``KnowledgeBase.load()`` reads it once per process; ``KnowledgeBase.load(extra_files=[...])``
adds your own actors on top.

User actor files: see `eventcoder.actors.kb_files` for their format.

A malformed file raises ``eventcoder.errors.DataFileError`` naming the file and line.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .forms import bounds as _bounds, case_sensitive, normalise, valid_date as _valid_date
from .kb_files import PLOVER_SECTORS, Record, default_country_codes, default_records, read_user_file
from .typos import TypoIndex

__all__ = ["KBEntry", "KnowledgeBase", "normalise", "case_sensitive", "default_country_codes", "PLOVER_SECTORS"]

PLOVER_NONSTATE = {  # PLOVER table 5.1
    "IGO": ("International Governmental Organization", "igo"),
    "UNO": ("United Nations", "igo"),
    "EUR": ("European Union", "igo"),
    "NGO": ("Non-governmental Organization", "org"),
    "ISM": ("International Social Movement", "org"),
    "IMG": ("Transnational Militarized Group", "org"),
    "MNC": ("Multi-national Corporation", "org"),
}


@dataclass(frozen=True, slots=True)
class KBEntry:
    """What one surface form refers to."""

    key: str  # stable id: "country:AZE", "org:COE", "person:<name>", "agent:police", "title:..."
    kind: str  # "country" | "igo" | "org" | "person" | "agent" | "title" | "pre"
    name: str  # canonical name
    country: str | None  # ISO alpha-3 or PLOVER code (IGO, UNO, EUR, NGO, ISM, IMG, MNC, KOS)
    sector: str | None  # PLOVER sector code
    office: str | None = None
    identifier_id: str | None = None
    valid_from: str | None = None  # dated rows only (people's roles, some organisations)
    valid_to: str | None = None
    form: str = "name"  # "name" | "alias" | "acronym" | "adjective" | "demonym" | "capital" | "plural"
    secondary: str | None = None  # second PLOVER sector, where the data gives one


# --------------------------------------------------------------------------- the knowledge base

class KnowledgeBase:
    """Immutable index of actor entries by surface form; build it with ``KnowledgeBase.load()``."""

    def __init__(self, records: Sequence[Record]) -> None:
        self._forms: list[tuple[str, KBEntry]] = []
        self._ci: dict[str, list[KBEntry]] = {}
        self._cs: dict[str, list[KBEntry]] = {}
        self._countries: dict[str, KBEntry] = {}
        self._agents: dict[str, KBEntry] = {}
        self._titles: dict[str, KBEntry] = {}
        self._typos: TypoIndex[KBEntry] | None = None  # built on first use
        self._by_surname: dict[str, list[KBEntry]] | None = None
        seen: set[tuple[str | None, ...]] = set()
        for rec in records:
            entries: dict[str, KBEntry] = {}
            for surface, form in rec.forms:
                entry = entries.get(form)
                if entry is None:
                    entry = entries[form] = KBEntry(
                        rec.key, rec.kind, rec.name, rec.country, rec.sector, rec.office,
                        rec.identifier_id, rec.valid_from, rec.valid_to, form, rec.secondary)
                self._forms.append((surface, entry))
                folded = normalise(surface)
                index_key = surface if form == "acronym" else folded
                mark = (index_key, rec.key, rec.sector, rec.office, rec.valid_from, rec.valid_to)
                if mark not in seen:  # the same entity under one spelling only once
                    seen.add(mark)
                    index = self._cs if form == "acronym" else self._ci
                    index.setdefault(index_key, []).append(entry)
                if rec.kind == "agent":
                    self._agents.setdefault(folded, entry)
                elif rec.kind == "title":
                    self._titles.setdefault(folded, entry)
            if "name" in entries:
                for code in rec.codes:
                    self._countries.setdefault(code, entries["name"])

    @classmethod
    def load(cls, extra_files: Sequence[str | os.PathLike[str]] = ()) -> KnowledgeBase:
        """The default knowledge base (built once and cached), plus actors from user files."""
        if not extra_files:
            return _default_kb()
        extra = [rec for path in extra_files for rec in read_user_file(Path(path))]
        replaced = {normalise(rec.key) for rec in extra}
        base = [rec for rec in default_records() if normalise(rec.key) not in replaced]
        return cls(extra + base)

    def surface_forms(self) -> Iterator[tuple[str, KBEntry]]:
        """Every surface string (original case) with its entry, e.g. for a spaCy PhraseMatcher.

        Forms for which ``case_sensitive(surface)`` is true should be matched on ORTH, the rest on LOWER.
        """
        return iter(self._forms)

    def lookup(self, surface: str, on_date: str | None = None) -> list[KBEntry]:
        """Entries for a surface form, filtered by date where rows are dated (people's roles).

        Undated entries come first, in data order (user files, countries, organisations, titles,
        agents, people). Dated entries follow, most recent first, restricted to those valid on
        ``on_date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) when any is; if none is, all are kept.
        A leading "the" and a trailing possessive "'s" are tried away if nothing matches as written.
        """
        if on_date is not None:
            on_date = on_date[:10]  # an ISO datetime is fine too
            if not _valid_date(on_date):
                raise ValueError(f"on_date {on_date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        surface = " ".join(surface.split())
        found = self._candidates(surface)
        if not found:
            for variant in _variants(surface):
                found = self._candidates(variant)
                if found:
                    break
        return _by_date(found, on_date)

    def country(self, code: str) -> KBEntry | None:
        """The entry of a country by ISO alpha-3/alpha-2 or PLOVER code (dependencies give their state)."""
        code = code.strip().upper()
        entry = self._countries.get(code)
        if entry is None and code in PLOVER_NONSTATE:
            name, kind = PLOVER_NONSTATE[code]
            entry = KBEntry(f"country:{code}", kind, name, code, None)
        return entry

    def agent(self, noun: str) -> KBEntry | None:
        """An agent noun, singular or plural, case-insensitive: "police", "Rebels"."""
        return self._agents.get(normalise(noun))

    def title(self, phrase: str) -> KBEntry | None:
        """A title of office: "foreign minister" -> office "Foreign Minister", sector GOV."""
        return self._titles.get(normalise(phrase))

    def person(self, name: str, on_date: str | None = None) -> KBEntry | None:
        """The best role of a person named ``name`` on ``on_date`` (most recent role if no date)."""
        for entry in self.lookup(name, on_date):
            if entry.kind == "person":
                return entry
        return None

    def near(self, surface: str, kinds: Sequence[str] = ("country",)) -> KBEntry | None:
        """The one entry of ``kinds`` whose name or alias is a single typo away from ``surface``
        ("Ethopia", "Quatar", "Francois Mitterand"): one letter dropped, added, changed or two
        swapped, same first letter, at least five letters; None when no form or several entities are."""
        key = normalise(surface)
        if len(key) < 5 or self.lookup(surface):
            return None
        found = {entry.key: entry for _, entry in self._typo_index().find(key, lambda e: e.kind in kinds)}
        return next(iter(found.values())) if len(found) == 1 else None

    def people_by_surname(self, surname: str, on_date: str | None = None) -> list[KBEntry]:
        """People whose name ends in ``surname`` (roles valid on ``on_date`` when given), most recent first."""
        rows = [e for e in self._surnames().get(normalise(surname), []) if e.kind == "person"]
        return _by_date(rows, on_date) if on_date is None else [
            e for e in _by_date(rows, on_date) if _valid_on(e, on_date)
        ]

    def _typo_index(self) -> TypoIndex[KBEntry]:
        if self._typos is None:
            self._typos = TypoIndex(
                (form, entry) for surface, entry in self._forms
                if entry.kind in ("country", "person") and entry.form in ("name", "alias")
                and len(form := normalise(surface)) >= 5
            )
        return self._typos

    def _surnames(self) -> dict[str, list[KBEntry]]:
        if self._by_surname is None:
            index: dict[str, list[KBEntry]] = {}
            for surface, entry in self._forms:
                words = normalise(surface).split()
                if entry.kind == "person" and len(words) > 1 and entry not in index.get(words[-1], []):
                    index.setdefault(words[-1], []).append(entry)
            self._by_surname = index
        return self._by_surname

    def _candidates(self, surface: str) -> list[KBEntry]:
        exact = self._cs.get(surface, [])
        folded = self._ci.get(normalise(surface), [])
        return exact + folded if exact and folded else list(exact or folded)


def _variants(surface: str) -> list[str]:
    """Fallback spellings: without a leading "the", without a possessive ending."""
    out = []
    base = surface[4:] if surface[:4].lower() == "the " else surface
    if base != surface:
        out.append(base)
    for text in dict.fromkeys((surface, base)):
        if text.endswith(("'s", "’s")):
            out.append(text[:-2])
        elif text.endswith(("s'", "s’")):
            out.append(text[:-1])
    return out


def _valid_on(entry: KBEntry, on_date: str) -> bool:
    lo, hi = _bounds(on_date[:10], True) or "0000", _bounds(on_date[:10], False) or "9999"
    return (_bounds(entry.valid_from, True) or "0000") <= hi and lo <= (_bounds(entry.valid_to, False) or "9999")


def _by_date(entries: list[KBEntry], on_date: str | None) -> list[KBEntry]:
    undated = [e for e in entries if not (e.valid_from or e.valid_to)]
    dated = [e for e in entries if e.valid_from or e.valid_to]
    if not dated:
        return undated
    if on_date:
        lo, hi = _bounds(on_date, True) or "0000", _bounds(on_date, False) or "9999"
        valid = [e for e in dated if (_bounds(e.valid_from, True) or "0000") <= hi
                 and lo <= (_bounds(e.valid_to, False) or "9999")]
        dated = valid or dated
    dated.sort(key=lambda e: (_bounds(e.valid_from, True) or "0000", _bounds(e.valid_to, False) or "9999"),
               reverse=True)
    return undated + dated


@functools.lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    return KnowledgeBase(default_records())

"""Actor knowledge base: countries, organisations, agent nouns, titles and people, by surface form.

The default data lives in ``eventcoder/data/actors/`` (each file opens with its provenance).
``KnowledgeBase.load()`` reads it once per process; ``KnowledgeBase.load(extra_files=[...])``
adds your own actors on top.

User actor files
----------------
A user file is UTF-8 text, one record per line, cells separated by a TAB. Lines starting with
``#`` and blank lines are ignored. The first other line names the columns and decides the format:

People (one row per role; the same person may have several rows)::

    name	aliases	country	sector	office	from	to	identifier_id
    Jane Doe	Doe|J. Doe	AZE	GOV	Foreign Minister	2026-01-15		

Organisations::

    key	name	aliases	country	sector	identifier_id	from	to
    MYNGO	Caspian Rights Watch	CRW	NGO	SOC		

* ``name``, ``country`` and ``sector`` are required (and ``key`` for organisations); the other
  columns may be left empty or, at the end of the header, left out.
* ``aliases``: other names, separated by ``|``. Matching ignores case, diacritics, apostrophes,
  hyphens and repeated spaces, except short all-capital acronyms (``US``, ``AU``, ``UN``; up to
  five letters or digits), which match only when written in capitals.
* ``country``: an ISO 3166 alpha-3 code (``AZE``) or a PLOVER code (``IGO``, ``UNO``, ``EUR``,
  ``NGO``, ``ISM``, ``IMG``, ``MNC``, ``KOS``). ``sector``: a PLOVER sector code (``GOV``, ``MIL``,
  ``REB``, ``CVL``...; see PLOVER table 5.2).
* ``from``/``to``: when the role (or organisation row) is valid, as ``YYYY-MM-DD``, ``YYYY-MM`` or
  ``YYYY``; an empty ``to`` means "still valid". Lookups with a date prefer rows valid on it.
* ``identifier_id``: e.g. a Wikidata QID (``Q42``).
* A row whose person ``name`` (or organisation ``key``) is already in the knowledge base replaces
  all of the default rows for it; other rows are added. In lookup results user entries come
  before default ones (dated entries are ordered by date).

A malformed file raises ``eventcoder.errors.DataFileError`` naming the file and line.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventcoder.errors import DataFileError

__all__ = ["KBEntry", "KnowledgeBase", "normalise", "case_sensitive", "PLOVER_SECTORS"]

PLOVER_SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE "
    "REL SOC".split()
)
PLOVER_NONSTATE = {  # PLOVER table 5.1
    "IGO": ("International Governmental Organization", "igo"),
    "UNO": ("United Nations", "igo"),
    "EUR": ("European Union", "igo"),
    "NGO": ("Non-governmental Organization", "org"),
    "ISM": ("International Social Movement", "org"),
    "IMG": ("Transnational Militarized Group", "org"),
    "MNC": ("Multi-national Corporation", "org"),
}
DEFAULT_FILES = (  # order = order of results for a shared surface form
    "countries.tsv", "pre.tsv", "dependencies.tsv", "organizations.tsv", "titles.tsv",
    "agents.tsv", "people-current.tsv", "people-phoenix.tsv", "people-historic.tsv",
)
PEOPLE_COLUMNS = ("name", "aliases", "country", "sector", "office", "from", "to", "identifier_id")
ORG_COLUMNS = ("key", "name", "aliases", "country", "sector", "identifier_id", "from", "to")


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


# --------------------------------------------------------------------------- normalisation

_FOLD = str.maketrans({
    "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "æ": "ae", "Æ": "AE",
    "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "'": None, "’": None, "‘": None, "`": None,
    "´": None, "ʼ": None, "ʻ": None, "-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ",
})
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,4}")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalise(text: str) -> str:
    """Case-, diacritic-, apostrophe-, hyphen- and whitespace-insensitive key for a surface form."""
    if text.isascii():
        if "'" in text or "-" in text or "`" in text:
            text = text.translate(_FOLD)
    else:
        text = text.translate(_FOLD)
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def case_sensitive(form: str) -> bool:
    """True for short all-capital acronyms ("US", "AU", "NATO", "G20"): they match only in capitals."""
    return _ACRONYM.fullmatch(form) is not None


def _bounds(value: str | None, low: bool) -> str | None:
    """'2018' -> '2018-01-01' (low) or '2018-12-31' (high); '2018-05' -> '2018-05-01'/'2018-05-31'.

    ``value`` must already be a valid date string (checked when files are read).
    """
    if not value:
        return None
    if len(value) == 10:
        return value
    if len(value) == 7:
        return value + ("-01" if low else "-31")
    return value + ("-01-01" if low else "-12-31")


# --------------------------------------------------------------------------- records

@dataclass(slots=True)
class _Record:
    """One data row: an entity (or one dated role of it) and its surface forms."""

    key: str
    kind: str
    name: str
    country: str | None
    sector: str | None
    forms: list[tuple[str, str]]  # (surface, form)
    office: str | None = None
    identifier_id: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    secondary: str | None = None
    codes: tuple[str, ...] = ()  # country codes this record answers to (alpha-3, alpha-2)


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def _alias_forms(values: Sequence[str]) -> list[tuple[str, str]]:
    return [(v, "acronym" if case_sensitive(v) else "alias") for v in values]


def _rows(text: str, path: str) -> Iterator[tuple[int, dict[str, str], list[str]]]:
    """(line number, row dict, header) for each data line of a TSV with a header line."""
    header: list[str] | None = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if header is None:
            header = [c.lower() for c in cells]
            yield lineno, {}, header
            continue
        if len(cells) > len(header) and any(cells[len(header):]):
            raise DataFileError(path, lineno, f"{len(cells)} cells but the header names {len(header)} columns")
        yield lineno, dict(zip(header, cells + [""] * (len(header) - len(cells)))), header


def _check(row: dict[str, str], path: str, lineno: int, required: Sequence[str]) -> None:
    for col in required:
        if not row.get(col):
            raise DataFileError(path, lineno, f"empty {col!r}")
    country = row.get("country")
    if country and not (len(country) == 3 and country.isalpha() and country.isupper()):
        raise DataFileError(path, lineno, f"country {country!r} is not a 3-letter ISO/PLOVER code")
    for col in ("sector", "secondary"):
        value = row.get(col)
        if value and value not in PLOVER_SECTORS:
            raise DataFileError(path, lineno, f"{col} {value!r} is not a PLOVER sector code")
    start, end = row.get("from"), row.get("to")
    if start or end:
        for col, value in (("from", start), ("to", end)):
            if value and not _valid_date(value):
                raise DataFileError(path, lineno, f"{col} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if start and end and _bounds(start, True) > _bounds(end, False):  # type: ignore[operator]
            raise DataFileError(path, lineno, "'from' is after 'to'")


def _valid_date(value: str) -> bool:
    m = _DATE.fullmatch(value)
    if m is None:
        return False
    _, month, day = m.groups()
    return (month is None or 1 <= int(month) <= 12) and (day is None or 1 <= int(day) <= 31)


def _person(row: dict[str, str]) -> _Record:
    forms = [(row["name"], "name")] + _alias_forms(_split(row.get("aliases", "")))
    return _Record(f"person:{row['name']}", "person", row["name"], row["country"], row["sector"], forms,
                   row.get("office") or None, row.get("identifier_id") or None,
                   row.get("from") or None, row.get("to") or None)


def _org(row: dict[str, str]) -> _Record:
    kind = "igo" if row["country"] in {"IGO", "UNO", "EUR"} else "org"
    name_form = "acronym" if case_sensitive(row["name"]) else "name"
    forms = [(row["name"], name_form)] + _alias_forms(_split(row.get("aliases", "")))
    return _Record(f"org:{row['key']}", kind, row["name"], row["country"], row["sector"], forms,
                   None, row.get("identifier_id") or None, row.get("from") or None, row.get("to") or None)


def _place(row: dict[str, str], key: str, kind: str, country: str, sector: str | None) -> list[_Record]:
    """A country, dependency or partially recognised entity: one record, plus one for its capitals."""
    forms = [(row["name"], "name")] + _alias_forms(_split(row.get("aliases", "")))
    forms += [(v, "adjective") for v in _split(row.get("adjectives", ""))]
    forms += [(v, "demonym") for v in _split(row.get("demonyms", ""))]
    qid = row.get("identifier_id") or None
    codes = tuple(c for c in (row.get("iso3", ""), row.get("iso2", "")) if c)
    records = [_Record(key, kind, row["name"], country, sector, forms, None, qid, codes=codes)]
    capitals = [(v, "capital") for v in _split(row.get("capitals", ""))]
    if capitals:  # a capital stands for the government
        cap_sector, secondary = ("PRE", "GOV") if sector == "PRE" else ("GOV", None)
        records.append(_Record(key, kind, row["name"], country, cap_sector, capitals, None, qid,
                               secondary=secondary))
    return records


def _parse_default(name: str, text: str) -> list[_Record]:
    path = f"eventcoder/data/actors/{name}"
    out: list[_Record] = []
    for lineno, row, _header in _rows(text, path):
        if not row:
            continue
        if name == "countries.tsv":
            _check(row, path, lineno, ("iso3", "name"))
            out += _place(row, f"country:{row['iso3']}", "country", row["iso3"], None)
        elif name == "dependencies.tsv":
            _check(row, path, lineno, ("iso3", "name", "country"))
            out += _place(row, f"country:{row['iso3']}", "country", row["country"], None)
        elif name == "pre.tsv":
            _check(row, path, lineno, ("key", "name", "country"))
            out += _place(row, f"pre:{row['key']}", "pre", row["country"], "PRE")
        elif name == "organizations.tsv":
            _check(row, path, lineno, ("key", "name", "country", "sector"))
            out.append(_org(row))
        elif name == "titles.tsv":
            _check(row, path, lineno, ("title", "office", "sector"))
            form = "acronym" if case_sensitive(row["title"]) else "name"
            out.append(_Record(f"title:{normalise(row['title'])}", "title", row["title"], None,
                               row["sector"], [(row["title"], form)], row["office"]))
        elif name == "agents.tsv":
            _check(row, path, lineno, ("noun", "sector"))
            noun = row["noun"]
            forms = [(noun, "acronym" if case_sensitive(noun) else "name")]
            forms += [(p, "plural") for p in _split(row.get("plural", ""))]
            out.append(_Record(f"agent:{noun}", "agent", noun, None, row["sector"], forms,
                               secondary=row.get("secondary") or None))
        else:  # people files
            _check(row, path, lineno, ("name", "country", "sector"))
            out.append(_person(row))
    return out


def _read_user_file(path: Path) -> list[_Record]:
    """Records of a user actor file in the people or organisations format (see module docstring)."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(where, None, f"cannot read actor file: {exc}") from exc
    records: list[_Record] = []
    fmt = ""
    for lineno, row, header in _rows(text, where):
        if not row:
            if "key" in header:
                fmt, allowed = "org", ORG_COLUMNS
            elif header[:1] == ["name"]:
                fmt, allowed = "people", PEOPLE_COLUMNS
            else:
                raise DataFileError(where, lineno, "unrecognised header: expected the people columns "
                                    f"{' '.join(PEOPLE_COLUMNS)} or the organisation columns {' '.join(ORG_COLUMNS)}")
            unknown = [c for c in header if c not in allowed]
            if unknown:
                raise DataFileError(where, lineno, f"unknown column(s) {', '.join(unknown)}")
            continue
        if fmt == "org":
            _check(row, where, lineno, ("key", "name", "country", "sector"))
            records.append(_org(row))
        else:
            _check(row, where, lineno, ("name", "country", "sector"))
            records.append(_person(row))
    if not fmt:
        raise DataFileError(where, None, "no header line")
    return records


@functools.lru_cache(maxsize=1)
def _default_records() -> tuple[_Record, ...]:
    base = resources.files("eventcoder.data") / "actors"
    records: list[_Record] = []
    for name in DEFAULT_FILES:
        records += _parse_default(name, (base / name).read_text(encoding="utf-8"))
    return tuple(records)


def default_country_codes() -> frozenset[str]:
    """The country codes the default actor files give their entries (ISO alpha-3 and PLOVER codes such as IGO)."""
    return frozenset(r.country for r in _default_records() if r.country)


# --------------------------------------------------------------------------- the knowledge base

class KnowledgeBase:
    """Immutable index of actor entries by surface form; build it with ``KnowledgeBase.load()``."""

    def __init__(self, records: Sequence[_Record]) -> None:
        self._forms: list[tuple[str, KBEntry]] = []
        self._ci: dict[str, list[KBEntry]] = {}
        self._cs: dict[str, list[KBEntry]] = {}
        self._countries: dict[str, KBEntry] = {}
        self._agents: dict[str, KBEntry] = {}
        self._titles: dict[str, KBEntry] = {}
        self._typos: dict[str, list[tuple[str, KBEntry]]] | None = None  # built on first use
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
        extra = [rec for path in extra_files for rec in _read_user_file(Path(path))]
        replaced = {normalise(rec.key) for rec in extra}
        base = [rec for rec in _default_records() if normalise(rec.key) not in replaced]
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
        index = self._typo_index()
        found: dict[str, KBEntry] = {}
        for variant in _deletions(key) | {key}:
            for form, entry in index.get(variant, ()):
                if entry.kind in kinds and form[0] == key[0] and _one_typo(key, form):
                    found.setdefault(entry.key, entry)
        return next(iter(found.values())) if len(found) == 1 else None

    def people_by_surname(self, surname: str, on_date: str | None = None) -> list[KBEntry]:
        """People whose name ends in ``surname`` (roles valid on ``on_date`` when given), most recent first."""
        rows = [e for e in self._surnames().get(normalise(surname), []) if e.kind == "person"]
        return _by_date(rows, on_date) if on_date is None else [
            e for e in _by_date(rows, on_date) if _valid_on(e, on_date)
        ]

    def _typo_index(self) -> dict[str, list[tuple[str, KBEntry]]]:
        if self._typos is None:
            index: dict[str, list[tuple[str, KBEntry]]] = {}
            for surface, entry in self._forms:
                form = normalise(surface)
                if entry.kind not in ("country", "person") or len(form) < 5 or entry.form not in ("name", "alias"):
                    continue
                for variant in _deletions(form) | {form}:
                    index.setdefault(variant, []).append((form, entry))
            self._typos = index
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


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_typo(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance of exactly one (a != b), inside the word: a different ending
    ("Georgie", "Indiana") is another name more often than a slip."""
    if a == b or abs(len(a) - len(b)) > 1 or a[-2:] != b[-2:]:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


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
    return KnowledgeBase(_default_records())

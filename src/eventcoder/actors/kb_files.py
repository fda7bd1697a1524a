"""Reading actor files: the default data in ``eventcoder/data/actors/`` and users' own files.

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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventcoder.errors import DataFileError

from .forms import bounds as _bounds, case_sensitive, normalise, valid_date as _valid_date

PLOVER_SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE "
    "REL SOC".split()
)
DEFAULT_FILES = (  # order = order of results for a shared surface form
    "countries.tsv", "pre.tsv", "dependencies.tsv", "organizations.tsv", "titles.tsv",
    "agents.tsv", "people-current.tsv", "people-phoenix.tsv", "people-historic.tsv",
)
PEOPLE_COLUMNS = ("name", "aliases", "country", "sector", "office", "from", "to", "identifier_id")
ORG_COLUMNS = ("key", "name", "aliases", "country", "sector", "identifier_id", "from", "to")


@dataclass(slots=True)
class Record:
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


def _person(row: dict[str, str]) -> Record:
    forms = [(row["name"], "name")] + _alias_forms(_split(row.get("aliases", "")))
    return Record(f"person:{row['name']}", "person", row["name"], row["country"], row["sector"], forms,
                   row.get("office") or None, row.get("identifier_id") or None,
                   row.get("from") or None, row.get("to") or None)


def _org(row: dict[str, str]) -> Record:
    kind = "igo" if row["country"] in {"IGO", "UNO", "EUR"} else "org"
    name_form = "acronym" if case_sensitive(row["name"]) else "name"
    forms = [(row["name"], name_form)] + _alias_forms(_split(row.get("aliases", "")))
    return Record(f"org:{row['key']}", kind, row["name"], row["country"], row["sector"], forms,
                   None, row.get("identifier_id") or None, row.get("from") or None, row.get("to") or None)


def _place(row: dict[str, str], key: str, kind: str, country: str, sector: str | None) -> list[Record]:
    """A country, dependency or partially recognised entity: one record, plus one for its capitals."""
    forms = [(row["name"], "name")] + _alias_forms(_split(row.get("aliases", "")))
    forms += [(v, "adjective") for v in _split(row.get("adjectives", ""))]
    forms += [(v, "demonym") for v in _split(row.get("demonyms", ""))]
    qid = row.get("identifier_id") or None
    codes = tuple(c for c in (row.get("iso3", ""), row.get("iso2", "")) if c)
    records = [Record(key, kind, row["name"], country, sector, forms, None, qid, codes=codes)]
    capitals = [(v, "capital") for v in _split(row.get("capitals", ""))]
    if capitals:  # a capital stands for the government
        cap_sector, secondary = ("PRE", "GOV") if sector == "PRE" else ("GOV", None)
        records.append(Record(key, kind, row["name"], country, cap_sector, capitals, None, qid,
                               secondary=secondary))
    return records


def _parse_default(name: str, text: str) -> list[Record]:
    path = f"eventcoder/data/actors/{name}"
    out: list[Record] = []
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
            out.append(Record(f"title:{normalise(row['title'])}", "title", row["title"], None,
                               row["sector"], [(row["title"], form)], row["office"]))
        elif name == "agents.tsv":
            _check(row, path, lineno, ("noun", "sector"))
            noun = row["noun"]
            forms = [(noun, "acronym" if case_sensitive(noun) else "name")]
            forms += [(p, "plural") for p in _split(row.get("plural", ""))]
            out.append(Record(f"agent:{noun}", "agent", noun, None, row["sector"], forms,
                               secondary=row.get("secondary") or None))
        else:  # people files
            _check(row, path, lineno, ("name", "country", "sector"))
            out.append(_person(row))
    return out


def read_user_file(path: Path) -> list[Record]:
    """Records of a user actor file in the people or organisations format (see module docstring)."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(where, None, f"cannot read actor file: {exc}") from exc
    records: list[Record] = []
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
def default_records() -> tuple[Record, ...]:
    base = resources.files("eventcoder.data") / "actors"
    records: list[Record] = []
    for name in DEFAULT_FILES:
        records += _parse_default(name, (base / name).read_text(encoding="utf-8"))
    return tuple(records)


def default_country_codes() -> frozenset[str]:
    """The country codes the default actor files give their entries (ISO alpha-3 and PLOVER codes such as IGO)."""
    return frozenset(r.country for r in default_records() if r.country)

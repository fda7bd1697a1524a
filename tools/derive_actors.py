#!/usr/bin/env python3
"""Regenerate the derived actor data files of eventcoder.

Usage:  python tools/derive_actors.py /work/shared/reference [--out src/eventcoder/data/actors]

Writes countries.tsv, dependencies.tsv, agents.tsv and people-phoenix.tsv into the output directory.
Inputs: the hand-written files in tools/actors_manual/, pycountry, and from the reference directory
countrynames.txt, Phoenix.Countries.actors.txt, Phoenix.agents.txt and agentnames.txt.
The hand-written data files (organizations.tsv, pre.tsv, titles.tsv, people-current.tsv) are read
(people-current.tsv, to skip people it already covers) but never written.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))
import phoenix_dict  # noqa: E402  (tools/ helpers, not part of the package)
from noun_forms import is_plural, pluralise  # noqa: E402

HERE = Path(__file__).resolve().parent
MANUAL = HERE / "actors_manual"
DEFAULT_OUT = HERE.parent / "src" / "eventcoder" / "data" / "actors"

# CAMEO agent code -> PLOVER sector (PLOVER table 5.2; CAMEO MED = media, HLH = health).
CAMEO_SECTOR = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "CRM": "CRM", "OPP": "OPP", "BUS": "BUS",
    "CVL": "CVL", "JUD": "JUD", "COP": "COP", "LEG": "LEG", "EDU": "EDU", "UAF": "UAF",
    "SPY": "SPY", "AGR": "AGR", "LAB": "LAB", "REF": "REF", "ELI": "ELI", "PTY": "PTY",
    "MED": "JRN", "HLH": "MED", "REL": "REL", "NGO": "SOC", "HRI": "SOC", "ENV": "CVL",
    "RAD": "REB", "MUS": "REL", "CHR": "REL", "JEW": "REL", "HIN": "REL", "BUD": "REL",
    "CTH": "REL", "PRO": "REL",
}
# CAMEO religion codes name an identity, not a sector: a noun with only such a code is kept (as REL)
# when it names clergy or a religious institution; with a second code, that code decides the sector.
IDENTITY_CODES = {"MUS", "CHR", "JEW", "HIN", "BUD", "CTH", "PRO"}
CLERGY_WORDS = {
    "cleric", "clergy", "clergyman", "clergywoman", "clergyperson", "priest", "monk", "nun", "imam",
    "mullah", "missionary", "bishop", "archbishop", "rabbi", "pastor", "church", "mosque", "temple",
    "monastary", "monastery", "mufti", "ayatollah", "preacher", "cantor", "sadhu", "archimandrite",
    "archdiocese", "diocese", "archpriest", "hierarch", "prelate", "council", "scholar",
}
# Codes that name an identity or an issue, not a sector: never used as a secondary sector.
NOT_SECONDARY = {"MUS", "CHR", "JEW", "HIN", "BUD", "CTH", "PRO", "RAD", "HRI", "ENV", "DEV"}
# Phoenix.agents.txt rows containing these tokens are stems or misspellings: dropped.
BAD_AGENT_TOKENS = {
    "minist", "industr", "compan", "authorit", "sharecrop", "secretar", "offcial", "offical",
    "minster", "brigaider", "traffiker", "manafacture", "monarcy", "gendermarie", "facilitiy",
    "milita", "enterpreneur", "sanatarium", "tinginist", "kanidurgu", "secretariate", "esp",
}
FUNCTION_WORDS = {"of", "for", "to", "at", "in", "on", "and", "the", "with", "by", "a"}
# agentnames.txt (ICEWS sector names) rows that are plain news nouns; many other rows are category
# labels or copy-down errors. name -> singular noun.
AGENTNAMES_KEEP = {
    "Police": "police", "Military": "military", "Army": "army", "Navy": "navy",
    "Air Force": "air force", "Marines": "marine", "Coast Guard": "coast guard",
    "Upper House": "upper house", "Lower House": "lower house", "Dissident": "dissident",
    "Exiles": "exile", "Rebel": "rebel", "Insurgents": "insurgent", "Separatists": "separatist",
    "Student": "student", "Media": "media", "Business": "business",
}
ICEWS_CODE_FIX = {"KSV": "KOS", "TMP": "TLS", "ANT": "ATA", "FRN": "FRA"}
STATE_WORDS = {
    "republic", "kingdom", "federation", "state", "states", "islamic", "people's", "peoples",
    "united", "sultanate", "emirate", "principality", "commonwealth", "duchy", "democratic",
    "federal", "socialist", "union", "confederation",
}
HONORIFICS = {"sir", "dr", "dr.", "general", "gen.", "mr", "mr.", "mrs", "mrs.", "lord", "lady",
              "sheikh", "prince", "king", "queen", "president", "colonel", "col."}
TITLE_WORDS = {
    "president", "president-elect", "mr", "mr.", "mrs", "ms", "dr", "us", "u.s.", "american",
    "senator", "governor", "gov.", "prime", "minister", "secretary", "general", "gen.", "vice",
    "vice-president", "chancellor", "king", "queen", "prince", "sheikh", "the", "former",
}
INSTITUTION_WORDS = {
    "party", "council", "assembly", "army", "ministry", "government", "forces", "administration",
    "congress", "court", "house", "parliament", "committee", "office", "agency", "front", "union",
    "police", "guard", "service", "republic", "kingdom", "state", "palace", "street", "people's",
}
# Roles kept: heads of state/government (CountryInfo blocks with an ELI role, i.e. the rulers lists)
# when the role ends on/after LEADER_SINCE or is open; other office holders (ministers) when it ends
# on/after MINISTER_SINCE, or is open and began on/after MINISTER_OPEN_SINCE (the source's last cabinets).
LEADER_SINCE = "1990-01-01"
MINISTER_SINCE = "2012-01-01"
MINISTER_OPEN_SINCE = "2009-01-01"
LOWER_PARTICLES = {"of", "the", "and", "de", "da", "do", "dos", "das", "del", "della", "di", "du",
                   "van", "von", "der", "den", "la", "le", "bin", "ibn", "bint", "al", "el", "y"}


# --------------------------------------------------------------------------- small helpers

_FOLD = str.maketrans({"'": None, "’": None, "`": None, "-": " ", "ø": "o", "đ": "d", "ł": "l", "ı": "i"})


def fold(text: str) -> str:
    """Casefold, strip diacritics, apostrophes and hyphens (as eventcoder.actors.kb.normalise does)."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a '#'-commented TSV whose first other line names the columns."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, (c.strip() for c in cells))))
    return rows


def split_values(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def unique(values: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    seen = {fold(v) for v in exclude}
    out: list[str] = []
    for v in values:
        key = fold(v)
        if v and key not in seen:
            seen.add(key)
            out.append(v)
    return out


def smart_title(text: str) -> str:
    """'ISLAMIC REPUBLIC OF AFGHANISTAN' -> 'Islamic Republic of Afghanistan'; O'Brien, Al-Baradei."""
    words = []
    for i, word in enumerate(text.lower().split()):
        if i and word in LOWER_PARTICLES:
            words.append(word)
            continue
        parts = []
        for part in word.split("-"):
            if len(part) > 2 and part[1] == "'" and part[0] in "od":
                parts.append(part[0].upper() + "'" + part[2:].capitalize())
            else:
                lead = len(part) - len(part.lstrip("'`"))
                parts.append(part[:lead] + part[lead:lead + 1].upper() + part[lead + 1:])
        words.append("-".join(parts))
    return " ".join(words)


def write_tsv(path: Path, header: Sequence[str], columns: Sequence[str],
              rows: Iterable[Sequence[str]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for line in header:
            fh.write(f"# {line}\n" if line else "#\n")
        fh.write("\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
            n += 1
    return n


def drop_parenthesis(value: str) -> tuple[str, str]:
    """'Holy See (Vatican City State)' -> ('Holy See', 'Vatican City State'); a trailing lower-case
    or 'part' note is dropped ('Saint Martin (French part)'); an inner one is spliced out
    ('Cocos (Keeling) Islands' -> 'Cocos Islands')."""
    m = re.search(r"\s*\(([^)]*)\)", value)
    if not m:
        return value, ""
    outer = " ".join((value[: m.start()] + " " + value[m.end():]).split())
    inner = m.group(1).strip()
    keep = m.end() == len(value) and inner[:1].isupper() and "part" not in inner
    return outer, inner if keep else ""


def iso_names(entry: object) -> list[str]:
    """English names pycountry gives for one ISO 3166 entry, in news order ('X, Republic of' fixed)."""
    names: list[str] = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(entry, attr, None)
        if not value or "Province of China" in value:
            continue
        value, inner = drop_parenthesis(value)
        if ", " in value:  # "Korea, Republic of" -> "Republic of Korea"; "Virgin Islands, British"
            head, tail = value.split(", ", 1)
            if tail.endswith((" of", " of the")) or " " not in tail:
                value = f"{tail} {head}"
        if value.lower().startswith("the "):
            value = value[4:]
        names.append(value)
        if inner:
            names.append(inner)
    return names


# --------------------------------------------------------------------------- countries

def derive_countries(ref: Path, out: Path) -> tuple[int, int, set[str]]:
    manual = read_tsv(MANUAL / "countries_manual.tsv")
    deps = read_tsv(MANUAL / "dependencies_manual.tsv")
    states = {r["iso3"]: r for r in manual}
    dep_rows = {r["iso3"]: r for r in deps}
    extra: dict[str, list[str]] = {code: [] for code in list(states) + list(dep_rows)}
    for code in extra:
        entry = pycountry.countries.get(alpha_3=code)
        if entry is not None:
            extra[code] += iso_names(entry)
    dep_by_name = {fold(n): code for code in dep_rows for n in extra[code]}
    skip_names = {"Serbia and Montenegro", "Netherlands Antilles", "Madagaskar", "Gaza", "NULL"}
    for raw in (ref / "countrynames.txt").read_text(encoding="utf-8").splitlines():
        cells = raw.split("\t")
        if len(cells) < 2 or cells[0] in skip_names:
            continue
        name, code = drop_parenthesis(cells[0].strip())[0], cells[1].strip()
        name = name[4:] if name.lower().startswith("the ") else name
        code = ICEWS_CODE_FIX.get(code, code)
        target = code if len(code) == 3 else ICEWS_CODE_FIX.get(code[3:], code[3:])
        target = dep_by_name.get(fold(name), target)  # "Jersey GBR": the dependency, not the state
        if target in extra:
            extra[target].append(name)
    for block in phoenix_dict.read_actor_blocks(ref / "Phoenix.Countries.actors.txt"):
        codes = {r.code for r in block.roles if len(r.code) == 3 and r.end is None}
        for code in codes & set(states):
            known = {t for n in [states[code]["name"], *extra[code]] for t in fold(n).split()}
            for name in block.names[1:]:
                tokens = set(fold(name).split())
                names_now = [fold(n) for n in [states[code]["name"], *extra[code]]]
                if (tokens & STATE_WORDS and tokens & (known - STATE_WORDS - {"of", "the"})
                        and tokens <= known | STATE_WORDS | {"of", "the", "and"}
                        and not any(fold(name) in n for n in names_now)
                        and not any(difflib.SequenceMatcher(None, fold(name), n).ratio() >= 0.9
                                    for n in names_now)):
                    extra[code].append(smart_title(name))

    def state_row(code: str) -> list[str]:
        r = states[code]
        forms = split_values(r["adjectives"]) + split_values(r["demonyms"]) + split_values(r["capitals"])
        aliases = unique(split_values(r["aliases"]) + extra[code], exclude=[r["name"], *forms])
        entry = pycountry.countries.get(alpha_3=code)
        iso2 = entry.alpha_2 if entry is not None else ""
        return [code, r["name"], "|".join(aliases), r["adjectives"], r["demonyms"], r["capitals"],
                iso2, r["identifier_id"]]

    n_states = write_tsv(out / "countries.tsv", COUNTRY_HEADER,
                         ["iso3", "name", "aliases", "adjectives", "demonyms", "capitals", "iso2",
                          "identifier_id"],
                         (state_row(c) for c in sorted(states)))

    def dep_row(code: str) -> list[str]:
        entry = pycountry.countries.get(alpha_3=code)
        names = iso_names(entry) if entry is not None else [code]
        name = names[0]
        aliases = unique(split_values(dep_rows[code]["aliases"]) + extra[code], exclude=[name])
        return [code, name, "|".join(aliases), dep_rows[code]["controlling_state"]]

    n_deps = write_tsv(out / "dependencies.tsv", DEPENDENCY_HEADER,
                       ["iso3", "name", "aliases", "country"], (dep_row(c) for c in sorted(dep_rows)))
    return n_states, n_deps, set(states)


COUNTRY_HEADER = [
    "Independent states plus PLOVER's exception entities (Hong Kong, Palestine, Kosovo KOS, Holy See,",
    "Taiwan, Antarctica), with the names, adjectives, demonyms and capitals news text uses.",
    "GENERATED by tools/derive_actors.py -- do not edit; edit tools/actors_manual/countries_manual.tsv.",
    "Sources: tools/actors_manual/countries_manual.tsv (written for eventcoder, MIT: canonical names,",
    "  adjectives, demonyms, capitals and seat-of-government metonyms, Wikidata QIDs where certain);",
    "  pycountry (ISO 3166 names, LGPL-2.1, facts only); countrynames.txt (ICEWS country names,",
    "  openeventdata/text_to_CAMEO, MIT); official names from Phoenix.Countries.actors.txt",
    "  (openeventdata/petrarch2, MIT: only synonyms containing a state word and the country's name).",
    "capitals resolve to the country's GOV sector; names, adjectives and demonyms carry no sector.",
    "Known problems: Phoenix city/province synonyms and misspellings are left out; 'Jerusalem' is listed",
    "  as Israel's seat of government although its status is disputed; 'Brussels' is Belgium only;",
    "  'Congo' alone is the Republic of the Congo (ISO) though news often means DR Congo; ISO's",
    "  'Taiwan, Province of China' is omitted as a name; Kosovo has no ISO alpha-2 code here.",
]
DEPENDENCY_HEADER = [
    "ISO 3166 entries that are not independent states, folded into their controlling state (PLOVER 5.1.2).",
    "GENERATED by tools/derive_actors.py -- do not edit; edit tools/actors_manual/dependencies_manual.tsv.",
    "Sources: pycountry names (LGPL-2.1, facts only); countrynames.txt (ICEWS, MIT);",
    "  tools/actors_manual/dependencies_manual.tsv (written for eventcoder, MIT).",
    "country: the controlling state's ISO alpha-3 code; this is the country a mention resolves to.",
    "Known problems: Cook Islands and Niue (free association) fold into New Zealand.",
]


# --------------------------------------------------------------------------- agents

def map_code(code: str, noun: str) -> tuple[str | None, str]:
    """CAMEO agent code (+ the noun, for a few noun-based fixes) -> (PLOVER sector, secondary)."""
    tokens = set(noun.split())
    first, second = code[:3], code[3:6]
    if first in IDENTITY_CODES:
        if second and second not in IDENTITY_CODES and second in CAMEO_SECTOR:
            return CAMEO_SECTOR[second], ""
        return ("REL", "") if tokens & CLERGY_WORDS else (None, "")
    primary = CAMEO_SECTOR.get(first)
    if tokens & {"minister", "ministers", "ministry", "ministries"} or (first == "ENV" and "agency" in tokens):
        primary = "GOV"  # ministers are government whatever their portfolio code says
    elif first == "ENV" and "party" in tokens:
        primary = "PTY"
    secondary = ""
    if second and second not in NOT_SECONDARY:
        mapped = CAMEO_SECTOR.get(second, "")
        secondary = mapped if mapped != primary else ""
    return primary, secondary


def derive_agents(ref: Path, out: Path) -> int:
    manual = read_tsv(MANUAL / "agents_manual.tsv")
    by_noun: dict[str, list[str]] = {}
    order: list[str] = []

    def add(noun: str, plural: str, sector: str, secondary: str) -> None:
        key = fold(noun)
        if key not in by_noun:
            order.append(key)
        by_noun[key] = [noun, plural, sector, secondary]

    for row in manual:  # manual rows first, so they win and keep their position
        if row["sector"] != "-":
            plural = "" if row["plural"] == "-" else (row["plural"] or pluralise(row["noun"]))
            add(row["noun"], plural, row["sector"], row.get("secondary", ""))
    blocked = {fold(r["noun"]) for r in manual}
    blocked |= {fold(p) for r in manual for p in r["plural"].split("|") if p and p != "-"}
    derived: list[tuple[str, str | None, str]] = [
        (r.noun, r.plural, r.code) for r in phoenix_dict.read_agents(ref / "Phoenix.agents.txt")
    ]
    for raw in (ref / "agentnames.txt").read_text(encoding="utf-8").splitlines():
        cells = raw.split("\t")
        if len(cells) >= 2 and cells[0] in AGENTNAMES_KEEP:
            derived.append((AGENTNAMES_KEEP[cells[0]], None, cells[1].strip()))
    for noun, plural, code in derived:
        tokens = noun.split()
        if (not tokens or fold(noun) in blocked or set(tokens) & BAD_AGENT_TOKENS
                or tokens[-1] in FUNCTION_WORDS or len(noun) < 3
                or not re.fullmatch(r"[a-z][a-z0-9 .'/-]*", noun)):
            continue
        sector, secondary = map_code(code, noun)
        if sector is None:
            continue
        if plural is None:
            plural = "" if is_plural(noun) else pluralise(noun)
        if plural and fold(plural) in blocked:
            plural = ""
        blocked.add(fold(noun))
        blocked.add(fold(plural))
        add(noun, plural, sector, secondary)
    return write_tsv(out / "agents.tsv", AGENT_HEADER, ["noun", "plural", "sector", "secondary"],
                     (by_noun[k] for k in order))


AGENT_HEADER = [
    "Agent nouns (the generic names of actors: police, rebels, protesters) with their PLOVER sector.",
    "GENERATED by tools/derive_actors.py -- do not edit; edit tools/actors_manual/agents_manual.tsv.",
    "Sources: tools/actors_manual/agents_manual.tsv (written for eventcoder, MIT; listed first and wins);",
    "  Phoenix.agents.txt (openeventdata/petrarch2, MIT; CAMEO codes mapped to PLOVER: MED (media) -> JRN,",
    "  HLH (health) -> MED, NGO -> SOC, HRI/ENV (rights, environmental activists) -> CVL, RAD -> REB,",
    "  religious codes -> REL; DEV, PPL and IMG dropped); agentnames.txt (ICEWS sector names,",
    "  openeventdata/text_to_CAMEO, MIT; only rows that are plain news nouns).",
    "plural: regular plurals are generated; empty = no plural form. secondary: second PLOVER sector.",
    "Known problems: the Phoenix list keeps archaic WordNet nouns and some military hardware (MIL);",
    "  stems and misspellings found in it are dropped; generated plurals of rare nouns may be wrong.",
]


# --------------------------------------------------------------------------- people

def derive_people(ref: Path, out: Path, states: set[str]) -> int:
    hand_written = out / "people-current.tsv"
    current = read_tsv(hand_written if hand_written.exists() else DEFAULT_OUT / "people-current.tsv")
    known = set()
    for row in current:
        for name in [row["name"], *split_values(row["aliases"])]:
            if len(name.split()) >= 2:
                known.add(fold(name))
    current_by_country: dict[str, list[str]] = {}
    for row in current:
        for name in [row["name"], *split_values(row["aliases"])]:
            if len(name.split()) >= 2:
                current_by_country.setdefault(row["country"], []).append(fold(name))
    people: dict[str, dict[str, object]] = {}
    for block in phoenix_dict.read_actor_blocks(ref / "Phoenix.Countries.actors.txt"):
        if not _is_person(block):
            continue
        name = _person_name(block.names[0])
        if len(name.split()) < 2 or fold(name) in known:
            continue
        if any(fold(smart_title(n)) in known for n in block.names):
            continue
        leader = any(r.code[3:6] == "ELI" for r in block.roles)
        if _near_known(name, block.roles, current_by_country):
            continue
        roles = []
        for role in block.roles:
            country = ICEWS_CODE_FIX.get(role.code[:3], role.code[:3])
            sector = role.code[3:6]
            if country not in states or sector not in {"GOV", "MIL"}:
                continue
            if role.start is None and role.end is None:
                continue
            if role.start and role.end and role.start > role.end:  # inverted dates in the source
                continue
            if role.end is not None and role.end < (LEADER_SINCE if leader else MINISTER_SINCE):
                continue
            if not leader and role.end is None and (role.start or "") < MINISTER_OPEN_SINCE:
                continue
            roles.append((country, sector, role.start or "", role.end or ""))
        if not roles:
            continue
        entry = people.setdefault(fold(name), {"name": name, "aliases": [], "roles": []})
        entry["aliases"] += [smart_title(n) for n in block.names[1:] if _good_alias(n)]  # type: ignore[operator]
        for r in roles:
            if r not in entry["roles"]:  # type: ignore[operator]
                entry["roles"].append(r)  # type: ignore[union-attr]

    def rows() -> Iterable[list[str]]:
        for key in sorted(people):
            p = people[key]
            aliases = "|".join(unique(p["aliases"], exclude=[p["name"]]))  # type: ignore[arg-type]
            for country, sector, start, end in sorted(p["roles"], key=lambda r: (r[2], r[3])):  # type: ignore[arg-type]
                yield [str(p["name"]), aliases, country, sector, "", start, end, ""]

    return write_tsv(out / "people-phoenix.tsv", PEOPLE_HEADER,
                     ["name", "aliases", "country", "sector", "office", "from", "to", "identifier_id"],
                     rows())


def _near_known(name: str, roles: list[phoenix_dict.Role], by_country: dict[str, list[str]]) -> bool:
    """True when a people-current.tsv name of the same country is a spelling variant of this one."""
    key = fold(name)
    for country in {ICEWS_CODE_FIX.get(r.code[:3], r.code[:3]) for r in roles}:
        for other in by_country.get(country, []):
            if difflib.SequenceMatcher(None, key, other).ratio() >= 0.85:
                return True
    return False


def _is_person(block: phoenix_dict.ActorBlock) -> bool:
    if "CountryInfo" in block.comment:
        return True
    tokens = set(fold(block.names[0]).split())
    dated = any(r.start or r.end for r in block.roles)
    return dated and 2 <= len(tokens) <= 5 and not tokens & INSTITUTION_WORDS


def _person_name(raw: str) -> str:
    words = raw.replace("`", "'").split()
    while len(words) > 2 and words[0].lower() in HONORIFICS:
        words = words[1:]
    return smart_title(" ".join(words))


def _good_alias(raw: str) -> bool:
    tokens = fold(raw).split()
    return len(tokens) >= 2 and not set(tokens) & (TITLE_WORDS | INSTITUTION_WORDS)


PEOPLE_HEADER = [
    "People holding government (GOV) or military (MIL) roles, one row per role, from the Phoenix",
    "country actor dictionary (frozen January 2014).",
    "GENERATED by tools/derive_actors.py -- do not edit.",
    "Source: Phoenix.Countries.actors.txt (openeventdata/petrarch2, MIT; built from CountryInfo.140130.txt).",
    "How derived: blocks marked CountryInfo (or hand-added blocks with dated roles and a personal name);",
    "  roles [XXXGOV...] / [XXXMIL...] with a date restriction, for independent states only: for heads of",
    "  state/government (blocks that also carry ELI roles) roles ending 1990 or later, for other office",
    "  holders (ministers) roles ending 2012 or later, or still open in January 2014 and begun 2009 or",
    "  later (the source's last cabinets); two-digit years 00-30 read as 20YY (PETRARCH rule); aliases",
    "  of two or more words without titles; people already in people-current.tsv (also under a spelling",
    "  variant, same country) are skipped.",
    "Known problems: an open 'to' means the role was open when the source was frozen in January 2014 -",
    "  many have ended since; offices are not given by the source (office is empty); sector GOV covers",
    "  every minister (Phoenix secondary codes are dropped); names were upper-case in the source and are",
    "  re-capitalised by rule (McCain -> Mccain); dependencies' officials are left out.",
]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", type=Path, help="directory holding the reference files")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output data directory")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    n_states, n_deps, states = derive_countries(args.reference, args.out)
    n_agents = derive_agents(args.reference, args.out)
    n_people = derive_people(args.reference, args.out, states)
    print(f"countries.tsv: {n_states} rows; dependencies.tsv: {n_deps}; agents.tsv: {n_agents}; "
          f"people-phoenix.tsv: {n_people}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

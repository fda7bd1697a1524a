"""Readers for the PETRARCH/Phoenix dictionary formats (actors and agents), used by derive_actors.py.

Only the parts of the format the derivation needs are handled:

* actor files: a root line (``NAME_  [CODE]`` or ``NAME_``), ``+SYNONYM`` lines, and code lines
  ``[CODE]``, ``[CODE >YYMMDD]``, ``[CODE <YYMMDD]``, ``[CODE YYMMDD-YYMMDD]`` (YYYYMMDD also allowed;
  two-digit years 00-30 are 20YY, others 19YY, as in PETRARCH). A root that appears before the
  previous root received any code is treated as a synonym of it.
* agent files: ``NOUN {PLURAL} [~CODE]`` with ``!PERSON!``/``!MINIST!`` substitution sets.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

CODE_RE = re.compile(r"\[([^\]]*)\]")


@dataclass
class Role:
    code: str
    start: str | None  # ISO date
    end: str | None


@dataclass
class ActorBlock:
    names: list[str]
    comment: str
    roles: list[Role] = field(default_factory=list)
    line: int = 0


def parse_date(text: str) -> str | None:
    """YYMMDD or YYYYMMDD -> ISO date, or None when invalid."""
    text = text.strip()
    if not text.isdigit():
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_role(inner: str) -> Role | None:
    """The inside of one ``[...]`` code bracket; None when it is malformed."""
    parts = inner.split()
    if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
        return None
    code = parts[0]
    if len(parts) == 1:
        return Role(code, None, None)
    spec = "".join(parts[1:])
    if spec.startswith(">"):
        start = parse_date(spec[1:])
        return Role(code, start, None) if start else None
    if spec.startswith("<"):
        end = parse_date(spec[1:])
        return Role(code, None, end) if end else None
    if "-" in spec:
        a, b = spec.split("-", 1)
        start, end = parse_date(a), parse_date(b)
        return Role(code, start, end) if start and end else None
    return None


def _name(token: str) -> str:
    return token.strip().strip("_").replace("_", " ").strip()


def read_actor_blocks(path: Path) -> list[ActorBlock]:
    """Parse an actor dictionary into blocks (names + roles), in file order."""
    blocks: list[ActorBlock] = []
    current: ActorBlock | None = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        body, _, comment = raw.partition("#")
        stripped = body.strip()
        if not stripped:
            continue
        if stripped.startswith("+"):
            if current is not None:
                name = _name(stripped[1:].split("[")[0])
                if name:
                    current.names.append(name)
                _add_roles(current, stripped)
            continue
        if stripped.startswith("["):
            if current is not None:
                _add_roles(current, stripped)
            continue
        name = _name(stripped.split("[")[0])
        if current is not None and not current.roles:
            current.names.append(name)  # a second root before any code: same actor
            current.comment += " " + comment
        else:
            current = ActorBlock([name], comment, line=lineno)
            blocks.append(current)
        _add_roles(current, stripped)
    return blocks


def _add_roles(block: ActorBlock, text: str) -> None:
    for inner in CODE_RE.findall(text):
        role = parse_role(inner)
        if role is not None:
            block.roles.append(role)


SUBSTITUTIONS = {
    "!PERSON!": [("man", "men"), ("woman", "women"), ("person", "persons")],
    "!MINIST!": [("minister", "ministers"), ("ministry", "ministries")],
}


@dataclass
class AgentRow:
    noun: str
    plural: str | None  # None = generate; "" = no plural
    code: str
    line: int


def read_agents(path: Path) -> list[AgentRow]:
    """Parse an agents dictionary; substitution sets are expanded into separate rows."""
    rows: list[AgentRow] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        body = raw.split("#", 1)[0].strip()
        if not body or "=" in body.split("[")[0]:
            continue
        m = re.match(r"^(?P<noun>[^\[{]+?)\s*(\{(?P<plural>[^}]*)\})?\s*\[~(?P<code>[A-Z]+)\]", body)
        if not m:
            continue
        noun, plural, code = m.group("noun").strip(), m.group("plural"), m.group("code")
        # "AD!MINIST!RATION": a marker inside a word is a search-and-replace artefact in the source
        noun = re.sub(r"(?<=[A-Za-z])!([A-Z]+)!", r"\1", noun)
        plural_text = None if plural is None else plural.strip()
        for form, form_plural in _expand(noun):
            if plural_text is not None:
                p: str | None = _clean(plural_text)
            else:
                p = _clean(form_plural) if form_plural else None
            rows.append(AgentRow(_clean(form), p, code, lineno))
    return rows


def _expand(noun: str) -> list[tuple[str, str | None]]:
    """Expand !SET! markers; the plural of a substituted head is returned when it is the last word."""
    for marker, forms in SUBSTITUTIONS.items():
        if marker in noun:
            out: list[tuple[str, str | None]] = []
            for sing, plur in forms:
                head = noun.replace(marker, sing, 1)
                for expanded, _ in _expand(head):
                    tail = noun.split(marker, 1)[1]
                    plural = None
                    if not tail.strip("_ "):
                        plural = noun.replace(marker, plur, 1)
                        plural = _expand(plural)[0][0] if "!" in plural else plural
                    out.append((expanded, plural))
            return out
    return [(noun, None)]


def _clean(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).lower()

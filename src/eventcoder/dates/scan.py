"""Running the date grammar over an article: each rule's regex tried only where one of its matches can begin.

`rule.pattern.finditer(text)` tries the regex at every character of the article, and the
grammar has some thirty rules: thirty passes over every article were a quarter of the time
spent after parsing.  Every rule starts with ``(?<!\\w)`` and with one of a few words or
digits ("the", "early", a month, "1"/"20" of a year ...).  `literal_prefixes` reads those
beginnings (up to three characters, compared case-insensitively) from the regex's parse
tree; `Starts` indexes once where runs of non-space characters begin in the article, by
their first characters; `finditer` tries the rule's regex only at the starts carrying one of
its prefixes, in order, resuming after each match.

The matches are exactly those of `pattern.finditer(text)`: a match can only begin at a
position where the regex's own ``(?<!\\w)`` holds and the text begins with one of the
prefixes (ASCII letters compare as the regex's IGNORECASE compares them; a start whose first
characters are not all ASCII is always tried), `pattern.match(text, pos)` is the attempt
`finditer` makes at `pos` (look-behinds see the text before `pos`), and a rule whose
prefixes cannot be read, or that could match the empty string, is run with `finditer`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

try:  # Python >= 3.11
    import re._constants as _sre
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10 and older name them sre_*
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

PREFIX_CHARS = 3  # how far into a match its literal beginning is read
_CLASS_LIMIT = 12  # a character class of more characters ends the prefix ([a-z], \w ...)
_WORD_START = r"(?<!\w)"
_STARTS = re.compile(r"(?<!\w)(?=\S)")  # where a rule's match can begin: not after a word character
_REPEATS = tuple(op for op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)) if op)
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)

_State = tuple[str, bool]  # (prefix so far, whether it can still grow)


@functools.lru_cache(maxsize=256)
def literal_prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings one of which begins every match of `pattern`; None when that cannot be said.

    None also for a pattern that does not start with ``(?<!\\w)`` (the index holds only
    such starts) or that may match the empty string.
    """
    if not pattern.pattern.startswith(_WORD_START) or pattern.flags & re.ASCII or pattern.flags & re.LOCALE:
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:  # pragma: no cover - it compiled once already
        return None
    if tree.getwidth()[0] == 0:
        return None
    prefixes = {p for p, _ in _sequence(list(tree), {("", True)})}
    if not prefixes or "" in prefixes:
        return None
    return frozenset(prefixes)


def _sequence(items: list[tuple[Any, Any]], states: set[_State]) -> set[_State]:
    for op, av in items:
        if not any(growing for _, growing in states):
            break
        states = _item(op, av, states)
    return states


def _item(op: Any, av: Any, states: set[_State]) -> set[_State]:
    if op is _sre.LITERAL:
        return _extend(states, {chr(av)})
    if op is _sre.IN:
        chars = _class_chars(av)
        return _extend(states, chars) if chars is not None else _stop(states)
    if op is _sre.BRANCH:
        out: set[_State] = set()
        for alternative in av[1]:
            out |= _sequence(list(alternative), states)
        return out
    if op is _sre.SUBPATTERN:
        return _sequence(list(av[-1]), states)
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _sequence(list(av), states)
    if op in _REPEATS:
        low, high, sub = av
        once = _sequence(list(sub), states)
        if high != 1:
            once = _stop(once)  # what a second repetition adds is not followed
        return states | once if low == 0 else once
    if op in _ZERO_WIDTH:
        return states  # ignoring a look-around only lets more positions be tried
    return _stop(states)  # any character, a back-reference, a category outside a class ...


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The characters of a small character class, or None (negated, categories other than digits, large)."""
    chars: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] < _CLASS_LIMIT:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is _sre.CATEGORY and av is _sre.CATEGORY_DIGIT:
            chars.update("0123456789")  # other digits are not ASCII: their starts are always tried
        else:
            return None
    return chars if len(chars) <= _CLASS_LIMIT else None


def _extend(states: set[_State], chars: set[str]) -> set[_State]:
    out: set[_State] = set()
    for prefix, growing in states:
        if not growing:
            out.add((prefix, False))
            continue
        for ch in chars:
            if not ch.isascii() or ch.isspace():
                out.add((prefix, False))  # the prefix ends before a character the index does not compare
                continue
            longer = prefix + ch.lower()
            out.add((longer, len(longer) < PREFIX_CHARS))
    return out


def _stop(states: set[_State]) -> set[_State]:
    return {(prefix, False) for prefix, _ in states}


class Starts:
    """Where runs of non-space characters begin in a text (not after a word character), by their first characters."""

    def __init__(self, text: str) -> None:
        by_head: dict[str, list[int]] = {}
        for m in _STARTS.finditer(text):
            pos = m.start()
            head = text[pos : pos + PREFIX_CHARS]
            found = by_head.get(head)
            if found is None:
                by_head[head] = [pos]
            else:
                found.append(pos)
        self.always: list[int] = []  # starts whose first characters are not all ASCII
        self.by_prefix: dict[str, list[int]] = {}
        for head, positions in by_head.items():
            if not head.isascii():
                self.always.extend(positions)
                continue
            head = head.lower()
            for n in range(1, len(head) + 1):
                found = self.by_prefix.get(head[:n])
                if found is None:
                    self.by_prefix[head[:n]] = list(positions)
                else:
                    found.extend(positions)

    def candidates(self, prefixes: frozenset[str]) -> list[int]:
        """The starts at which the text begins with one of `prefixes` (or with non-ASCII), in order."""
        found = set(self.always)
        for prefix in prefixes:
            found.update(self.by_prefix.get(prefix, ()))
        return sorted(found)


def finditer(pattern: re.Pattern[str], text: str, starts: Starts) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying the pattern only at the `starts` one of its matches can begin at."""
    prefixes = literal_prefixes(pattern)
    if prefixes is None:
        yield from pattern.finditer(text)
        return
    match = pattern.match
    resume = 0
    for pos in starts.candidates(prefixes):
        if pos < resume:
            continue
        m = match(text, pos)
        if m is None:
            continue
        if m.end() == m.start():  # pragma: no cover - literal_prefixes refuses patterns that match ""
            raise AssertionError(f"{pattern.pattern!r} matched the empty string")
        yield m
        resume = m.end()


__all__ = ["PREFIX_CHARS", "Starts", "finditer", "literal_prefixes"]

"""Names one typo away: an index of a name list by single-letter deletions (the symmetric-delete method).

`TypoIndex.find` answers "which names are one letter dropped, added, changed or two swapped
away from this one" in a few dictionary lookups.  rapidfuzz was considered: it scores one
name against every name in the list per lookup (tens of thousands of names for every unknown
capitalised word), where this index does a lookup per letter of the word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class TypoIndex(Generic[T]):
    """(form, item) pairs indexed by every form and every deletion of one letter from it."""

    def __init__(self, pairs: Iterable[tuple[str, T]]) -> None:
        self._index: dict[str, list[tuple[str, T]]] = {}
        for form, item in pairs:
            for variant in deletions(form) | {form}:
                self._index.setdefault(variant, []).append((form, item))

    def find(self, key: str, keep: Callable[[T], bool] = lambda item: True) -> list[tuple[str, T]]:
        """The (form, item) pairs whose form is exactly one typo from `key` with the same first letter."""
        found = []
        for variant in deletions(key) | {key}:
            for form, item in self._index.get(variant, ()):
                if keep(item) and form[0] == key[0] and one_typo(key, form):
                    found.append((form, item))
        return found


def deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def one_typo(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance of exactly one (a != b), inside the word: a different ending
    ("Georgie", "Indiana") is another name more often than a slip."""
    if a == b or abs(len(a) - len(b)) > 1 or a[-2:] != b[-2:]:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))

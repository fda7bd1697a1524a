"""English plural forms of agent nouns, for tools/derive_actors.py."""

from __future__ import annotations


def pluralise(noun: str) -> str:
    """English plural of a noun phrase: the head (first word before a preposition, else last) inflects."""
    words = noun.split()
    head = len(words) - 1
    for i, w in enumerate(words[1:], 1):
        if w in {"of", "for", "in", "to", "on", "at", "from", "with"}:
            head = i - 1
            break
    words[head] = _plural_word(words[head])
    return " ".join(words)


def _plural_word(word: str) -> str:
    irregular = {"man": "men", "woman": "women", "person": "people", "child": "children",
                 "thief": "thieves", "chief": "chiefs", "staff": "staff", "police": "police",
                 "personnel": "personnel", "people": "people", "militia": "militias"}
    if word in irregular:
        return irregular[word]
    for sing, plur in (("woman", "women"), ("man", "men")):
        if word.endswith(sing) and word not in {"human", "shaman", "german", "roman", "ottoman"}:
            return word[: -len(sing)] + plur
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def is_plural(noun: str) -> bool:
    """Whether a phrase is already plural (its head is): 'militiamen', 'armed forces', 'ministers of state'."""
    words = noun.split()
    head = words[-1]
    for i, w in enumerate(words[1:], 1):
        if w in {"of", "for", "in", "to", "on", "at", "from", "with", "and"}:
            head = words[i - 1]
            break
    if head.endswith(("men", "people", "children", "folk", "police", "personnel")):
        return True
    return head.endswith("s") and not head.endswith(("ss", "us", "is", "ics"))

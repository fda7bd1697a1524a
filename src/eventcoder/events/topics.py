"""Non-political stories: conflict words in sport, entertainment and technology copy.

"Arsenal beat Chelsea", "Spears attacked the tabloids", "firms targeting gamers":
sentence-level discard phrases (discards.py) catch the fixed expressions; this
rule looks at the whole article. Its lemmas are counted against the topic word
lists in data/events/topics.tsv; when one topic has at least MIN_DISTINCT distinct
words and they outnumber the article's political signals (KB actors that are
states, organisations or armed/political sectors), the article is taken to be
about that topic and its *material-conflict* events (ASSAULT, COERCE, THREATEN,
SANCTION, MOBILIZE) are dropped. Cooperative and verbal events stay.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from importlib import resources

from spacy.tokens import Doc

from ..errors import DataFileError

DATA = "events/topics.tsv"
MIN_DISTINCT = 5
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE"})


@functools.lru_cache(maxsize=1)
def topic_words() -> dict[str, frozenset[str]]:
    text = resources.files("eventcoder.data").joinpath(DATA).read_text(encoding="utf-8")
    words: dict[str, set[str]] = defaultdict(set)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("topic\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise DataFileError(DATA, n, "expected 'topic<TAB>word'")
        words[parts[0]].add(parts[1].strip().lower())
    return {k: frozenset(v) for k, v in words.items()}


def nonpolitical_topic(doc: Doc, political_signals: int) -> str | None:
    """The non-political topic the article is about, or None."""
    lemmas = {t.lemma_.lower() for t in doc if t.is_alpha or "-" in t.text}
    best, best_n = None, 0
    for topic, words in topic_words().items():
        n = len(lemmas & words)
        if n > best_n:
            best, best_n = topic, n
    if best_n >= MIN_DISTINCT and best_n > political_signals:
        return best
    return None

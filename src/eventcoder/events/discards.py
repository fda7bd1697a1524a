"""Non-political copy: sentences (or whole articles) whose events are not coded.

"Arsenal attacked down the left", "the band stormed the charts": conflict
vocabulary in sport, entertainment and technology copy.  Like PETRARCH, we
discard a sentence that contains a discard phrase, or the whole article for
story-level phrases; the phrases live in data/events/discards.tsv.
"""

from __future__ import annotations

from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..errors import DataFileError
from ..nlp.sentences import sentence_of

DATA = "events/discards.tsv"


class Discards:
    def __init__(self, nlp: Language) -> None:
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        sentence, article = _read()
        self._matcher.add("SENTENCE", list(nlp.tokenizer.pipe(sentence)))
        self._matcher.add("ARTICLE", list(nlp.tokenizer.pipe(article)))
        self._article_id = nlp.vocab.strings["ARTICLE"]

    def discarded_sentences(self, doc: Doc) -> set[int] | None:
        """Start tokens of discarded sentences; None when the whole article is discarded."""
        starts: set[int] = set()
        for match_id, start, _end in self._matcher(doc):
            if match_id == self._article_id:
                return None
            starts.add(sentence_of(doc[start]).start)
        return starts


def _read() -> tuple[list[str], list[str]]:
    text = resources.files("eventcoder.data").joinpath(DATA).read_text(encoding="utf-8")
    sentence: list[str] = []
    article: list[str] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("scope\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in ("sentence", "article"):
            raise DataFileError(DATA, n, "expected 'scope<TAB>phrase<TAB>source' with scope sentence|article")
        (article if parts[0] == "article" else sentence).append(parts[1])
    return sentence, article

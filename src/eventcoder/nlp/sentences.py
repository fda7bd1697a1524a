"""Fast sentence lookup for tokens.

`Token.sent` walks the document to find the sentence boundaries on every call,
which made sentence lookups the hottest spot of the pipeline on long articles.
`sentence_of` computes the sentences of a doc once and caches them in
`doc.user_data`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_KEY = "eventcoder.sentences"


def sentences(doc: Doc) -> tuple[list[Span], list[int]]:
    """The doc's sentences and, for each token, the index of its sentence."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            spans = list(doc.sents)
        else:
            spans = [doc[:]]
        index = [0] * len(doc)
        for n, s in enumerate(spans):
            for i in range(s.start, s.end):
                index[i] = n
        cached = (spans, index)
        doc.user_data[_KEY] = cached
    return cached


def sentence_of(tok: Token) -> Span:
    spans, index = sentences(tok.doc)
    return spans[index[tok.i]]

"""A document's token attributes as plain Python lists, read once per doc.

Every `Token` attribute access builds a Token object and, for string attributes
(``tok.lower_``, ``tok.pos_``), decodes a string from the vocabulary: about a
microsecond per token and attribute, paid again by every stage that walks the
document.  `token_table(doc)` reads the attributes with `Doc.to_array` (one C loop
per attribute), decodes each distinct value once, and caches the lists in
``doc.user_data``, so the stages after parsing share them.  `doc_text(doc)` does the
same for ``doc.text``, which spaCy rebuilds token by token on every access; the
pipeline seeds it with the article's text (`remember_text`), which is ``doc.text``
because spaCy's tokenizer never changes the text.

The lists equal their Token counterparts exactly: ``words[i] == doc[i].text``,
``lower[i] == doc[i].lower_``, ``lemma[i] == doc[i].lemma_``, ``pos[i] == doc[i].pos_``, ``dep[i] == doc[i].dep_``,
``ent_type[i] == doc[i].ent_type_``, ``is_punct[i] == doc[i].is_punct``,
``idx[i] == doc[i].idx``.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, ENT_TYPE, IDX, IS_PUNCT, LEMMA, LENGTH, LOWER, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

_TABLE_KEY = "eventcoder.tokens"
_TEXT_KEY = "eventcoder.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc (or the text the pipeline remembered for it)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record `text` as ``doc.text`` (the string the doc was made from), if its length says it is."""
    if len(doc) == 0:
        return
    last = doc[-1]
    if last.idx + len(last.text_with_ws) == len(text):
        doc.user_data[_TEXT_KEY] = text


def release(doc: Doc) -> None:
    """Drop eventcoder's per-doc caches (``doc.user_data`` keys starting ``eventcoder.``).

    They refer back to the doc (sentence spans, this table), so a doc holding them is freed
    only by Python's cyclic garbage collector, whose full collections are rare in a process
    holding a large knowledge base: parsed docs then pile up in a worker's memory.  The
    pipeline releases them as soon as an article's stages are done.
    """
    stale = [key for key in doc.user_data if isinstance(key, str) and key.startswith("eventcoder.")]
    for key in stale:
        del doc.user_data[key]


class TokenTable:
    """Token attributes of one doc as lists indexed by token; the string columns are read on first use."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        text = self.text
        cols = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        self.idx: list[int] = [c[0] for c in cols]
        self.words: list[str] = [text[s : s + n] for s, n in cols]
        self._columns: dict[str, list[Any]] = {}

    def __len__(self) -> int:
        return len(self.words)

    @property
    def lower(self) -> list[str]:
        return self._strings("lower", LOWER)

    @property
    def lemma(self) -> list[str]:
        return self._strings("lemma", LEMMA)

    @property
    def dep(self) -> list[str]:
        return self._strings("dep", DEP)

    @property
    def ent_type(self) -> list[str]:
        return self._strings("ent_type", ENT_TYPE)

    @property
    def pos(self) -> list[str]:
        col = self._columns.get("pos")
        if col is None:
            col = self._columns["pos"] = [POS_NAMES[p] for p in self._ints(POS)]
        return col

    @property
    def is_punct(self) -> list[bool]:
        col = self._columns.get("is_punct")
        if col is None:
            col = self._columns["is_punct"] = [bool(v) for v in self._ints(IS_PUNCT)]
        return col

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` for a non-empty token range."""
        return self.text[self.idx[start] : self.idx[end - 1] + len(self.words[end - 1])]

    def _ints(self, attr: int) -> list[int]:
        return self.doc.to_array(attr).tolist() if len(self.words) else []

    def _strings(self, name: str, attr: int) -> list[str]:
        col = self._columns.get(name)
        if col is None:
            strings = self.doc.vocab.strings
            seen: dict[int, str] = {}
            col = []
            for h in self._ints(attr):
                s = seen.get(h)
                if s is None:
                    s = seen[h] = strings[h]
                col.append(s)
            self._columns[name] = col
        return col


def token_table(doc: Doc) -> TokenTable:
    """The doc's `TokenTable`, built on first use and cached in ``doc.user_data``."""
    table = doc.user_data.get(_TABLE_KEY)
    if table is None or len(table) != len(doc):
        table = doc.user_data[_TABLE_KEY] = TokenTable(doc)
    return table


__all__ = ["TokenTable", "doc_text", "release", "remember_text", "token_table"]

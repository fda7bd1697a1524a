"""The token table: the same values as the Token attributes, read once per doc; caches released after coding."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventcoder.nlp.sentences import sentence_of
from eventcoder.nlp.tokens import doc_text, release, remember_text, token_table
from eventcoder.types import Article

TEXTS = [
    "The foreign ministers of Norway and Chile met in Oslo on Monday.",
    "  Police arrested 40 protesters outside the parliament in Santiago —  “illegally”, lawyers said.\n\nU.S.-led talks",
    "Kyiv’s mayor said Russian drones struck the city overnight; no one was hurt.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_table_holds_what_the_tokens_say(nlp: Language, text: str) -> None:
    doc = nlp(text)
    tt = token_table(doc)
    assert tt.text == doc.text == doc_text(doc)
    assert tt.words == [t.text for t in doc]
    assert tt.idx == [t.idx for t in doc]
    assert tt.lower == [t.lower_ for t in doc]
    assert tt.lemma == [t.lemma_ for t in doc]
    assert tt.pos == [t.pos_ for t in doc]
    assert tt.dep == [t.dep_ for t in doc]
    assert tt.ent_type == [t.ent_type_ for t in doc]
    assert tt.is_punct == [t.is_punct for t in doc]
    assert [tt.span_text(s.start, s.end) for s in doc.sents if len(s)] == [s.text for s in doc.sents if len(s)]
    assert token_table(doc) is tt  # built once per doc


def test_the_text_is_remembered_only_when_it_is_the_docs(nlp: Language) -> None:
    doc = nlp("Turkey expelled two diplomats.")
    remember_text(doc, "A different text of another length")
    assert doc_text(doc) == doc.text
    other = nlp("Turkey expelled two diplomats.")
    remember_text(other, "Turkey expelled two diplomats.")
    assert doc_text(other) == other.text


def test_release_drops_eventcoder_caches_and_keeps_other_user_data(nlp: Language) -> None:
    doc = nlp("Egypt hosted talks in Cairo. Both sides agreed to meet again.")
    doc.user_data["someone.else"] = 1
    token_table(doc)
    sentence_of(doc[0])
    release(doc)
    assert doc.user_data == {"someone.else": 1}


def test_coding_an_article_leaves_no_cache_on_the_doc(coder, nlp: Language) -> None:
    text = "Armenia accused Azerbaijan of shelling a village near Stepanakert on Sunday."
    doc = coder.nlp(text)
    events = coder._events(Article(id="a", text=text, published="2023-05-02"), doc)
    assert events, "the sentence should be coded"
    assert not [k for k in doc.user_data if isinstance(k, str) and k.startswith("eventcoder.")]

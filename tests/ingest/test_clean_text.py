"""Cleaning article text and rejecting what is not text."""

from __future__ import annotations

import pytest

from eventcoder.errors import BinaryArticle, EmptyArticle, MalformedRecord, OversizedArticle, UndecodableArticle
from eventcoder.ingest.clean import clean_text, decode_bytes, looks_binary, normalise_date, prepare_article
from eventcoder.types import Article


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Talks ended.\r\nBoth sides left.", "Talks ended.\nBoth sides left."),
        ("Talks ended.\rBoth sides left.", "Talks ended.\nBoth sides left."),
        ("Line one\u2028line two", "Line one\nline two"),
        ("Prime\u00a0Minister\u202fKarl\u3000Berg", "Prime Minister Karl Berg"),
        ("nego\u00adtiations in Ge\u200bneva\ufeff", "negotiations in Geneva"),
        ("\u200eRiga\u200f said", "Riga said"),
        ("bell\x07 and\x1b escape\x7f", "bell and escape"),
        ("col1\tcol2", "col1\tcol2"),
        ("trailing   \nspaces\t\nend", "trailing\nspaces\nend"),
        ("one\n\n\n\n\ntwo", "one\n\ntwo"),
        ("one\n  \n\t\n\ntwo", "one\n\ntwo"),
        ("one\n\ntwo", "one\n\ntwo"),
        ("Pe\u0301rez visited", "P\u00e9rez visited"),
        ("\n\n   Headline  \n\n", "Headline"),
    ],
)
def test_clean_text_normalises(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    "raw",
    [
        "A\r\n\r\n\r\n\r\nB \u00a0\u200b",
        "<!DOCTYPE html><html><body><p>Ministers met.</p><p>They agreed.</p></body></html>",
        "  x \n\n\n y\x01  ",
    ],
)
def test_clean_text_is_idempotent(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once) == once


def test_whole_html_document_is_reduced_to_visible_text() -> None:
    html = (
        "<!doctype html><html><head><title>Summit</title><style>p {color: red}</style>"
        "<script>var x = '<p>no</p>';</script></head><body><h1>Leaders meet</h1>"
        "<p>The   leaders &amp; their aides\nmet on Monday.</p><!-- comment --></body></html>"
    )
    assert clean_text(html) == "Summit\n\nLeaders meet\n\nThe leaders & their aides met on Monday."


def test_tags_inside_ordinary_text_are_left_alone() -> None:
    assert clean_text("The minister said <b>no</b>.") == "The minister said <b>no</b>."


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"plain", "plain"),
        (b"\xef\xbb\xbfwith BOM", "with BOM"),
        ("Reykjavík".encode(), "Reykjavík"),
    ],
)
def test_decode_bytes_accepts_utf8(data: bytes, text: str) -> None:
    assert decode_bytes(data, "a", "a.txt") == text


@pytest.mark.parametrize(
    ("data", "error", "reason"),
    [
        (b"caf\xe9 au lait", UndecodableArticle, "invalid byte 0xe9 at offset 3"),
        (b"\xff\xfeh\x00i\x00", UndecodableArticle, "UTF-16"),
        (b"PK\x03\x04\x00\x00binary", BinaryArticle, "binary"),
    ],
)
def test_decode_bytes_rejects_what_is_not_utf8_text(data: bytes, error: type, reason: str) -> None:
    with pytest.raises(error) as caught:
        decode_bytes(data, "doc-7", "in/doc.txt")
    assert caught.value.article_id == "doc-7"
    assert caught.value.where == "in/doc.txt"
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    ("text", "binary"),
    [
        ("ordinary news text\twith a tab\n", False),
        ("one stray \x01 control in a long enough line of ordinary words", False),
        ("\x01\x02\x03\x04\x05abc", True),
        ("has a NUL\x00 inside", True),
    ],
)
def test_looks_binary(text: str, binary: bool) -> None:
    assert looks_binary(text) is binary


def test_prepare_article_returns_clean_text_and_iso_date() -> None:
    article = Article(id="a", text="  Talks\r\nended. ", published="2023-11-04T22:15:00+04:00")
    prepared = prepare_article(article, 1000)
    assert prepared.text == "Talks\nended."
    assert prepared.published == "2023-11-04"
    assert prepared.id == "a"


def test_prepare_article_keeps_an_already_clean_article() -> None:
    article = Article(id="a", text="Clean text.", published="2023-11-04")
    assert prepare_article(article, 1000) is article


@pytest.mark.parametrize(
    ("text", "published", "error"),
    [
        ("", None, EmptyArticle),
        ("   \n\t \n", None, EmptyArticle),
        ("\u200b\ufeff\u00ad", None, EmptyArticle),
        ("\x01\x02\x03\x04\x05\x06\x07\x08", None, BinaryArticle),
        ("text with a lone surrogate \udcff", None, UndecodableArticle),
        ("Fine text.", "yesterday", MalformedRecord),
    ],
)
def test_prepare_article_rejects_bad_articles(text: str, published: str | None, error: type) -> None:
    with pytest.raises(error) as caught:
        prepare_article(Article(id="bad-1", text=text, published=published), 1000)
    assert caught.value.article_id == "bad-1"


@pytest.mark.parametrize("text", ["x" * 11, "é" * 6, "x" * 10_000])
def test_prepare_article_limits_utf8_bytes(text: str) -> None:
    with pytest.raises(OversizedArticle) as caught:
        prepare_article(Article(id="big", text=text), 10)
    assert "limit 10 bytes" in caught.value.reason
    assert f"{len(text.encode())} bytes" in caught.value.reason


def test_prepare_article_accepts_text_at_the_limit() -> None:
    assert prepare_article(Article(id="ok", text="é" * 5), 10).text == "é" * 5


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-11-04", "2023-11-04"),
        ("2023-11-04T10:00:00Z", "2023-11-04"),
        ("2023-11-04T23:30:00-05:00", "2023-11-04"),
        ("2023-11-04 10:00", "2023-11-04"),
        ("Sat, 04 Nov 2023 10:00:00 GMT", "2023-11-04"),
        (" 2023-11-04 ", "2023-11-04"),
        ("Nov 4, 2023", None),
        ("2023-13-01", None),
        ("04/11/2023", None),
        ("", None),
    ],
)
def test_normalise_date(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected

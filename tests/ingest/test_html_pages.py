"""HTML pages: boilerplate removed by trafilatura, title/date/URL/outlet from the page's metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.ingest import read_paths
from eventcoder.types import Article, ArticleFailure

BODY = (
    "The foreign ministers of Norway and Chile met in Oslo on Monday to discuss fishing quotas and trade. "
    "Police arrested dozens of protesters in Santiago on Tuesday after a march against rising prices."
)


def page(body: str = BODY, head: str = "", nav: str = "Home | World | Sport | Subscribe now") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>Ministers meet in Oslo | Nordic Wire</title>{head}</head><body>"
        f"<nav>{nav}</nav><div class='cookie'>We use cookies. Accept all cookies?</div>"
        f"<article><h1>Ministers meet in Oslo</h1><p>{body}</p></article>"
        "<footer>Copyright Nordic Wire. All rights reserved. Privacy policy. Contact us.</footer></body></html>"
    )


META = (
    '<meta property="og:site_name" content="Nordic Wire">'
    '<link rel="canonical" href="https://news.example.org/world/oslo-talks">'
    '<meta property="article:published_time" content="2024-03-12T08:00:00+00:00">'
    '<meta property="og:title" content="Ministers meet in Oslo">'
)


def read_one(path: Path, **kwargs: object) -> Article | ArticleFailure:
    (item,) = list(read_paths([str(path)], **kwargs))  # type: ignore[arg-type]
    return item


def test_page_text_without_boilerplate_and_metadata_from_the_page(tmp_path: Path) -> None:
    path = tmp_path / "oslo.html"
    path.write_text(page(head=META), encoding="utf-8")
    article = read_one(path, published="2020-01-01", source="Fallback")
    assert isinstance(article, Article)
    assert BODY.split(". ")[0] in article.text and "Santiago on Tuesday" in article.text
    for boilerplate in ("Subscribe", "cookies", "Copyright", "Privacy"):
        assert boilerplate not in article.text
    assert (article.id, article.title, article.published, article.source, article.url) == (
        "oslo.html", "Ministers meet in Oslo", "2024-03-12", "Nordic Wire", "https://news.example.org/world/oslo-talks",
    )


def test_command_line_defaults_apply_when_the_page_has_no_metadata(tmp_path: Path) -> None:
    path = tmp_path / "bare.htm"
    path.write_text(page(), encoding="utf-8")
    article = read_one(path, published="2024-03-15", source="Fallback")
    assert isinstance(article, Article)
    assert (article.published, article.source, article.url) == ("2024-03-15", "Fallback", None)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty article"),
        (b"<html><body><nav></nav></body></html>", "empty article"),
        (b"<html>\x00\x01\x02\x03\x04 binary \x00</html>", "binary"),
    ],
)
def test_a_page_without_text_fails_alone(tmp_path: Path, data: bytes, reason: str) -> None:
    bad = tmp_path / "bad.html"
    bad.write_bytes(data)
    good = tmp_path / "good.html"
    good.write_text(page(), encoding="utf-8")
    failure, article = list(read_paths([str(bad), str(good)]))
    assert isinstance(failure, ArticleFailure) and reason in failure.reason and failure.where == str(bad)
    assert isinstance(article, Article) and article.id == "good.html"


def test_directory_reads_pages_and_skips_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("<?xml version='1.0'?><urlset></urlset>", encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))
    assert [i.id for i in items] == ["a.html"]

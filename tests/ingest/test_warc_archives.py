"""WARC archives: HTML responses become articles; other records are skipped; damage fails alone."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventcoder.ingest import read_paths
from eventcoder.types import Article, ArticleFailure

PAGE = (
    "<html><head><title>Talks in Lima</title></head><body><nav>Menu Home News</nav><article><p>"
    "Diplomats from Norway and Peru met in Lima on Monday to discuss a new fisheries agreement "
    "and the protection of coastal waters.</p></article><footer>All rights reserved.</footer></body></html>"
)


def write_warc(path: Path, gzip: bool) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)

        def response(url: str, status: str, media: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", media)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2024-05-02T10:00:00Z"})
            writer.write_record(record)

        response("https://news.example.org/lima", "200 OK", "text/html; charset=utf-8", PAGE.encode())
        response("https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")
        response("https://news.example.org/old", "301 Moved Permanently", "text/html", b"<html>moved</html>")
        response("https://news.example.org/empty", "200 OK", "text/html", b"<html><body></body></html>")


@pytest.mark.parametrize(("name", "gzip"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_html_responses_become_articles_with_their_url(tmp_path: Path, name: str, gzip: bool) -> None:
    path = tmp_path / name
    write_warc(path, gzip)
    article, failure = list(read_paths([str(path)]))
    assert isinstance(article, Article)
    assert article.id == article.url == "https://news.example.org/lima"
    assert "met in Lima on Monday" in article.text and "Menu" not in article.text
    assert article.title == "Talks in Lima"
    assert article.published == "2024-05-02"  # no date in the page: the capture date
    assert article.source == "news.example.org"
    assert isinstance(failure, ArticleFailure) and failure.article_id == "https://news.example.org/empty"
    assert failure.where.startswith(f"{path}@")


def test_published_option_wins_over_the_capture_date(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, gzip=True)
    article = list(read_paths([str(path)], published="2024-04-30"))[0]
    assert isinstance(article, Article) and article.published == "2024-04-30"


def test_a_file_that_is_not_a_warc_fails_and_the_next_input_is_read(tmp_path: Path) -> None:
    bad = tmp_path / "broken.warc"
    bad.write_bytes(b"this is not an archive\n" * 5)
    good = tmp_path / "good.txt"
    good.write_text("Diplomats met in Lima.", encoding="utf-8")
    failure, article = list(read_paths([str(bad), str(good)]))
    assert isinstance(failure, ArticleFailure) and "WARC" in failure.reason
    assert isinstance(article, Article) and article.id == "good.txt"

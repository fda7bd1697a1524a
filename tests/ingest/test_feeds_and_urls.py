"""RSS/Atom feeds and URLs, served on 127.0.0.1 by the test itself (no other network)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventcoder.ingest import read_paths
from eventcoder.types import Article, ArticleFailure

STORY = (
    "Diplomats from Norway and Peru met in Lima on Monday to discuss a new fisheries agreement. "
    "Officials said the talks would continue in Oslo next month."
)
PAGE = (
    "<html><head><title>Lima talks</title><meta property='og:site_name' content='Andes Daily'></head><body>"
    "<nav>Home | Politics | Subscribe</nav><article><h1>Lima talks</h1><p>" + STORY + "</p></article>"
    "<footer>Copyright Andes Daily</footer></body></html>"
)
FULL = "Police in Kenya arrested dozens of protesters in Nairobi on Friday after a march against fuel prices."


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>World Desk</title><link>{base}/</link><description>News</description>
<item><title>Nairobi arrests</title><link>{base}/nairobi</link>
  <pubDate>Sat, 16 Mar 2024 09:00:00 GMT</pubDate>
  <description>Arrests in Nairobi.</description>
  <content:encoded><![CDATA[<p>{FULL}</p>]]></content:encoded></item>
<item><title>Talks in Lima</title><link>{base}/lima</link>
  <pubDate>Tue, 12 Mar 2024 10:00:00 GMT</pubDate>
  <description>Diplomats met in Lima.</description></item>
<item><title>Gone</title><link>{base}/missing</link><description>A teaser.</description></item>
</channel></rss>"""


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:desk</id>
<updated>2024-03-16T00:00:00Z</updated>
<entry><title>Nairobi</title><id>urn:desk:1</id><updated>2024-03-16T08:00:00Z</updated>
<summary>Arrests.</summary><content type="html">&lt;p&gt;{FULL}&lt;/p&gt;</content></entry>
</feed>"""


class Site:
    """A tiny web site: path -> (status, media type, body); counts requests."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.requests: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.requests.append(self.path)
                status, media, body = site.routes.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", media)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    served.routes = {
        "/feed.xml": (200, "application/rss+xml", rss(served.base).encode()),
        "/lima": (200, "text/html; charset=utf-8", PAGE.encode()),
        "/nairobi": (200, "text/html", b"<html><body>should not be fetched</body></html>"),
        "/note.txt": (200, "text/plain; charset=utf-8", STORY.encode()),
        "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n"),
    }
    served.thread.start()
    yield served
    served.server.shutdown()
    served.server.server_close()


def summary(items: list[Article | ArticleFailure]) -> list[tuple[str, str]]:
    return [(i.id, "ok") if isinstance(i, Article) else (i.article_id, i.reason) for i in items]


def test_feed_items_with_full_text_are_read_and_summaries_fetched(site: Site) -> None:
    items = list(read_paths([f"{site.base}/feed.xml"]))
    assert summary(items) == [
        (f"{site.base}/nairobi", "ok"),
        (f"{site.base}/lima", "ok"),
        (f"{site.base}/missing", "HTTP 404 Not Found"),
    ]
    nairobi, lima = items[0], items[1]
    assert isinstance(nairobi, Article) and isinstance(lima, Article)
    assert nairobi.text == FULL and nairobi.published == "2024-03-16" and nairobi.source == "World Desk"
    assert STORY in lima.text and "Subscribe" not in lima.text
    assert (lima.title, lima.published, lima.source, lima.url) == ("Talks in Lima", "2024-03-12", "Andes Daily",
                                                                  f"{site.base}/lima")
    assert "/nairobi" not in site.requests  # full text in the feed: the page is not fetched


def test_a_list_of_urls_is_fetched_line_by_line(site: Site, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# my sources\n{site.base}/note.txt\n\n{site.base}/logo.png\n{site.base}/lima\n", encoding="utf-8")
    items = list(read_paths([str(feeds)], published="2024-03-15"))
    assert [s[0] for s in summary(items)] == [f"{site.base}/note.txt", f"{site.base}/logo.png", f"{site.base}/lima"]
    note, logo, lima = items
    assert isinstance(note, Article) and note.text == STORY and note.published == "2024-03-15"
    assert isinstance(logo, ArticleFailure) and "unsupported content type image/png" in logo.reason
    assert logo.where == f"{feeds}:4"
    assert isinstance(lima, Article) and lima.source == "Andes Daily"


def test_an_unreachable_url_is_a_failure_and_the_rest_is_read(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    text = tmp_path / "a.txt"
    text.write_text(STORY, encoding="utf-8")
    failure, article = list(read_paths([f"http://127.0.0.1:{port}/feed", str(text)]))
    assert isinstance(failure, ArticleFailure) and failure.reason.startswith("cannot fetch")
    assert isinstance(article, Article) and article.id == "a.txt"


@pytest.mark.parametrize("name", ["desk.atom", "desk.xml"])
def test_a_feed_file_with_full_content_needs_no_network(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(ATOM, encoding="utf-8")
    (item,) = list(read_paths([str(path)]))
    assert isinstance(item, Article)
    assert (item.id, item.text, item.published, item.source) == ("urn:desk:1", FULL, "2024-03-16", "Atom Desk")


def test_a_text_file_that_is_not_only_urls_is_one_article(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("See https://example.org/a for details.\nhttps://example.org/b\n", encoding="utf-8")
    (item,) = list(read_paths([str(path)]))
    assert isinstance(item, Article) and item.id == "notes.txt"


def test_an_xml_file_that_is_not_a_feed_fails(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><catalog><book>One</book></catalog>", encoding="utf-8")
    (item,) = list(read_paths([str(path)]))
    assert isinstance(item, ArticleFailure) and "not an RSS or Atom feed" in item.reason

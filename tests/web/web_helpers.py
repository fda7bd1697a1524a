"""The articles the UI tests ingest (written for these tests), and small helpers shared by the test modules."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
WEB_DIR = Path(__file__).resolve().parents[2] / "src" / "eventcoder" / "web"
VENDOR_PROBE = WEB_DIR / "node_modules" / "d3" / "dist" / "d3.min.js"
# Debian's chromium, never a downloaded browser; flags keep it off the network (the machine has none).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
EVIL_TITLE = "<b>bold claims</b>"

ARTICLES: list[dict[str, Any]] = [
    {"id": "talks", "published": "2024-01-10", "source": "Wire", "title": "Negotiators meet in Istanbul",
     "text": "Russian negotiators met Ukrainian officials in Istanbul on Monday to discuss a prisoner exchange. "
             "The meeting lasted four hours."},
    {"id": "baku", "published": "2024-01-10", "source": "Wire", "title": "Ministers meet in Baku",
     "text": "Turkish Foreign Minister Hakan Fidan met his Azerbaijani counterpart Jeyhun Bayramov in Baku on Monday."},
    {"id": "odesa", "published": "2024-02-14", "source": "Daily", "title": "Drones over Odesa",
     "text": "Russian drones struck Odesa overnight, the Ukrainian air force said on Wednesday."},
    {"id": "kherson", "published": "2024-03-05", "source": "Daily", "title": "Accusations over Kherson",
     "text": "Ukraine accused Russia of attacking civilians in Kherson on Monday."},
    {"id": "ankara", "published": "2024-04-18", "source": "Wire", "title": "Thanks in Ankara",
     "text": "Ukrainian President Volodymyr Zelensky thanked Turkey for its mediation in Ankara on Thursday."},
    {"id": "kupiansk", "published": "2024-05-09", "source": "Daily", "title": "Fighting near Kupiansk",
     "text": "Russian troops attacked Ukrainian positions near Kupiansk on Thursday. Officials said the attack "
             "was repelled after several hours."},
    {"id": "paris", "published": "2024-04-05", "source": "Paper", "title": "Pension protest",
     "text": "Thousands of protesters rallied in Paris against the pension reform on Saturday."},
    # untrusted markup in the text and the title: the UI must show it as text and run nothing
    {"id": "evil", "published": "2024-04-12", "source": "Evil", "title": EVIL_TITLE,
     "text": f"Armenia accused Azerbaijan of shelling villages near Yerevan {SCRIPT} on Friday. "
             f"The statement said {IMG} the damage was heavy."},
]


def write_corpus(path: Path) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def api_get(base: str, path: str, **params: Any) -> Any:
    """GET a JSON answer from the running app (plain HTTP, no browser)."""
    query = urlencode({k: v for k, v in params.items() if v is not None})
    with urllib.request.urlopen(f"{base}{path}{'?' + query if query else ''}", timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


def is_local(url: str) -> bool:
    """True for addresses this machine serves itself (and for data:/blob:/about: URLs, which go nowhere)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname in ("127.0.0.1", "localhost", "::1")


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium; .ci/run does)"
    if not VENDOR_PROBE.exists():
        return f"the web UI's npm packages are not installed ({VENDOR_PROBE.parent.parent.parent} missing; run setup.sh)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    return None


MISSING = _missing()
needs_browser = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")


@dataclass
class Session:
    """A page with everything it asked for and everything it complained about."""

    page: Any
    base: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def open(self, hash_or_path: str = "/", ready: str | None = None) -> Any:
        """Go to a path ("/docs") or a view ("#/map"); wait until that view says it is ready."""
        target = hash_or_path if hash_or_path.startswith("/") else "/" + hash_or_path
        self.page.goto(self.base + target)
        if ready:
            self.wait_ready(ready)
        return self.page

    def wait_ready(self, view: str) -> None:
        """Wait until `view` has drawn the current address (each view marks its section when done)."""
        self.page.wait_for_function(
            "v => { const s = document.querySelector('section.view');"
            " return !!s && s.dataset.view === v && s.dataset.ready === 'true' && s.dataset.hash === location.hash; }",
            arg=view,
        )
        notice = self.page.locator("#notice")
        assert notice.is_hidden(), notice.text_content()

    def external(self) -> list[str]:
        return [u for u in self.requests if not is_local(u)]

"""Untrusted article text stays text; nothing is fetched from outside this machine; pages carry a CSP."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from web_helpers import EVIL_TITLE, IMG, SCRIPT, Session, api_get, needs_browser

pytestmark = needs_browser

VIEWS = ["#/events", "#/timeline", "#/network", "#/map"]


def evil_event(base: str) -> dict:
    (event, *_) = api_get(base, "/api/events", actor="ARM", event_type="ACCUSE")["events"]
    assert SCRIPT in event["sentence"]["text"]
    return event


def test_markup_in_an_article_is_shown_literally_and_never_runs(web: Session, screenshots: Path) -> None:
    event = evil_event(web.base)
    web.open(f"#/event/{event['id']}", ready="event")
    text = web.page.locator("#article-text")
    shown = text.text_content()
    assert SCRIPT in shown and IMG in shown
    assert text.locator("script, img, b").count() == 0
    assert web.page.locator(".article-title").text_content() == EVIL_TITLE
    assert web.page.evaluate("() => typeof window.__pwned") == "undefined"
    web.page.screenshot(path=screenshots / "untrusted-article.png", full_page=True)

    web.open("#/events?actor=ARM", ready="events")
    row = web.page.locator(f"#events-table tr[data-id='{event['id']}'] td.sentence")
    assert SCRIPT in row.text_content()
    assert web.page.locator("#events-table img, #events-table script").count() == 0
    assert web.page.evaluate("() => typeof window.__pwned") == "undefined"
    assert web.console_errors == [] and web.page_errors == []


def test_markup_typed_into_the_correction_form_is_stored_and_shown_as_text(web: Session) -> None:
    event = evil_event(web.base)
    web.open(f"#/event/{event['id']}", ready="event")
    web.page.locator("#fix-note").fill(IMG)
    web.page.locator("#fix-author").fill(SCRIPT)
    web.page.locator("#fix-factuality").select_option("reported")
    web.page.locator("#fix-submit").click()
    web.page.locator("#correction-saved").wait_for()
    web.page.reload()
    web.wait_ready("event")
    history = web.page.locator("#corrections")
    assert IMG in history.text_content() and SCRIPT in history.text_content()
    assert history.locator("img, script").count() == 0
    assert web.page.evaluate("() => typeof window.__pwned") == "undefined"


def test_no_request_leaves_this_machine(web: Session) -> None:
    event = api_get(web.base, "/api/events", limit=1)["events"][0]
    for view in [*VIEWS, f"#/event/{event['id']}"]:
        name = view.split("/")[1]
        web.open(view, ready=name)
    assert web.requests, "no requests were recorded"
    assert web.external() == []
    paths = {urlsplit(r).path for r in web.requests}
    assert {"/vendor/d3/dist/d3.min.js", "/vendor/world-atlas/countries-110m.json", "/api/places"} <= paths
    assert web.console_errors == []


def test_api_docs_load_from_local_packages(web: Session, screenshots: Path) -> None:
    web.open("/docs")
    web.page.wait_for_selector(".swagger-ui .opblock")
    assert web.page.locator(".swagger-ui .opblock-summary-path", has_text="/api/events").count() > 0
    assert web.external() == []
    assert any("/vendor/swagger-ui-dist/" in r for r in web.requests)
    assert web.console_errors == [] and web.page_errors == []
    web.page.screenshot(path=screenshots / "api-docs.png")


@pytest.mark.parametrize("path", ["/", "/static/js/main.js"])
def test_pages_carry_a_content_security_policy(web: Session, path: str) -> None:
    response = web.page.goto(web.base + path)
    assert response is not None and response.ok
    policy = response.headers.get("content-security-policy", "")
    directives = dict((d.strip().split(" ", 1) + [""])[:2] for d in policy.split(";") if d.strip())
    assert directives.get("default-src") == "'self'", policy
    scripts = directives.get("script-src", directives["default-src"])
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, policy

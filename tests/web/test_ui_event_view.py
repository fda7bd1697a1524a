"""The event view: highlighted roles in the source text, the fields, and corrections that persist."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from web_helpers import Session, api_get, needs_browser

pytestmark = needs_browser

ROLES = ("actor", "recipient", "trigger", "date", "place")


def find_event(base: str, **params: Any) -> dict[str, Any]:
    events = api_get(base, "/api/events", limit=50, **params)["events"]
    assert events, params
    return events[0]


def role_texts(web: Session, role: str) -> list[str]:
    return web.page.locator(f"#article-text .hl-{role}").all_text_contents()


def test_each_role_is_highlighted_with_its_own_colour(web: Session, screenshots: Path) -> None:
    event = find_event(web.base, q="negotiators", event_type="CONSULT", actor="RUS", recipient="UKR")
    detail = api_get(web.base, f"/api/events/{event['id']}")
    spans = {s["role"]: s for s in detail["spans"]}
    assert set(ROLES) <= set(spans), spans  # this event has every role
    web.open(f"#/event/{event['id']}", ready="event")
    for role in (*ROLES, "sentence"):
        assert "".join(role_texts(web, role)) == spans[role]["text"], role
        assert spans[role]["text"] == detail["article"]["text"][spans[role]["start"]:spans[role]["end"]]
    assert role_texts(web, "trigger") == ["met"]
    colours = {
        role: web.page.locator(f"#article-text mark.hl-{role}").first.evaluate("m => getComputedStyle(m).backgroundColor")
        for role in ROLES
    }
    assert len(set(colours.values())) == len(ROLES), colours
    legend = web.page.locator(".legend .swatch").all_text_contents()
    assert legend == ["Actor", "Recipient", "Trigger", "Date", "Place", "Sentence"]
    # the whole article is there around the sentence, as text
    assert web.page.locator("#article-text").text_content() == detail["article"]["text"]
    fields = web.page.locator("#event-fields")
    assert fields.locator("tr[data-field=type] td.value").text_content() == "CONSULT"
    assert "Istanbul" in fields.locator("tr[data-field=place] td.value").text_content()
    web.page.screenshot(path=screenshots / "event-highlights.png", full_page=True)


def test_correction_is_saved_shown_and_kept_after_reload(web: Session, screenshots: Path) -> None:
    event = find_event(web.base, q="Kupiansk", event_type="ASSAULT")
    web.open(f"#/event/{event['id']}", ready="event")
    assert web.page.locator("#corrections").text_content().count("None yet") == 1
    form = web.page.locator("#correction-form")
    form.locator("#fix-factuality").select_option("hypothetical")
    form.locator("#fix-date").fill("2024-05")
    form.locator("input[name=recipient_name]").fill("Ukrainian armed forces")
    form.locator("select[name=recipient_sector]").select_option("MIL")
    form.locator("#fix-note").fill("The report is unconfirmed; the date is only known to the month.")
    form.locator("#fix-author").fill("ui-test")
    form.locator("#fix-submit").click()
    saved = web.page.locator("#correction-saved")
    saved.wait_for()
    assert "factuality" in saved.text_content() and "date" in saved.text_content()
    web.page.screenshot(path=screenshots / "event-corrected.png", full_page=True)

    # the API has the corrected values and the audit trail
    detail = api_get(web.base, f"/api/events/{event['id']}")
    assert detail["event"]["corrected"] is True
    assert detail["event"]["factuality"] == "hypothetical"
    assert detail["event"]["date"].startswith("2024-05") and detail["event"]["date_precision"] == "month"
    assert detail["event"]["recipient"][0]["name"] == "Ukrainian armed forces"
    assert detail["event"]["recipient"][0]["sector"] == "MIL"
    assert detail["original"]["factuality"] == event["factuality"]
    fields = {c["field"] for c in detail["corrections"]}
    assert {"factuality", "date"} <= fields, fields
    assert {c["author"] for c in detail["corrections"]} == {"ui-test"}

    # and so does the page after a reload
    web.page.reload()
    web.wait_ready("event")
    row = web.page.locator("#event-fields tr[data-field=factuality]")
    assert row.locator("td.value").text_content() == "hypothetical"
    assert row.locator("td.was").text_content() == event["factuality"]
    history = web.page.locator("#corrections table.history tbody tr")
    assert history.count() == len(detail["corrections"])
    assert web.page.locator("#corrections tr[data-field=factuality]").count() == 1
    assert "unconfirmed" in web.page.locator("#corrections").text_content()
    assert web.page.locator(".event-head .badge").first.text_content() == "corrected"


def test_a_second_actor_is_added_and_one_removed(web: Session, screenshots: Path) -> None:
    event = find_event(web.base, actor="TUR", recipient="AZE")
    coded = [(a["country"], a.get("sector")) for a in event["actor"]]
    web.open(f"#/event/{event['id']}", ready="event")
    form = web.page.locator("#correction-form")
    bodies: list[Any] = []
    web.page.on("request", lambda r: bodies.append(json.loads(r.post_data or "null")) if r.method == "POST" else None)
    form.locator("#fix-add-actor").click()
    added = form.locator("#fix-actors .entity-row").last
    added.locator("input[name=actor_name]").fill("Georgia")
    added.locator("input[name=actor_country]").fill("geo")
    added.locator("select[name=actor_sector]").select_option("GOV")
    web.page.screenshot(path=screenshots / "event-compound-actor.png", full_page=True)
    form.locator("#fix-submit").click()
    web.page.locator("#correction-saved").wait_for()
    assert list(bodies[0]) == ["actor"] and bodies[0]["actor"][-1] == {"name": "Georgia", "country": "GEO", "sector": "GOV"}
    actors = api_get(web.base, f"/api/events/{event['id']}")["event"]["actor"]
    assert [(a["country"], a.get("sector")) for a in actors] == [*coded, ("GEO", "GOV")]
    # the redrawn form has a row per actor; removing the first leaves Georgia alone
    rows = web.page.locator("#correction-form #fix-actors .entity-row")
    assert rows.count() == len(coded) + 1
    for _ in coded:
        rows.first.locator("button.remove").click()
    with web.page.expect_response(lambda r: r.request.method == "POST") as posted:
        web.page.locator("#fix-submit").click()
    assert posted.value.status == 201
    assert bodies[1] == {"actor": [{"name": "Georgia", "country": "GEO", "sector": "GOV"}]}
    actors = api_get(web.base, f"/api/events/{event['id']}")["event"]["actor"]
    assert [(a["name"], a["country"]) for a in actors] == [("Georgia", "GEO")]
    assert [e["id"] for e in api_get(web.base, "/api/events", actor="GEO")["events"]] == [event["id"]]


def test_changing_the_type_offers_that_types_modes(web: Session) -> None:
    event = find_event(web.base, q="Zelensky")
    assert event["event_type"] != "PROTEST"
    web.open(f"#/event/{event['id']}", ready="event")
    web.page.locator("#fix-type").select_option("PROTEST")
    modes = web.page.locator("#fix-mode option").all_text_contents()
    assert modes[0] == "(none)" and "demo" in modes and "riot" in modes
    web.page.locator("#fix-mode").select_option("demo")
    web.page.locator("#fix-submit").click()
    web.page.locator("#correction-saved").wait_for()
    corrected = api_get(web.base, f"/api/events/{event['id']}")["event"]
    assert (corrected["event_type"], corrected["mode"], corrected["quad_class"]) == ("PROTEST", "demo", 4)
    assert web.page.locator("#event-fields tr[data-field=quad_class] td.value").text_content() == "4"


def test_an_event_marked_not_an_event_leaves_the_table(web: Session) -> None:
    event = find_event(web.base, place="Paris")
    web.open(f"#/event/{event['id']}", ready="event")
    web.page.locator("#fix-not-event").check()
    web.page.locator("#fix-submit").click()
    web.page.locator("#correction-saved").wait_for()
    assert web.page.locator(".event-head .badge.warn").text_content() == "not an event"
    web.open("#/events", ready="events")
    ids = web.page.locator("#events-table tbody tr[data-id]").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert event["id"] not in ids
    web.open("#/events?include_not_events=true", ready="events")
    rejected = web.page.locator(f"#events-table tbody tr[data-id='{event['id']}']")
    assert "not-event" in rejected.get_attribute("class")


def test_unchanged_form_sends_nothing(web: Session) -> None:
    event = find_event(web.base)
    web.open(f"#/event/{event['id']}", ready="event")
    posts: list[str] = []
    web.page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    web.page.locator("#fix-submit").click()
    status = web.page.locator("#correction-status")
    assert status.text_content() == "Nothing changed: edit a field first."
    assert posts == []


@pytest.mark.parametrize("date", ["2024-13-40", "yesterday"])
def test_a_refused_correction_shows_the_servers_reason(web: Session, date: str) -> None:
    event = find_event(web.base)
    web.open(f"#/event/{event['id']}", ready="event")
    web.page.locator("#fix-date").evaluate("(input, value) => { input.removeAttribute('pattern'); input.value = value; }", date)
    web.page.locator("#fix-submit").click()
    status = web.page.locator("#correction-status.error")
    status.wait_for()
    assert status.text_content().startswith("Not saved: 4")
    assert api_get(web.base, f"/api/events/{event['id']}")["corrections"] == []


def test_writes_need_the_pasted_token_when_the_app_asks_for_one(token_web: Session) -> None:
    web = token_web
    event = find_event(web.base, q="Odesa")
    web.open(f"#/event/{event['id']}", ready="event")
    web.page.locator("#fix-factuality").select_option("negated")
    web.page.locator("#fix-submit").click()
    refused = web.page.locator("#correction-status.error")
    refused.wait_for()
    assert "paste the API token" in refused.text_content()
    assert "wanted" in web.page.locator("#token-form").get_attribute("class")

    web.page.locator("#token-input").fill("s3cret-test-token")
    web.page.locator("#token-save").click()
    assert web.page.locator("#token-state").text_content() == "token set for this tab"
    stored = web.page.evaluate("() => sessionStorage.getItem('eventcoder.token')")
    assert stored == "s3cret-test-token"
    sent: list[str | None] = []
    web.page.on("request", lambda r: sent.append(r.headers.get("authorization")) if r.method == "POST" else None)
    web.page.locator("#fix-submit").click()
    web.page.locator("#correction-saved").wait_for()
    assert sent == ["Bearer s3cret-test-token"]
    assert api_get(web.base, f"/api/events/{event['id']}")["event"]["factuality"] == "negated"
    # the token stays out of localStorage and cookies
    assert web.page.evaluate("() => JSON.stringify(localStorage) + document.cookie").count("s3cret") == 0


def test_unknown_event_shows_an_error(web: Session) -> None:
    web.open("#/event/no-such-event")
    web.page.locator("#notice").wait_for()
    assert "404" in web.page.locator("#notice").text_content()


def test_corrections_post_is_json_with_only_the_changes(web: Session) -> None:
    event = find_event(web.base, q="Kherson", event_type="ACCUSE")
    web.open(f"#/event/{event['id']}", ready="event")
    bodies: list[Any] = []
    web.page.on("request", lambda r: bodies.append(json.loads(r.post_data or "null")) if r.method == "POST" else None)
    web.page.locator("#fix-place").fill("Kherson Oblast")
    web.page.locator("#fix-submit").click()
    web.page.locator("#correction-saved").wait_for()
    (body,) = bodies
    assert body == {"place": {"name": "Kherson Oblast", "country": event["event_loc"]["country"]}}

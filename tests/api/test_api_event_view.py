"""GET /api/events/{id}: the event in its article, spans that quote the text exactly; untrusted text stays data."""

from __future__ import annotations

import httpx

from api_helpers import event_id, events


def test_every_span_quotes_the_article_text(api: httpx.Client) -> None:
    for listed in events(api, limit=500):
        view = api.get(f"/api/events/{listed['id']}").json()
        text = view["article"]["text"]
        assert view["spans"], listed["id"]
        for span in view["spans"]:
            assert text[span["start"]:span["end"]] == span["text"], span
        assert {"sentence", "trigger"} <= {s["role"] for s in view["spans"]}


def test_the_meeting_highlights_actor_recipient_trigger_date_and_place(api: httpx.Client) -> None:
    view = api.get(f"/api/events/{event_id(api, 'CONSULT', actor='TUR')}").json()
    spans = {(s["role"], s["text"]) for s in view["spans"]}
    assert {("trigger", "met"), ("actor", "Turkish Foreign Minister Hakan Fidan"), ("date", "Monday"),
            ("place", "Baku")} <= spans
    assert any(role == "recipient" and "Bayramov" in text for role, text in spans)
    assert view["article"]["title"] == "Ministers meet in Baku"
    assert view["original"] is None and view["corrections"] == []
    assert len(view["mentions"]) == 2


def test_an_unknown_event_is_404(api: httpx.Client) -> None:
    response = api.get("/api/events/no-such-event")
    assert response.status_code == 404 and "no-such-event" in response.json()["detail"]
    assert api.get("/api/events/no-such-event/corrections").status_code == 404


def test_markup_in_an_article_comes_back_verbatim_as_json_data(api: httpx.Client) -> None:
    response = api.get(f"/api/events/{event_id(api, 'ACCUSE', actor='ARM')}")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    article = response.json()["article"]
    assert "<script>alert('x')</script>" in article["text"]
    assert "<img src=x onerror=alert(1)>" in article["text"]
    assert article["title"] == "<script>alert('title')</script>" and article["source"] == "<b>Forum</b>"

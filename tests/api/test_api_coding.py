"""POST /api/code codes text without storing it; POST /api/articles ingests (idempotently)."""

from __future__ import annotations

from typing import Any

from api_helpers import events

ARMENIA = "Armenia accused Azerbaijan of shelling border villages on Sunday."


def test_code_returns_events_and_stores_nothing(serve: Any) -> None:
    client = serve()
    before = client.get("/api/stats").json()
    response = client.post("/api/code", json={"text": ARMENIA, "published": "2024-05-06", "source": "Desk"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["failure"] is None
    accuse = [e for e in body["events"] if e["event_type"] == "ACCUSE"]
    assert accuse and accuse[0]["actor"][0]["country"] == "ARM" and accuse[0]["article"]["source"] == "Desk"
    assert client.get("/api/stats").json() == before


def test_code_reports_an_uncodable_text_as_a_failure(serve: Any) -> None:
    response = serve().post("/api/code", json={"text": "   \n  "})
    assert response.status_code == 200
    assert response.json()["events"] == [] and "empty" in response.json()["failure"]["reason"]


def test_posted_articles_are_coded_stored_and_listed(serve: Any) -> None:
    client = serve()
    body = {"articles": [
        {"id": "kyiv", "text": "Poland sent military aid to Ukraine on 3 June 2024.", "published": "2024-06-05",
         "source": "Desk", "url": "https://desk.example/kyiv"},
        {"text": "Protesters rallied in Madrid against the new housing law.", "published": "2024-06-06"},
    ]}
    response = client.post("/api/articles", json=body)
    assert response.status_code == 200, response.text
    summary = response.json()
    assert (summary["read"], summary["articles_stored"], summary["failures"]) == (2, 2, 0)
    assert summary["events"] >= 2
    assert [e["actor"][0]["country"] for e in events(client, actor="POL")] == ["POL"]
    again = client.post("/api/articles", json=body).json()
    assert (again["articles_stored"], again["already_stored"]) == (0, 2)
    assert client.get("/api/stats").json()["runs"] == 3


def test_bad_article_bodies_are_422(serve: Any) -> None:
    client = serve()
    assert client.post("/api/articles", json={"articles": []}).status_code == 422
    assert client.post("/api/articles", json={"articles": [{"title": "no text"}]}).status_code == 422
    assert client.post("/api/code", json={"text": ARMENIA, "published": "yesterday"}).status_code == 422
    assert client.post("/api/code", content=b"not json", headers={"content-type": "application/json"}).status_code == 422

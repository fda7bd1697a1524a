"""Secure by default: write tokens, body limits, browser security headers, hosts and origins."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from api_helpers import event_id

TOKEN = "a-test-token-of-some-length"
WRITES = [
    ("/api/code", {"text": "Armenia accused Azerbaijan of shelling villages."}),
    ("/api/articles", {"articles": [{"text": "Japan sent aid to Ukraine on Monday.", "published": "2024-02-05"}]}),
]


def correction(client: Any) -> tuple[str, dict[str, Any]]:
    return f"/api/events/{event_id(client, 'ASSAULT', actor='RUS')}/corrections", {"factuality": "negated"}


def test_writes_are_refused_without_a_configured_token_when_one_is_needed(serve: Any) -> None:
    client = serve(writes_need_token=True)
    for path, body in [*WRITES, correction(client)]:
        response = client.post(path, json=body)
        assert response.status_code == 403 and "token" in response.json()["detail"]
    assert client.get("/api/events").status_code == 200  # reads stay open


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", f"Basic {TOKEN}", TOKEN])
def test_writes_need_the_right_bearer_token(serve: Any, header: str | None) -> None:
    client = serve(token=TOKEN, writes_need_token=True)
    path, body = correction(client)
    headers = {"Authorization": header} if header else {}
    response = client.post(path, json=body, headers=headers)
    assert response.status_code in (401, 403)
    assert client.get(path.removesuffix("/corrections")).json()["corrections"] == []


def test_the_right_token_opens_the_write_endpoints(serve: Any) -> None:
    client = serve(token=TOKEN, writes_need_token=True)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    path, body = correction(client)
    assert client.post(path, json=body, headers=headers).status_code == 201
    for path, body in WRITES:
        assert client.post(path, json=body, headers=headers).status_code == 200


def test_oversized_bodies_are_413(serve: Any) -> None:
    client = serve(max_body_bytes=1000)
    text = "Armenia accused Azerbaijan of shelling villages. " * 50
    response = client.post("/api/code", json={"text": text})
    assert response.status_code == 413 and "1000" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: sent chunked
        yield b'{"text": "'
        for _ in range(40):
            yield b"x" * 100
        yield b'"}'

    response = client.post("/api/code", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert client.post("/api/code", json={"text": "Short text."}).status_code == 200


def test_cross_origin_writes_are_refused(serve: Any) -> None:
    client = serve()
    path, body = correction(client)
    response = client.post(path, json=body, headers={"Origin": "http://evil.example"})
    assert response.status_code == 403
    same = client.post(path, json=body, headers={"Origin": str(client.base_url).rstrip("/")})
    assert same.status_code == 201


def test_unknown_hosts_are_refused_when_hosts_are_listed(serve: Any) -> None:
    client = serve(allowed_hosts=["127.0.0.1", "localhost"])
    assert client.get("/api/stats").status_code == 200
    assert client.get("/api/stats", headers={"Host": "rebound.example:8000"}).status_code == 400


@pytest.mark.parametrize("path", ["/api/events", "/api/events/nope", "/", "/docs", "/openapi.json"])
def test_every_response_carries_the_security_headers(api: Any, path: str) -> None:
    response = api.get(path)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";")[0]


def test_docs_load_nothing_from_the_internet(api: Any) -> None:
    response = api.get("/docs")
    assert response.status_code == 200
    assert "http://" not in response.text and "https://" not in response.text
    assert "/vendor/swagger-ui-dist/" in response.text or "not installed" in response.text


def test_the_schema_marks_write_endpoints_as_needing_the_token(api: Any) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    assert paths["/api/code"]["post"]["security"] == [{"HTTPBearer": []}]
    assert "security" not in paths["/api/events"]["get"]

"""Security of the HTTP API: the write token, the request size limit, and the browser headers.

* Write endpoints (code, ingest, correct) need ``Authorization: Bearer <token>`` whenever
  a token is configured; with ``writes_need_token`` and no token they are refused.  A write
  whose ``Origin`` is not the server itself is refused (no cross-site writes from a page
  the analyst happens to visit).
* Bodies above ``max_body_bytes`` get 413 before any handler reads them (checked on
  ``Content-Length`` and on the bytes actually received, for chunked bodies).
* Every response says ``nosniff``, no referrer, no framing, and carries a strict
  Content-Security-Policy (no inline script); a page may set its own (``/docs``).
* ``allowed_hosts``: requests whose ``Host`` is not listed get 400 (against DNS
  rebinding of a server bound to 127.0.0.1).
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


@dataclass(frozen=True, slots=True)
class WritePolicy:
    token: str | None
    writes_need_token: bool


_bearer = HTTPBearer(auto_error=False, description="the token of `eventcoder serve --token-file`")


def require_write(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)
) -> None:
    """Dependency of every write endpoint: the token (when one is set) and a same-origin request."""
    policy: WritePolicy = request.app.state.write_policy
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower():
        raise HTTPException(403, "cross-origin writes are refused")
    if policy.token is None:
        if policy.writes_need_token:
            raise HTTPException(403, "writes are disabled: the server has no token (start it with --token-file)")
        return
    given = credentials.credentials if credentials and credentials.scheme.lower() == "bearer" else ""
    if not hmac.compare_digest(given.encode("utf-8"), policy.token.encode("utf-8")):
        raise HTTPException(401, "this endpoint needs the header Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})


async def _send_error(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"), *HEADERS, (b"content-security-policy", CSP.encode()),
    ]})
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    """413 for a request body over `limit` bytes; a chunked body is read (up to the limit) before the app sees it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        too_large = f"request body too large: the limit is {self.limit} bytes"
        if length is not None:
            try:
                size = int(length)
            except ValueError:
                await _send_error(send, 400, "bad Content-Length header")
                return
            if size > self.limit:
                await _send_error(send, 413, too_large)
                return
            await self.app(scope, receive, send)
            return
        if b"transfer-encoding" not in headers:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await _send_error(send, 413, too_large)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class SecurityHeadersMiddleware:
    """Adds the security headers (and the default CSP unless the response set one) to every response."""

    def __init__(self, app: ASGIApp, allowed_hosts: Sequence[str] | None = None) -> None:
        self.app = app
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed_hosts is not None:
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name.strip("[]") not in self.allowed_hosts:
                await _send_error(send, 400, f"unknown host {host!r}")
                return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in HEADERS if k not in present]
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", CSP.encode()))
                if scope["path"].startswith("/api/") and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)

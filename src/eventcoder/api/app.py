"""The HTTP API and the web UI in one FastAPI app: `create_app(db_path)`, served by `eventcoder serve`.

Routes: /api/events (list, detail, corrections), /api/actors, /api/series, /api/network,
/api/places, /api/stats, /api/code and /api/articles (see the OpenAPI schema at
/openapi.json, browsable at /docs).  The UI's own files come from ``eventcoder/web/static``
(at / and /static), browser packages from ``eventcoder/web/node_modules`` (at /vendor),
each mounted only when the folder exists.  Nothing is loaded from the internet.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles

from ..errors import EventcoderError, UsageError
from ..store import CorrectionError, StoreError
from . import routes_analysis, routes_coding, routes_events
from .database import Database
from .security import BodyLimitMiddleware, SecurityHeadersMiddleware, WritePolicy

if TYPE_CHECKING:
    from ..pipeline import Coder

WEB = Path(__file__).resolve().parent.parent / "web"
SWAGGER = "swagger-ui-dist"
DESCRIPTION = (
    "Events coded from news text (PLOVER/CAMEO), with their source spans; corrections are kept as an "
    "audit trail. Write endpoints (POST) need `Authorization: Bearer <token>` when the server has a token."
)


def _version() -> str:
    from ..cli.main import package_version

    return package_version()


def _message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _install_errors(app: FastAPI) -> None:
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _message(exc), "errors": jsonable_encoder(exc.errors(), exclude={"ctx", "input"})},
                            status_code=422)

    async def bad_value(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    async def unavailable(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    async def refused(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    app.add_exception_handler(RequestValidationError, invalid)  # type: ignore[arg-type]
    app.add_exception_handler(CorrectionError, bad_value)
    app.add_exception_handler(UsageError, bad_value)
    app.add_exception_handler(StoreError, unavailable)
    app.add_exception_handler(EventcoderError, refused)


def _docs_page(app: FastAPI) -> Callable[[], Any]:
    vendor = WEB / "node_modules" / SWAGGER
    if not (vendor / "swagger-ui-bundle.js").is_file():
        def missing() -> HTMLResponse:
            return HTMLResponse(
                "<!DOCTYPE html><title>eventcoder API</title><h1>eventcoder API</h1>"
                "<p>The Swagger UI assets are not installed (npm package swagger-ui-dist under "
                "src/eventcoder/web/node_modules; the README's set-up command installs it). "
                "The OpenAPI schema is at <a href=\"/openapi.json\">/openapi.json</a>.</p>"
            )
        return missing
    page = get_swagger_ui_html(
        openapi_url=app.openapi_url or "/openapi.json", title="eventcoder API",
        swagger_js_url=f"/vendor/{SWAGGER}/swagger-ui-bundle.js", swagger_css_url=f"/vendor/{SWAGGER}/swagger-ui.css",
        swagger_favicon_url=f"/vendor/{SWAGGER}/favicon-32x32.png",
    )
    body = bytes(page.body)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"
        for script in re.findall(rb"<script>(.*?)</script>", body, flags=re.S)
    )
    policy = (
        f"default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )

    def docs() -> HTMLResponse:
        return HTMLResponse(body, headers={"content-security-policy": policy})
    return docs


def missing_web_packages(web: Path | None = None) -> list[str]:
    """The browser packages of web/package.json that are not installed in web/node_modules."""
    web = web or WEB
    try:
        wanted = json.loads((web / "package.json").read_text(encoding="utf-8")).get("dependencies", {})
    except (OSError, ValueError):
        return []
    return sorted(name for name in wanted if not (web / "node_modules" / name / "package.json").is_file())


def _mount_web(app: FastAPI) -> None:
    static = WEB / "static"
    modules = WEB / "node_modules"
    if modules.is_dir():
        app.mount("/vendor", StaticFiles(directory=modules), name="vendor")
    if static.is_dir():
        app.mount("/static", StaticFiles(directory=static), name="static")

    def index() -> Any:
        page = static / "index.html"
        if page.is_file():
            return FileResponse(page, media_type="text/html")
        return PlainTextResponse("The web UI is not installed; the API is at /api/... and described at /docs.",
                                 status_code=404)

    app.add_api_route("/", index, methods=["GET"], include_in_schema=False)
    app.add_api_route("/docs", _docs_page(app), methods=["GET"], include_in_schema=False)


def create_app(
    db_path: str | os.PathLike[str],
    *,
    token: str | None = None,
    writes_need_token: bool = False,
    max_body_bytes: int = 2_000_000,
    coder_factory: Callable[[], Coder] | None = None,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """The app on the database at `db_path` (opened read-write now, closed at shutdown).

    `token`: write endpoints need ``Authorization: Bearer <token>``; `writes_need_token`
    without a token refuses every write.  `coder_factory` makes the Coder for /api/code and
    /api/articles on first use (default `Coder()`).  `allowed_hosts`: Host header names
    accepted (None: any).
    """
    database = Database(db_path, coder_factory)
    database.warmers.append(routes_analysis.warm)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database.start_warming()
        try:
            yield
        finally:
            database.close()

    app = FastAPI(title="eventcoder", version=_version(), description=DESCRIPTION, docs_url=None, redoc_url=None,
                  lifespan=lifespan)
    app.state.database = database
    app.state.write_policy = WritePolicy(token or None, writes_need_token)
    _install_errors(app)
    app.include_router(routes_events.router)
    app.include_router(routes_analysis.router)
    app.include_router(routes_coding.router)
    _mount_web(app)
    app.add_middleware(BodyLimitMiddleware, limit=max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware, allowed_hosts=allowed_hosts)
    return app

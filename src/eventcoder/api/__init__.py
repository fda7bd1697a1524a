"""The HTTP API (FastAPI): events, corrections, charts' counts, coding and ingest; see `app.create_app`."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]

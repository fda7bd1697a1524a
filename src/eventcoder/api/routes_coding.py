"""Coding posted text on the fly, and ingesting posted articles (write endpoints)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from ..errors import ArticleError
from ..store import ingest_items
from ..types import Article, ArticleFailure
from .database import Database
from .routes_events import database
from .schemas import ArticlesIn, CodeIn, CodeOut, IngestOut
from .security import require_write

router = APIRouter(prefix="/api", tags=["coding"], dependencies=[Depends(require_write)])


@router.post("/code", response_model=CodeOut, summary="Code a text now; nothing is stored (write endpoint)")
def post_code(db: Annotated[Database, Depends(database)], body: CodeIn) -> dict[str, Any]:
    with db.coder_lock:
        coder = db.coder()
        try:
            events = coder.code(body.text, published=body.published.isoformat() if body.published else None,
                                source=body.source, title=body.title, id="posted")
        except ArticleError as exc:
            return {"events": [], "failure": ArticleFailure(exc.article_id, exc.reason, exc.where).to_dict()}
    return {"events": [{**e.to_dict(), "corrected": False, "not_event": False} for e in events], "failure": None}


@router.post("/articles", response_model=IngestOut, summary="Code and store articles (write endpoint)")
def post_articles(db: Annotated[Database, Depends(database)], body: ArticlesIn) -> dict[str, Any]:
    articles = [
        Article(id=a.id or f"posted-{i + 1}", text=a.text, published=a.published.isoformat() if a.published else None,
                source=a.source, url=a.url, title=a.title)
        for i, a in enumerate(body.articles)
    ]
    with db.coder_lock:
        coder = db.coder()
        with db.writer() as store:
            run = store.start_run("api", [a.id for a in articles])
            try:
                summary = ingest_items(store, coder, articles, run)
            except BaseException:
                store.finish_run(run, status="failed")
                raise
            store.finish_run(run, already_stored=summary.skipped)
    return summary.as_dict()

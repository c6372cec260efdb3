"""The application factory and the server runner."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from dyadline import __version__
from dyadline.api import assets, pages, routes
from dyadline.api.context import ApiContext
from dyadline.api.errors import document_errors, install_error_handlers
from dyadline.api.pool import StorePool
from dyadline.api.views import install_filters
from dyadline.settings import Settings
from dyadline.store import Store

__all__ = ["create_app", "serve"]

_DESCRIPTION = """\
Political event data read from dated news articles: who did what to whom, when, where, and
according to whom. Every endpoint answers GET with JSON; a failed request answers
`{"error": {"code", "message", "where"}}`. The dashboard is at `/`.
"""


def create_app(db_path: str, settings: Settings) -> FastAPI:
    """The HTTP API and dashboard over the event database at ``db_path`` (opened read-only,
    per request; nothing is opened here). Settings used: ``count_reports``,
    ``include_uncertain`` (defaults of the counts), ``dedup_threshold``, ``keep_db_open``."""
    pool = StorePool(str(db_path), dedup_threshold=settings.dedup_threshold,
                     keep_open=bool(settings.keep_db_open))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(title="dyadline", version=__version__, description=_DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    templates = Jinja2Templates(directory=str(assets.TEMPLATES_DIR))
    install_filters(templates)
    app.state.dyadline = ApiContext(pool=pool, settings=settings, templates=templates)
    install_error_handlers(app, pages.render_error)
    document_errors(app)
    app.include_router(routes.router)
    app.include_router(assets.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(assets.STATIC_DIR)), name="static")
    return app


def serve(db_path: str, settings: Settings) -> None:
    """Check that the database opens, then answer HTTP on ``settings.host``:``settings.port``
    until interrupted (uvicorn, one process)."""
    import uvicorn

    with Store.open(str(db_path), read_only=True, dedup_threshold=settings.dedup_threshold):
        pass  # fail now, with the store's message, rather than on every request
    uvicorn.run(create_app(db_path, settings), host=settings.host, port=int(settings.port),
                log_level="info")

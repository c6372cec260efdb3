"""The HTTP API and the web dashboard: thin handlers over the ``dyadline.store`` queries.

    from dyadline.api import create_app
    app = create_app("events.duckdb", load_settings())   # an ASGI app; nothing is opened yet

``serve`` runs it with uvicorn (``dyadline serve``). Library errors become one JSON error
shape, ``{"error": {"code", "message", "where"}}`` (see ``dyadline.api.errors``).
"""

from __future__ import annotations

from dyadline.api.app import create_app, serve
from dyadline.api.pool import StorePool

__all__ = ["StorePool", "create_app", "serve"]

"""One error shape for every failed request: ``{"error": {"code", "message", "where"}}``.

Library errors (``DyadlineError``) keep their code and message; request problems found by
the HTTP layer get codes of their own:

    E851  a request parameter is missing, has the wrong type, or a bad value   400
    E852  no such page or endpoint                                             404
    E853  the method is not allowed on this path                               405
    E859  an unexpected error inside dyadline (a bug: please report it)        500

Under ``/api/`` the shape is JSON; dashboard pages show the same fields as an HTML page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyadline.errors import ConfigError, DyadlineError, QueryError, StoreError, UsageError

__all__ = ["ERROR_SCHEMA", "document_errors", "error_body", "http_status", "install_error_handlers"]

HtmlRenderer = Callable[[Request, DyadlineError, int], HTMLResponse]

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object", "required": ["error"],
    "properties": {"error": {
        "type": "object", "required": ["code", "message", "where"],
        "properties": {
            "code": {"type": "string", "description": "stable code, e.g. E801"},
            "message": {"type": "string", "description": "what is wrong and how to fix it"},
            "where": {"type": ["string", "null"], "description": "the parameter or path"},
        }}},
}
_DOCUMENTED = (
    ("400", "A bad parameter (E801, E803, E851)"),
    ("404", "No such event, article or endpoint (E802, E852)"),
    ("503", "The database cannot be opened: missing, being written, or needs an upgrade (E7xx)"),
)


def http_status(exc: DyadlineError) -> int:
    """The HTTP status for a library error."""
    if isinstance(exc, QueryError):
        return 404 if exc.code in ("E802", "E852") else 400
    if isinstance(exc, (UsageError, ConfigError)):
        return 400
    if isinstance(exc, StoreError):
        # E701: no database, or another process is writing it: try again later / fix the path.
        return 500 if exc.code == "E710" else 503
    return 500


def error_body(exc: DyadlineError) -> dict[str, Any]:
    return {"error": exc.to_dict()}


def _from_validation(exc: RequestValidationError) -> QueryError:
    problems, places = [], []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        name = loc[-1] if loc else "?"
        places.append(".".join(loc))
        msg = str(err.get("msg", "invalid value"))
        problems.append(f"parameter '{name}': {msg[0].lower() + msg[1:] if msg else msg}")
    message = "; ".join(problems) + ": fix the request (the parameters are listed at /docs)"
    return QueryError("E851", message, where=", ".join(places) or None)


def _from_http(exc: StarletteHTTPException, request: Request) -> QueryError:
    if exc.status_code == 404:
        return QueryError("E852", f"no page or endpoint at {request.url.path}: the endpoints "
                          "are listed at /docs, the dashboard is at /", where=request.url.path)
    if exc.status_code == 405:
        return QueryError("E853", f"{request.method} is not allowed here: the API only "
                          "answers GET requests", where=request.url.path)
    return QueryError("E851", str(exc.detail), where=request.url.path)


def install_error_handlers(app: FastAPI, html: HtmlRenderer) -> None:
    """Route every error through one shape: JSON under /api/ (and /openapi.json), else HTML."""

    def respond(request: Request, err: DyadlineError, status: int) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse(error_body(err), status_code=status)
        return html(request, err, status)

    async def on_dyadline(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, DyadlineError)
        return respond(request, exc, http_status(exc))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return respond(request, _from_validation(exc), 400)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        status = exc.status_code if exc.status_code in (404, 405) else 400
        return respond(request, _from_http(exc, request), status)

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        err = DyadlineError("E859", f"unexpected {type(exc).__name__} while answering this "
                            "request: this is a bug in dyadline, please report it with the URL",
                            where=request.url.path)
        return respond(request, err, 500)

    app.add_exception_handler(DyadlineError, on_dyadline)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_unexpected)


def document_errors(app: FastAPI) -> None:
    """Make /openapi.json describe the real error answers (our shape, not FastAPI's 422)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version,
                             description=app.description, routes=app.routes)
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
        schemas["Error"] = ERROR_SCHEMA
        ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for operations in schema.get("paths", {}).values():
            for op in operations.values():
                responses = op.setdefault("responses", {})
                responses.pop("422", None)
                for status, text in _DOCUMENTED:
                    responses[status] = {"description": text, "content": ref}
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]

"""Files the pages load, all served by this server (no CDN): our own static files, Plotly's
JavaScript from the installed ``plotly`` package, and Swagger UI from ``swagger-ui-bundle-v2``."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from dyadline.errors import DyadlineError, QueryError

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "plotly_js", "router", "swagger_file"]

STATIC_DIR = Path(__file__).parent / "static"
TEMPLATES_DIR = Path(__file__).parent / "templates"
SWAGGER_FILES = ("swagger-ui-bundle.js", "swagger-ui.css")
_CACHE = {"Cache-Control": "public, max-age=86400"}

router = APIRouter(include_in_schema=False)


def plotly_js() -> Path:
    """plotly.min.js as shipped by the installed plotly package (found without importing it)."""
    spec = importlib.util.find_spec("plotly")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "package_data" / "plotly.min.js"
        if path.is_file():
            return path
    raise DyadlineError("E854", "plotly.min.js was not found in the installed 'plotly' "
                        "package: reinstall dyadline's dependencies ('make install')")


def swagger_file(name: str) -> Path:
    """One of Swagger UI's files from the installed swagger-ui-bundle-v2 package."""
    if name not in SWAGGER_FILES:
        raise QueryError("E852", f"no Swagger UI file {name!r}: there are "
                         f"{', '.join(SWAGGER_FILES)}", where=f"/vendor/swagger/{name}")
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        raise DyadlineError("E854", "the 'swagger-ui-bundle-v2' package is not installed: "
                            "reinstall dyadline's dependencies ('make install')") from None
    path = Path(str(swagger_ui_path)) / name
    if not path.is_file():
        raise DyadlineError("E854", f"{path} is missing: reinstall 'swagger-ui-bundle-v2'")
    return path


@router.get("/vendor/plotly.min.js")
def plotly_file() -> FileResponse:
    return FileResponse(plotly_js(), media_type="text/javascript", headers=_CACHE)


@router.get("/vendor/swagger/{name}")
def swagger_asset(name: str) -> FileResponse:
    media = "text/css" if name.endswith(".css") else "text/javascript"
    return FileResponse(swagger_file(name), media_type=media, headers=_CACHE)


@router.get("/docs")
def swagger_page(request: Request) -> HTMLResponse:
    """FastAPI's Swagger UI page, with every file served locally and no validator badge."""
    root = request.scope.get("root_path", "")
    return get_swagger_ui_html(
        openapi_url=f"{root}/openapi.json", title="dyadline HTTP API",
        swagger_js_url=f"{root}/vendor/swagger/swagger-ui-bundle.js",
        swagger_css_url=f"{root}/vendor/swagger/swagger-ui.css",
        swagger_favicon_url=f"{root}/static/favicon.svg",
        swagger_ui_parameters={"validatorUrl": None, "defaultModelsExpandDepth": -1},
    )

"""What every handler needs: the database pool, the settings and the page templates.

Kept on ``app.state.dyadline`` by ``create_app``; handlers get it with the ``Ctx`` dependency.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from dyadline.api.pool import StorePool
from dyadline.settings import Settings

__all__ = ["ApiContext", "Ctx", "context"]


@dataclass(frozen=True, slots=True)
class ApiContext:
    pool: StorePool
    settings: Settings
    templates: Jinja2Templates

    def count_reports(self, value: bool | None) -> bool:
        """A request's ``count_reports``, else the setting."""
        return bool(self.settings.count_reports if value is None else value)

    def include_uncertain(self, value: bool | None) -> bool:
        """A request's ``include_uncertain``, else the setting."""
        return bool(self.settings.include_uncertain if value is None else value)


def context(request: Request) -> ApiContext:
    ctx: ApiContext = request.app.state.dyadline
    return ctx


Ctx = Annotated[ApiContext, Depends(context)]

"""Fixtures for the input readers: default settings and a helper that reads into a list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dyadline.articles import read_articles
from dyadline.model import Article, Quarantined
from dyadline.settings import Settings, load_settings


@pytest.fixture
def settings() -> Settings:
    return load_settings(environ={})


@pytest.fixture
def read(settings: Settings) -> Callable[..., list[Article | Quarantined]]:
    """read(*sources, **kwargs): every record read_articles yields, as a list."""

    def run(*sources: str | Path, **kwargs: Any) -> list[Article | Quarantined]:
        opts = {"settings": settings, **kwargs}
        return list(read_articles([str(s) for s in sources], **opts))

    return run


@pytest.fixture
def english() -> str:
    """An English paragraph long enough for the language check (over 25 words)."""
    return ENGLISH


ENGLISH = (
    "The foreign minister said on Monday that the talks in Geneva had been useful, and that "
    "both sides would meet again next month to discuss the ceasefire and the exchange of "
    "prisoners, according to a statement from the ministry."
)

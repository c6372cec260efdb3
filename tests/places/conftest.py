"""Fixtures for the places tests: one gazetteer per session, cached in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadline.places import Gazetteer


@pytest.fixture(scope="session")
def gazetteer_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder laid out as $XDG_CACHE_HOME/dyadline."""
    return tmp_path_factory.mktemp("xdg-cache") / "dyadline"


@pytest.fixture(scope="session")
def gazetteer(gazetteer_cache: Path) -> Gazetteer:
    return Gazetteer.build(cache_dir=gazetteer_cache)

"""Shared fixtures. The spaCy model is loaded once per test session (it takes seconds)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from dyadline.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from dyadline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (read-only data); tests that need it skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """One real pipeline (model, knowledge base, lexicon) for the whole session."""
    from dyadline.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_coded(pipeline, shared):  # type: ignore[no-untyped-def]
    """The seed article, coded once."""
    from dyadline.articles import read_articles

    (article,) = read_articles([str(shared / "seed" / "000_438d2bf8bcbd74dd.txt")],
                               settings=pipeline.settings)
    return next(iter(pipeline.code_articles([article])))


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty database in memory."""
    from dyadline.store import Store

    with Store.open(":memory:") as s:
        yield s

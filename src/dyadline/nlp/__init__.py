"""Stage 2: the spaCy pipeline, loaded once per process and run in batches."""

from __future__ import annotations

from dyadline.nlp.load import load_nlp, model_version

__all__ = ["load_nlp", "model_version"]

"""What runs on a Dask worker: code one shard with this process's pipeline, write its part.

Each worker process keeps ONE Pipeline per settings (``pipeline_for``, cached by the settings
values), so the spaCy model, knowledge base and lexicon load once per process, not per shard.
A task never raises for a failure of its own: it returns an ``Outcome`` saying what went
wrong, so that the error reaches the client intact whatever the transport.
"""

from __future__ import annotations

import functools
import threading
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyadline.batch.parts import write_part
from dyadline.batch.shards import CODING_EXEMPT, Shard
from dyadline.errors import DyadlineError
from dyadline.model import Article, CodedArticle
from dyadline.pipeline import Pipeline
from dyadline.settings import SETTINGS, load_settings

__all__ = ["Outcome", "code_shard", "pipeline_for", "settings_key"]

# Workers that are threads of one process share its pipeline; coding takes turns.
_LOCK = threading.Lock()

SettingsKey = tuple[str, tuple[tuple[str, Any], ...]]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a task did: the part it wrote, or why it could not (``error`` set).

    ``setup`` is True when the pipeline itself could not be built (a missing model, a broken
    data file): every shard would fail alike, so the run stops. ``error_class`` names the
    ``dyadline.errors`` class of such an error."""

    index: int
    path: str | None = None
    articles: int = 0
    events: int = 0
    failed: int = 0
    error: str | None = None
    error_class: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    error_where: str | None = None
    setup: bool = False


def settings_key(values: dict[str, Any], fingerprint: str) -> SettingsKey:
    """What the pipeline cache is keyed by: the coding fingerprint (``coding_fingerprint``)
    and the settings the pipeline reads. Settings of the run alone (the database, the shard
    size, ...) are left out, so runs that differ only in them share a process's pipeline."""
    kept = {k: v for k, v in values.items() if k not in CODING_EXEMPT or k == "batch_size"}
    kept["n_process"] = 1  # a worker codes in its own process
    return fingerprint, tuple(sorted(kept.items()))


@functools.lru_cache(maxsize=2)
def pipeline_for(key: SettingsKey) -> Pipeline:
    """This process's pipeline for these settings, with its resources loaded."""
    _fingerprint, items = key
    base = {s.name: s.default for s in SETTINGS} | dict(items)
    pipe = Pipeline(load_settings(base=base))
    _ = pipe.nlp, pipe.coder  # load now: a failure here is a setup error, not a shard's
    return pipe


def _failure(index: int, exc: BaseException, *, setup: bool) -> Outcome:
    if isinstance(exc, DyadlineError):
        return Outcome(index=index, error=str(exc), error_class=type(exc).__name__,
                       error_code=exc.code, error_message=exc.message, error_where=exc.where,
                       setup=setup)
    last = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    at = f" at {Path(last[0].filename).name}:{last[0].lineno}" if last else ""
    return Outcome(index=index, error=f"{exc.__class__.__name__}: {exc}{at}", setup=setup)


def _code(pipe: Pipeline, articles: Sequence[Article]) -> list[CodedArticle]:
    """Code the articles; if the pipeline raises on the shard, code them one by one, so that
    the article it raises on is quarantined (E764) and the others are coded."""
    try:
        return list(pipe.code_articles(articles))
    except Exception:  # one article must not cost the shard
        pass
    out: list[CodedArticle] = []
    for article in articles:
        try:
            out.extend(pipe.code_articles([article]))
        except Exception as exc:
            out.append(CodedArticle(article=article, error=(
                f"[E764] the pipeline failed on this article ({exc.__class__.__name__}: {exc}): "
                "please report this article; the rest of its shard was coded")))
    return out


def code_shard(shard: Shard, settings_values: dict[str, Any], path: str,
               fingerprint: str) -> Outcome:
    """Code ``shard`` and write its part to ``path`` (the Dask task).

    ``settings_values`` are the run's ``Settings.values``; ``fingerprint`` is their
    ``coding_fingerprint``, computed where the run started."""
    with _LOCK:
        try:
            pipe = pipeline_for(settings_key(settings_values, fingerprint))
        except Exception as exc:  # reported to the client, which stops the run
            return _failure(shard.index, exc, setup=True)
        try:
            coded = _code(pipe, shard.articles)
            write_part(path, coded, shard.quarantined,
                       meta={"shard": shard.index, "key": shard.key, "fingerprint": fingerprint})
        except Exception as exc:  # this shard fails, the others go on
            return _failure(shard.index, exc, setup=False)
    return Outcome(index=shard.index, path=path, articles=len(coded),
                   events=sum(len(c.events) for c in coded if not c.error),
                   failed=sum(1 for c in coded if c.error))

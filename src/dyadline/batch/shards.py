"""Shards: the input, cut into slices of ``shard_size`` articles in reading order.

A slice keeps the quarantined records the reader produced while reading it, so that nothing
read is dropped. Slices are cut from every article read (stored or not), so a re-run of the
same input cuts the same slices; the part of a shard is named by a key over what it codes and
the settings that shape the coding, so a re-run finds the parts an interrupted run wrote.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyadline import __version__
from dyadline.model import Article, Quarantined
from dyadline.settings import Settings

__all__ = ["CODING_EXEMPT", "Shard", "Slice", "coding_fingerprint", "shard_key", "slices"]

# Settings that do not change what the pipeline makes of an article.
CODING_EXEMPT = frozenset({
    "n_process", "batch_size", "db", "dedup_threshold", "count_reports", "include_uncertain",
    "host", "port", "dask_scheduler", "dask_workers", "dask_processes", "shard_size",
    "batch_parts_dir", "batch_keep_parts",
})
# Settings naming a user's data file: the file's content is part of the fingerprint.
_USER_FILES = ("actors_file", "lexicon_file", "places_file")


@dataclass(frozen=True, slots=True)
class Slice:
    """``index``-th slice of the input: its articles and the records quarantined while reading it."""

    index: int
    articles: tuple[Article, ...]
    quarantined: tuple[Quarantined, ...]


@dataclass(frozen=True, slots=True)
class Shard:
    """What one task codes: the fresh articles of a slice, and its quarantined records."""

    index: int
    key: str
    articles: tuple[Article, ...]
    quarantined: tuple[Quarantined, ...]

    def origins(self) -> str:
        """Where the shard's records were read, e.g. ``a.jsonl:51 .. a.jsonl:100``."""
        names = [a.origin or a.id for a in self.articles] or [q.origin for q in self.quarantined]
        if not names:
            return "no records"
        return names[0] if len(names) == 1 else f"{names[0]} .. {names[-1]}"


def slices(records: Iterable[Article | Quarantined], size: int) -> Iterator[Slice]:
    """Cut a stream of records into slices of ``size`` articles (the last may be smaller).

    Quarantined records go with the slice being filled when they are read; trailing ones
    form a last slice without articles."""
    articles: list[Article] = []
    bad: list[Quarantined] = []
    index = 0
    for rec in records:
        if isinstance(rec, Quarantined):
            bad.append(rec)
            continue
        articles.append(rec)
        if len(articles) == size:
            yield Slice(index, tuple(articles), tuple(bad))
            index += 1
            articles, bad = [], []
    if articles or bad:
        yield Slice(index, tuple(articles), tuple(bad))


def _file_digest(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "unreadable"  # the pipeline itself reports the problem when it loads the file


def coding_fingerprint(settings: Settings) -> str:
    """A digest of what shapes the coding: dyadline's version, the settings that change the
    pipeline's output, and the content of the user data files they name."""
    values: dict[str, Any] = {k: v for k, v in settings.values.items() if k not in CODING_EXEMPT}
    for name in _USER_FILES:
        if values.get(name):
            values[f"{name}#sha256"] = _file_digest(str(values[name]))
    text = json.dumps({"version": __version__, "settings": values}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def shard_key(fingerprint: str, articles: Iterable[Article],
              quarantined: Iterable[Quarantined]) -> str:
    """A digest naming the part of a shard: equal keys, equal parts."""
    h = hashlib.sha256(fingerprint.encode("ascii"))
    for a in articles:
        fields = [a.id, a.published.isoformat() if a.published else "", a.title, a.url, a.source,
                  a.origin, a.language, json.dumps(a.meta), a.body]
        h.update(json.dumps(fields, ensure_ascii=False).encode("utf-8"))
    for q in quarantined:
        h.update(json.dumps([q.origin, q.code, q.reason, q.raw], ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()[:24]

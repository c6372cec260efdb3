"""Parquet parts: what one worker made of one shard, in a form the merge step reads back exactly.

One row per record, in shard order: ``kind`` is ``article`` (a CodedArticle: the article's
fields, its ``error``, and the JSON of its events, flags, mentions, timexes and sentence
offsets) or ``quarantined`` (a record the reader could not use). Reading a part gives back
records equal to the ones written (``model.py`` has no ``from_dict`` for Article, Timex and
CodedArticle, so their inverses live here). A part is written under a temporary name and
renamed, so a part that exists is complete.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dyadline.errors import StoreError
from dyadline.model import (
    Actor,
    Article,
    CodedArticle,
    Event,
    Flag,
    Quarantined,
    Timex,
)

__all__ = [
    "PART_FORMAT",
    "Part",
    "coded_from_row",
    "coded_row",
    "event_dict",
    "part_name",
    "read_part",
    "read_part_meta",
    "write_part",
]

PART_FORMAT = "dyadline-part/1"
_META_KEY = b"dyadline"

SCHEMA = pa.schema([
    ("n", pa.int32()),
    ("kind", pa.string()),  # article | quarantined
    ("id", pa.string()),
    ("published", pa.date32()),
    ("title", pa.string()),
    ("url", pa.string()),
    ("source", pa.string()),
    ("origin", pa.string()),
    ("language", pa.string()),
    ("meta", pa.string()),  # JSON [[key, value], ...]
    ("body", pa.string()),
    ("error", pa.string()),
    ("events", pa.string()),  # JSON list of event_dict()
    ("flags", pa.string()),  # JSON list of Flag.to_dict()
    ("mentions", pa.string()),  # JSON list of Actor.to_dict()
    ("timexes", pa.string()),  # JSON list of Timex.to_dict()
    ("sentences", pa.string()),  # JSON [[start, end], ...]
    ("code", pa.string()),  # quarantined: the error code
    ("reason", pa.string()),  # quarantined: the message
    ("raw", pa.string()),  # quarantined: the record as read
])


@dataclass(frozen=True, slots=True)
class Part:
    """The records of one part, in shard order, and the part's metadata."""

    coded: tuple[CodedArticle, ...]
    quarantined: tuple[Quarantined, ...]
    meta: dict[str, Any]


def part_name(index: int, key: str) -> str:
    """The file name of the part of shard ``index`` whose records have the key ``key``."""
    return f"part-{index:06d}-{key}.parquet"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def event_dict(event: Event) -> dict[str, Any]:
    """``Event.to_dict`` with the confidence unrounded (the contract rounds it to 3 places)."""
    return {**event.to_dict(), "confidence": event.confidence}


def coded_row(n: int, coded: CodedArticle) -> dict[str, Any]:
    """One CodedArticle as a part row."""
    a = coded.article
    return {
        "n": n, "kind": "article", "id": a.id, "published": a.published, "title": a.title,
        "url": a.url, "source": a.source, "origin": a.origin, "language": a.language,
        "meta": _dumps([list(p) for p in a.meta]), "body": a.body, "error": coded.error,
        "events": _dumps([event_dict(e) for e in coded.events]),
        "flags": _dumps([f.to_dict() for f in coded.flags]),
        "mentions": _dumps([m.to_dict() for m in coded.mentions]),
        "timexes": _dumps([t.to_dict() for t in coded.timexes]),
        "sentences": _dumps([list(s) for s in coded.sentences]),
        "code": None, "reason": None, "raw": None,
    }


def _quarantined_row(n: int, q: Quarantined) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(SCHEMA.names)
    row.update(n=n, kind="quarantined", origin=q.origin, code=q.code, reason=q.reason, raw=q.raw)
    return row


def coded_from_row(row: dict[str, Any]) -> CodedArticle:
    """The inverse of ``coded_row``."""
    article = Article(
        id=row["id"], body=row["body"], published=row["published"], title=row["title"],
        url=row["url"], source=row["source"], origin=row["origin"] or "",
        language=row["language"],
        meta=tuple((str(k), str(v)) for k, v in json.loads(row["meta"] or "[]")),
    )
    return CodedArticle(
        article=article,
        events=tuple(Event.from_dict(d, article.id) for d in json.loads(row["events"] or "[]")),
        flags=tuple(Flag.from_dict(d) for d in json.loads(row["flags"] or "[]")),
        mentions=tuple(Actor.from_dict(d) for d in json.loads(row["mentions"] or "[]")),
        timexes=tuple(Timex.from_dict(d) for d in json.loads(row["timexes"] or "[]")),
        error=row["error"],
        sentences=tuple((int(s), int(e)) for s, e in json.loads(row["sentences"] or "[]")),
    )


def write_part(path: str | Path, coded: Sequence[CodedArticle],
               quarantined: Sequence[Quarantined] = (), *,
               meta: dict[str, Any] | None = None) -> Path:
    """Write one part atomically (temporary file, then rename); returns its path.

    Quarantined records come first, then the coded articles in their order."""
    path = Path(path)
    rows = [_quarantined_row(i, q) for i, q in enumerate(quarantined)]
    rows += [coded_row(len(rows) + i, c) for i, c in enumerate(coded)]
    info = {"format": PART_FORMAT, "articles": len(coded), "quarantined": len(quarantined),
            **(meta or {})}
    table = pa.Table.from_pylist(rows, schema=SCHEMA).replace_schema_metadata(
        {_META_KEY: _dumps(info).encode("utf-8")})
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError("E762", f"cannot write the batch part {path}: {exc.strerror or exc}: "
                         "check that the parts folder (the 'batch_parts_dir' setting) exists, is "
                         "writable by the workers and has space") from None
    return path


def read_part_meta(path: str | Path) -> dict[str, Any]:
    """The metadata of a part (cheap: reads the footer only); StoreError if it is no part."""
    try:
        schema = pq.read_schema(path)
    except (OSError, pa.ArrowInvalid) as exc:
        raise StoreError("E763", f"cannot read the batch part {path} ({exc}): delete it and "
                         "run the batch again to code its shard anew") from None
    raw = (schema.metadata or {}).get(_META_KEY)
    meta = json.loads(raw) if raw else {}
    if meta.get("format") != PART_FORMAT:
        raise StoreError("E763", f"{path} is not a dyadline batch part of format {PART_FORMAT} "
                         f"(found {meta.get('format')!r}): delete it and run the batch again")
    return dict(meta)


def read_part(path: str | Path) -> Part:
    """Every record of a part, as written."""
    meta = read_part_meta(path)
    try:
        rows = pq.read_table(path, schema=SCHEMA).to_pylist()
    except (OSError, pa.ArrowInvalid) as exc:
        raise StoreError("E763", f"cannot read the batch part {path} ({exc}): delete it and "
                         "run the batch again to code its shard anew") from None
    rows.sort(key=lambda r: r["n"])
    coded = tuple(coded_from_row(r) for r in rows if r["kind"] == "article")
    quarantined = tuple(Quarantined(origin=r["origin"], code=r["code"], reason=r["reason"],
                                    raw=r["raw"] or "")
                        for r in rows if r["kind"] == "quarantined")
    if len(coded) != meta.get("articles") or len(quarantined) != meta.get("quarantined"):
        raise StoreError("E763", f"{path} holds {len(coded)} articles and {len(quarantined)} "
                         f"quarantined records, its footer says {meta.get('articles')} and "
                         f"{meta.get('quarantined')}: delete it and run the batch again")
    return Part(coded=coded, quarantined=quarantined, meta=meta)

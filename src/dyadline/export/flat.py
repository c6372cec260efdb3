"""The flat event table of the Parquet and CSV exports: one row per event, every field of the
event contract as a column (nested records joined with ``_``: ``source_code``,
``date_start``, ``said_by_actor_name``), and the GDELT-style counts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import pyarrow as pa

from dyadline.store import StoredEvent

__all__ = [
    "COLUMNS",
    "CSV_SCHEMA",
    "SCHEMA",
    "csv_table",
    "event_month",
    "flat_row",
    "table",
]

_ACTOR = (("code", pa.string()), ("country", pa.string()), ("sector", pa.string()),
          ("org", pa.string()), ("name", pa.string()), ("text", pa.string()),
          ("start", pa.int32()), ("end", pa.int32()), ("basis", pa.string()))
_SPAN = (("text", pa.string()), ("start", pa.int32()), ("end", pa.int32()))


def _prefixed(prefix: str, fields: Sequence[tuple[str, pa.DataType]]) -> list[pa.Field]:
    return [pa.field(f"{prefix}_{name}", kind) for name, kind in fields]


SCHEMA = pa.schema([
    pa.field("id", pa.int64()),
    pa.field("article_id", pa.string()),
    *_prefixed("source", _ACTOR),
    *_prefixed("target", _ACTOR),
    pa.field("cameo", pa.string()),
    pa.field("root", pa.string()),
    pa.field("quad_class", pa.int8()),
    pa.field("goldstein", pa.float64()),
    pa.field("plover", pa.string()),
    pa.field("plover_mode", pa.string()),
    pa.field("date_start", pa.date32()),
    pa.field("date_end", pa.date32()),
    pa.field("date_granularity", pa.string()),
    pa.field("date_basis", pa.string()),
    pa.field("date_text", pa.string()),
    *_prefixed("place", (("name", pa.string()), ("country", pa.string()),
                         ("lat", pa.float64()), ("lon", pa.float64()),
                         ("feature", pa.string()), ("text", pa.string()),
                         ("start", pa.int32()), ("end", pa.int32()),
                         ("geonameid", pa.int64()))),
    *_prefixed("evidence", _SPAN),
    *_prefixed("trigger", _SPAN),
    *_prefixed("said_by", _SPAN),
    *_prefixed("said_by_actor", _ACTOR),
    pa.field("modality", pa.list_(pa.string())),
    pa.field("confidence", pa.float64()),
    pa.field("rule", pa.string()),
    pa.field("lexicon_entry", pa.string()),
    pa.field("coder_version", pa.string()),
    pa.field("lexicon_version", pa.string()),
    pa.field("actors_version", pa.string()),
    pa.field("mentions", pa.int32()),
    pa.field("sources", pa.int32()),
    pa.field("articles", pa.int32()),
    pa.field("stories", pa.int32()),
])
COLUMNS: tuple[str, ...] = tuple(SCHEMA.names)

# CSV cannot hold lists: the modalities are joined with ';' (an empty cell for none).
CSV_SCHEMA = SCHEMA.set(SCHEMA.get_field_index("modality"), pa.field("modality", pa.string()))

_DATES = ("date_start", "date_end")


def _flatten(d: Mapping[str, Any], prefix: str, out: dict[str, Any]) -> None:
    for key, value in d.items():
        if isinstance(value, Mapping):
            _flatten(value, f"{prefix}{key}_", out)
        else:
            out[f"{prefix}{key}"] = value


def flat_row(stored: StoredEvent) -> dict[str, Any]:
    """One event as a row of ``SCHEMA`` (absent records give null columns)."""
    nested: dict[str, Any] = {}
    _flatten(stored.to_dict(), "", nested)
    row = {name: nested.get(name) for name in COLUMNS}
    for name in _DATES:
        value = row[name]
        if value is not None:
            row[name] = date.fromisoformat(value)
    return row


def event_month(stored: StoredEvent) -> str | None:
    """``YYYY-MM`` of the day the event is counted on (span start, else end); None if undated."""
    span = stored.event.date
    day = span.start if span.start is not None else span.end
    return f"{day.year:04d}-{day.month:02d}" if day is not None else None


def table(events: Sequence[StoredEvent]) -> pa.Table:
    """Events as an Arrow table of ``SCHEMA`` (what the Parquet files hold)."""
    return pa.Table.from_pylist([flat_row(s) for s in events], schema=SCHEMA)


def csv_table(events: Sequence[StoredEvent]) -> pa.Table:
    rows = []
    for s in events:
        row = flat_row(s)
        row["modality"] = ";".join(row["modality"] or ())
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=CSV_SCHEMA)

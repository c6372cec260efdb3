"""JSON Lines and CSV input: one article per line or row, fields named by the ``csv_columns`` setting.

Columns other than the mapped ones are kept in ``Article.meta``. A record without text is
quarantined (E109); one without a date is kept with ``published`` None (or the date given to the
reader). A CSV header that lacks the text or the date column is quarantined once for the whole
file (E110): map the columns with ``csv_columns``, or write ``date=`` for input with no dates.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from dyadline.articles.codes import quarantine
from dyadline.articles.record import Checks, Record, finish
from dyadline.articles.sources import looks_binary, utf8_problem
from dyadline.errors import ConfigError
from dyadline.model import Article, Quarantined

__all__ = ["FIELDS", "ColumnMap", "parse_columns", "read_csv", "read_jsonl"]

FIELDS = ("id", "date", "title", "text", "url", "source")


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """The column (or JSON key) of each field; None: the input has no such column."""

    columns: tuple[tuple[str, str | None], ...]

    def get(self, field: str) -> str | None:
        return dict(self.columns).get(field)


def parse_columns(spec: str) -> ColumnMap:
    """Read ``csv_columns`` ("field=column,..."); fields not named keep their own name."""
    mapping: dict[str, str | None] = {f: f for f in FIELDS}
    named: set[str] = set()
    for pair in spec.split(","):
        if not pair.strip():
            continue
        field, sep, column = pair.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or field not in FIELDS or field in named:
            problem = ("is not field=column" if not sep else
                       f"names {field!r} twice" if field in named else
                       f"names an unknown field {field!r} (fields: {', '.join(FIELDS)})")
            raise ConfigError("E191", f"csv_columns {spec!r}: {pair.strip()!r} {problem}: write "
                              "field=column pairs separated by commas, e.g. 'text=body,date=published'")
        if field == "text" and not column:
            raise ConfigError("E191", f"csv_columns {spec!r}: the text field needs a column: "
                              "name the column that holds the article text, e.g. 'text=body'")
        named.add(field)
        mapping[field] = column or None
    return ColumnMap(tuple(mapping.items()))


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _jsonl_record(obj: dict[str, Any], origin: str, line: str, columns: ColumnMap) -> Record | Quarantined:
    text_key = columns.get("text") or "text"
    text = obj.get(text_key)
    if not isinstance(text, str) or not text.strip():
        problem = ("has no " + repr(text_key) + " field" if text is None else
                   f"has a {type(text).__name__} as its {text_key!r}" if not isinstance(text, str) else
                   f"has an empty {text_key!r}")
        keys = ", ".join(obj) or "none"
        return quarantine("E109", origin, f"the object {problem} (its fields: {keys})",
                          f"give each object its article text under {text_key!r}, or map the field "
                          "with the csv_columns setting (e.g. 'text=body')", raw=line)
    values: dict[str, Any] = {}
    for field in FIELDS:
        key = columns.get(field)
        values[field] = obj.get(key) if key is not None else None
    date = values["date"]
    if date is not None and not isinstance(date, str):
        return quarantine("E105", origin, f"the date is a JSON {type(date).__name__} ({date!r}), not a "
                          "string", "write the date as a string, \"YYYY-MM-DD\"", raw=line)
    mapped = {columns.get(f) for f in FIELDS}
    meta = tuple((k, _as_text(v) or "") for k, v in obj.items() if k not in mapped)
    return Record(origin=origin, body=text, raw=line, date=date, date_origin=origin,
                  record_id=_as_text(values["id"]), title=_as_text(values["title"]),
                  url=_as_text(values["url"]), source=_as_text(values["source"]), meta=meta)


def read_jsonl(lines: Iterable[bytes], name: str, columns: ColumnMap,
               checks: Checks) -> Iterator[Article | Quarantined]:
    """One Article or Quarantined per non-blank line of a JSON Lines file."""
    records = 0
    for number, raw in enumerate(lines, start=1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        stripped = raw.strip()
        if not stripped:
            continue
        origin = f"{name}:{number}"
        records += 1
        if records == 1 and stripped.startswith(b"["):
            yield quarantine("E108", origin, "this is a JSON array, not JSON Lines",
                             f"write one object per line: jq -c '.[]' {name} > articles.jsonl",
                             raw=stripped[:2000].decode("utf-8", "replace"))
            return
        if looks_binary(stripped):
            yield quarantine("E103", origin, "binary content (NUL or control bytes) on this line",
                             raw=stripped[:200].decode("latin1"))
            continue
        try:
            line = stripped.decode("utf-8")
        except UnicodeDecodeError as exc:
            what, fix = utf8_problem(stripped, exc, name)
            yield quarantine("E104", origin, f"this line is {what}", fix,
                             raw=stripped.decode("utf-8", "replace"))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield quarantine("E108", origin, f"not JSON ({exc.msg} at column {exc.colno})",
                             "write one complete JSON object per line", raw=line)
            continue
        if not isinstance(obj, dict):
            yield quarantine("E108", origin, f"a JSON {type(obj).__name__}, not an object",
                             "write one JSON object per line, with a text field", raw=line)
            continue
        rec = _jsonl_record(obj, origin, line, columns)
        yield rec if isinstance(rec, Quarantined) else finish(rec, checks)
    if records == 0:
        yield quarantine("E102", f"{name}:1", "no records (only blank lines)")


def _find(header: list[str], column: str) -> int | None:
    names = [h.strip() for h in header]
    if column in names:
        return names.index(column)
    lowered = [h.lower() for h in names]
    return lowered.index(column.lower()) if column.lower() in lowered else None


def _decoded(lines: Iterable[bytes]) -> Iterator[str]:
    """Lines as text; bytes that are not UTF-8 survive as surrogates, so the row can be named."""
    for number, raw in enumerate(lines, start=1):
        text = raw.decode("utf-8", "surrogateescape")
        yield text.removeprefix("\ufeff") if number == 1 else text


def _not_utf8(fields: list[str], origin: str, name: str, raw: str) -> Quarantined | None:
    for field in fields:
        if any("\udc80" <= c <= "\udcff" for c in field):
            data = field.encode("utf-8", "surrogateescape")
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as exc:
                what, fix = utf8_problem(data, exc, name)
                return quarantine("E104", origin, f"this row is {what}", fix,
                                  raw=raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
    return None


def read_csv(lines: Iterable[bytes], name: str, delimiter: str, columns: ColumnMap,
             checks: Checks) -> Iterator[Article | Quarantined]:
    """One Article or Quarantined per data row; one Quarantined if the header lacks columns."""
    # The csv module refuses fields over its limit (128 KiB); articles up to max_chars must pass.
    csv.field_size_limit(max(csv.field_size_limit(), 4 * checks.max_chars))
    reader = csv.reader(_decoded(lines), delimiter=delimiter)
    header = next((row for row in reader if row), None)
    if header is None:
        yield quarantine("E102", f"{name}:1", "no header and no rows")
        return
    wanted = {f: columns.get(f) for f in FIELDS}
    index = {f: _find(header, c) for f, c in wanted.items() if c is not None}
    missing = [f"{f} ({wanted[f]!r})" for f in ("text", "date") if f in index and index[f] is None]
    if missing:
        found = ", ".join(repr(h.strip()) for h in header)
        yield quarantine("E110", f"{name}:{reader.line_num}",
                         f"the header lacks the column for {' and '.join(missing)}; it has {found}",
                         "rename the columns or map them with the csv_columns setting, e.g. "
                         "'text=body,date=published' (write 'date=' if the file has no dates)")
        return
    mapped = {i for i in index.values() if i is not None}
    rows = 0
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            code = "E103" if "NUL" in str(exc) else "E114"
            yield quarantine(code, f"{name}:{start}", f"unreadable CSV ({exc})")
            continue
        if not row:
            continue
        rows += 1
        origin = f"{name}:{start}"
        raw = delimiter.join(row)
        if len(row) != len(header):
            yield quarantine("E114", origin, f"the row has {len(row)} fields, the header {len(header)}",
                             raw=raw)
            continue
        bad = _not_utf8(row, origin, name, raw)
        if bad is not None:
            yield bad
            continue
        if any("\x00" in field for field in row):
            yield quarantine("E103", origin, "NUL bytes in this row", raw=raw.replace("\x00", "\\0"))
            continue

        def value(field: str, row: list[str] = row) -> str | None:
            i = index.get(field)
            return row[i] if i is not None else None

        text = value("text") or ""
        if not text.strip():
            yield quarantine("E109", origin, f"the row's {wanted['text']!r} column is empty",
                             "give each row its article text, or drop the row", raw=raw)
            continue
        meta = tuple((header[i].strip(), v) for i, v in enumerate(row) if i not in mapped and v)
        yield finish(Record(origin=origin, body=text, raw=raw, date=value("date"), date_origin=origin,
                            record_id=value("id"), title=value("title"), url=value("url"),
                            source=value("source"), meta=meta), checks)
    if rows == 0:
        yield quarantine("E102", f"{name}:1", "a header but no rows")

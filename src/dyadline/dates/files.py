"""Temporal expressions for a JSONL file of texts: the library side of ``dyadline timex``.

Each input line is ``{"id", "dct", "text"}`` (``dct`` the publication date, YYYY-MM-DD); each
output line is ``{"id", "timexes": [...]}``. A line that cannot be read is written as
``{"id", "timexes": [], "error": "[E50x] file:line: ..."}`` and the rest goes on.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dyadline.dates.find import find_timexes
from dyadline.errors import InputError, UsageError

__all__ = ["CODES", "TimexFileSummary", "timex_file"]

# the error codes of this stage (docs/dates.md lists each)
CODES = {
    "E501": "an input line is not a JSON object",
    "E502": "an input line has no 'dct' or one that is not a YYYY-MM-DD date",
    "E503": "an input line has no 'text' string",
    "E504": "the input file cannot be read or is not UTF-8",
    "E505": "the output file cannot be written",
}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:$|[T ])")


@dataclass(frozen=True, slots=True)
class TimexFileSummary:
    """What ``timex_file`` did: lines read, lines done and failed, expressions found, and the
    one-line message of each failed line."""

    lines: int
    ok: int
    failed: int
    timexes: int
    errors: tuple[str, ...]


def _record(raw: str, where: str) -> tuple[Any, date, str]:
    try:
        rec = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError("E501", f"not a JSON object ({exc.msg}): write one JSON object per line",
                         where=where) from None
    if not isinstance(rec, dict):
        raise InputError("E501", "not a JSON object: write one {\"id\", \"dct\", \"text\"} object "
                         "per line", where=where)
    dct = rec.get("dct")
    if dct is None:
        raise InputError("E502", "no 'dct': give the publication date as \"dct\": \"YYYY-MM-DD\"",
                         where=where)
    try:
        if not isinstance(dct, str) or not _DATE.match(dct):
            raise ValueError
        day = date.fromisoformat(dct[:10])
    except ValueError:
        raise InputError("E502", f"'dct' is not a date: {dct!r}; write it as YYYY-MM-DD",
                         where=where) from None
    text = rec.get("text")
    if not isinstance(text, str):
        raise InputError("E503", "no 'text' string: give the text to search as \"text\"",
                         where=where)
    return rec.get("id"), day, text


def timex_file(in_path: str | Path, out_path: str | Path, *,
               day_first: bool = False) -> TimexFileSummary:
    """Find the temporal expressions of every line of ``in_path`` and write them to
    ``out_path``. Bad lines are written with their error and counted; the rest goes on."""
    src, dst = Path(in_path), Path(out_path)
    try:
        fin = src.open(encoding="utf-8")
    except OSError as exc:
        raise InputError("E504", f"cannot read the input ({exc.__class__.__name__}): check the "
                         "path", where=str(src)) from None
    try:
        fout = dst.open("w", encoding="utf-8")
    except OSError as exc:
        fin.close()
        raise UsageError("E505", f"cannot write the output ({exc.__class__.__name__}): choose "
                         "a writable --out path", where=str(dst)) from None
    n = ok = found = 0
    errors: list[str] = []
    with fin, fout:
        try:
            for lineno, raw in enumerate(fin, start=1):
                if not raw.strip():
                    continue
                n += 1
                try:
                    rid, dct, text = _record(raw, f"{src}:{lineno}")
                except InputError as exc:
                    errors.append(str(exc))
                    row: dict[str, Any] = {"id": _id_of(raw), "timexes": [], "error": str(exc)}
                else:
                    timexes = find_timexes(text, dct, day_first=day_first)
                    found += len(timexes)
                    ok += 1
                    row = {"id": rid, "timexes": [t.to_dict() for t in timexes]}
                fout.write(json.dumps(row, ensure_ascii=False) + "\n")
        except UnicodeDecodeError:
            raise InputError("E504", "the input is not UTF-8 text: convert it to UTF-8 JSONL",
                             where=f"{src}:{n + 1}") from None
    return TimexFileSummary(n, ok, n - ok, found, tuple(errors))


def _id_of(raw: str) -> Any:
    try:
        rec = json.loads(raw)
    except json.JSONDecodeError:
        return None
    return rec.get("id") if isinstance(rec, dict) else None

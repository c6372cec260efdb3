"""The E1xx codes of the input readers, in one table, and the helper that builds a quarantine record.

docs/input.md lists the same table for users; a test checks that every code here is documented.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyadline.model import Quarantined

__all__ = ["CODES", "RAW_LIMIT", "InputCode", "quarantine"]

# Quarantined.raw keeps at most this many characters of the record as read.
RAW_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class InputCode:
    """One stable code: what went wrong (``name``) and, in general terms, how to fix it."""

    code: str
    name: str
    fix: str


_TABLE = (
    InputCode("E101", "source not found",
              "check the path or the glob pattern (quote globs so the shell does not expand them)"),
    InputCode("E102", "empty input", "remove the file or give it some text"),
    InputCode("E103", "binary input", "give dyadline text files (UTF-8), not binary files"),
    InputCode("E104", "not UTF-8", "convert the file to UTF-8 (iconv -f ENCODING -t utf-8)"),
    InputCode("E105", "bad date",
              "write the date as YYYY-MM-DD (or set day_first for day/month/year sources)"),
    InputCode("E106", "article too long", "split the article or raise the max_chars setting"),
    InputCode("E107", "not English",
              "dyadline codes English text only; lower min_english_ratio if this is English"),
    InputCode("E108", "not a JSON object", "write one JSON object per line (JSON Lines)"),
    InputCode("E109", "no text", "give the record its article text in the text field"),
    InputCode("E110", "missing CSV columns",
              "rename the columns or map them with the csv_columns setting"),
    InputCode("E111", "no main text in HTML", "save the article page itself, or give its text as .txt"),
    InputCode("E112", "cannot read", "check that the file is readable and not truncated"),
    InputCode("E113", "not an input format",
              "skipped: give the file a known extension or name the format with --format"),
    InputCode("E114", "malformed CSV row",
              "quote fields that contain the delimiter, quotes or line breaks"),
    # Raised (not quarantined): a bad call or setting stops the whole read.
    InputCode("E190", "unknown format", "use one of seed, txt, jsonl, csv, html"),
    InputCode("E191", "bad csv_columns setting",
              "write field=column pairs separated by commas, e.g. 'text=body,date=published'"),
)

CODES: dict[str, InputCode] = {c.code: c for c in _TABLE}


def _clip(raw: str) -> str:
    if len(raw) <= RAW_LIMIT:
        return raw
    return f"{raw[:RAW_LIMIT]}…[truncated: {len(raw):,} characters in all]"


def quarantine(code: str, origin: str, what: str, fix: str | None = None, raw: str = "") -> Quarantined:
    """A Quarantined record: reason is ``what`` (the specific problem) and the fix for ``code``."""
    how = fix if fix is not None else CODES[code].fix
    reason = " ".join(f"{what}: {how}".split())  # one line
    return Quarantined(origin=origin, code=code, reason=reason, raw=_clip(raw))

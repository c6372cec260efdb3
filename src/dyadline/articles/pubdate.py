"""Publication dates as inputs write them: ISO dates and datetimes, "Dec 15, 2020",
"15 December 2020", RFC 2822 feed dates, and numeric 12/15/2020 (``day_first`` for 15/12/2020).

A datetime gives the calendar date as written: no time-zone conversion. Two-digit years, dates
without a day and relative words ("yesterday") are refused rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["PublishedDateError", "parse_published"]


class PublishedDateError(ValueError):
    """A date value that cannot be read: ``str()`` says what is wrong, ``fix`` how to fix it
    (None: the general E105 fix); ``impossible`` when it is shaped right but names no such day."""

    def __init__(self, message: str, *, fix: str | None = None, impossible: bool = False) -> None:
        super().__init__(message)
        self.fix = fix
        self.impossible = impossible


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
# An optional time and zone after the date: "T14:30:00Z", " 14:30 +0000", ", 3:05 p.m. EST".
_TIME = (r"(?:(?:T|,?\s+(?:at\s+)?)\d{1,2}(?::\d{2}){0,2}(?:[.,]\d+)?\s*(?:[ap]\.?m\.?)?)?"
         r"\s*(?:Z|[+-]\d{2}:?\d{2}|(?-i:[A-Z]{2,5}))?")

_PATTERNS = (
    # 2020-12-15, 2020/12/15, 2020.12.15, with an optional time
    ("iso", re.compile(r"(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
                       + _TIME, re.I)),
    # 20201215, 20201215T143000Z
    ("iso", re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?:T\d{4,6})?Z?", re.I)),
    # 15 December 2020, 15th of Dec. 2020, Tue, 15 Dec 2020 14:30:00 +0000 (RFC 2822)
    ("dmy", re.compile(_WEEKDAY + r"(?P<day>\d{1,2})" + _ORDINAL + r"\s+(?:of\s+)?" + _MONTH
                       + r",?\s+(?P<year>\d{4})" + _TIME, re.I)),
    # Dec 15, 2020, Tuesday, December 15th, 2020
    ("mdy", re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})" + _ORDINAL + r",?\s+(?P<year>\d{4})"
                       + _TIME, re.I)),
    # 12/15/2020, 15.12.2020, 15-12-2020: order decided by day_first (dots: always day first)
    ("numeric", re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})"
                           + _TIME, re.I)),
)
_SHORT_YEAR = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b")
_NO_DAY = re.compile(r"(?:\d{4}[-/]\d{1,2}|" + _MONTH + r"\s+\d{4}|\d{4})", re.I)


def _build(year: int, month: int, day: int, value: str, fix: str | None = None) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise PublishedDateError(
            f"impossible date {value!r} (year {year}, month {month}, day {day})",
            fix=fix, impossible=True,
        ) from None


def parse_published(value: str, *, day_first: bool = False) -> date:
    """The calendar date ``value`` names; raises PublishedDateError saying what is wrong."""
    text = value.strip()
    for kind, pattern in _PATTERNS:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        year = int(m["year"])
        if kind == "iso":
            return _build(year, int(m["month"]), int(m["day"]), value)
        if kind in ("dmy", "mdy"):
            return _build(year, _MONTHS[m["month_name"].lower()], int(m["day"]), value)
        a, b = int(m["a"]), int(m["b"])
        if m["sep"] == "." or day_first:
            return _build(year, b, a, value)
        fix = ("it was read as month/day/year: set day_first = true if this source writes "
               "day/month/year") if a > 12 >= b else None
        return _build(year, a, b, value, fix)
    if _SHORT_YEAR.fullmatch(text):
        raise PublishedDateError(f"two-digit year in the date {value!r}",
                                 fix="write the year in full (YYYY-MM-DD)")
    if _NO_DAY.fullmatch(text):
        raise PublishedDateError(f"the date {value!r} names no day",
                                 fix="a publication date needs year, month and day (YYYY-MM-DD)")
    raise PublishedDateError(f"cannot read the date {value!r}")

"""What the grammar rules share: the scan context, candidates, and look-around helpers.

A rule is a compiled regex and a handler. The handler sees the match and the ``Ctx`` (text,
publication date, direction) and returns a ``Cand`` or None when the context says the match is
not a temporal expression ("May" the name, "2016 people").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dyadline.dates import calendar as cal
from dyadline.dates.lexicon import words
from dyadline.model import DateSpan

__all__ = [
    "FUNCTION_WORDS",
    "Cand",
    "Ctx",
    "Rule",
    "at_sentence_start",
    "from_period",
    "nearest",
    "next_word",
    "unknown",
    "words_before",
]


@dataclass(frozen=True, slots=True)
class Ctx:
    """The text being scanned and how to resolve what is found in it."""

    text: str
    dct: date | None
    future: bool = False  # resolve unmarked weekdays, months, seasons forward
    day_first: bool = False


@dataclass(slots=True)
class Cand:
    """A candidate temporal expression before overlaps are settled."""

    start: int
    end: int
    value: str
    kind: str
    span: DateSpan | None
    period: cal.Period | None = None  # the calendar period, when a fuzzy prefix may narrow it
    needs_prefix: bool = False  # "the year" is a date only as "the end of the year"
    rank: int = 0  # breaks ties between candidates of the same length


Handler = Callable[[re.Match[str], Ctx], "Cand | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern, its handler, and where it can match: every match of ``pattern`` contains one
    of the lower-case ``anchors``, starts at most ``back`` characters before it and ends at most
    ``fwd`` characters after it. The scan runs the pattern only in those windows."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    anchors: tuple[str, ...]
    back: int
    fwd: int


def from_period(start: int, end: int, p: cal.Period, basis: str, kind: str = "DATE",
                rank: int = 0) -> Cand:
    return Cand(start, end, p.value, kind, DateSpan(p.start, p.end, p.granularity, basis),
                period=p, rank=rank)


def unknown(start: int, end: int, value: str, kind: str = "DATE") -> Cand:
    """A relative expression met without a publication date: X in the value, no span."""
    return Cand(start, end, value, kind, None)


def nearest(candidates: list[date], dct: date, future: bool) -> date:
    """The candidate closest to ``dct`` (ties go to the past); with ``future`` the first on or
    after dct."""
    if future:
        ahead = sorted(d for d in candidates if d >= dct)
        if ahead:
            return ahead[0]
    return min(candidates, key=lambda d: (abs((d - dct).days), d > dct))


def shift_date(d: date, n: int, unit: str) -> date:
    """``d`` moved by ``n`` units (D, W, M, Y, DE, CE, H); month ends are clamped."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    if unit == "H":
        return d + timedelta(days=int(n / 24)) if abs(n) >= 24 else d
    if unit in ("S", "MIN"):
        return d
    months = {"M": 1, "Y": 12, "DE": 120, "CE": 1200}[unit] * n
    y, m = cal.add_months(d.year, d.month, months)
    if not cal.MIN_YEAR <= y <= cal.MAX_YEAR:
        raise ValueError("out of calendar range")
    last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)).day
    return date(y, m, min(d.day, last))


_TOKENS = re.compile(r"[A-Za-z]+|\d+|[.!?;:\"“”()\[\]]")
_SENTENCE_END = re.compile(r"(?:[.!?][\"”')\]]*|[\n\r\"“:;])\s*$|^\s*$")


def words_before(text: str, start: int, n: int = 3) -> list[str]:
    """Up to ``n`` words before ``start``, nearest first, stopping at sentence punctuation."""
    window = text[max(0, start - 48):start]
    out: list[str] = []
    for tok in reversed(_TOKENS.findall(window)):
        if not tok[0].isalnum():
            break
        out.append(tok)
        if len(out) == n:
            break
    return out


_NEXT = re.compile(r"\s*([A-Za-z]+(?:['’][a-z]+)?|\d+|\S)")


def next_word(text: str, end: int) -> str:
    """The token right after ``end`` (a word, a number or one punctuation mark); '' at the end."""
    m = _NEXT.match(text, end)
    return m.group(1) if m else ""


def at_sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 6):start]))


FUNCTION_WORDS = words("""
a an the this that these those and or but nor so yet as at by for from in into of on onto to
with without within after before during since until till than when while where whereas which
who whom whose what why how if whether because although though unless once he she it they we
i you him her them us me his its their our my your there here was were is are be been being
had has have having do does did will would shall should can could may might must said says
say told also then now still already even just only again not no never ago later earlier
amid among amongst against toward towards via per about around over under through across
""")

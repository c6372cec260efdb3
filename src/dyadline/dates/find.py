"""Find and normalise temporal expressions: run every rule, narrow by fuzzy prefixes ("late",
"the end of"), keep the longest non-overlapping matches.

Without a publication date, relative expressions keep their TIMEX3 value with X for what is
unknown ("XXXX-12-15", "XXXX-WXX-2") and have no interval; explicit dates are unaffected.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from dyadline.dates import absolute, durations, relative
from dyadline.dates import calendar as cal
from dyadline.dates.context import Cand, Ctx, Rule
from dyadline.model import DateSpan, Timex

__all__ = ["RULES", "find_timexes", "reanchor", "timex_mod"]

RULES: tuple[Rule, ...] = absolute.RULES + relative.RULES + durations.RULES

# "late", "mid-", "the end of", "the first half of" ... right before a period
_FUZZY_BEFORE = re.compile(
    r"(?i)(?:\b(?:the\s+)?(?:very\s+)?(?P<fz>early|mid|late|earlier|later)(?:\s*-\s*|\s+)(?:in\s+)?"
    r"|\b(?:the\s+)?(?:very\s+)?(?P<edge>beginning|start|end|middle|close|first\s+half|second\s+half"
    r"|latter\s+half|latter\s+part|early\s+part|first\s+part|last\s+part|final\s+part)\s+of\s+)$")
_PARTS = {"early": "early", "mid": "mid", "late": "late", "beginning": "start", "start": "start",
          "end": "end", "close": "end", "middle": "mid", "first half": "half1",
          "second half": "half2", "latter half": "half2", "latter part": "late",
          "early part": "early", "first part": "early", "last part": "late", "final part": "late"}


def _narrow(c: Cand, ctx: Ctx) -> Cand | None:
    """Extend a candidate over a fuzzy prefix and narrow its interval; None for a candidate
    that is a date only with a prefix ("the year") and has none."""
    if c.kind not in ("DATE", "TIME") or c.value in ("TERM", "PRESENT_REF", "PAST_REF",
                                                     "FUTURE_REF"):
        return c
    m = _FUZZY_BEFORE.search(ctx.text, max(0, c.start - 40), c.start)
    if m is None:
        return None if c.needs_prefix else c
    word = " ".join((m["fz"] or m["edge"]).lower().split())
    start = m.start()
    p = c.period
    if p is None or c.span is None:  # no publication date: widen the text only
        return replace(c, start=start, needs_prefix=False)
    if p.granularity == "day":
        if word in ("earlier", "later") or m["edge"]:
            return None if c.needs_prefix else c
        return replace(c, start=start)
    dct = ctx.dct
    if word in ("earlier", "later"):
        if dct is None or not p.start <= dct <= p.end:
            return None if c.needs_prefix else c  # "earlier in 2019": earlier than what?
        lo, hi = (p.start, dct) if word == "earlier" else (dct, p.end)
        return replace(c, start=start, needs_prefix=False, span=DateSpan(lo, hi, "span", "fuzzy"))
    part = _PARTS[word]
    if part in ("half1", "half2") and p.granularity == "year":
        h = cal.half(p.start.year, 1 if part == "half1" else 2)
        return replace(c, start=start, needs_prefix=False, value=h.value,
                       span=DateSpan(h.start, h.end, "span", c.span.basis))
    lo, hi = cal.part_of(p, part)
    return replace(c, start=start, needs_prefix=False, span=DateSpan(lo, hi, "span", "fuzzy"))


def _lower(text: str) -> str:
    """``text`` in lower case with the same offsets (characters whose lower case is longer,
    like 'İ', are left as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _matches(rule: Rule, text: str, hits: dict[str, list[int]]) -> Iterator[re.Match[str]]:
    """The matches of ``rule`` in ``text``, looked for only around its anchors."""
    starts: list[int] = []
    for key in rule.anchors:
        starts.extend(hits[key])
    if not starts:
        return
    starts.sort()
    n = len(text)
    windows: list[list[int]] = []
    for i in starts:
        lo, hi = max(0, i - rule.back), min(n, i + rule.fwd + 8)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    seen: set[int] = set()
    for lo, hi in windows:
        for m in rule.pattern.finditer(text, lo, hi):
            if m.start() in seen:
                continue
            seen.add(m.start())
            if hi < n and m.end() + 8 >= hi:  # the window may have cut it short: match again
                full = rule.pattern.match(text, m.start())
                if full is None:
                    continue
                m = full
            yield m


def _anchor_hits(text: str) -> dict[str, list[int]]:
    low = _lower(text)
    hits: dict[str, list[int]] = {}
    for rule in RULES:
        for key in rule.anchors:
            if key in hits:
                continue
            found: list[int] = []
            i = low.find(key)
            while i != -1:
                found.append(i)
                i = low.find(key, i + 1)
            hits[key] = found
    return hits


def _scan(ctx: Ctx) -> list[Cand]:
    found: list[Cand] = []
    hits = _anchor_hits(ctx.text)
    for rule in RULES:
        for m in _matches(rule, ctx.text, hits):
            c = rule.handler(m, ctx)
            if c is not None and (c := _narrow(c, ctx)) is not None:
                found.append(c)
    found.sort(key=lambda c: (c.start - c.end, -c.rank, c.start))
    taken: list[Cand] = []
    for c in found:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def _timex(text: str, c: Cand, offset: int = 0) -> Timex:
    return Timex(text[c.start:c.end], c.start + offset, c.end + offset, c.value, c.kind, c.span)


def find_timexes(text: str, dct: date | None, *, day_first: bool = False) -> list[Timex]:
    """The temporal expressions in ``text``, normalised relative to the publication date
    ``dct``; offsets are character offsets into ``text``. ``day_first`` reads 05/12/2020 as
    5 December."""
    ctx = Ctx(text, dct, False, day_first)
    return [_timex(text, c) for c in _scan(ctx)]


def reanchor(timex: Timex, text: str, dct: date | None, *, future: bool,
             day_first: bool = False) -> Timex:
    """``timex`` (found in ``text``) resolved again in the given direction: with ``future`` an
    unmarked weekday, month, season, quarter or day without a year is the next one on or after
    the publication date instead of the latest one. Marked expressions ("last Tuesday") and
    explicit dates come back unchanged."""
    lo = max(0, timex.start - 60)
    window = text[lo:min(len(text), timex.end + 40)]
    for c in _scan(Ctx(window, dct, future, day_first)):
        if c.start + lo == timex.start and c.end + lo == timex.end:
            return _timex(window, c, lo)
    return timex


def timex_mod(timex: Timex) -> str | None:
    """The TIMEX3 ``mod`` of a fuzzy expression, read from how its interval sits in the period
    its value names: START, MID or END; None when it covers the whole period."""
    if timex.span is None or timex.span.basis != "fuzzy" or timex.span.start is None \
            or timex.span.end is None:
        return None
    period = _value_period(timex.value)
    if period is None:
        return None
    total = (period.end - period.start).days + 1
    if total <= 0:
        return None
    a = (timex.span.start - period.start).days / total
    b = ((timex.span.end - period.start).days + 1) / total
    if a <= 0.01 and b >= 0.99:
        return None
    if a <= 0.01:
        return "START"
    if b >= 0.99:
        return "END"
    return "MID"


_VALUE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d\d)|-W(?P<w>\d\d)|-Q(?P<q>[1-4])|-(?P<s>SP|SU|FA|WI))?$"
                    r"|^(?P<dec>\d{3})$|^(?P<cent>\d{2})$")


def _value_period(value: str) -> cal.Period | None:
    m = _VALUE.match(value)
    if m is None:
        return None
    if m["dec"]:
        return cal.decade(int(m["dec"]) * 10)
    if m["cent"]:
        return cal.century(int(m["cent"]))
    y = int(m["y"])
    if m["m"]:
        return cal.month(y, int(m["m"]))
    if m["w"]:
        return cal.iso_week(y, int(m["w"]))
    if m["q"]:
        return cal.quarter(y, int(m["q"]))
    if m["s"]:
        return cal.season(y, m["s"])
    return cal.year(y)

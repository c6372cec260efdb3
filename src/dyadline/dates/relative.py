"""Rules for dates relative to the publication day: weekdays, "yesterday", "last week",
"this month", "the weekend", seasons, quarters.

"on Tuesday" is the latest Tuesday on or before the publication day (the day itself when it is
a Tuesday); "last Tuesday" the one strictly before, "next Tuesday" the one strictly after,
"this Tuesday" the Tuesday of the publication week. With ``Ctx.future`` an unmarked weekday,
season, quarter or "the weekend" resolves forward (on or after the publication day).
"""

from __future__ import annotations

import re
from datetime import timedelta

from dyadline.dates import calendar as cal
from dyadline.dates.absolute import MONTHS_CAP, TEMPORAL_PREPS
from dyadline.dates.context import (
    Cand,
    Ctx,
    Rule,
    at_sentence_start,
    from_period,
    next_word,
    unknown,
    words_before,
)
from dyadline.dates.lexicon import PART_OF_DAY, SEASON_WORDS, WEEKDAY, WEEKDAYS, YEAR, words

__all__ = ["RULES"]

_SHIFT = {"last": -1, "this past": -1, "past": -1, "this": 0, "current": 0, "next": 1,
          "coming": 1, "this coming": 1}
_WEEKDAY_CAP = frozenset(w.capitalize() for w in WEEKDAYS)
_NOT_BEFORE_WEEKDAY = frozenset({"every", "each", "most", "some", "other", "any"})


def _rel(m: re.Match[str]) -> str:
    return " ".join(m["rel"].lower().split()) if m["rel"] else ""


def _with_pod(c: Cand, pod: str | None) -> Cand:
    """Add a TIMEX3 part of day ("TMO") to a day's value; it becomes a TIME."""
    if pod:
        c.value = f"{c.value}T{PART_OF_DAY[pod.lower()]}"
        c.kind = "TIME"
    return c


_WEEKDAY_RE = re.compile(
    rf"\b(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|coming|past))\s+)?"
    rf"(?P<wd>{WEEKDAY})(?P<poss>['’]s)?(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?\b")


def _weekday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    text, rel = ctx.text, _rel(m)
    if not rel:
        ws = words_before(text, m.start(), 1)
        w0 = ws[0] if ws else ""
        if w0.lower() in _NOT_BEFORE_WEEKDAY:
            return None  # "every Tuesday" is a set, not a date
        if w0[:1].isupper() and w0.lower() not in TEMPORAL_PREPS | {"on", "the"} \
                and not at_sentence_start(text, m.start() - len(w0) - 1):
            return None  # "Fox News Sunday", "Super Tuesday", "Good Friday"
        nxt = next_word(text, m.end("wd") if not m["pod"] else m.end())
        if nxt[:1].isupper() and nxt not in MONTHS_CAP and not m["poss"] and \
                w0.lower() not in TEMPORAL_PREPS | {"on"}:
            return None  # "Sunday Times", "the Sunday Telegraph"
    wd = WEEKDAYS[m["wd"].lower()]
    end = m.end("pod") if m["pod"] else m.end("wd")  # "Sunday's vote": the expression is "Sunday"
    if ctx.dct is None:
        return _with_pod(unknown(m.start(), end, f"XXXX-WXX-{wd}"), m["pod"])
    dct = ctx.dct
    shift = _SHIFT.get(rel)
    if shift == -1:
        d = dct - timedelta(days=(dct.isoweekday() - wd - 1) % 7 + 1)
    elif shift == 1:
        d = dct + timedelta(days=(wd - dct.isoweekday() - 1) % 7 + 1)
    elif rel == "this":
        d = dct + timedelta(days=wd - dct.isoweekday())
    elif ctx.future:
        d = dct + timedelta(days=(wd - dct.isoweekday()) % 7)
    else:
        d = dct - timedelta(days=(dct.isoweekday() - wd) % 7)
    return _with_pod(from_period(m.start(), end, cal.day(d), "relative"), m["pod"])


_DEICTIC = {"the day before yesterday": (-2, None), "the day after tomorrow": (2, None),
            "yesterday": (-1, None), "today": (0, None), "tomorrow": (1, None),
            "tonight": (0, "night"), "last night": (-1, "night"), "this morning": (0, "morning"),
            "this afternoon": (0, "afternoon"), "this evening": (0, "evening"),
            "earlier today": (0, None), "later today": (0, None),
            "earlier in the day": (0, None), "later in the day": (0, None)}
_DEICTIC_RE = re.compile(
    r"\b(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|"
    r"tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|(?:earlier|later)\s+"
    r"today|(?:earlier|later)\s+in\s+the\s+day))(?:\s+(?P<pod>(?i:morning|afternoon|evening|"
    r"night)))?\b(?!-)")


def _deictic(m: re.Match[str], ctx: Ctx) -> Cand | None:
    w = m["w"]
    if w[0].isupper() and not at_sentence_start(ctx.text, m.start()):
        return None  # "USA Today", "Russia Today", "The Tonight Show"
    shift, pod = _DEICTIC[" ".join(w.lower().split())]
    pod = m["pod"] or pod
    if ctx.dct is None:
        return _with_pod(unknown(m.start(), m.end(), "XXXX-XX-XX"), pod)
    day = cal.day(ctx.dct + timedelta(days=shift))
    return _with_pod(from_period(m.start(), m.end(), day, "relative"), pod)


_REL_UNIT = re.compile(r"\b(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|current|coming))"
                       r"\s+(?P<unit>(?i:week|weekend|month|year|quarter|decade|century))\b")
_UNKNOWN_UNIT = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                 "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}


def _rel_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    ws = words_before(ctx.text, m.start(), 1)
    rel = _rel(m)
    if m["unit"][0].isupper():
        return None  # a title: ABC's "This Week"
    if ws and ws[0].lower() in {"the", "these", "those"} and rel != "current":
        return None  # "the last week of October", "the next year" (a duration)
    unit = m["unit"].lower()
    if ctx.dct is None:
        return unknown(m.start(), m.end(), _UNKNOWN_UNIT[unit])
    d, s = ctx.dct, _SHIFT[rel]
    if unit == "week":
        p = cal.week_of(d, s)
    elif unit == "weekend":
        p = cal.weekend_of(d, 0 if (rel == "this past" and d.isoweekday() == 7) else s)
    elif unit == "month":
        p = cal.month(*cal.add_months(d.year, d.month, s))
    elif unit == "year":
        p = cal.year(d.year + s)
    elif unit == "quarter":
        y, mo = cal.add_months(d.year, d.month, 3 * s)
        p = cal.quarter(y, (mo - 1) // 3 + 1)
    elif unit == "decade":
        p = cal.decade(d.year + 10 * s)
    else:
        p = cal.century(d.year // 100 + s)
    return from_period(m.start(), m.end(), p, "relative")


_WEEKEND = re.compile(r"\b(?i:over|at|during|on|through|throughout|across)\s+(?P<w>(?i:the)\s+"
                      r"weekend)\b(?!['’]s?\s+(?:edition|show|programme|program|papers?)\b)")


def _weekend(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if ctx.dct is None:
        return unknown(m.start("w"), m.end(), "XXXX-WXX-WE")
    d = ctx.dct
    p = cal.weekend_of(d, 0 if ctx.future or d.isoweekday() >= 6 else -1)
    return from_period(m.start("w"), m.end(), p, "relative")


_SEASON = re.compile(
    r"\b(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|coming|past))\s+)?"
    r"(?:(?P<the>(?i:the))\s+)?(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
    rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?\b")
_SEASON_PREPS = words("in during over through throughout since until till by before after "
                          "from early late mid")
_SEASON_COMPOUNDS = words("""heat months month season camp camps holiday holidays break
session sessions offensive olympics games solstice equinox school term time sun storm storms
rains rain collection semester transfer window wheat crop crops festival vacation recess meeting
meetings elections election sale sales fashion weather palace residence conference assembly
plenary tour""")


def _season(m: re.Match[str], ctx: Ctx) -> Cand | None:
    text, rel = ctx.text, _rel(m)
    code = SEASON_WORDS[m["s"].lower()]
    if rel and m["the"]:
        return None
    if not m["year"] and not rel:
        ws = [w for w in words_before(text, m.start("s"), 3) if w.lower() not in ("the", "very")]
        w0 = ws[0] if ws else ""
        if w0.lower() not in _SEASON_PREPS:
            return None  # "prices fall", "the Arab Spring"
        nxt = next_word(text, m.end())
        if nxt.lower() in _SEASON_COMPOUNDS or nxt.lower() == "of" or (
                nxt[:1].isupper() and nxt not in MONTHS_CAP):
            return None  # "the summer heat", "the fall of Kabul"
    if m["year"]:
        y = int(m["year"])
        return from_period(m.start(), m.end(), cal.season(y, code), "explicit")
    if ctx.dct is None:
        return unknown(m.start(), m.end(), f"XXXX-{code}")
    which = {"last": "ended", "this past": "ended", "past": "ended", "this": "this",
             "next": "next", "coming": "next", "this coming": "next"}.get(rel)
    if which is None:
        which = "upcoming" if ctx.future else "started"
    return from_period(m.start(), m.end(), cal.season_at(ctx.dct, code, which), "relative")


_ORD_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
          "4th": 4, "final": 4, "last": 4}
_QUARTER = re.compile(
    r"\b(?:(?P<the>(?i:the))\s+)?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|"
    r"4th))[-\s]+(?i:quarter)\b(?:\s+(?:of\s+)?(?:(?:(?i:fiscal)\s+)?(?P<year>"
    rf"{YEAR})|(?P<rel>(?i:this|last|next))\s+year\b|(?P<they>(?i:the\s+year))\b))?"
    rf"|\bQ(?P<q>[1-4])(?:\s*(?:of\s+)?(?P<qyear>{YEAR})|['’](?P<yy>\d\d))?\b"
    rf"|\b(?P<yq>{YEAR})\s*-?\s*Q(?P<q2>[1-4])\b")


def _quarter(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if m["ord"]:
        o = m["ord"].lower()
        q = _ORD_Q[o]
        year_s = m["year"]
        if o == "last" and not (year_s or m["rel"] or m["they"]):
            return None  # "the last quarter" is the previous quarter: see the relative-unit rule
    else:
        q = int(m["q"] or m["q2"])
        year_s = m["qyear"] or m["yq"] or (f"20{m['yy']}" if m["yy"] else None)
    if year_s:
        return from_period(m.start(), m.end(), cal.quarter(int(year_s), q), "explicit")
    if ctx.dct is None:
        return unknown(m.start(), m.end(), f"XXXX-Q{q}")
    d = ctx.dct
    if m["rel"]:
        y = d.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    elif m["they"]:
        y = d.year
    elif ctx.future:
        y = d.year if cal.quarter(d.year, q).end >= d else d.year + 1
    else:
        y = d.year if cal.quarter(d.year, q).start <= d else d.year - 1
    return from_period(m.start(), m.end(), cal.quarter(y, q), "relative")


RULES: tuple[Rule, ...] = (
    Rule("weekday", _WEEKDAY_RE, _weekday, tuple(WEEKDAYS), 14, 20),
    Rule("deictic-day", _DEICTIC_RE, _deictic, ("yesterday", "today", "tomorrow", "tonight", "night",
                                                "morning", "afternoon", "evening", "the day"), 25, 20),
    Rule("relative-unit", _REL_UNIT, _rel_unit,
         ("week", "month", "year", "quarter", "decade", "century"), 14, 10),
    Rule("weekend", _WEEKEND, _weekend, ("weekend",), 20, 10),
    Rule("season", _SEASON, _season, tuple(SEASON_WORDS), 14, 15),
    Rule("quarter", _QUARTER, _quarter, ("quarter", "q1", "q2", "q3", "q4"), 20, 25),
)

"""Rules for calendar dates written out: "Dec. 15, 2020", "15 December", "December 2019",
"December", "2020-12-15", "12/15/2020", "9/11", "in 2016", "the 1990s", "the 20th century",
"on the 15th", "Christmas".

A day without a year takes the publication year, unless that puts it more than eight months
from the publication date; then the year that puts it nearest ("Dec. 28" in a January article
is last December, "Jan. 5" in a December article next January). A bare month takes the latest
such month on or before the publication month. With ``Ctx.future`` both resolve forward (the
first on or after the publication date).
"""

from __future__ import annotations

import re
from datetime import date

from dyadline.dates import calendar as cal
from dyadline.dates.context import (
    FUNCTION_WORDS,
    Cand,
    Ctx,
    Rule,
    at_sentence_start,
    from_period,
    nearest,
    next_word,
    unknown,
    words_before,
)
from dyadline.dates.lexicon import (
    DAY,
    MONTH,
    MONTH_FULL,
    MONTHS,
    ORD_SUFFIX,
    ORDINALS,
    WEEKDAY,
    YEAR,
    alternation,
    month_number,
    words,
)
from dyadline.model import DateSpan

__all__ = ["RULES", "TEMPORAL_PREPS"]

# words that make a following month or year a date ("in May", "since 2016")
TEMPORAL_PREPS = words("""in since until till during through throughout before after early
late mid last next this past coming by from between around circa""")
_FUZZY = frozenset({"early", "mid", "late", "earlier", "later", "very"})
_OF_HEADS = words("end beginning start middle month half part rest close")
_MAY_NOT = words("confidence faith trust belief support interest hope stake")
_QUANTITY_NEXT = words("""million billion thousand hundred percent per cent km kilometres
kilometers miles metres meters feet tons tonnes dollars euros pounds yuan rubles roubles points
votes seats barrels acres hectares""") | {"%"}
_EVENT_NOUNS = words("""election elections vote votes poll polls campaign campaigns race
referendum primary primaries midterm midterms census budget summit olympics games cup season
crisis war wars attack attacks coup uprising revolution protest protests riots agreement deal
accord treaty law act constitution report survey visit meeting talks ceremony inauguration
invasion annexation earthquake floods tsunami hurricane storm scandal incident bombing bombings
shooting massacre conference championship tournament festival ruling decision hack hacking
interference meddling contest victory defeat win loss trip tour prize award film movie album
study edition""")


# a day without a year keeps the publication year unless that puts it further away than this
_SAME_YEAR_DAYS = 240


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _day_cand(ctx: Ctx, start: int, end: int, month: int, d1: int, d2: int | None,
              year: int | None, rank: int = 0) -> Cand | None:
    """A day (or a range of days in one month) with or without its year."""
    if year is not None:
        first, last = _valid(year, month, d1), _valid(year, month, d2 or d1)
        basis = "explicit"
    elif ctx.dct is None:
        if _valid(2000, month, d1) is None:  # 2000 is a leap year: Feb 29 is allowed
            return None
        return unknown(start, end, f"XXXX-{month:02d}-{d1:02d}")
    else:
        years = [y for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
                 if _valid(y, month, d1) and _valid(y, month, d2 or d1)]
        if not years:
            return None
        firsts = [date(y, month, d1) for y in years]
        same_year = date(ctx.dct.year, month, d1) if ctx.dct.year in years else None
        if same_year and not ctx.future and abs((same_year - ctx.dct).days) <= _SAME_YEAR_DAYS:
            first = same_year
        else:
            first = nearest(firsts, ctx.dct, ctx.future)
        last = date(first.year, month, d2 or d1)
        basis = "relative"
    if first is None or last is None or last < first:
        return None
    if d2 is None or d2 == d1:
        return from_period(start, end, cal.day(first), basis, rank=rank)
    return Cand(start, end, f"{first.isoformat()}/{last.isoformat()}", "DATE",
                DateSpan(first, last, "span", basis), rank=rank)


def _int(m: re.Match[str], group: str) -> int | None:
    v = m.group(group)
    return int(v) if v else None


# "Tuesday, Dec. 15, 2020", "December 15", "Dec 14-15, 2020"
_MDY = re.compile(
    rf"\b(?:(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?)?(?P<mon>{MONTH})\s+(?P<day>{DAY}){ORD_SUFFIX}?"
    rf"(?:\s*(?:-|–|to|through|and)\s*(?P<day2>{DAY}){ORD_SUFFIX}?)?(?![\d%]|\.\d|,\d{{3}})"
    rf"(?:,?\s+(?P<year>{YEAR}))?")


def _mdy(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return _day_cand(ctx, m.start(), m.end(), month_number(m["mon"]), int(m["day"]),
                     _int(m, "day2"), _int(m, "year"))


# "15 December 2020", "the 15th of December", "15-16 December"
_DMY = re.compile(
    rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:[Tt]he\s+)?(?P<day>{DAY}){ORD_SUFFIX}?"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<day2>{DAY}){ORD_SUFFIX}?)?\s+(?:of\s+)?(?P<mon>{MONTH})"
    rf"(?:,?\s+(?P<year>{YEAR}))?")


def _dmy(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if m.start() > 0 and ctx.text[m.start() - 1] in ",.":  # "1,5 May" / "1.5 May"
        return None
    return _day_cand(ctx, m.start(), m.end(), month_number(m["mon"]), int(m["day"]),
                     _int(m, "day2"), _int(m, "year"))


# "December 2019", "Dec. 2019", "December of 2019", "March last year"
_MY = re.compile(rf"\b(?P<mon>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})|"
                 rf"(?P<rel>(?i:this|last|next))\s+year\b)")


def _my(m: re.Match[str], ctx: Ctx) -> Cand | None:
    mon = month_number(m["mon"])
    if m["year"]:
        return from_period(m.start(), m.end(), cal.month(int(m["year"]), mon), "explicit")
    if ctx.dct is None:
        return unknown(m.start(), m.end(), f"XXXX-{mon:02d}")
    y = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return from_period(m.start(), m.end(), cal.month(y, mon), "relative")


# a month on its own: "in December", "last March", "mid-May", "December's vote"
_MONTH = re.compile(rf"\b(?:(?P<rel>(?i:last|next|this|this\s+past|coming|past))\s+)?"
                    rf"(?P<mon>{MONTH_FULL})(?P<poss>['’]s)?\b")
_AMBIGUOUS_MONTHS = frozenset({"May", "March"})


def _month_context_ok(m: re.Match[str], ctx: Ctx) -> bool:
    text, name = ctx.text, m["mon"]
    ws = words_before(text, m.start("mon"), 3)
    if m["rel"]:
        return not (name == "May" and next_word(text, m.end()).lower() in FUNCTION_WORDS
                    and next_word(text, m.end()).lower() in {"be", "have", "not", "well"})
    core = [w for w in ws if w.lower() not in _FUZZY]  # skip "late", "mid-" ...
    w0 = core[0].lower() if core else ""
    w1 = core[1].lower() if len(core) > 1 else ""
    nxt = next_word(text, m.end())
    next_cap = nxt[:1].isupper() and nxt.capitalize() not in MONTHS_CAP
    has_prep = (ws and ws[0].lower() in _FUZZY) or w0 in TEMPORAL_PREPS or (w0 == "of" and w1 in _OF_HEADS) or (
        w0 in {"and", "or", "to", "through", "until"} and w1.capitalize() in MONTHS_CAP)
    if name == "May":
        if m["poss"] or w0 in {"by", "from"} or (w0 == "in" and w1 in _MAY_NOT):
            return False
        return has_prep and not next_cap
    if name == "March" and not has_prep:
        return False
    if ws and ws[0][:1].isupper() and ws[0].lower() not in TEMPORAL_PREPS | _FUZZY \
            and not at_sentence_start(text, m.start() - len(ws[0]) - 1):
        return False  # part of a name: "Pope Francis December"
    if next_cap and not has_prep:
        return False  # "April Ryan"
    return has_prep or at_sentence_start(text, m.start()) or not ws or ws[0].islower() or (
        at_sentence_start(text, m.start() - len(ws[0]) - 1) and ws[0].lower() != "that")


MONTHS_CAP = frozenset(k.capitalize() for k in MONTHS)


def _month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if not _month_context_ok(m, ctx):
        return None
    mon = month_number(m["mon"])
    end = m.end("mon")
    before = words_before(ctx.text, m.start(), 2)
    if ctx.dct is None or (not m["rel"] and before and (
            before[0].lower() == "that" or [w.lower() for w in before] == ["same", "that"])):
        return unknown(m.start(), end, f"XXXX-{mon:02d}")  # "that September": of the narrative
    dct = ctx.dct
    rel = " ".join(m["rel"].lower().split()) if m["rel"] else ""
    if rel in ("last", "this past", "past"):
        y = dct.year if mon < dct.month else dct.year - 1
    elif rel in ("next", "coming"):
        y = dct.year if mon > dct.month else dct.year + 1
    elif rel == "this":
        y = dct.year
    elif ctx.future:
        y = dct.year if mon >= dct.month else dct.year + 1
    else:
        y = dct.year if mon <= dct.month else dct.year - 1
    return from_period(m.start(), end, cal.month(y, mon), "relative")


_ISO = re.compile(r"(?<![\d-])(?P<y>1\d{3}|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
                  r"(?![\d-])")


def _iso(m: re.Match[str], ctx: Ctx) -> Cand | None:
    d = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    return from_period(m.start(), m.end(), cal.day(d), "explicit") if d else None


_NUMERIC = re.compile(r"(?<![\d/.,])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)"
                      r"(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)")


def _numeric(m: re.Match[str], ctx: Ctx) -> Cand | None:
    a, b, ys = int(m["a"]), int(m["b"]), m["y"]
    if m["sep"] == "." and len(ys) != 4:
        return None  # "1.5.20" is more likely a version number
    if len(ys) == 2:
        pivot = (ctx.dct.year if ctx.dct else 2030) % 100 + 1
        y = 2000 + int(ys) if int(ys) <= pivot else 1900 + int(ys)
    else:
        y = int(ys)
    day_first = ctx.day_first or m["sep"] == "."
    first = _valid(y, b, a) if day_first else _valid(y, a, b)
    d = first or (_valid(y, a, b) if day_first else _valid(y, b, a))
    return from_period(m.start(), m.end(), cal.day(d), "explicit") if d else None


# named days: "9/11", "the September 11 attacks"
_NAMED = re.compile(r"(?<![\d/])9/11(?![\d/])|\bSept(?:ember|\.)?\s+11(?:th)?"
                    r"(?=,?\s+(?:2001\s+)?(?:terror(?:ist)?\s+)?attacks?\b)")


def _named(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return from_period(m.start(), m.end(), cal.day(date(2001, 9, 11)), "explicit", rank=5)


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
             "valentine's day": (2, 14), "boxing day": (12, 26)}
_HOLIDAY = re.compile(r"\b(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|"
                      rf"Halloween|Valentine['’]s\s+Day|Boxing\s+Day)(?:,?\s+(?P<year>{YEAR}))?\b")
_HOLIDAY_PREPS = words("on at over before after since until till by for during around this "
                           "last next from")


def _holiday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    nxt = next_word(ctx.text, m.end())
    ws = words_before(ctx.text, m.start(), 1)
    if nxt[:1].isupper() or not (
            (ws and ws[0].lower() in _HOLIDAY_PREPS) or not nxt[:1].isalpha()
            or nxt.lower() in FUNCTION_WORDS):
        return None  # "Christmas Island", "Christmas tree"
    mon, d = _HOLIDAYS[" ".join(m["h"].lower().replace("’", "'").split())]
    return _day_cand(ctx, m.start(), m.end(), mon, d, None, _int(m, "year"))


# a year: "in 2016", "since 2016", "2016's", "the 2016 election"; not "2016 people"
_YEAR = re.compile(rf"(?<![\d$£€.,/:#])(?<!\d-)(?P<year>{YEAR})(?P<poss>['’]s)?(?![-–/]\d|,\d|\.\d|%|['’]?s\b)")
_STRONG_YEAR = TEMPORAL_PREPS - {"by", "from", "between", "around", "last", "next", "this",
                                 "past", "coming"} | {
    "year", "circa", "spring", "summer", "autumn", "fall", "winter", "fiscal"}
_WEAK_YEAR = words("by of from to and or between around about than for at as")
_DETERMINERS = words("the a an this that his her their its our")


def _year_context_ok(m: re.Match[str], ctx: Ctx) -> bool:
    text = ctx.text
    nxt = next_word(text, m.end())
    low = nxt.lower()
    if low in _QUANTITY_NEXT:
        return False
    if m["poss"]:
        return True
    ws = words_before(text, m.start(), 3)
    w0 = ws[0].lower() if ws else ""
    w1 = ws[1].lower() if len(ws) > 1 else ""
    if w0 in _STRONG_YEAR or w0 in _FUZZY or (w0 == "of" and w1 in _OF_HEADS | {"as"}):
        return True
    plain_next = not nxt[:1].isalnum() or low in FUNCTION_WORDS
    if w0 in _WEAK_YEAR:
        return plain_next
    if w0 in _DETERMINERS:
        after = text[m.end():m.end() + 60].lower().split()
        return any(w.strip(",.;:\"“”") in _EVENT_NOUNS for w in after[:4])
    return not ws and at_sentence_start(text, m.start()) and plain_next and low != "and"


def _year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if not _year_context_ok(m, ctx):
        return None
    return from_period(m.start(), m.end("year"), cal.year(int(m["year"])), "explicit")


# decades: "the 1990s", "the '90s", "the nineties"
_DECADE_WORDS = {"fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
_DECADE = re.compile(r"(?<![\w'’])(?:(?P<the>[Tt]he)\s+)?(?:(?P<full>1[0-9]|20)(?P<d>\d)0['’]?s|"
                     r"['’](?P<short>\d)0s|(?P<word>(?i:fifties|sixties|seventies|eighties|"
                     r"nineties)))\b")


def _decade(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if m["full"]:
        first = int(m["full"]) * 100 + int(m["d"]) * 10
    else:
        if m["word"] and not m["the"]:
            return None  # "in their fifties" is an age
        digit = int(m["short"]) if m["short"] else _DECADE_WORDS[m["word"].lower()]
        ref = ctx.dct.year if ctx.dct else 2000 + 10 * digit + 1
        first = 2000 + digit * 10 if 2000 + digit * 10 <= ref else 1900 + digit * 10
        if m["word"]:
            first = 1900 + digit * 10
    return from_period(m.start(), m.end(), cal.decade(first), "explicit")


# centuries: "the 20th century", "the nineteenth-century"
_CENTURY = re.compile(rf"\b(?:[Tt]he\s+)?(?P<ord>[12]?\d{ORD_SUFFIX}|(?i:{alternation(ORDINALS)}))"
                      r"[-\s]+[Cc]entury\b")


def _century(m: re.Match[str], ctx: Ctx) -> Cand | None:
    o = m["ord"].lower()
    n = int(o[:-2]) if o[0].isdigit() else ORDINALS[" ".join(o.replace("-", " ").split())
                                                   .replace(" ", "-")]
    if not 1 <= n <= 30:
        return None
    return from_period(m.start(), m.end(), cal.century(n - 1), "explicit")


# a day of this month: "on the 15th"
_DAY_OF_MONTH = re.compile(rf"\bthe\s+(?P<day>{DAY}){ORD_SUFFIX}\b"
                           r"(?:\s+of\s+(?P<rel>this|last|next)\s+month)?"
                           r"(?=\s*(?:[,.;:!?)\]\"”]|$|(?:and|or|when|at)\b))")
_DAY_PREPS = words("on by until till since from before after")


def _day_of_month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    ws = words_before(ctx.text, m.start(), 1)
    if not ws or ws[0].lower() not in _DAY_PREPS:
        return None
    d = int(m["day"])
    if ctx.dct is None:
        return unknown(m.start(), m.end(), f"XXXX-XX-{d:02d}")
    shifts = {"this": (0,), "last": (-1,), "next": (1,)}[m["rel"]] if m["rel"] else (-1, 0, 1)
    days = []
    for s in shifts:
        y, mo = cal.add_months(ctx.dct.year, ctx.dct.month, s)
        if (v := _valid(y, mo, d)) is not None:
            days.append(v)
    if not days:
        return None
    return from_period(m.start(), m.end(), cal.day(nearest(days, ctx.dct, ctx.future)), "relative")


# "the year", "the month" ... are dates only after a fuzzy prefix ("the end of the year")
_THE_PERIOD = re.compile(r"\b(?i:the)\s+(?P<unit>year|month|week|decade|century)\b")


def _the_period(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if ctx.dct is None:
        c = unknown(m.start(), m.end(), {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX",
                                         "decade": "XXX", "century": "XX"}[m["unit"].lower()])
    else:
        d = ctx.dct
        p = {"year": lambda: cal.year(d.year), "month": lambda: cal.month(d.year, d.month),
             "week": lambda: cal.week_of(d), "decade": lambda: cal.decade(d.year),
             "century": lambda: cal.century(d.year // 100)}[m["unit"].lower()]()
        c = from_period(m.start(), m.end(), p, "relative")
    c.needs_prefix = True
    return c


_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

RULES: tuple[Rule, ...] = (
    Rule("month-day-year", _MDY, _mdy, _MONTH_KEYS, 16, 40),
    Rule("day-month-year", _DMY, _dmy, _MONTH_KEYS, 40, 20),
    Rule("month-year", _MY, _my, _MONTH_KEYS, 1, 25),
    Rule("month", _MONTH, _month, _MONTH_KEYS, 14, 10),
    Rule("iso-date", _ISO, _iso, ("-0", "-1"), 5, 5),
    Rule("numeric-date", _NUMERIC, _numeric, ("/", ".19", ".20"), 6, 8),
    Rule("named-day", _NAMED, _named, ("9/11", "sept"), 2, 12),
    Rule("holiday", _HOLIDAY, _holiday,
         ("christmas", "new year", "halloween", "valentine", "boxing day"), 1, 25),
    Rule("year", _YEAR, _year, ("15", "16", "17", "18", "19", "20"), 2, 6),
    Rule("decade", _DECADE, _decade, ("0s", "0's", "0’s", "fifties", "sixties", "seventies",
                                      "eighties", "nineties"), 10, 8),
    Rule("century", _CENTURY, _century, ("century",), 40, 7),
    Rule("day-of-month", _DAY_OF_MONTH, _day_of_month,
         tuple(f"{d}{s}" for d, s in zip("1234567890123", ["st", "nd", "rd"] + ["th"] * 10,
                                          strict=True)), 6, 30),
    Rule("the-period", _THE_PERIOD, _the_period,
         ("the year", "the month", "the week", "the decade", "the century"), 0, 12),
)

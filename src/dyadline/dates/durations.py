"""Rules for durations and references: "six weeks", "two days ago", "the past six weeks",
"within hours", "recently", "now", "in the future", and role terms ("during his term").

Durations have TIMEX3 values (P6W, PT5H, PXY for "years") and no interval unless the text
anchors them to the publication day: "the past six weeks" ends on it, "the next two weeks"
starts on it, "after six weeks of waiting" ends on it. "within hours of X" is anchored to X, an
event, so it keeps no interval (value PTXH). Role terms get the value TERM and no interval: the
event dater asks the actors stage for the dates of the term.
"""

from __future__ import annotations

import re

from dyadline.dates import calendar as cal
from dyadline.dates.context import (
    FUNCTION_WORDS,
    Cand,
    Ctx,
    Rule,
    from_period,
    next_word,
    shift_date,
    unknown,
    words_before,
)
from dyadline.dates.lexicon import (
    NUMBER_WORDS,
    UNIT_PLURALS,
    UNITS,
    VAGUE_NUMBERS,
    alternation,
    number_value,
)
from dyadline.model import DateSpan

__all__ = ["RULES"]

_NUM = (r"(?:\d+(?:\.\d+)?|(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b|"
        rf"{alternation(NUMBER_WORDS)}))")
_VAGUE = f"(?i:{alternation(VAGUE_NUMBERS)})"
_UNIT = f"(?i:{alternation(list(UNITS) + list(UNIT_PLURALS))})"
_PLURAL = f"(?i:{alternation(UNIT_PLURALS)})"


def _unit(word: str) -> tuple[str, bool, int]:
    w = word.lower()
    return UNITS[UNIT_PLURALS.get(w, w)]


def _duration_value(n: int | float | None, unit_word: str) -> str:
    code, is_time, mult = _unit(unit_word)
    if n is None:
        count = "X"
    else:
        total = n * mult
        count = str(int(total)) if float(total).is_integer() else f"{total:g}"
    return f"PT{count}{code}" if is_time else f"P{count}{code}"


def _shift_unit(unit_word: str) -> tuple[str, int]:
    """The unit for calendar shifts (D W M Y DE CE H MIN S) and its multiplier."""
    code, is_time, mult = _unit(unit_word)
    if is_time:
        return {"H": "H", "M": "MIN", "S": "S"}[code], mult
    return code, mult


def _period_at(d_unit: str, day: cal.date) -> cal.Period:
    """The calendar period of a unit's granularity that contains ``day``."""
    if d_unit == "W":
        return cal.week_of(day)
    if d_unit == "M":
        return cal.month(day.year, day.month)
    if d_unit == "Y":
        return cal.year(day.year)
    if d_unit == "DE":
        return cal.decade(day.year)
    if d_unit == "CE":
        return cal.century(day.year // 100)
    return cal.day(day)


# "two days ago", "a year ago", "years ago", "two weeks from now" ("three days later" is a
# plain duration: later than an event, not than publication)
_AGO = re.compile(rf"\b(?:(?:(?P<num>{_NUM})|(?P<vague>{_VAGUE}))[-\s]+)?(?P<unit>{_UNIT})\s+"
                  r"(?P<dir>(?i:ago|from\s+now|hence))\b")


def _ago(m: re.Match[str], ctx: Ctx) -> Cand | None:
    unit = m["unit"].lower()
    plural = unit in UNIT_PLURALS
    n = number_value(m["num"]) if m["num"] else None
    direction = " ".join(m["dir"].lower().split())
    if m["num"] is None and not (plural or m["vague"]):
        return None
    past = direction == "ago"
    if n is None or isinstance(n, float):
        if ctx.dct is None:
            return unknown(m.start(), m.end(), "PAST_REF" if past else "FUTURE_REF")
        span = (DateSpan(None, ctx.dct, "open", "relative") if past
                else DateSpan(ctx.dct, None, "open", "relative"))
        return Cand(m.start(), m.end(), "PAST_REF" if past else "FUTURE_REF", "DATE", span)
    code, mult = _shift_unit(unit)
    if ctx.dct is None:
        return unknown(m.start(), m.end(), "XXXX-XX-XX")
    steps = int(n * mult) * (-1 if past else 1)
    try:
        day = shift_date(ctx.dct, steps, code)
        c = from_period(m.start(), m.end(), _period_at(code, day), "relative")
        if code in ("Y", "DE", "CE"):  # "a year ago": about a year, not that calendar year
            half = {"Y": 6, "DE": 60, "CE": 600}[code]
            lo = shift_date(ctx.dct, steps * {"Y": 12, "DE": 120, "CE": 1200}[code] - half, "M")
            hi = shift_date(ctx.dct, steps * {"Y": 12, "DE": 120, "CE": 1200}[code] + half, "M")
            hi = min(hi, ctx.dct) if past else hi
            lo = lo if past else max(lo, ctx.dct)
            c.span = DateSpan(lo, hi, "span", "relative")
    except (ValueError, OverflowError):
        return None
    return c


# "the past six weeks", "the next two years", "the last 24 hours", "the coming weeks"
_ANCHORED = re.compile(rf"\b(?:(?P<pre>(?i:the|these)\s+(?i:past|last|next|coming))|"
                       rf"(?P<within>(?i:within\s+the\s+(?:past|last|next))))\s+"
                       rf"(?:(?:(?P<num>{_NUM})|(?P<vague>{_VAGUE}))\s+)?(?P<unit>{_UNIT})\b"
                       r"(?!\s+of\b|['’]s?\s)")


def _anchored(m: re.Match[str], ctx: Ctx) -> Cand | None:
    unit = m["unit"].lower()
    plural = unit in UNIT_PLURALS
    forward = any(w in (m["pre"] or m["within"]).lower() for w in ("next", "coming"))
    if m["num"]:
        n = number_value(m["num"])
    elif m["vague"]:
        n = None
    elif plural:  # "the coming weeks", "the past months"
        value = "FUTURE_REF" if forward else "PAST_REF"
        if ctx.dct is None:
            return unknown(m.start(), m.end(), value)
        span = (DateSpan(ctx.dct, None, "open", "relative") if forward
                else DateSpan(None, ctx.dct, "open", "relative"))
        return Cand(m.start(), m.end(), value, "DATE", span)
    elif unit in ("day", "night", "minute", "second"):
        return None  # "the next day" follows an event, not publication; "the last minute"
    else:
        n = 1
    value = _duration_value(n, unit)
    if n is None or ctx.dct is None or isinstance(n, float):
        return Cand(m.start(), m.end(), value, "DURATION", None)
    code, mult = _shift_unit(unit)
    try:
        other = shift_date(ctx.dct, int(n * mult) * (1 if forward else -1), code)
    except (ValueError, OverflowError):
        return None
    lo, hi = (ctx.dct, other) if forward else (other, ctx.dct)
    return Cand(m.start(), m.end(), value, "DURATION", DateSpan(lo, hi, "span", "relative"))


# "six weeks", "60-minute", "within two weeks", "several years", "after six weeks of"
_DURATION = re.compile(rf"\b(?:(?P<within>(?i:within))\s+)?(?:(?P<num>{_NUM})|(?P<vague>"
                       rf"{_VAGUE}))[-\s]+(?P<unit>{_UNIT})\b(?![-–]old)")
_SET_BEFORE = frozenset({"once", "twice", "times", "per", "every", "each"})


def _duration(m: re.Match[str], ctx: Ctx) -> Cand | None:
    unit = m["unit"].lower()
    plural = unit in UNIT_PLURALS
    num = m["num"]
    if m["vague"] and not plural:
        return None  # "some day"
    if num and num.lower() in ("a", "an") and (plural or unit == "second"):
        return None  # "a second term"
    if num and num.lower() == "one" and unit == "second":
        return None
    ws = words_before(ctx.text, m.start(), 1)
    if ws and ws[0].lower() in _SET_BEFORE:
        return None  # "every two years", "twice a year"
    if unit == "second" and not (num and num[0].isdigit()):
        return None
    n = number_value(num) if num else None
    if num and n is None:
        return None
    text = ctx.text
    if re.match(r"[-\s]+old\b", text[m.end():m.end() + 6]):
        return None  # "43 years old" is an age
    value = _duration_value(n, unit)
    after_of = (ws and ws[0].lower() == "after" and re.match(r"\s+of\b", text[m.end():]))
    if after_of and n is not None and ctx.dct is not None and not isinstance(n, float):
        code, mult = _shift_unit(unit)
        try:
            lo = shift_date(ctx.dct, -int(n * mult), code)
        except (ValueError, OverflowError):
            return None
        return Cand(m.start(), m.end(), value, "DURATION",
                    DateSpan(lo, ctx.dct, "span", "relative"))
    return Cand(m.start(), m.end(), value, "DURATION", None)


# "within hours", "for years", "after days of talks", "in decades"
_BARE = re.compile(rf"\b(?P<pre>(?i:within|for|over|after|in))\s+(?P<unit>{_PLURAL})\b"
                   r"(?!\s+(?i:ago|later|earlier|before|after|from\s+now))")


def _bare(m: re.Match[str], ctx: Ctx) -> Cand | None:
    start = m.start() if m["pre"].lower() == "within" else m.start("unit")
    return Cand(start, m.end(), _duration_value(None, m["unit"]), "DURATION", None)


_REFS = {
    "PRESENT_REF": r"right\s+now|now|currently|at\s+present|presently|nowadays|these\s+days|"
                   r"at\s+the\s+moment|as\s+of\s+the\s+moment|for\s+the\s+moment|for\s+now|"
                   r"at\s+this\s+time",
    "PAST_REF": r"recently|lately|formerly|previously|in\s+the\s+past|in\s+recent\s+(?:days|"
                r"weeks|months|years|decades|times)|the\s+recent\s+past|long\s+ago",
    "FUTURE_REF": r"in\s+the\s+(?:near\s+|distant\s+|foreseeable\s+|not\s+too\s+distant\s+)?"
                  r"future|in\s+future|in\s+the\s+(?:days|weeks|months|years)\s+(?:ahead|to\s+"
                  r"come)",
}
_REF = re.compile("|".join(f"(?P<{k}>\\b(?i:{v})\\b)" for k, v in _REFS.items()) + r"(?!-)")
_REF_PREP = re.compile(r"(?i)(?:in|at|as\s+of|for)\s+")


def _ref(m: re.Match[str], ctx: Ctx) -> Cand | None:
    kind = m.lastgroup or ""
    start = m.start()
    nxt = next_word(ctx.text, m.end())
    if m.group().lower().endswith("future") and nxt[:1].islower() and nxt not in FUNCTION_WORDS:
        return None  # "in future debates"
    p = _REF_PREP.match(m.group())
    if p and m.group().lower() not in ("at present",):
        start += p.end()
    if ctx.dct is None:
        return unknown(start, m.end(), kind)
    span = {"PRESENT_REF": DateSpan(ctx.dct, ctx.dct, "day", "relative"),
            "PAST_REF": DateSpan(None, ctx.dct, "open", "relative"),
            "FUTURE_REF": DateSpan(ctx.dct, None, "open", "relative")}[kind]
    return Cand(start, m.end(), kind, "DATE", span)


_ROLE = (r"(?i:minister|president|secretary|governor|mayor|senator|chancellor|premier|leader|"
         r"ambassador|director|chief|head|chairman|chair|commander|speaker|prosecutor|envoy|"
         r"adviser|advisor|spokesman|spokeswoman|king|queen|emperor|general|president-elect|"
         r"candidate)")
_TERM_NOUN = (r"(?i:term|terms|tenure|presidency|premiership|chancellorship|administration|"
              r"government|mandate|rule|reign|stint|incumbency|time\s+in\s+office|years\s+in\s+"
              rf"office|years\s+in\s+power|time\s+in\s+power|time\s+as\s+(?:[\w-]+\s+){{0,3}}?"
              rf"{_ROLE})")
_NAME = r"(?:[A-Z][\w.-]+\s+){0,2}[A-Z][\w.-]+"
_TERM = re.compile(
    r"\b(?P<pre>(?i:during|throughout|under|in|over|early\s+in|late\s+in|(?:at|by|near|toward|"
    r"towards)\s+the\s+(?:start|end|beginning|close)\s+of))\s+"
    rf"(?P<np>(?:(?i:his|her|their)|{_NAME}['’]s?)\s+(?:(?i:first|second|third|final|last|"
    r"previous|current|two|four|eight|brief|short|long|entire|whole|own|[a-z]+-year|\d+-year)\s+)*"
    rf"{_TERM_NOUN}|the\s+(?:[A-Z][\w.-]+\s+){{1,3}}?(?i:administration|presidency|government|"
    r"era|years|regime|premiership))\b"
    rf"|\b(?P<clause>(?i:when|while)\s+(?:(?i:he|she|they)|{_NAME})\s+(?i:was|were|served\s+as|"
    r"worked\s+as)\s+(?:(?i:a|an|the|his|her)\s+)?(?:(?:[\w-]+|of)\s+){0,4}?"
    rf"(?:{_ROLE}|(?i:in\s+(?:office|power)))(?:\s+of\s+(?:the\s+)?{_NAME})?)"
    r"|\b(?P<office>(?i:while|when)\s+in\s+(?:office|power))\b")
_MEMBERSHIP = re.compile(r"(?i)\b(?:administration|government|regime)$")


def _term(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if m["np"]:
        pre = " ".join(m["pre"].lower().split())
        if pre == "in" and _MEMBERSHIP.search(m["np"]):
            return None  # "officials in the Trump administration": membership, not a time
        start = m.start("np") if pre in ("during", "throughout", "under", "in", "over") else (
            m.start("pre") + m["pre"].lower().index("the") if "the" in pre else m.start("pre"))
        return Cand(start, m.end("np"), "TERM", "DATE", None)
    return Cand(m.start(), m.end(), "TERM", "DATE", None)


_UNIT_KEYS = ("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "year",
              "decade", "centur")

RULES: tuple[Rule, ...] = (
    Rule("ago", _AGO, _ago, ("ago", "from now", "hence"), 40, 10),
    Rule("anchored-duration", _ANCHORED, _anchored, _UNIT_KEYS, 50, 10),
    Rule("duration", _DURATION, _duration, _UNIT_KEYS, 40, 10),
    Rule("bare-duration", _BARE, _bare, _UNIT_KEYS, 8, 10),
    Rule("reference", _REF, _ref, ("now", "current", "present", "recent", "lately", "formerly",
                                   "previously", "past", "future", "moment", "these days",
                                   "long ago", "this time", "ahead", "to come"), 30, 25),
    Rule("role-term", _TERM, _term, ("term", "tenure", "presiden", "premiership", "chancellor",
                                     "administration", "government", "mandate", "rule", "reign",
                                     "stint", "incumbency", "office", "power", "era", "years",
                                     "regime", "time as"), 90, 40),
    Rule("role-clause", _TERM, _term, ("when", "while"), 1, 110),
)

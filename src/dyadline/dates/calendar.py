"""Calendar periods and their TIMEX3 values: days, ISO weeks, months, seasons, quarters, years.

A ``Period`` is an inclusive interval of days with the TIMEX3 value that names it. Seasons are
meteorological and northern: spring Mar-May, summer Jun-Aug, fall Sep-Nov, winter Dec-Feb, and
``2020-WI`` is the winter that *starts* in December 2020. Centuries follow the TIMEX3 value:
``19`` is 1900-1999 (and so is "the 20th century").
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "SEASONS",
    "Period",
    "add_months",
    "century",
    "day",
    "decade",
    "half",
    "iso_week",
    "month",
    "part_of",
    "quarter",
    "season",
    "season_at",
    "week_of",
    "weekend_of",
    "year",
]

# season code -> its first month (a season lasts three months)
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

MIN_YEAR = 1
MAX_YEAR = 9999


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive interval of days named by a TIMEX3 value, with its granularity."""

    value: str
    start: date
    end: date
    granularity: str


def _last_day(y: int, m: int) -> int:
    return _cal.monthrange(y, m)[1]


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months after (y, m); n may be negative."""
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def day(d: date) -> Period:
    return Period(d.isoformat(), d, d, "day")


def month(y: int, m: int) -> Period:
    return Period(f"{y:04d}-{m:02d}", date(y, m, 1), date(y, m, _last_day(y, m)), "month")


def year(y: int) -> Period:
    return Period(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year")


def iso_week(y: int, w: int) -> Period:
    monday = date.fromisocalendar(y, w, 1)
    return Period(f"{y:04d}-W{w:02d}", monday, monday + timedelta(days=6), "week")


def week_of(d: date, shift: int = 0) -> Period:
    """The ISO week (Monday..Sunday) containing ``d``, moved by ``shift`` weeks."""
    iy, iw, _ = (d + timedelta(weeks=shift)).isocalendar()
    return iso_week(iy, iw)


def weekend_of(d: date, shift: int = 0) -> Period:
    """Saturday and Sunday of the ISO week containing ``d``, moved by ``shift`` weeks."""
    wk = week_of(d, shift)
    return Period(f"{wk.value}-WE", wk.start + timedelta(days=5), wk.end, "week")


def quarter(y: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(f"{y:04d}-Q{q}", date(y, first, 1),
                  date(y, first + 2, _last_day(y, first + 2)), "quarter")


def half(y: int, h: int) -> Period:
    if h == 1:
        return Period(f"{y:04d}-H1", date(y, 1, 1), date(y, 6, 30), "span")
    return Period(f"{y:04d}-H2", date(y, 7, 1), date(y, 12, 31), "span")


def season(y: int, code: str) -> Period:
    first = SEASONS[code]
    ey, em = add_months(y, first, 2)
    return Period(f"{y:04d}-{code}", date(y, first, 1), date(ey, em, _last_day(ey, em)), "season")


def season_at(d: date, code: str, which: str = "started") -> Period:
    """The ``code`` season relative to ``d``.

    which: ``started`` the latest that began on or before d; ``ended`` the latest that ended
    before d; ``upcoming`` the first that has not ended by d; ``next`` the first that begins
    after d; ``this`` the one of d's season year (winter of Jan-Feb belongs to the year before)."""
    if which == "this":
        return season(d.year - 1 if code == "WI" and d.month <= 2 else d.year, code)
    y = d.year + 1
    if which == "started":
        while season(y, code).start > d:
            y -= 1
    elif which == "ended":
        while season(y, code).end >= d:
            y -= 1
    elif which == "upcoming":
        y = d.year - 1
        while season(y, code).end < d:
            y += 1
    else:  # next
        y = d.year - 1
        while season(y, code).start <= d:
            y += 1
    return season(y, code)


def decade(first_year: int) -> Period:
    d0 = first_year - first_year % 10
    return Period(f"{d0 // 10:03d}", date(d0, 1, 1), date(d0 + 9, 12, 31), "decade")


def century(hundreds: int) -> Period:
    """The TIMEX3 century ``hundreds`` (19 = 1900-1999)."""
    y0 = max(hundreds * 100, MIN_YEAR)
    return Period(f"{hundreds:02d}", date(y0, 1, 1), date(hundreds * 100 + 99, 12, 31), "century")


def _span_days(start: date, end: date, a: float, b: float) -> tuple[date, date]:
    """Days from fraction ``a`` to fraction ``b`` of [start, end] (whole days, inclusive)."""
    n = (end - start).days + 1
    lo = round(n * a)
    hi = round(n * b) - 1
    return start + timedelta(days=lo), start + timedelta(days=max(hi, lo))


def part_of(p: Period, part: str) -> tuple[date, date]:
    """The days of ``part`` (early, mid, late, start, end, half1, half2) of period ``p``.

    Months: early 1-10, mid 11-20, late 21-end; start = early, end = late; halves 1-15, 16-end.
    Years: early Jan-Apr, mid May-Aug, late Sep-Dec; start Jan-Feb, end Nov-Dec.
    Decades: early 0-3, mid 4-6, late 7-9. Weeks: early Mon-Tue, mid Wed-Thu, late Fri-Sun.
    Seasons and quarters: their first, second or last month. Anything else (centuries, terms of
    office): thirds of its days."""
    s, e = p.start, p.end
    if part in ("half1", "half2"):
        if p.granularity == "month":
            mid = s.replace(day=15)
            return (s, mid) if part == "half1" else (mid + timedelta(days=1), e)
        return _span_days(s, e, 0, 0.5) if part == "half1" else _span_days(s, e, 0.5, 1)
    g = p.granularity
    if g == "month":
        bounds = {"early": (1, 10), "start": (1, 10), "mid": (11, 20)}
        if part in bounds:
            a, b = bounds[part]
            return s.replace(day=a), s.replace(day=b)
        return s.replace(day=21), e
    if g == "year":
        y = s.year
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "start": (1, 2), "end": (11, 12)}
        a, b = months[part]
        return date(y, a, 1), date(y, b, _last_day(y, b))
    if g == "decade":
        y = s.year
        years = {"early": (0, 3), "start": (0, 3), "mid": (4, 6), "late": (7, 9), "end": (7, 9)}
        a, b = years[part]
        return date(y + a, 1, 1), date(y + b, 12, 31)
    if g == "week":
        days = {"early": (0, 1), "start": (0, 1), "mid": (2, 3), "late": (4, 6), "end": (4, 6)}
        a, b = days[part]
        return s + timedelta(days=a), s + timedelta(days=min(b, (e - s).days))
    if g in ("season", "quarter"):
        k = {"early": 0, "start": 0, "mid": 1, "late": 2, "end": 2}[part]
        y, mo = add_months(s.year, s.month, k)
        return date(y, mo, 1), date(y, mo, _last_day(y, mo))
    thirds = {"early": (0, 1 / 3), "start": (0, 1 / 3), "mid": (1 / 3, 2 / 3),
              "late": (2 / 3, 1), "end": (2 / 3, 1)}
    lo, hi = thirds[part]
    return _span_days(s, e, lo, hi)

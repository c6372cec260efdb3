"""Calendar periods and their parts (dates.calendar)."""

from __future__ import annotations

from datetime import date

import pytest

from dyadline.dates import calendar as cal

D = date.fromisoformat


@pytest.mark.parametrize(("period", "value", "start", "end"), [
    (cal.month(2020, 2), "2020-02", "2020-02-01", "2020-02-29"),
    (cal.month(2019, 2), "2019-02", "2019-02-01", "2019-02-28"),
    (cal.iso_week(2020, 53), "2020-W53", "2020-12-28", "2021-01-03"),
    (cal.week_of(D("2021-01-01")), "2020-W53", "2020-12-28", "2021-01-03"),
    (cal.week_of(D("2020-12-15"), -1), "2020-W50", "2020-12-07", "2020-12-13"),
    (cal.weekend_of(D("2020-12-15")), "2020-W51-WE", "2020-12-19", "2020-12-20"),
    (cal.quarter(2020, 4), "2020-Q4", "2020-10-01", "2020-12-31"),
    (cal.half(2020, 2), "2020-H2", "2020-07-01", "2020-12-31"),
    (cal.season(2019, "WI"), "2019-WI", "2019-12-01", "2020-02-29"),
    (cal.season(2020, "FA"), "2020-FA", "2020-09-01", "2020-11-30"),
    (cal.decade(1994), "199", "1990-01-01", "1999-12-31"),
    (cal.century(19), "19", "1900-01-01", "1999-12-31"),
])
def test_periods(period: cal.Period, value: str, start: str, end: str) -> None:
    assert (period.value, period.start, period.end) == (value, D(start), D(end))


@pytest.mark.parametrize(("which", "day", "code", "value"), [
    ("started", "2020-12-15", "SU", "2020-SU"),
    ("started", "2020-07-01", "SU", "2020-SU"),
    ("started", "2020-05-31", "SU", "2019-SU"),
    ("ended", "2020-07-01", "SU", "2019-SU"),
    ("ended", "2020-12-15", "WI", "2019-WI"),
    ("this", "2021-01-10", "WI", "2020-WI"),
    ("this", "2020-03-10", "SU", "2020-SU"),
    ("upcoming", "2020-07-01", "SU", "2020-SU"),
    ("upcoming", "2020-09-01", "SU", "2021-SU"),
    ("next", "2020-07-01", "SU", "2021-SU"),
    ("next", "2020-12-15", "WI", "2021-WI"),
])
def test_season_at(which: str, day: str, code: str, value: str) -> None:
    assert cal.season_at(D(day), code, which).value == value


@pytest.mark.parametrize(("period", "part", "start", "end"), [
    (cal.month(2020, 10), "early", "2020-10-01", "2020-10-10"),
    (cal.month(2020, 10), "mid", "2020-10-11", "2020-10-20"),
    (cal.month(2020, 10), "late", "2020-10-21", "2020-10-31"),
    (cal.month(2020, 2), "end", "2020-02-21", "2020-02-29"),
    (cal.month(2020, 3), "half2", "2020-03-16", "2020-03-31"),
    (cal.year(2019), "early", "2019-01-01", "2019-04-30"),
    (cal.year(2019), "mid", "2019-05-01", "2019-08-31"),
    (cal.year(2019), "late", "2019-09-01", "2019-12-31"),
    (cal.year(2019), "start", "2019-01-01", "2019-02-28"),
    (cal.year(2019), "end", "2019-11-01", "2019-12-31"),
    (cal.decade(1990), "mid", "1994-01-01", "1996-12-31"),
    (cal.iso_week(2020, 52), "early", "2020-12-21", "2020-12-22"),
    (cal.iso_week(2020, 52), "late", "2020-12-25", "2020-12-27"),
    (cal.quarter(2020, 3), "late", "2020-09-01", "2020-09-30"),
])
def test_part_of(period: cal.Period, part: str, start: str, end: str) -> None:
    assert cal.part_of(period, part) == (D(start), D(end))


@pytest.mark.parametrize(("y", "m", "n", "expected"), [
    (2020, 12, 1, (2021, 1)),
    (2020, 1, -1, (2019, 12)),
    (2020, 3, -15, (2018, 12)),
    (2020, 6, 0, (2020, 6)),
])
def test_add_months(y: int, m: int, n: int, expected: tuple[int, int]) -> None:
    assert cal.add_months(y, m, n) == expected

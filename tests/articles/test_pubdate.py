"""Publication dates in the forms inputs write them, and the ones refused with a reason."""

from __future__ import annotations

from datetime import date

import pytest

from dyadline.articles import PublishedDateError, parse_published

DEC15 = date(2020, 12, 15)


@pytest.mark.parametrize(
    ("value", "day_first", "expected"),
    [
        ("2020-12-15", False, DEC15),
        ("  2020-12-15\n", False, DEC15),
        ("2020/12/15", False, DEC15),
        ("20201215", False, DEC15),
        ("2020-12-15T14:30:00Z", False, DEC15),
        ("2020-12-15T23:30:00-05:00", False, DEC15),  # the date as written: no zone conversion
        ("2020-12-15 14:30:00.123+01:00", False, DEC15),
        ("Dec 15, 2020", False, DEC15),
        ("Dec. 15, 2020", False, DEC15),
        ("December 15th, 2020", False, DEC15),
        ("Tuesday, December 15, 2020", False, DEC15),
        ("Dec 15, 2020, 3:05 p.m. EST", False, DEC15),
        ("15 December 2020", False, DEC15),
        ("15th of December 2020", False, DEC15),
        ("15 Dec 2020", False, DEC15),
        ("Tue, 15 Dec 2020 14:30:00 +0000", False, DEC15),  # RFC 2822, as in RSS feeds
        ("Tue, 15 Dec 2020 14:30:00 GMT", False, DEC15),
        ("Sept 1, 2022", False, date(2022, 9, 1)),
        ("12/15/2020", False, DEC15),
        ("15/12/2020", True, DEC15),
        ("05/12/2020", False, date(2020, 5, 12)),
        ("05/12/2020", True, date(2020, 12, 5)),
        ("15.12.2020", False, DEC15),  # dotted dates are day first everywhere
        ("2020-02-29", False, date(2020, 2, 29)),
    ],
)
def test_readable_dates(value: str, day_first: bool, expected: date) -> None:
    assert parse_published(value, day_first=day_first) == expected


@pytest.mark.parametrize(
    ("value", "impossible", "says", "fix"),
    [
        ("2020-13-45", True, "impossible date '2020-13-45'", None),
        ("2021-02-29", True, "impossible date", None),
        ("15/12/2020", True, "month 15", "day_first"),
        ("12/15/20", False, "two-digit year", "year in full"),
        ("December 2020", False, "names no day", "year, month and day"),
        ("2020", False, "names no day", "year, month and day"),
        ("yesterday", False, "cannot read the date 'yesterday'", None),
        ("2020-12-15 and more", False, "cannot read", None),
        ("", False, "cannot read", None),
    ],
)
def test_refused_dates(value: str, impossible: bool, says: str, fix: str | None) -> None:
    with pytest.raises(PublishedDateError) as err:
        parse_published(value)
    assert err.value.impossible is impossible
    assert says in str(err.value)
    if fix is None:
        assert err.value.fix is None
    else:
        assert err.value.fix is not None and fix in err.value.fix

"""The GDELT 2.0 export: 61 tab-separated columns in GDELT's order, rows that parse, and the
fields dyadline fills, field by field."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest

from dyadline.export import export_events
from dyadline.export.gdelt import GDELT_COLUMNS, fraction_date, gdelt_row, geo_type
from dyadline.model import Place
from dyadline.store import ArticleRef, Store, StoredEvent

# GDELT 2.0's integer and float columns (the rest are strings).
INTS = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass",
        "NumMentions", "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type",
        "ActionGeo_Type", "DATEADDED"}
FLOATS = {"FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long",
          "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"}


def _rows(filled: Store, tmp_path: Path) -> list[dict[str, str]]:
    out = tmp_path / "events.tsv"
    summary = export_events(filled, out, "gdelt")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert summary.events == len(lines) == 7
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    return rows


def test_the_column_list_is_gdelt_2() -> None:
    assert len(GDELT_COLUMNS) == len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:6] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year",
                                 "FractionDate", "Actor1Code")
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
                                    "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                                    "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[35:43] == tuple(f"Actor1Geo_{c}" for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"))
    assert GDELT_COLUMNS[-3:] == ("ActionGeo_FeatureID", "DATEADDED", "SOURCEURL")


def test_every_row_has_61_fields_that_parse(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export_events(filled, out, "gdelt")
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows and all(len(r) == 61 for r in rows)
    for row in rows:
        for name, value in zip(GDELT_COLUMNS, row, strict=True):
            if value and name in INTS:
                int(value)
            elif value and name in FLOATS:
                float(value)
        assert row[GDELT_COLUMNS.index("DATEADDED")].isdigit()
        assert len(row[GDELT_COLUMNS.index("DATEADDED")]) == 14


@pytest.mark.parametrize(
    ("cameo", "expected"),
    [
        # (SQLDATE, MonthYear, Year, EventCode, EventBaseCode, EventRootCode, QuadClass, Goldstein)
        ("040", ("20210616", "202106", "2021", "040", "040", "04", "1", "1.0")),
        ("112", ("20210701", "202107", "2021", "112", "112", "11", "3", "-2.0")),  # month span
        ("163", ("20220228", "202202", "2022", "163", "163", "16", "3", "-8.0")),  # open start
        ("051", ("", "", "", "051", "051", "05", "1", "3.5")),  # no date at all
        ("190", ("20220301", "202203", "2022", "190", "190", "19", "4", "-10.0")),
    ],
)
def test_dates_come_from_the_event_span_and_codes_keep_leading_zeros(
        filled: Store, tmp_path: Path, cameo: str, expected: tuple[str, ...]) -> None:
    (row,) = [r for r in _rows(filled, tmp_path)
              if r["EventCode"] == cameo and not r["Actor1Code"].startswith("IGO")]
    got = tuple(row[c] for c in ("SQLDATE", "MonthYear", "Year", "EventCode", "EventBaseCode",
                                 "EventRootCode", "QuadClass", "GoldsteinScale"))
    assert got == expected
    assert row["AvgTone"] == ""


def test_the_publication_date_is_never_the_event_date(filled: Store, tmp_path: Path) -> None:
    # Article a1 was published 2021-06-17; its events happened 2021-06-16 and in July 2021.
    rows = _rows(filled, tmp_path)
    assert "20210617" not in {r["SQLDATE"] for r in rows}


@pytest.mark.parametrize(
    ("cameo", "actor1", "actor2"),
    [
        # (Code, Name, CountryCode, KnownGroupCode, Type1Code) for both actors
        ("040", ("RUSGOV", "VLADIMIR PUTIN", "RUS", "", "GOV"), ("USAGOV", "USAGOV", "USA", "", "GOV")),
        ("163", ("USA", "USA", "USA", "", ""), ("RUS", "RUS", "RUS", "", "")),
        ("040:IGO", ("IGOUNO", "IGOUNO", "", "UNO", "IGO"), ("", "", "", "", "")),
        ("061", ("", "", "", "", ""), ("USAGOV", "USAGOV", "USA", "", "GOV")),  # uncoded source
    ],
)
def test_actor_columns(filled: Store, tmp_path: Path, cameo: str, actor1: tuple[str, ...],
                       actor2: tuple[str, ...]) -> None:
    rows = _rows(filled, tmp_path)
    code, _, group = cameo.partition(":")
    (row,) = [r for r in rows if r["EventCode"] == code
              and (r["Actor1Code"].startswith("IGO") == (group == "IGO"))]
    for n, expected in ((1, actor1), (2, actor2)):
        got = tuple(row[f"Actor{n}{c}"] for c in ("Code", "Name", "CountryCode",
                                                   "KnownGroupCode", "Type1Code"))
        assert got == expected
        assert row[f"Actor{n}EthnicCode"] == row[f"Actor{n}Religion1Code"] == ""
        assert row[f"Actor{n}Type2Code"] == row[f"Actor{n}Type3Code"] == ""


@pytest.mark.parametrize(
    ("cameo", "geo"),
    [
        # ActionGeo_ (Type, FullName, CountryCode, Lat, Long, FeatureID)
        ("040", ("4", "Moscow, Russia", "RS", "55.7522", "37.6156", "524901")),
        ("190", ("1", "Ukraine", "UP", "49.0", "32.0", "UP")),
        ("163", ("2", "Texas, United States", "US", "31.25", "-99.25", "")),
        ("112", ("0", "", "", "", "", "")),
    ],
)
def test_action_geo_uses_fips_country_codes(filled: Store, tmp_path: Path, cameo: str,
                                            geo: tuple[str, ...]) -> None:
    (row,) = [r for r in _rows(filled, tmp_path)
              if r["EventCode"] == cameo and not r["Actor1Code"].startswith("IGO")]
    got = tuple(row[f"ActionGeo_{c}"] for c in ("Type", "FullName", "CountryCode", "Lat", "Long",
                                                 "FeatureID"))
    assert got == geo
    assert row["ActionGeo_ADM1Code"] == row["ActionGeo_ADM2Code"] == ""
    assert row["Actor1Geo_Type"] == row["Actor2Geo_Type"] == "0"
    assert row["Actor1Geo_FullName"] == row["Actor2Geo_Lat"] == ""


def test_counts_root_event_and_source(filled: Store, tmp_path: Path) -> None:
    rows = {r["EventCode"] + r["Actor1Code"]: r for r in _rows(filled, tmp_path)}
    met = rows["040RUSGOV"]  # reported by a1 and a2 (two outlets), in a1's lead paragraph
    assert (met["NumMentions"], met["NumSources"], met["NumArticles"]) == ("2", "2", "2")
    assert met["IsRootEvent"] == "1"
    assert met["SOURCEURL"] == "https://news.example/a1"
    accused = rows["112USAGOV"]  # a1's second paragraph
    assert accused["IsRootEvent"] == "0"
    shelled = rows["190RUSMIL"]  # b1 has no URL and no outlet
    assert shelled["SOURCEURL"] == "dyadline article b1"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 1, 1), "2020.0027"),
        (date(2015, 2, 18), "2015.1315"),
        (date(2021, 6, 16), "2021.4548"),
        (date(2019, 12, 31), "2019.9890"),
    ],
)
def test_fraction_date(day: date, expected: str) -> None:
    assert fraction_date(day) == expected


@pytest.mark.parametrize(
    ("feature", "country", "kind"),
    [("country", "FRA", 1), ("admin1", "USA", 2), ("city", "USA", 3), ("landmark", "USA", 3),
     ("city", "FRA", 4), ("landmark", "EGY", 4), ("admin1", "FRA", 5), ("region", "UKR", 0),
     ("sea", None, 0), ("continent", None, 0)],
)
def test_geo_type(feature: str, country: str | None, kind: int) -> None:
    assert geo_type(Place("x", country, 1.0, 2.0, feature, "x", 0, 1)) == kind


def test_tabs_and_line_breaks_never_split_a_row(filled: Store) -> None:
    from dataclasses import replace

    from dyadline.store import events

    stored = events(filled)[0]
    source = replace(stored.event.source, name="A\tB\nC")  # type: ignore[type-var]
    odd = StoredEvent(stored.id, replace(stored.event, source=source), 1, 1, 1, 1)
    ref = ArticleRef("a1", "https://x.example/a\tb", None, None, datetime(2021, 6, 17, 8), 10)
    row = gdelt_row(odd, ref)
    assert len(row) == 61 and not any("\t" in f or "\n" in f for f in row)
    assert row[GDELT_COLUMNS.index("Actor1Name")] == "A B C"
    assert row[GDELT_COLUMNS.index("DATEADDED")] == "20210617080000"

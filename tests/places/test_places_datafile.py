"""The places TSV files: the packaged ones are valid; a broken row names its file, line and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadline.errors import DataFileError
from dyadline.places.build import COUNTRY_NAMES_FILE, REGIONS_FILE
from dyadline.places.datafile import (
    PLACE_COLUMNS,
    file_version,
    read_country_names,
    read_places_file,
)

COUNTRIES = frozenset({"RUS", "UKR", "USA", "PSE", "XKX"})
HEADER = "\t".join(PLACE_COLUMNS)
GOOD = "Kremlin\tMoscow Kremlin\tlandmark\tRUS\t48\t55.752\t37.617\t0\tseat of power"


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "places.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_good_file_reads_every_field(tmp_path: Path) -> None:
    path = _write(tmp_path, "# my places", "# version: 7", HEADER, GOOD, "",
                  "Sea of Azov\tAzov Sea\tsea\t\t\t46.1\t36.6\t\t")
    rows = read_places_file(path, countries=COUNTRIES)
    assert [(r.name, r.alt_names, r.feature, r.country, r.admin1, r.lat, r.lon, r.population)
            for r in rows] == [
        ("Kremlin", ("Moscow Kremlin",), "landmark", "RUS", "48", 55.752, 37.617, 0),
        ("Sea of Azov", ("Azov Sea",), "sea", None, None, 46.1, 36.6, 0),
    ]
    assert rows[0].where == f"{path}:4"
    assert file_version(path) == "7"


@pytest.mark.parametrize(("row", "code", "fix"), [
    ("Kremlin\t\tlandmark\tRUS\t48\t55.7\t37.6\t0", "E603", "one tab each"),
    ("\t\tlandmark\tRUS\t48\t55.7\t37.6\t0\t", "E604", "English name"),
    ("Кремль\t\tlandmark\tRUS\t48\t55.7\t37.6\t0\t", "E604", "English name"),
    ("Kremlin\tКремль\tlandmark\tRUS\t48\t55.7\t37.6\t0\t", "E604", "transliterated"),
    ("Kremlin\t\tpalace\tRUS\t48\t55.7\t37.6\t0\t", "E605", "use one of"),
    ("Russia\t\tcountry\tRUS\t\t55.7\t37.6\t0\t", "E605", "country_names.tsv"),
    ("Texas\t\tadmin1\tUSA\t\t31.4\t-99.3\t0\t", "E605", "admin1 code"),
    ("Kremlin\t\tlandmark\tRU\t48\t55.7\t37.6\t0\t", "E606", "alpha-3"),
    ("Kremlin\t\tlandmark\trus\t48\t55.7\t37.6\t0\t", "E606", "capitals"),
    ("Kremlin\t\tlandmark\tRUS\t48\t55,7\t37.6\t0\t", "E607", "decimal degrees"),
    ("Kremlin\t\tlandmark\tRUS\t48\t95.0\t37.6\t0\t", "E607", "between -90 and 90"),
    ("Kremlin\t\tlandmark\tRUS\t48\t55.7\tnan\t0\t", "E607", "between -180 and 180"),
    ("Kremlin\t\tlandmark\tRUS\t48\t55.7\t37.6\tmany\t", "E608", "digits only"),
    ("Kremlin\t\tlandmark\tRUS\t48\t55.7\t37.6\t-5\t", "E608", "whole number"),
    (GOOD, "E609", "remove one of the rows"),
])
def test_broken_row_names_file_line_and_fix(tmp_path: Path, row: str, code: str, fix: str) -> None:
    path = _write(tmp_path, "# version: 1", HEADER, GOOD, row)
    with pytest.raises(DataFileError) as caught:
        read_places_file(path, countries=COUNTRIES)
    err = caught.value
    assert err.code == code
    assert err.where == f"{path}:4"
    assert fix in err.message
    assert str(err).startswith(f"[{code}] {path}:4: ")


@pytest.mark.parametrize(("lines", "where_line"), [
    ((GOOD,), 1),  # no header at all
    (("name\tfeature", GOOD), 1),
    ((), None),  # empty file
])
def test_bad_header(tmp_path: Path, lines: tuple[str, ...], where_line: int | None) -> None:
    path = _write(tmp_path, *lines)
    with pytest.raises(DataFileError) as caught:
        read_places_file(path, countries=COUNTRIES)
    assert caught.value.code == "E602"
    assert caught.value.where == (f"{path}:{where_line}" if where_line else str(path))
    assert "name alt_names feature" in caught.value.message


def test_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as caught:
        read_places_file(tmp_path / "nope.tsv", countries=COUNTRIES)
    assert caught.value.code == "E601"
    assert "check the path" in caught.value.message


@pytest.mark.parametrize(("row", "code"), [
    ("RU\tRussia", "E606"),
    ("\tRussia", "E606"),
    ("RUS\t", "E604"),
    ("RUS\tРоссия", "E604"),
])
def test_broken_country_names(tmp_path: Path, row: str, code: str) -> None:
    path = tmp_path / "names.tsv"
    path.write_text(f"country\tnames\nUKR\tUkraine|the Ukraine\n{row}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_country_names(path, countries=COUNTRIES)
    assert (caught.value.code, caught.value.where) == (code, f"{path}:3")


def test_packaged_files_are_valid_and_versioned(gazetteer) -> None:  # type: ignore[no-untyped-def]
    rows = read_places_file(REGIONS_FILE, countries=gazetteer.countries)
    names = read_country_names(COUNTRY_NAMES_FILE, countries=gazetteer.countries)
    assert len(rows) > 300 and len(names) > 20
    assert file_version(REGIONS_FILE) != "unversioned"
    assert file_version(COUNTRY_NAMES_FILE) != "unversioned"
    features = {r.feature for r in rows}
    assert {"admin1", "region", "landmark", "sea"} <= features

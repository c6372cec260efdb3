"""Read and validate the gazetteer's own TSV files: places (regions.tsv) and country names.

Both are tab-separated with a header line; lines starting with ``#`` are comments, and a
``# version: N`` comment names the file's version. Every broken row raises ``DataFileError``
with the file and line and says how to fix it (codes E601-E609).

places file columns (regions.tsv, or a user's ``places_file``)::

    name  alt_names  feature  country  admin1  lat  lon  population  note

``alt_names`` is ``|``-separated; ``feature`` one of FEATURES; ``country`` an ISO 3166 alpha-3
code or empty (seas, regions across borders); ``admin1`` the GeoNames first-level code of the
area (US state code, ``05`` for Donetsk oblast, ...) or empty; ``population`` an integer or empty.

country names file columns: ``country  names`` (ISO alpha-3, ``|``-separated names).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from dyadline.errors import DataFileError
from dyadline.places.names import key

__all__ = [
    "COUNTRY_NAME_COLUMNS",
    "FEATURES",
    "PLACE_COLUMNS",
    "CountryNames",
    "PlaceRow",
    "file_version",
    "read_country_names",
    "read_places_file",
]

# Feature classes a Place may carry. "country" and "city" also come from GeoNames.
FEATURES = ("country", "admin1", "city", "region", "landmark", "sea", "continent")
PLACE_COLUMNS = ("name", "alt_names", "feature", "country", "admin1", "lat", "lon",
                 "population", "note")
COUNTRY_NAME_COLUMNS = ("country", "names")


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One validated row of a places file."""

    name: str
    alt_names: tuple[str, ...]
    feature: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    note: str
    where: str  # "path:line"


@dataclass(frozen=True, slots=True)
class CountryNames:
    """Extra names for one country, as news writes them ("Britain", "U.S.")."""

    country: str
    names: tuple[str, ...]
    where: str


def _lines(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[str, int, list[str]]]:
    """(where, line number, fields) for each data line, after checking the header."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError("E601", f"cannot read the places file ({exc.__class__.__name__}): "
                            "check the path and that it is UTF-8 text", where=str(path)) from None
    header_seen = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        where = f"{path}:{number}"
        if not header_seen:
            if tuple(fields) != columns:
                raise DataFileError(
                    "E602", f"the header is {fields!r}: the first line must be the tab-separated "
                    f"columns {' '.join(columns)}", where=where)
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise DataFileError(
                "E603", f"{len(fields)} tab-separated fields, expected {len(columns)} "
                f"({' '.join(columns)}): separate columns with one tab each, leave empty "
                "fields empty", where=where)
        yield where, number, fields
    if not header_seen:
        raise DataFileError("E602", "the file has no header line: start it with the "
                            f"tab-separated columns {' '.join(columns)}", where=str(path))


def file_version(path: Path) -> str:
    """The ``# version: N`` comment of a data file, or "unversioned"."""
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                stripped = line.strip()
                if stripped.startswith("#") and stripped[1:].strip().startswith("version:"):
                    return stripped.split(":", 1)[1].strip()
                if stripped and not stripped.startswith("#"):
                    break
    except (OSError, UnicodeDecodeError):
        pass
    return "unversioned"


def _country(value: str, countries: Collection[str], where: str) -> str | None:
    if not value:
        return None
    if value.upper() != value or value not in countries:
        raise DataFileError(
            "E606", f"unknown country code {value!r}: use an ISO 3166 alpha-3 code in capitals "
            "(RUS, UKR, PSE, XKX), or leave it empty for a place across borders", where=where)
    return value


def _coordinate(value: str, name: str, limit: float, where: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or abs(number) > limit:
        raise DataFileError(
            "E607", f"{name} {value!r} is not a number between -{limit:g} and {limit:g}: "
            "write decimal degrees, e.g. 55.752 (north and east are positive)", where=where)
    return round(number, 4)


def read_places_file(path: str | Path, *, countries: Collection[str]) -> list[PlaceRow]:
    """The rows of a places file, validated; ``countries`` is the set of known ISO3 codes."""
    path = Path(path)
    rows: list[PlaceRow] = []
    seen: dict[tuple[str, str, str | None], str] = {}
    for where, _number, fields in _lines(path, PLACE_COLUMNS):
        name, alt_field, feature, country_field, admin1, lat, lon, population, note = fields
        if not name or not key(name):
            raise DataFileError("E604", "the name is empty or has no Latin letters: write the "
                                "place's English name in the first column", where=where)
        alt_names = tuple(a.strip() for a in alt_field.split("|") if a.strip())
        for alt in alt_names:
            if not key(alt):
                raise DataFileError("E604", f"alternate name {alt!r} has no Latin letters: "
                                    "list English or transliterated names only", where=where)
        if feature not in FEATURES or feature == "country":
            allowed = ", ".join(f for f in FEATURES if f != "country")
            raise DataFileError(
                "E605", f"unknown feature {feature!r}: use one of {allowed} (countries come from "
                "the gazetteer; add their other names to country_names.tsv)", where=where)
        country = _country(country_field, countries, where)
        if feature == "admin1" and (country is None or not admin1):
            raise DataFileError("E605", "an admin1 row needs its country and its GeoNames admin1 "
                                "code (e.g. USA and TX for Texas)", where=where)
        try:
            pop = int(population) if population else 0
        except ValueError:
            pop = -1
        if pop < 0:
            raise DataFileError("E608", f"population {population!r} is not a whole number >= 0: "
                                "write digits only (8419000), or leave it empty", where=where)
        row = PlaceRow(
            name=name, alt_names=alt_names, feature=feature, country=country,
            admin1=admin1 or None,
            lat=_coordinate(lat, "lat", 90.0, where), lon=_coordinate(lon, "lon", 180.0, where),
            population=pop, note=note, where=where,
        )
        row_key = (key(name), feature, country)
        if row_key in seen:
            raise DataFileError("E609", f"{name!r} ({feature}, {country or 'no country'}) is "
                                f"already defined at {seen[row_key]}: remove one of the rows",
                                where=where)
        seen[row_key] = where
        rows.append(row)
    return rows


def read_country_names(path: str | Path, *, countries: Collection[str]) -> list[CountryNames]:
    """The rows of a country names file, validated."""
    path = Path(path)
    rows: list[CountryNames] = []
    for where, _number, (country_field, names_field) in _lines(path, COUNTRY_NAME_COLUMNS):
        country = _country(country_field, countries, where)
        if country is None:
            raise DataFileError("E606", "the country column is empty: write the ISO 3166 "
                                "alpha-3 code the names stand for", where=where)
        names = tuple(n.strip() for n in names_field.split("|") if n.strip())
        if not names or any(not key(n) for n in names):
            raise DataFileError("E604", "names must be |-separated spellings with Latin letters, "
                                "e.g. Britain|Great Britain|U.K.", where=where)
        rows.append(CountryNames(country=country, names=names, where=where))
    return rows

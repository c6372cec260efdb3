"""The gazetteer: every reading of a name, countries, the packaged data, the cache."""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

import pytest

from dyadline.errors import ConfigError, DataFileError
from dyadline.places import Gazetteer
from dyadline.places.build import REGIONS_FILE
from dyadline.places.datafile import read_places_file
from dyadline.places.names import key, split_feature_word, strip_direction


@pytest.mark.parametrize(("name", "expected"), [
    ("the U.S.", "us"),
    ("US", "us"),
    ("São Paulo", "sao paulo"),
    ("Łódź", "lodz"),
    ("Côte d'Ivoire", "cote divoire"),
    ("Guinea-Bissau", "guinea bissau"),
    ("  The  Hague ", "hague"),
    ("St. John’s", "st johns"),
    ("Москва", ""),
])
def test_key(name: str, expected: str) -> None:
    assert key(name) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("Washington state", ("Washington", ("admin1",))),
    ("Idlib province", ("Idlib", ("admin1", "region"))),
    ("Kirkuk city", ("Kirkuk", ("city",))),
    ("Washington", None),
    ("state", None),
])
def test_split_feature_word(name: str, expected: object) -> None:
    assert split_feature_word(name) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("northern Syria", "Syria"),
    ("South-eastern Ukraine", "Ukraine"),
    ("south east Asia", "Asia"),
    ("central Kyiv", "Kyiv"),
    ("Syria", None),
    ("North Korea", "Korea"),  # resolve_place tries "North Korea" itself first
])
def test_strip_direction(name: str, expected: str | None) -> None:
    assert strip_direction(name) == expected


@pytest.mark.parametrize(("name", "readings"), [
    # (feature, country) of every reading we expect among the first ones, most prominent first
    ("Georgia", [("admin1", "USA"), ("country", "GEO")]),
    ("Paris", [("city", "FRA"), ("city", "USA")]),
    ("Tripoli", [("city", "LBY"), ("city", "LBN")]),
    ("Hyderabad", [("city", "IND"), ("city", "PAK")]),
    ("Punjab", [("admin1", "PAK"), ("admin1", "IND")]),
])
def test_lookup_lists_every_reading_with_population(gazetteer: Gazetteer, name: str,
                                                    readings: list[tuple[str, str]]) -> None:
    found = gazetteer.lookup(name)
    assert [(c.feature, c.country) for c in found[:len(readings)]] == readings
    assert all(c.population > 0 for c in found[:len(readings)])
    assert [c.prominence for c in found] == sorted((c.prominence for c in found), reverse=True)


def test_alternate_names_are_marked_and_discounted(gazetteer: Gazetteer) -> None:
    (kyiv,) = gazetteer.lookup("Kiev")
    assert (kyiv.name, kyiv.country, kyiv.alias) == ("Kyiv", "UKR", True)
    assert kyiv.prominence == kyiv.population // 5
    assert not gazetteer.lookup("PAR")  # airport codes among GeoNames alternates are skipped


@pytest.mark.parametrize("iso3", ["HKG", "MAC", "XKX", "TWN", "PSE", "ESH", "GEO", "USA"])
def test_countries_include_disputed_and_special_ones(gazetteer: Gazetteer, iso3: str) -> None:
    country = gazetteer.country(iso3)
    assert country is not None and country.feature == "country"
    assert country.lat is not None and country.lon is not None


@pytest.mark.parametrize("iso3", ["USA", "RUS", "FJI", "NZL", "CHL", "IDN", "NOR", "HRV"])
def test_country_point_is_one_of_its_cities(gazetteer: Gazetteer, iso3: str) -> None:
    """The representative point is a city of that country (so it lies inside it), also for
    countries across the antimeridian (Fiji, Russia) or of odd shapes (Chile, Croatia)."""
    country = gazetteer.country(iso3)
    assert country is not None
    cities = [c for c in gazetteer._places if c.feature == "city" and c.country == iso3]
    assert (country.lat, country.lon) in {(c.lat, c.lon) for c in cities}


@pytest.mark.parametrize("word", [
    "Russian", "American", "Chinese", "Ukrainian", "Georgian", "Israeli", "Palestinian",
    "Kurdish", "Iraqi", "Syrian", "British", "French", "German", "Turkish", "Afghan",
    "Iranian", "Pakistani", "Indian", "Lebanese", "Libyan", "Saudi", "Kurds", "Serb",
    "Bosnian", "Nigerian", "Somali", "European", "African", "Arab", "Muslim", "Sunni",
])
def test_demonyms_are_not_places(gazetteer: Gazetteer, word: str) -> None:
    assert gazetteer.lookup(word) == []


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    return 6371 * math.acos(min(1.0, math.sin(p1) * math.sin(p2)
                                + math.cos(p1) * math.cos(p2) * math.cos(dl)))


def test_packaged_rows_lie_where_their_codes_say(gazetteer: Gazetteer) -> None:
    """Each row with a GeoNames admin1 code lies near a gazetteer city of that area, and each
    other row with a country near a city of that country: catches a wrong code or a sign
    slip in the coordinates."""
    by_area: dict[tuple[str | None, str | None], list[tuple[float, float]]] = defaultdict(list)
    for c in gazetteer._places:
        if c.feature == "city" and c.lat is not None and c.lon is not None:
            by_area[(c.country, c.admin1)].append((c.lat, c.lon))
            by_area[(c.country, None)].append((c.lat, c.lon))
    far = []
    for row in read_places_file(REGIONS_FILE, countries=gazetteer.countries):
        if row.country is None or row.feature == "sea":
            continue
        points = by_area.get((row.country, row.admin1), [])
        if not points:
            continue  # no city of 15,000 there (Nunavut, Diego Garcia)
        limit = 60 if row.feature == "landmark" else 900
        nearest = min(_km(row.lat, row.lon, lat, lon) for lat, lon in points)
        if nearest > limit:
            far.append((row.name, row.where, round(nearest)))
    assert far == []


def test_user_places_file_extends_and_replaces(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text(
        "name\talt_names\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tnote\n"
        "Camp Nowhere\tNowhere base\tlandmark\tUKR\t\t48.5\t35.0\t0\ta test base\n"
        "Kremlin\tMoscow Kremlin\tlandmark\tRUS\t48\t55.7525\t37.6175\t0\tmore precise\n",
        encoding="utf-8")
    gaz = Gazetteer.build(places_files=[mine], cache_dir=tmp_path / "cache")
    (camp,) = gaz.lookup("Nowhere base")
    assert (camp.name, camp.country, camp.source) == ("Camp Nowhere", "UKR", "mine.tsv:2")
    (kremlin,) = gaz.lookup("the Kremlin")
    assert (kremlin.lat, kremlin.lon) == (55.7525, 37.6175)
    assert gaz.version.endswith("+user-unversioned")


def test_broken_user_file_stops_the_build(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("name\talt_names\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tnote\n"
                    "Atlantis\t\tlandmark\tATL\t\t0\t0\t0\t\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        Gazetteer.build(places_files=[mine])
    assert (caught.value.code, caught.value.where) == ("E606", f"{mine}:2")


def test_cache_round_trip_and_damaged_cache(gazetteer: Gazetteer, gazetteer_cache: Path,
                                            tmp_path: Path) -> None:
    (cache,) = gazetteer_cache.glob("gazetteer-*.marshal")  # written by the session fixture
    loaded = Gazetteer.build(cache_dir=gazetteer_cache)
    for name in ("Georgia", "Kiev", "the Kremlin", "Victoria"):
        assert loaded.lookup(name) == gazetteer.lookup(name)
    assert (loaded.version, len(loaded)) == (gazetteer.version, len(gazetteer))
    damaged = tmp_path / cache.name
    damaged.write_bytes(b"not a cache")
    rebuilt = Gazetteer.build(cache_dir=tmp_path)
    assert rebuilt.lookup("Georgia") == gazetteer.lookup("Georgia")
    assert damaged.read_bytes() != b"not a cache"  # rewritten, and readable again:
    assert Gazetteer.build(cache_dir=tmp_path).lookup("Kiev") == gazetteer.lookup("Kiev")


def test_unknown_city_list_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as caught:
        Gazetteer.build(min_city_population=2000)
    assert caught.value.code == "E610"
    assert "15000" in caught.value.message

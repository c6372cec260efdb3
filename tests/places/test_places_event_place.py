"""event_place on real parses: where the event happened, when the sentence says so."""

from __future__ import annotations

from typing import Any

import pytest

from dyadline.places import Gazetteer, event_place, find_dateline


def _place(nlp: Any, gazetteer: Gazetteer, text: str, trigger: str, nth: int = 0,
           context: tuple[str, ...] = ()) -> Any:
    doc = nlp(text)
    hits = [t.i for t in doc if t.text == trigger]
    assert len(hits) > nth, f"{trigger!r} is not in {text!r}"
    place = event_place(doc, hits[nth], context_countries=context, gazetteer=gazetteer)
    if place is not None:  # offsets point at the place as written in the body
        assert doc.text[place.start:place.end] == place.text
    return place


@pytest.mark.parametrize(("text", "trigger", "name", "country", "feature"), [
    # a locative phrase on the predicate
    ("Russia attacked targets in Ukraine.", "attacked", "Ukraine", "UKR", "country"),
    ("Protesters clashed with police in Kyiv on Sunday.", "clashed", "Kyiv", "UKR", "city"),
    ("Putin met Macron at the UN headquarters in New York on Tuesday.", "met",
     "United Nations headquarters", "USA", "landmark"),
    ("Police detained dozens of protesters outside the parliament in Minsk.", "detained",
     "Minsk", "BLR", "city"),
    ("Turkish troops clashed with Kurdish fighters near the border with Syria.", "clashed",
     "Syria", "SYR", "country"),
    ("Thousands of Kurds demonstrated in the northern city of Kirkuk on Sunday.",
     "demonstrated", "Kirkuk", "IRQ", "city"),
    ("Prisoners rioted at a jail in East Timor's capital Dili on Monday.", "rioted",
     "Dili", "TLS", "city"),
    ("A bomb exploded in Paris, Texas on Monday.", "exploded", "Paris", "USA", "city"),
    ("A bomb exploded in Paris on Monday.", "exploded", "Paris", "FRA", "city"),
    ("Soldiers fired at targets in Moscow's Red Square.", "fired", "Red Square", "RUS",
     "landmark"),
    ("Merkel met Putin in the Kremlin on Friday.", "met", "Kremlin", "RUS", "landmark"),
    ("Xi held talks with Putin in the Kremlin.", "talks", "Kremlin", "RUS", "landmark"),
    ("Russian jets struck a hospital 10 km south of Idlib.", "struck", "Idlib", "SYR", "city"),
    ("Navalny was sentenced in a Moscow court.", "sentenced", "Moscow", "RUS", "city"),
    ("Police arrested 20 protesters on the streets of Minsk.", "arrested", "Minsk", "BLR",
     "city"),
    ("Iran seized a British tanker in the Strait of Hormuz.", "seized", "Strait of Hormuz",
     None, "sea"),
    ("Russian forces shelled villages in eastern Ukraine in March.", "shelled", "Ukraine",
     "UKR", "country"),
    ("The ministers met in Washington.", "met", "Washington", "USA", "city"),
    ("Israeli jets struck Hamas positions in Gaza overnight.", "struck", "Gaza Strip", "PSE",
     "region"),
    ("Farmers protested in Washington state on Friday.", "protested", "Washington", "USA",
     "admin1"),
    ("Rebels shelled Donetsk on Friday, and troops massed in the Donetsk region.", "massed",
     "Donetsk Oblast", "UKR", "admin1"),
    # an eventive noun, a visit, the subject, the agent
    ("The talks will take place in Geneva next week.", "talks", "Geneva", "CHE", "city"),
    ("The president visited Kabul on Tuesday.", "visited", "Kabul", "AFG", "city"),
    ("During a visit to Beijing, Macron urged Xi to press Russia.", "urged", "Beijing", "CHN",
     "city"),
    ("Protesters in Minsk demanded new elections.", "demanded", "Minsk", "BLR", "city"),
    ("A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier.",
     "killed", "Sāmarrā’", "IRQ", "city"),  # the GeoNames name
    ("Three servicemen were killed by a bomb outside of the Iraqi city of Basra.", "killed",
     "Basrah", "IRQ", "city"),
    ("UN helicopters evacuated the wounded from the besieged town of Gorazde on Friday.",
     "evacuated", "Goražde", "BIH", "city"),
    ("Authorities imposed a curfew in the town of Cizre in southeastern Turkey.", "imposed",
     "Cizre", "TUR", "city"),
    ("Jewish settlers in the West Bank city of Hebron set fire to offices overnight.", "set",
     "Hebron", "PSE", "city"),
])
def test_event_place(nlp: Any, gazetteer: Gazetteer, text: str, trigger: str, name: str,
                     country: str | None, feature: str) -> None:
    place = _place(nlp, gazetteer, text, trigger)
    assert place is not None, f"no place for {trigger!r} in {text!r}"
    assert (place.name, place.country, place.feature) == (name, country, feature)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Russia attacked Ukraine on Monday.", "attacked"),  # a country as actor is not a place
    ("The opposition won in the election.", "won"),
    ("Putin congratulated Biden in a telegram.", "congratulated"),
    ("Biden criticized the war in Syria.", "criticized"),  # the topic, not the place
    ("The United States imposed sanctions on Iran.", "imposed"),
    ("Washington aimed new sanctions at Russia.", "aimed"),
    ("Putin said in Moscow that Russia would respond.", "respond"),  # another clause's place
    ("Putin said in a statement that Russia would respond.", "said"),
    ("He spoke in Russian to reporters.", "spoke"),
    ("The Kremlin said on Monday that talks had failed.", "said"),
    ("Officials met in March to discuss the budget.", "met"),
    ("Russia and Ukraine signed a deal in 2022.", "signed"),
    ("Tehran denounced the attack on its embassy.", "denounced"),
    ("The senators discussed Russia's war in Ukraine.", "discussed"),
    ("MOSCOW (Reuters) - Russia expelled two diplomats. Later, Britain responded.",
     "responded"),  # the dateline is for the first sentence only
])
def test_no_place(nlp: Any, gazetteer: Gazetteer, text: str, trigger: str) -> None:
    assert _place(nlp, gazetteer, text, trigger) is None


@pytest.mark.parametrize(("text", "trigger", "name", "country", "place_text"), [
    ("MOSCOW (Reuters) - Russia expelled two British diplomats on Friday.", "expelled",
     "Moscow", "RUS", "MOSCOW"),
    ("KIEV, Ukraine (AP) — Ukraine's parliament voted on Tuesday to extend martial law.",
     "voted", "Kyiv", "UKR", "KIEV"),
    ("WASHINGTON (Reuters) - A judge in Seattle blocked the order on Saturday.", "blocked",
     "Seattle", "USA", "Seattle"),  # the sentence's own place wins over the dateline
    ("WASHINGTON (Reuters) - The Senate voted on Friday to pass the bill.", "voted",
     "Washington", "USA", "WASHINGTON"),  # a dateline names a city, not Washington state
])
def test_dateline(nlp: Any, gazetteer: Gazetteer, text: str, trigger: str, name: str,
                  country: str, place_text: str) -> None:
    place = _place(nlp, gazetteer, text, trigger)
    assert place is not None
    assert (place.name, place.country, place.text, place.feature) == (
        name, country, place_text, "city")


@pytest.mark.parametrize(("text", "country", "feature"), [
    # the article around the sentence decides which Georgia
    ("Saakashvili spoke in Tbilisi. Thousands rallied in Georgia on Sunday.", "GEO", "country"),
    ("Russian troops moved near Abkhazia. Protesters rallied in Georgia on Sunday.", "GEO",
     "country"),
    ("The candidates met in Atlanta. Thousands rallied in Georgia on Sunday.", "USA", "admin1"),
    ("Thousands rallied in Georgia on Sunday.", "USA", "admin1"),
    ("TBILISI (Reuters) - Thousands rallied in Georgia on Sunday.", "GEO", "country"),
])
def test_georgia_by_article(nlp: Any, gazetteer: Gazetteer, text: str, country: str,
                            feature: str) -> None:
    place = _place(nlp, gazetteer, text, "rallied", nth=text.count("rallied") - 1)
    assert place is not None
    assert (place.name, place.country, place.feature) == ("Georgia", country, feature)


def test_context_countries_pick_tripoli(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "Gunmen clashed in Tripoli overnight."
    assert _place(nlp, gazetteer, text, "clashed").country == "LBY"
    assert _place(nlp, gazetteer, text, "clashed", context=("LBN",)).country == "LBN"


def test_unknown_named_place_is_kept_unresolved(nlp: Any, gazetteer: Gazetteer) -> None:
    place = _place(nlp, gazetteer, "Rebels attacked a convoy in Zzyzxville on Monday.",
                   "attacked")
    if place is not None:  # only when spaCy reads the invented name as a place
        assert (place.feature, place.country, place.lat) == ("unresolved", None, None)
        assert place.text == "Zzyzxville"


@pytest.mark.parametrize(("text", "place", "qualifier"), [
    ("MOSCOW (Reuters) - Russia said", "MOSCOW", None),
    ("NEW YORK, Dec 5 (Reuters) - The", "NEW YORK", None),
    ("KIEV, Ukraine (AP) — The", "KIEV", "Ukraine"),
    ("WASHINGTON — The", "WASHINGTON", None),
    ("BEIJING/SHANGHAI (Reuters) - China", "BEIJING", None),
    ("Moscow (Reuters) - The", "Moscow", None),
])
def test_find_dateline(text: str, place: str, qualifier: str | None) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (found.text, found.qualifier) == (place, qualifier)
    assert text[found.start:found.end] == place


@pytest.mark.parametrize("text", [
    " date 2020-12-15 After six weeks of waiting, Russian President Vladimir congratulated",
    "Russia - the country - said",  # no agency, not in capitals
    "The talks - held in Geneva - failed",
    "",
])
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None

"""The packaged knowledge base: it loads, covers every ISO country, and answers the lookups
the seed article and the press need."""

from __future__ import annotations

import time
from datetime import date

import pycountry
import pytest

from dyadline.actors import KnowledgeBase, load_kb, load_kb_from
from dyadline.settings import load_settings

D = date.fromisoformat


def test_loads_fast_with_a_version() -> None:
    t = time.perf_counter()
    kb = load_kb_from()
    assert time.perf_counter() - t < 5  # well under a second on a quiet machine
    assert kb.version.startswith("actors-")


def test_load_kb_is_cached_per_settings() -> None:
    s = load_settings(environ={})
    assert load_kb(s) is load_kb(s)


def test_every_iso_country_is_known(kb: KnowledgeBase) -> None:
    missing = [c.alpha_3 for c in pycountry.countries if kb.country(c.name) != c.alpha_3
               and c.alpha_3 not in kb.countries]
    assert missing == []
    assert {"PSE", "XKX", "TWN", "HKG"} <= set(kb.countries)


@pytest.mark.parametrize(("text", "iso3"), [
    ("Russia", "RUS"), ("the Russian Federation", "RUS"), ("Russian", "RUS"),
    ("Russians", "RUS"), ("the US", "USA"), ("U.S.", "USA"), ("America", "USA"),
    ("American", "USA"), ("the United States", "USA"), ("Britain", "GBR"), ("UK", "GBR"),
    ("British", "GBR"), ("Britons", "GBR"), ("South Korea", "KOR"), ("North Korea", "PRK"),
    ("DPRK", "PRK"), ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"), ("Burma", "MMR"),
    ("Burmese", "MMR"), ("Chinese", "CHN"), ("Israeli", "ISR"), ("Palestinian", "PSE"),
    ("Palestinians", "PSE"), ("Kosovo", "XKX"), ("Taiwan", "TWN"), ("Hong Kong", "HKG"),
    ("Czechia", "CZE"), ("Türkiye", "TUR"), ("Swiss", "CHE"), ("Dutch", "NLD"),
])
def test_country_names(kb: KnowledgeBase, text: str, iso3: str) -> None:
    assert kb.country(text) == iso3


@pytest.mark.parametrize("text", [
    "Kurdish", "Kurds",   # a people, not a state: never a country code
    "Congo", "Korea",     # two states each: ambiguous.tsv
    "us",                 # the pronoun is not the US: acronyms match in capitals only
    "Arab", "European", "the West",
])
def test_not_a_country(kb: KnowledgeBase, text: str) -> None:
    assert kb.country(text) is None


@pytest.mark.parametrize(("text", "want"), [
    ("the Kremlin", ("RUS", "GOV")), ("the White House", ("USA", "GOV")),
    ("the Pentagon", ("USA", "MIL")), ("Downing Street", ("GBR", "GOV")),
    ("Whitehall", ("GBR", "GOV")), ("the Elysee", ("FRA", "GOV")),
    ("the Élysée", ("FRA", "GOV")), ("Zhongnanhai", ("CHN", "GOV")),
    ("the Blue House", ("KOR", "GOV")), ("Foggy Bottom", ("USA", "GOV")),
    ("Moscow", ("RUS", "GOV")), ("Washington", ("USA", "GOV")), ("Beijing", ("CHN", "GOV")),
    ("Capitol Hill", ("USA", "LEG")),
])
def test_metonyms(kb: KnowledgeBase, text: str, want: tuple[str, str]) -> None:
    assert kb.metonym(text) == want


@pytest.mark.parametrize(("text", "code"), [
    ("the UN", "IGOUNO"), ("the United Nations", "IGOUNO"), ("U.N.", "IGOUNO"),
    ("the U.N. Security Council", "IGOUNO"), ("NATO", "IGONATO"), ("the EU", "IGOEU"),
    ("African Union", "IGOAU"), ("ASEAN", "IGOASEAN"), ("OPEC", "IGOOPEC"),
    ("IAEA", "IGOIAEA"), ("WHO", "IGOWHO"), ("IMF", "IGOIMF"), ("the World Bank", "IGOWB"),
    ("ICC", "IGOICC"), ("OSCE", "IGOOSCE"), ("the Arab League", "IGOARL"), ("OAS", "IGOOAS"),
    ("ECOWAS", "IGOECOWAS"), ("SCO", "IGOSCO"), ("G7", "IGOG7"), ("G20", "IGOG20"),
    ("WTO", "IGOWTO"), ("UNHCR", "IGOUNHCR"), ("UNICEF", "IGOUNICEF"), ("WFP", "IGOWFP"),
    ("the Red Cross", "NGOIRC"), ("Amnesty International", "NGOAMN"),
    ("Human Rights Watch", "NGOHRW"), ("Doctors Without Borders", "NGOMSF"),
    ("CNN", "USAMED"), ("CBS News", "USAMED"), ("Reuters", "GBRMED"), ("the BBC", "GBRMED"),
    ("Bellingcat", "NLDMED"), ("Xinhua", "CHNMED"), ("TASS", "RUSMED"),
    ("Royal United Services Institute", "GBRNGO"), ("Hamas", "PSEREB"),
])
def test_organisations(kb: KnowledgeBase, text: str, code: str) -> None:
    entry = kb.igo(text)
    assert entry is not None and entry.actor_code == code


@pytest.mark.parametrize("text", ["the alliance", "who", "Amnesty officials"])
def test_not_an_organisation(kb: KnowledgeBase, text: str) -> None:
    assert kb.igo(text) is None


def test_dated_organisation(kb: KnowledgeBase) -> None:
    assert kb.igo("Taliban", D("2010-01-01")).sector == "REB"  # type: ignore[union-attr]
    assert kb.igo("Taliban", D("2022-01-01")).sector == "GOV"  # type: ignore[union-attr]


@pytest.mark.parametrize(("term", "sector"), [
    ("official", "GOV"), ("government", "GOV"), ("minister", "GOV"), ("ministry", "GOV"),
    ("president", "GOV"), ("spokesman", "GOV"), ("diplomat", "GOV"), ("ambassador", "GOV"),
    ("envoy", "GOV"), ("administration", "GOV"), ("cabinet", "GOV"), ("authority", "GOV"),
    ("regime", "GOV"), ("army", "MIL"), ("troop", "MIL"), ("soldier", "MIL"),
    ("force", "MIL"), ("military", "MIL"), ("navy", "MIL"), ("general", "MIL"),
    ("commander", "MIL"), ("police", "COP"), ("intelligence", "SPY"), ("spy", "SPY"),
    ("opposition", "OPP"), ("rebel", "REB"), ("insurgent", "REB"), ("militant", "REB"),
    ("court", "JUD"), ("judge", "JUD"), ("prosecutor", "JUD"), ("parliament", "LEG"),
    ("lawmaker", "LEG"), ("senator", "LEG"), ("congress", "LEG"), ("duma", "LEG"),
    ("newspaper", "MED"), ("reporter", "MED"), ("journalist", "MED"), ("tv", "MED"),
    ("company", "BUS"), ("firm", "BUS"), ("bank", "BUS"), ("investor", "BUS"),
    ("people", "CVL"), ("resident", "CVL"), ("villager", "CVL"), ("citizen", "CVL"),
    ("protester", "CVL"), ("student", "EDU"), ("university", "EDU"), ("church", "REL"),
    ("cleric", "REL"), ("imam", "REL"), ("refugee", "REF"), ("president-elect", "ELI"),
    ("hacker", None), ("specialist", None), ("expert", None), ("investigator", None),
    ("election", None), ("cooperation", None),
])
def test_sector_terms(kb: KnowledgeBase, term: str, sector: str | None) -> None:
    assert kb.sector(term) == sector


@pytest.mark.parametrize(("person", "day", "want"), [
    ("vladimir-putin", "2020-12-15", ("RUS", "GOV")),
    ("joe-biden", "2020-10-20", ("USA", "ELI")),    # a candidate, a former vice president
    ("joe-biden", "2020-12-15", ("USA", "ELI")),    # president-elect
    ("joe-biden", "2021-01-20", ("USA", "GOV")),    # inauguration day
    ("donald-trump", "2016-11-09", ("USA", "ELI")),
    ("donald-trump", "2017-01-20", ("USA", "GOV")),
    ("alexei-navalny", "2020-12-15", ("RUS", "OPP")),
    ("dmitry-peskov", "2020-12-15", ("RUS", "GOV")),
])
def test_packaged_people(kb: KnowledgeBase, person: str, day: str,
                         want: tuple[str, str]) -> None:
    assert kb.code_on(person, D(day)) == want


def test_holders_of_the_seed_roles(kb: KnowledgeBase) -> None:
    day = D("2020-12-15")
    assert [p.name for p in kb.holders("RUS", "head_of_state", day)] == ["Vladimir Putin"]
    assert [p.name for p in kb.holders("USA", "president_elect", day)] == ["Joe Biden"]
    assert [p.name for p in kb.holders("RUS", "head_of_state", D("2010-01-01"))] == [
        "Dmitry Medvedev"]


@pytest.mark.parametrize(("text", "homeland"), [
    ("Yoruba", "NGA"), ("Ibo", "NGA"), ("Igbo", "NGA"), ("Chechens", "RUS"),
    ("Rohingya", "MMR"), ("Karen", "MMR"), ("Uyghur", "CHN"), ("Tibetans", "CHN"),
    ("Sinhalese", "LKA"), ("Zulu", "ZAF"), ("Kikuyu", "KEN"), ("Oromo", "ETH"),
    ("Copts", "EGY"), ("Basque", "ESP"), ("Maori", "NZL"),
    # spread over several countries: the text must say where
    ("Kurds", None), ("Kurdish", None), ("Tamils", None), ("Hutu", None), ("Tutsi", None),
    ("Pashtuns", None), ("Shona", None), ("Fulani", None), ("Hausa", None), ("Baloch", None),
    ("Muslims", None), ("Moslem", None), ("Christians", None), ("Shiites", None),
])
def test_groups(kb: KnowledgeBase, text: str, homeland: str | None) -> None:
    from dyadline.actors.text import key

    (hit,) = [h for h in kb.names(key(text)) if h.kind == "group"]
    group = kb.group(hit.value)
    assert group is not None and group.country == homeland
    assert kb.country(text) is None


@pytest.mark.parametrize(("text", "day", "code"), [
    ("UNITA", "2000-01-01", "AGOREB"), ("UNITA", "2005-01-01", "AGOPTY"),
    ("SPLM/A", "2000-01-01", "SDNREB"), ("SPLM", "2008-01-01", "SDNPTY"),
    ("SPLM", "2015-01-01", "SSDPTY"), ("SPLA", "2015-01-01", "SSDMIL"),
    ("ANC", "1990-06-01", "ZAFOPP"), ("ANC", "2000-01-01", "ZAFPTY"),
    ("Revolutionary United Front", "2000-01-01", "SLEREB"), ("NPFL", "1995-01-01", "LBRREB"),
    ("Kefaya", "2005-06-01", "EGYOPP"), ("Kifaya", "2005-06-01", "EGYOPP"),
    ("Forces for Defence of Democracy", "2000-01-01", "BDIREB"),
    ("Islamic Salvation Front", "1995-01-01", "DZAOPP"), ("MEND", "2007-01-01", "NGAREB"),
    ("Karen National Union", "2000-01-01", "MMRREB"), ("Rwandan Patriotic Front", "1993-01-01",
                                                       "RWAREB"),
    ("Rwandan Patriotic Front", "2000-01-01", "RWAPTY"), ("Khmer Rouge", "1977-01-01", "KHMGOV"),
    ("Khmer Rouge", "1985-01-01", "KHMREB"), ("Hezbollah", "2000-01-01", "LBNREB"),
    ("Taliban", "1999-01-01", "AFGGOV"), ("Tamil Tigers", "2000-01-01", "LKAREB"),
])
def test_dated_organisations(kb: KnowledgeBase, text: str, day: str, code: str) -> None:
    entry = kb.igo(text, D(day))
    assert entry is not None and entry.actor_code == code

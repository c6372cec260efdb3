"""Who held which role on which day: spells, former officials, term spans, name lookups."""

from __future__ import annotations

from datetime import date

import pytest

from dyadline.actors import KnowledgeBase
from dyadline.model import DateSpan

D = date.fromisoformat


@pytest.mark.parametrize(("person", "day", "want"), [
    ("ana-vela", "2010-02-28", ("ESP", "")),        # before her first spell: no sector
    ("ana-vela", "2010-03-01", ("ESP", "GOV")),     # first day in office
    ("ana-vela", "2014-02-28", ("ESP", "GOV")),     # last day in office
    ("ana-vela", "2014-03-01", ("ESP", "ELI")),     # the day after: a former official
    ("bruno-kask", "2014-01-09", ("ESP", "")),
    ("bruno-kask", "2014-01-10", ("ESP", "ELI")),   # designate: an elite, not yet government
    ("bruno-kask", "2014-03-01", ("ESP", "GOV")),
    ("eva-lund", "2013-06-01", ("IGO", "IGO")),
    ("eva-lund", "2016-01-01", ("", "ELI")),        # a former IGO head has no country slot
    ("femi-ade", "1990-01-01", ("NGA", "OPP")),     # an open start covers any earlier day
    ("femi-ade", "2019-07-01", ("NGA", "ELI")),
])
def test_code_on_both_sides_of_term_boundaries(test_kb: KnowledgeBase, person: str, day: str,
                                                want: tuple[str, str]) -> None:
    assert test_kb.code_on(person, D(day)) == want


@pytest.mark.parametrize(("country", "role", "day", "want"), [
    ("ESP", "head_of_government", "2014-02-28", ["Ana Vela"]),
    ("ESP", "head_of_government", "2014-03-01", ["Bruno Kask"]),
    ("ESP", "head_of_government", "2009-12-31", []),
    ("NLD", "foreign_minister", "2016-05-04", ["Carla Roos"]),
    ("NLD", "foreign_minister", "2016-05-05", []),
    ("NATO", "igo_head", "2012-01-01", ["Eva Lund"]),
])
def test_holders_on_a_day(test_kb: KnowledgeBase, country: str, role: str, day: str,
                          want: list[str]) -> None:
    assert [p.name for p in test_kb.holders(country, role, D(day))] == want


def test_role_on_prefers_the_highest_office(test_kb: KnowledgeBase) -> None:
    # designate until 2014-02-28 and nothing else: the designate spell
    spell = test_kb.role_on("bruno-kask", D("2014-02-01"))
    assert spell is not None and spell.role == "prime_minister_designate"
    assert test_kb.role_on("bruno-kask", D("2013-01-01")) is None


@pytest.mark.parametrize(("person", "day", "role", "want"), [
    ("ana-vela", "2012-01-01", None, DateSpan(D("2010-03-01"), D("2014-02-28"), "span",
                                              "role_term")),
    ("bruno-kask", "2020-01-01", None, DateSpan(D("2014-03-01"), None, "open", "role_term")),
    ("ana-vela", "2015-01-01", None, None),
    ("bruno-kask", "2014-02-01", "head_of_government", None),
])
def test_term_span(test_kb: KnowledgeBase, person: str, day: str, role: str | None,
                   want: DateSpan | None) -> None:
    assert test_kb.term_span(person, D(day), role) == want


@pytest.mark.parametrize(("name", "want"), [
    ("Carla Roos", ["carla-roos"]),
    ("Carla Roos-Vane", ["carla-roos"]),       # an alias
    ("Roos", ["carla-roos", "dan-roos"]),       # a shared surname: both
    ("Vela", ["ana-vela"]),
    ("Nobody Known", []),
])
def test_people_by_name(test_kb: KnowledgeBase, name: str, want: list[str]) -> None:
    assert sorted(p.person_id for p in test_kb.people(name)) == want


@pytest.mark.parametrize(("text", "day", "want"), [
    ("Roos", "2013-01-01", ["NLDGOV", "BEL"]),  # every reading, each as of the day
    ("Prime Minister", "2012-01-01", [""]),     # a bare title names no country: sector only
    ("Spanish Prime Minister", "2012-01-01", ["ESPGOV"]),
    ("the Spanish Prime Minister", "2015-01-01", ["ESPGOV"]),
])
def test_lookup(test_kb: KnowledgeBase, text: str, day: str, want: list[str]) -> None:
    assert [r.code for r in test_kb.lookup(text, D(day))] == want


def test_lookup_of_a_bare_title_gives_its_sector(test_kb: KnowledgeBase) -> None:
    (r,) = test_kb.lookup("Prime Minister", D("2012-01-01"))
    assert (r.code, r.sector, r.role) == ("", "GOV", "head_of_government")


def test_lookup_names_the_holder(test_kb: KnowledgeBase) -> None:
    (r,) = test_kb.lookup("the Spanish Prime Minister", D("2015-01-01"))
    assert (r.name, r.role) == ("Bruno Kask", "head_of_government")

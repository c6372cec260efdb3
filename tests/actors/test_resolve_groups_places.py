"""Peoples and communities (groups.tsv), evidence of place for actors with no country, cities
as actors, and organisations that changed role: one table of (sentence, phrase, day, expected).

A group spread over several countries gets a country only from the text; so does any group of
people whose sector the words give but whose country they do not."""

from __future__ import annotations

from typing import Any

import pytest

from dyadline.actors import KnowledgeBase

from .test_resolve_phrases import resolve

CASES = [
    # peoples with one homeland: the country; the head noun gives the sector
    ("A group of Yoruba leaders announced that they forgive him.", "Yoruba leaders",
     "2000-01-01", [("NGAELI", None)]),
    ("Ibo traditional elders have demanded control of the ministry.", "Ibo traditional elders",
     "2000-01-01", [("NGAELI", None)]),
    ("Chechen rebels attacked the post.", "Chechen rebels", "2000-01-01", [("RUSREB", None)]),
    ("Uighurs protested on Friday.", "Uighurs", "2000-01-01", [("CHNCVL", None)]),
    ("Coptic Christians protested on Friday.", "Coptic Christians", "2000-01-01",
     [("EGYREL", None)]),
    ("Burmese troops captured part of a Karen guerrilla stronghold.",
     "Karen guerrilla stronghold", "2000-01-01", [("MMRREB", None)]),
    # the text places a people elsewhere than its homeland
    ("Uighurs in Kazakhstan protested on Friday.", "Uighurs in Kazakhstan", "2000-01-01",
     [("KAZCVL", None)]),
    # peoples spread over several countries: nothing without evidence in the text ...
    ("Kurds demanded autonomy.", "Kurds", "2000-01-01", [("", None)]),
    ("The Mozambique government accepted demands from Shona rebels.", "Shona rebels",
     "2000-01-01", [("", None)]),
    ("Shiite Muslims gathered at the shrine.", "Shiite Muslims", "2000-01-01", [("", None)]),
    # ... a demonym, a place phrase, or where their clause happens
    ("Some 800,000 Iraqi Kurds sought refuge in Germany.", "Iraqi Kurds", "2000-01-01",
     [("IRQCVL", None)]),
    ("Kurds in northern Iraq demanded autonomy.", "Kurds in northern Iraq", "2000-01-01",
     [("IRQCVL", None)]),
    ("Tamil refugees in Sri Lanka waited for food.", "Tamil refugees in Sri Lanka",
     "2000-01-01", [("LKAREF", None)]),
    ("Bosnian Serbs demanded a truce.", "Bosnian Serbs", "2000-01-01", [("BIHCVL", None)]),
    ("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", "ethnic Albanians",
     "2000-01-01", [("SRBCVL", None)]),
    ("Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia.",
     "three ethnic Albanians", "2000-01-01", [("SRBCVL", None)]),
    ("One third of ethnic Albanian guerrillas operating in Macedonia have been demobilized.",
     "ethnic Albanian guerrillas", "2000-01-01", [("MKDREB", None)]),
    # travel, meetings and statements say nothing of where a group lives; nor do officials
    ("Kurdish leaders met the envoy in Washington.", "Kurdish leaders", "2000-01-01",
     [("", None)]),
    ("Tamil rebels held talks in Geneva.", "Tamil rebels", "2000-01-01", [("", None)]),
    ("Officials said in Brussels that the talks failed.", "Officials", "2000-01-01",
     [("", None)]),
    # a language, a given name: no people
    ("He spoke to them in Kurdish.", "Kurdish", "2000-01-01", []),
    ("Karen Pierce said the talks failed.", "Karen Pierce", "2020-01-01",
     [("", "Karen Pierce")]),
    # an apposition names the group
    ("The main Hutu rebel group, Forces for Defence of Democracy (FDD), insisted on its demands.",
     "The main Hutu rebel group", "2000-01-01",
     [("BDIREB", "Forces for the Defence of Democracy")]),
    # place phrases of groups with a sector and no country
    ("Tens of thousands of university students throughout Indonesia staged demonstrations.",
     "students throughout Indonesia", "2000-01-01", [("IDNEDU", None)]),
    ("Students staged demonstrations in Jakarta on Saturday.", "Students", "2000-01-01",
     [("IDNEDU", None)]),
    ("Demonstrators at Gaza threw stones.", "Demonstrators at Gaza", "2000-01-01",
     [("PSECVL", None)]),
    ("Palestinians living in the West Bank protested.", "Palestinians", "2000-01-01",
     [("PSECVL", None)]),
    ("The agency will send food to refugees fleeing the civil war in Liberia.", "refugees",
     "2000-01-01", [("LBRREF", None)]),
    ("Thousands of Nigerians from throughout the country converged on Lagos.", "Nigerians",
     "2000-01-01", [("NGACVL", None)]),
    ("Foreign tourists flocked to the beaches in Thailand.", "Foreign tourists", "2000-01-01",
     [("", None)]),
    # cities: the scene of what happens, or what a blockade or shelling acts on, is its people;
    # a capital that speaks or acts is the government; a destination is a place
    ("The president extended the curfew in Abidjan.", "Abidjan", "2000-01-01",
     [("CIVCVL", None)]),
    ("Authorities imposed a curfew in the town of Cizre.", "Cizre", "2000-01-01",
     [("TURCVL", None)]),
    ("French farmers said they would blockade Paris.", "Paris", "2000-01-01",
     [("FRACVL", None)]),
    ("Tehran established diplomatic ties with Colombo.", "Tehran", "2000-01-01",
     [("IRNGOV", None)]),
    ("The minister arrived in Moscow.", "Moscow", "2000-01-01", [("RUS", None)]),
    # organisations, as of the day
    ("UNITA refused to allow the planes to land.", "UNITA", "2000-01-01",
     [("AGOREB", "UNITA")]),
    ("UNITA refused to allow the planes to land.", "UNITA", "2005-01-01",
     [("AGOPTY", "UNITA")]),
    ("The Sudanese government and SPLM/A have agreed to allow access.", "SPLM/A", "2000-01-01",
     [("SDNREB", "Sudan People's Liberation Movement")]),
    ("The SPLM won the vote.", "The SPLM", "2015-01-01",
     [("SSDPTY", "Sudan People's Liberation Movement")]),
    ("He conceded to demands from National Union for the Total Independence of Angola (UNITA).",
     "National Union", "2000-01-01",
     [("AGOREB", "UNITA")]),
    ("Police will not tolerate rallies by the Kifaya group.", "Kifaya", "2005-06-01",
     [("EGYOPP", "Kefaya")]),
    ("The Rwandan Patriotic Front took Kigali.", "The Rwandan Patriotic Front", "1994-07-01",
     [("RWAREB", "Rwandan Patriotic Front")]),
    ("The Rwandan Patriotic Front won the vote.", "The Rwandan Patriotic Front", "2003-09-01",
     [("RWAPTY", "Rwandan Patriotic Front")]),
    # the head of a body is of its sector, not the head of the state
    ("The president of the ANC spoke.", "The president of the ANC", "2000-01-01",
     [("ZAFPTY", None)]),
]


@pytest.mark.parametrize(("text", "phrase", "day", "want"), CASES,
                         ids=[f"{c[1]}@{c[2]}" for c in CASES])
def test_group_place_or_org(nlp: Any, kb: KnowledgeBase, text: str, phrase: str, day: str,
                            want: list[tuple]) -> None:
    assert resolve(nlp, kb, text, phrase, day) == want

"""Resolution of one argument phrase, as the event coder asks for it: names, titles as of the
article's date, countries and sectors from the words, bodies, coordination, non-actors."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dyadline.actors import ArticleActors, KnowledgeBase

D = date.fromisoformat


def head_of(doc: Any, phrase: str) -> int:
    """The token of ``phrase`` (its first occurrence) whose head lies outside it."""
    start = doc.text.index(phrase)
    end = start + len(phrase)
    toks = [t for t in doc if t.idx >= start and t.idx + len(t) <= end]
    inside = {t.i for t in toks}
    return next(t.i for t in reversed(toks) if t.head.i not in inside or t.head.i == t.i)


def resolve(nlp: Any, kb: KnowledgeBase, text: str, phrase: str, day: str) -> list[tuple]:
    doc = nlp(text)
    actors = ArticleActors(doc, D(day), kb).resolve(head_of(doc, phrase))
    return [(a.code, a.name) for a in actors]


CASES = [
    # people: names, surnames, titles with part of a name, role descriptions, term boundaries
    ("Russian President Vladimir congratulated Joe Biden.", "Russian President Vladimir",
     "2020-12-15", [("RUSGOV", "Vladimir Putin")]),
    ("Russian President Vladimir congratulated Joe Biden.", "Joe Biden", "2020-12-15",
     [("USAELI", "Joe Biden")]),
    ("President-elect Biden thanked him.", "President-elect Biden", "2020-12-15",
     [("USAELI", "Joe Biden")]),
    ("President Biden thanked him.", "President Biden", "2021-02-01", [("USAGOV", "Joe Biden")]),
    ("Biden called Russia a threat.", "Biden", "2020-10-20", [("USAELI", "Joe Biden")]),
    ("The Russian President spoke.", "The Russian President", "2010-06-01",
     [("RUSGOV", "Dmitry Medvedev")]),
    ("The Russian President spoke.", "The Russian President", "2013-06-01",
     [("RUSGOV", "Vladimir Putin")]),
    ("The US Secretary of State arrived.", "The US Secretary of State", "2020-12-15",
     [("USAGOV", "Mike Pompeo")]),
    ("The US Secretary of State arrived.", "The US Secretary of State", "2021-02-01",
     [("USAGOV", "Antony Blinken")]),
    ("Kremlin spokesman Peskov responded.", "Kremlin spokesman Peskov", "2020-12-15",
     [("RUSGOV", "Dmitry Peskov")]),
    ("Peskov responded.", "Peskov", "2020-12-15", [("RUSGOV", "Dmitry Peskov")]),
    ("Former President Barack Obama spoke.", "Former President Barack Obama", "2020-12-15",
     [("USAELI", "Barack Obama")]),
    ("Russian opposition leader Alexei Navalny spoke.", "Russian opposition leader Alexei Navalny",
     "2020-12-15", [("RUSOPP", "Alexei Navalny")]),
    # country + sector from nouns and modifiers
    ("Russian hackers attacked the network.", "Russian hackers", "2020-12-15", [("RUS", None)]),
    ("Russian specialists trailed him.", "Russian specialists", "2020-12-15", [("RUS", None)]),
    ("Officials of the US responded.", "Officials of the US", "2020-12-15", [("USAGOV", None)]),
    ("Iraqi troops entered the town.", "Iraqi troops", "2020-12-15", [("IRQMIL", None)]),
    ("The Iranian foreign ministry protested.", "The Iranian foreign ministry", "2020-12-15",
     [("IRNGOV", None)]),
    ("Ukraine's military said it shot down a drone.", "Ukraine's military", "2020-12-15",
     [("UKRMIL", None)]),
    ("Palestinian militants fired rockets.", "Palestinian militants", "2020-12-15",
     [("PSEREB", None)]),
    ("Afghan rebel leaders met the envoy.", "Afghan rebel leaders", "2020-12-15",
     [("AFGREB", None)]),
    ("Rebels in the Ivory Coast rejected the plan.", "Rebels in the Ivory Coast", "2020-12-15",
     [("CIVREB", None)]),
    ("Protesters in Minsk marched on Sunday.", "Protesters in Minsk", "2020-12-15",
     [("BLRCVL", None)]),
    ("Thousands of Nigerians marched.", "Thousands of Nigerians", "2020-12-15",
     [("NGACVL", None)]),
    ("Ethnic Albanians in Serbia marched.", "Ethnic Albanians in Serbia", "2020-12-15",
     [("SRBCVL", None)]),
    # coordination
    ("Senior Hungarian and Romanian officials agreed.", "Senior Hungarian and Romanian officials",
     "2020-12-15", [("HUNGOV", None), ("ROUGOV", None)]),
    ("Russia and the US agreed.", "Russia", "2020-12-15", [("RUS", None), ("USA", None)]),
    # seats of power, capitals, organisations, outlets
    ("The Kremlin said it would wait.", "The Kremlin", "2020-12-15", [("RUSGOV", None)]),
    ("Moscow rejected the offer.", "Moscow", "2020-12-15", [("RUSGOV", None)]),
    ("The minister arrived in Moscow.", "Moscow", "2020-12-15", [("RUS", None)]),
    ("The UN Security Council met.", "The UN Security Council", "2020-12-15",
     [("IGOUNO", "United Nations")]),
    ("CNN reported the story.", "CNN", "2020-12-15", [("USAMED", "CNN")]),
    ("Amnesty International said so.", "Amnesty International", "2020-12-15",
     [("NGOAMN", "Amnesty International")]),
    ("The Taliban attacked the post.", "The Taliban", "2010-01-01", [("AFGREB", "Taliban")]),
    ("The Taliban attacked the post.", "The Taliban", "2022-01-01", [("AFGGOV", "Taliban")]),
    ("Israel's Cabinet met.", "Israel's Cabinet", "2020-12-15", [("ISRGOV", None)]),
    ("The Obama administration objected.", "The Obama administration", "2020-12-15",
     [("USAGOV", None)]),
    # people the knowledge base does not know: name kept, code only from the text
    ("Jane Doakes said the talks failed.", "Jane Doakes", "2020-12-15", [("", "Jane Doakes")]),
    ("British diplomat Jane Doakes said so.", "British diplomat Jane Doakes", "2020-12-15",
     [("GBRGOV", "Jane Doakes")]),
    ("The director-general of the Royal United Services Institute, Karin von Hippel, said so.",
     "The director-general", "2020-12-15", [("GBRNGO", "Karin von Hippel")]),
    ("U.S. District Judge James Robart ruled.", "U.S. District Judge James Robart",
     "2017-12-24", [("USAJUD", "James Robart")]),
    ("Russian President Boris Yeltsin hosted him.", "Russian President Boris Yeltsin",
     "1997-06-01", [("RUSGOV", "Boris Yeltsin")]),   # not in the people files: from the text
    # a generational suffix: the son is not the father; a known 'Jr.' is found either way
    ("Donald Trump Jr. met the lawyer.", "Donald Trump Jr.", "2017-07-12",
     [("", "Donald Trump Jr.")]),
    ("Trump Jr. met the lawyer.", "Trump Jr.", "2017-07-12", [("", "Trump Jr.")]),
    ("Marcos Jr. met the envoy.", "Marcos Jr.", "2023-07-12",
     [("PHLGOV", "Ferdinand Marcos Jr.")]),
    ("Marcos met the envoy.", "Marcos", "2023-07-12", [("PHLGOV", "Ferdinand Marcos Jr.")]),
    ("King Charles III met the envoy.", "King Charles III", "2023-07-12",
     [("GBRGOV", "Charles III")]),
    # not actors, or not codable without guessing
    ("The talks began in May.", "May", "2017-12-24", []),   # a month, not Theresa May
    ("The election was close.", "The election", "2020-12-15", []),
    ("Cooperation grew.", "Cooperation", "2020-12-15", []),
    ("A number of leaders congratulated him.", "A number of leaders", "2020-12-15",
     [("", None)]),
    ("Congo rejected the plan.", "Congo", "2020-12-15", []),
]


@pytest.mark.parametrize(("text", "phrase", "day", "want"), CASES,
                         ids=[f"{c[1]}@{c[2]}" for c in CASES])
def test_phrase(nlp: Any, kb: KnowledgeBase, text: str, phrase: str, day: str,
                want: list[tuple]) -> None:
    assert resolve(nlp, kb, text, phrase, day) == want


def test_a_body_of_an_igo_keeps_the_igo_code_with_its_sector(nlp: Any,
                                                              kb: KnowledgeBase) -> None:
    doc = nlp("UN peacekeepers left the town.")
    (a,) = ArticleActors(doc, D("2020-12-15"), kb).resolve(head_of(doc, "UN peacekeepers"))
    assert (a.code, a.country, a.org, a.sector) == ("IGOUNO", "IGO", "UNO", "MIL")


def test_offsets_and_text_are_the_mention_as_written(nlp: Any, kb: KnowledgeBase) -> None:
    text = "On Tuesday, Kremlin spokesman Peskov responded."
    doc = nlp(text)
    (a,) = ArticleActors(doc, D("2020-12-15"), kb).resolve(head_of(doc, "Peskov"))
    assert text[a.start:a.end] == a.text == "Kremlin spokesman Peskov"
    assert a.basis.startswith("kb:")


def test_a_first_name_the_kb_does_not_pair_with_a_surname_is_someone_else(
        nlp: Any, kb: KnowledgeBase) -> None:
    doc = nlp("Trump campaign adviser George Papadopoulos met them. Papadopoulos left.")
    aa = ArticleActors(doc, D("2017-12-30"), kb)
    names = {a.name for i in (head_of(doc, "George Papadopoulos"), len(doc) - 3)
             for a in aa.resolve(i)}
    assert names == {"George Papadopoulos"}
    assert all(a.name != "Tassos Papadopoulos" for a in aa.mentions)


def test_a_name_after_a_body_noun_names_that_body(nlp: Any, kb: KnowledgeBase) -> None:
    doc = nlp("The company hired law firm Sidley Austin.")
    (a,) = ArticleActors(doc, D("2019-04-28"), kb).resolve(head_of(doc, "Sidley Austin"))
    assert (a.code, a.name, a.sector, a.basis) == ("", "Sidley Austin", "BUS", "text:named-body")


def test_modifiers_of_a_non_actor_noun(nlp: Any, kb: KnowledgeBase) -> None:
    """'a CNN-Bellingcat investigation': the outlets are named, marked basis 'modifier'."""
    got = ArticleActors(doc := nlp("A CNN-Bellingcat investigation found them."), D("2020-12-15"),
                        kb).resolve(head_of(doc, "investigation"))
    assert [(a.code, a.name, a.basis) for a in got] == [
        ("USAMED", "CNN", "modifier"), ("NLDMED", "Bellingcat", "modifier")]

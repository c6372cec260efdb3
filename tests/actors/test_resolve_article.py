"""Resolution that needs the article so far: pronouns, bare titles, names met before, flags."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dyadline.actors import ArticleActors, KnowledgeBase

D = date.fromisoformat


def nth(doc: Any, word: str, n: int = 1) -> int:
    return [t.i for t in doc if t.text == word][n - 1]


CASES = [
    ("Vladimir Putin spoke on Tuesday. He said Russia was ready.", "He", 1, "2020-12-15",
     [("RUSGOV", "Vladimir Putin")]),
    ("Joe Biden met Jane Holm. She said the talks went well.", "She", 1, "2020-12-15",
     [("", "Jane Holm")]),                                       # she: not Joe Biden
    ("Joe Biden won. Vladimir Putin praised him.", "him", 1, "2020-12-15",
     [("USAELI", "Joe Biden")]),                                 # him: not the subject
    ("The Kremlin said they would wait for the results.", "they", 1, "2020-12-15",
     [("RUSGOV", None)]),
    ("The report was published on Monday. It said Russia was to blame.", "It", 1,
     "2020-12-15", []),                                          # it: the report, no actor
    ("Joe Biden won. Vladimir Putin congratulated the President-elect.", "elect", 1,
     "2020-12-15", [("USAELI", "Joe Biden")]),                   # the title holder mentioned
    ("Russia held talks. The president said he was ready.", "president", 1, "2013-06-01",
     [("RUSGOV", "Vladimir Putin")]),                            # the country in focus
    ("Officials in Kenya met. The government said it would act.", "government", 1,
     "2020-12-15", [("KENGOV", None)]),
    ("Joe Biden spoke in October. Biden said Russia was a threat.", "Biden", 2, "2020-12-15",
     [("USAELI", "Joe Biden")]),                                 # a surname met before
    ("Jane Holm, a British diplomat, arrived. Holm said little.", "Holm", 2, "2020-12-15",
     [("GBRGOV", "Jane Holm")]),                                 # an unknown name met before
    ("The main political opponent of Putin, the opposition leader of Alexey Navalny, spoke.",
     "opponent", 1, "2020-12-15", [("RUSOPP", "Alexei Navalny")]),
]


@pytest.mark.parametrize(("text", "word", "n", "day", "want"), CASES,
                         ids=[f"{c[1]}#{c[2]}:{c[0][:30]}" for c in CASES])
def test_in_context(nlp: Any, kb: KnowledgeBase, text: str, word: str, n: int, day: str,
                    want: list[tuple]) -> None:
    doc = nlp(text)
    got = ArticleActors(doc, D(day), kb).resolve(nth(doc, word, n))
    assert [(a.code, a.name) for a in got] == want


def test_pronoun_basis_names_the_antecedent(nlp: Any, kb: KnowledgeBase) -> None:
    doc = nlp("Vladimir Putin spoke. He said so.")
    (a,) = ArticleActors(doc, D("2020-12-15"), kb).resolve(nth(doc, "He"))
    assert a.basis == "pronoun:Vladimir Putin"
    assert (a.text, doc.text[a.start:a.end]) == ("He", "He")


def test_contradiction_is_flagged_and_the_kb_reading_kept(nlp: Any, kb: KnowledgeBase) -> None:
    doc = nlp("Russia tried to kill opposition leaders, just like the attempt with Serbia's "
              "Navalny.")
    aa = ArticleActors(doc, D("2020-12-15"), kb)
    (a,) = aa.resolve(nth(doc, "Navalny"))
    assert (a.code, a.name) == ("RUSOPP", "Alexei Navalny")
    (flag,) = aa.flags
    assert flag.kind == "contradiction"
    assert flag.mention == "Serbia's Navalny"
    assert flag.readings == ("RUSOPP (knowledge base)", "SRB (text)")
    assert doc.text[flag.start:flag.end] == flag.mention  # type: ignore[misc]


@pytest.mark.parametrize("text", [
    "Russian opposition leader Alexei Navalny spoke.",
    "In his 60-minute interview in late October, Biden tagged Russia as a threat.",
    "US President Donald Trump met Vladimir Putin.",
])
def test_no_flag_without_a_contradiction(nlp: Any, kb: KnowledgeBase, text: str) -> None:
    assert ArticleActors(nlp(text), D("2020-12-15"), kb).flags == []


def test_mentions_in_order_once_each(nlp: Any, kb: KnowledgeBase) -> None:
    doc = nlp("Russia and the US agreed. Kremlin spokesman Peskov said they would talk.")
    got = [(a.text, a.code) for a in ArticleActors(doc, D("2020-12-15"), kb).mentions]
    assert got == [("Russia", "RUS"), ("the US", "USA"),
                   ("Kremlin spokesman Peskov", "RUSGOV"), ("they", "RUS"), ("they", "USA")]


def test_no_date_codes_from_the_text_alone(nlp: Any, kb: KnowledgeBase) -> None:
    doc = nlp("President Putin spoke. Joe Biden listened.")
    aa = ArticleActors(doc, None, kb)
    assert [(a.code, a.name) for a in aa.resolve(nth(doc, "Putin"))] == [
        ("RUSGOV", "Vladimir Putin")]
    assert [(a.code, a.name) for a in aa.resolve(nth(doc, "Biden"))] == [("USA", "Joe Biden")]


MENTION_CASES = [
    # dates are no actors, though GeoNames lists 'Jan' and 'Nov' among cities' other names
    ("The vote is set for Jan. 16 and for Nov. 3.", []),
    ("Women's Day falls on a Wednesday.", []),
    # a name the parser swept into a date is still read ('Monday in Magnitogorsk')
    ("A building collapsed on Monday in Magnitogorsk.", [("Magnitogorsk", "RUSCVL")]),
    # a surname met before is read even when the parser calls it a date
    ("Theresa May spoke in London. May said Britain would leave.",
     [("Theresa May", "GBRGOV"), ("London", "GBR"), ("May", "GBRGOV"), ("Britain", "GBR")]),
    # a number counting a noun is no actor of its own ('33-year-old')
    ("Police arrested a 33-year-old man.", []),
    # news-style state abbreviations and the District of Columbia
    ("WASHINGTON, D.C. and Miami, Fla. voted.", [("WASHINGTON", "USAGOV"), ("D.C.", "USA"),
                                               ("Miami", "USA"), ("Fla.", "USA")]),
]


@pytest.mark.parametrize(("text", "want"), MENTION_CASES, ids=[c[0][:40] for c in MENTION_CASES])
def test_mentions(nlp: Any, kb: KnowledgeBase, text: str, want: list[tuple]) -> None:
    got = ArticleActors(nlp(text), D("2019-01-05"), kb).mentions
    assert [(a.text, a.code) for a in got] == want

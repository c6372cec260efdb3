"""Slightly misspelt names resolve when exactly one known name is that close; nothing else."""

from __future__ import annotations

import pytest

from dyadline.actors import load_kb
from dyadline.actors.text import key

CASES = [
    ("Ethopia", "country", "ETH"),
    ("Afganistan", "country", "AFG"),
    ("Phillippines", "country", "PHL"),
    ("Quatar", "country", "QAT"),
    ("Bouteflicka", "surname", "abdelaziz-bouteflika"),
    ("Laurent Gbago", "person", "laurent-gbagbo"),
    # not names, or too far from any: nothing
    ("Minister", "country", None),
    ("Council", "surname", None),
    ("Sontas", "surname", None),
    ("Iraq", "country", None),  # too short to guess at
    ("Assadi", "surname", None),  # a name of its own, not Assad with a typo
]


@pytest.mark.parametrize(("text", "kind", "expected"), CASES, ids=[c[0] for c in CASES])
def test_misspelt(text: str, kind: str, expected: str | None) -> None:
    hits = load_kb().misspelt(key(text), frozenset({kind}))
    assert (hits[0].value if hits else None) == expected


@pytest.mark.parametrize(("sentence", "code"), [
    ("Ethopia has agreed to re-open its borders to UN peacekeepers.", "ETH"),
    ("President Abdelaziz Bouteflicka threatened to institute a curfew in Algiers.", "DZAGOV"),
])
def test_misspelt_names_resolve_in_a_sentence(nlp, sentence: str, code: str) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from dyadline.actors import ArticleActors

    doc = nlp(sentence)
    actors = ArticleActors(doc, date(2005, 6, 1), load_kb())
    assert code in {a.code for a in actors.mentions}


@pytest.mark.parametrize(("sentence", "name"), [
    ("Peter said the talks had failed.", "Peter"),        # not Winston Peters
    ("Kennedy said the talks had failed.", "Kennedy"),    # not Jason Kenney
    ("Anderson said the talks had failed.", "Anderson"),  # not Magdalena Andersson
])
def test_a_word_the_parser_knows_is_no_misspelt_name(nlp, sentence: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """Only a name the parser's vocabulary does not know is read as a misspelling of a known
    person: common names are other people."""
    from datetime import date

    from dyadline.actors import ArticleActors

    doc = nlp(sentence)
    actors = ArticleActors(doc, date(2017, 6, 1), load_kb()).resolve(0)
    assert [(a.code, a.name) for a in actors] == [("", name)]


def test_an_ambiguous_name_is_never_read_as_a_misspelling(nlp) -> None:  # type: ignore[no-untyped-def]
    """'Georgia' (the state or the country) is not a misspelt 'Georgian'."""
    from datetime import date

    from dyadline.actors import ArticleActors

    doc = nlp("Georgia voters backed him. Officials in Georgia counted the votes.")
    assert all(a.country != "GEO" for a in ArticleActors(doc, date(2017, 6, 1),
                                                          load_kb()).mentions)

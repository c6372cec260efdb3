"""The seed article's reading (../shared/acceptance/seed.yaml): its resolutions and flags hold,
and the actors of its expected events resolve as the coders read them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from dyadline.actors import ArticleActors, KnowledgeBase


@pytest.fixture(scope="module")
def seed(shared: Path, nlp: Any, kb: KnowledgeBase) -> tuple[dict, Any, ArticleActors]:
    spec = yaml.safe_load((shared / "acceptance" / "seed.yaml").read_text(encoding="utf-8"))
    text = (shared / "acceptance" / spec["article"]).read_text(encoding="utf-8")
    doc = nlp(text)
    return spec, doc, ArticleActors(doc, spec["published"], kb)


def _found(aa: ArticleActors, mention: str) -> list:
    return [a for a in aa.mentions if mention.lower() in a.text.lower()]


def test_published_is_a_date(seed: tuple) -> None:
    assert isinstance(seed[0]["published"], date)


def test_resolutions(seed: tuple) -> None:
    spec, _doc, aa = seed
    for res in spec["resolutions"]:
        found = _found(aa, res["mention"])
        assert found, res["mention"]
        want = res["resolves_to"]
        got = found[0]
        if isinstance(want, str):
            assert got.name == want, (res["mention"], got)
        else:
            assert (got.country, got.sector) == (want["country"], want["sector"])


def test_flags(seed: tuple) -> None:
    spec, _doc, aa = seed
    for fl in spec["flags"]:
        hits = [f for f in aa.flags if fl["mention"].lower() in f.mention.lower()]
        if fl["kind"] == "none_required":
            assert hits == [], fl
        else:
            assert [f.kind for f in hits] == [fl["kind"]], fl


@pytest.mark.parametrize(("phrase", "n", "code", "name"), [
    ("Vladimir", 1, "RUSGOV", "Vladimir Putin"),         # Russian President Vladimir
    ("Biden", 1, "USAELI", "Joe Biden"),                 # Joe Biden, president-elect that day
    ("elect", 2, "USAELI", "Joe Biden"),                 # wished the President-elect
    ("he", 1, "RUSGOV", "Vladimir Putin"),               # he is ready for cooperation
    ("elect", 3, "USAELI", "Joe Biden"),                 # contacts with the President-elect
    ("specialists", 1, "RUS", None),                     # Russian specialists who trailed
    ("hackers", 1, "RUS", None),
    ("they", 4, "RUSGOV", None),                         # they congratulated ... Trump (2016)
    ("Trump", 1, "USAGOV", "Donald Trump"),
    ("Peskov", 1, "RUSGOV", "Dmitry Peskov"),
    ("CBS", 1, "USAMED", "CBS News"),
])
def test_event_actors(seed: tuple, phrase: str, n: int, code: str, name: str | None) -> None:
    _spec, doc, aa = seed
    i = [t.i for t in doc if t.text == phrase][n - 1]
    head = doc[i].head.i if doc[i].dep_ == "compound" and doc[i].head.pos_ == "PROPN" else i
    got = aa.resolve(head)
    assert got and (got[0].code, got[0].name) == (code, name)


def test_must_not(seed: tuple) -> None:
    _spec, doc, aa = seed
    assert not any(a.country == "SRB" and a.name for a in aa.mentions)  # Navalny is no Serb
    leaders = next(t.i for t in doc if t.text == "number")
    assert all(not a.country for a in aa.resolve(leaders))  # 'a number of leaders'

"""Stable ids from content or from the input, and the cheap English check."""

from __future__ import annotations

import hashlib

import pytest

from dyadline.articles import article_id, content_hash, english_ratio
from dyadline.articles.language import MIN_WORDS


def test_content_hash_is_sha256_of_the_normalised_body() -> None:
    body = "  Putin  congratulated\nBiden.\n\n"
    assert content_hash(body) == hashlib.sha256(b"Putin congratulated Biden.").hexdigest()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Putin congratulated Biden.", "Putin  congratulated\n\nBiden.\n", True),
        ("Putin congratulated Biden.", "\tPutin congratulated Biden.", True),
        ("Putin congratulated Biden.", "Putin congratulated Biden!", False),
        ("Putin congratulated Biden.", "putin congratulated Biden.", False),
    ],
)
def test_content_hash_ignores_only_whitespace(a: str, b: str, same: bool) -> None:
    assert (content_hash(a) == content_hash(b)) is same


@pytest.mark.parametrize(
    ("body", "record_id", "expected"),
    [
        ("Some text.", None, content_hash("Some text.")[:16]),
        ("Some text.", "", content_hash("Some text.")[:16]),
        ("Some text.", "   ", content_hash("Some text.")[:16]),
        ("Some text.", "reuters-0001", "reuters-0001"),
        ("Some text.", " reuters-0001 ", "reuters-0001"),
    ],
)
def test_article_id(body: str, record_id: str | None, expected: str) -> None:
    assert article_id(body, record_id) == expected


def test_article_id_is_a_known_value() -> None:
    # pinned: a change here changes every stored id
    assert article_id("Putin congratulated Biden.") == hashlib.sha256(
        b"Putin congratulated Biden.").hexdigest()[:16]


ENGLISH = ("Russian President Vladimir Putin congratulated Joe Biden on his victory in the "
           "presidential election on Tuesday, the Kremlin said, after waiting for the official "
           "results to be released by the Electoral College.")


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (ENGLISH, "english"),
        (ENGLISH * 20, "english"),
        ("Le président de la République a annoncé mardi que le gouvernement allait présenter un "
         "nouveau projet de loi sur les retraites, malgré les protestations des syndicats qui ont "
         "appelé à la grève dans tout le pays.", "other"),
        ("Die Bundeskanzlerin hat am Dienstag in Berlin erklärt, dass die Regierung an ihrem Plan "
         "festhalten werde, obwohl die Opposition im Bundestag scharfe Kritik an dem Vorhaben "
         "geäußert hat, wie ein Sprecher mitteilte.", "other"),
        ("El presidente del Gobierno anunció el martes que el consejo de ministros aprobará una "
         "nueva ley sobre la vivienda, a pesar de las críticas de la oposición y de los sindicatos "
         "en todo el país.", "other"),
        ("Президент России Владимир Путин поздравил Джо Байдена с победой на выборах президента "
         "США во вторник, сообщили в Кремле, после того как коллегия выборщиков утвердила "
         "официальные итоги голосования в стране.", "other"),
        ("中国国家主席习近平于周一抵达莫斯科开始对俄罗斯进行国事访问这是他连任后的首次出访", "other"),
        ("Putin congratulated Biden.", "too short"),  # under MIN_WORDS: not judged
        ("", "too short"),
    ],
)
def test_english_ratio(text: str, verdict: str) -> None:
    ratio, words = english_ratio(text)
    if verdict == "too short":
        assert ratio is None and words < MIN_WORDS
    elif verdict == "english":
        assert ratio is not None and ratio >= 0.9
    else:
        assert ratio is not None and ratio < 0.5


def test_english_ratio_on_real_news(shared) -> None:
    import json

    ratios = []
    for name in ("reuters2017_politics.jsonl", "wikinews_2019_2020.jsonl"):
        with open(shared / "corpus" / name, encoding="utf-8") as fh:
            ratios += [english_ratio(json.loads(line)["text"])[0] for line in fh]
    assert all(r is not None and r >= 0.5 for r in ratios)  # no real English article refused

"""Builders of coded articles for the store tests (fakes at the seam: no NLP involved)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from dyadline.model import (
    Actor,
    Article,
    Attribution,
    CodedArticle,
    DateSpan,
    Event,
    Evidence,
    Flag,
    Place,
)

# Our own sentences, one per fake event; the writer does not read them, the text queries do.
SENTENCES = {
    "040": "The Russian foreign minister met his American counterpart in Vienna.",
    "042": "The Russian delegation travelled to Washington for talks.",
    "051": "Moscow praised the American decision to extend the treaty.",
    "112": "Kyiv accused Moscow of violating the ceasefire along the front.",
    "190": "Russian artillery shelled Ukrainian positions near the river.",
    "193": "Ukrainian forces fought Russian troops outside the town.",
    "036": "Beijing said it was ready to meet Washington at any time.",
}

QUADS = {"04": (1, 1.0), "05": (1, 3.5), "03": (1, 4.0), "11": (3, -2.0), "19": (4, -10.0)}


def actor(code: str, name: str | None = None, text: str | None = None) -> Actor:
    country = code[:3] if code else None
    sector = code[3:6] or None if code else None
    return Actor(code=code, country=country, sector=sector, name=name,
                 text=text or name or code.lower(), start=0, end=5, basis="test")


def event(source: str = "RUSGOV", target: str = "USAGOV", cameo: str = "040",
          start: date | None = date(2021, 6, 16), end: date | None = date(2021, 6, 16),
          granularity: str = "day", modality: tuple[str, ...] = (), *,
          article_id: str = "", said_by: str | None = None, place: str | None = None,
          source_name: str | None = None, confidence: float = 0.8) -> Event:
    quad, goldstein = QUADS.get(cameo[:2], (1, 0.0))
    sentence = SENTENCES.get(cameo, "Officials held talks on the matter.")
    return Event(
        article_id=article_id,
        source=actor(source, source_name) if source is not None else None,
        target=actor(target) if target is not None else None,
        cameo=cameo, quad_class=quad, goldstein=goldstein, plover="CONSULT",
        date=DateSpan(start, end, granularity, "explicit"),
        evidence=Evidence(sentence, 0, len(sentence)),
        trigger=Evidence(sentence.split()[3], 0, 4),
        said_by=Attribution(said_by, 0, len(said_by)) if said_by else None,
        modality=modality, confidence=confidence,
        place=Place(place, place[:3].upper(), None, None, "city", place, 0, 3) if place else None,
        rule="test-rule", lexicon_entry=f"test:{cameo}", coder_version="test-1",
        lexicon_version="lex-1", actors_version="act-1",
    )


def body_for(seed: str, words: int = 120) -> str:
    """A deterministic body of distinct-looking words (our own filler)."""
    vocab = ["minister", "talks", "border", "treaty", "troops", "statement", "capital",
             "envoy", "sanctions", "council", "agreement", "officials", "region", "forces",
             "meeting", "spokesman", "parliament", "election", "ceasefire", "delegation"]
    h = sum(ord(c) * (i + 1) for i, c in enumerate(seed))
    out = []
    for i in range(words):
        h = (h * 1103515245 + 12345) % (2**31)
        out.append(vocab[h % len(vocab)] + ("." if i % 12 == 11 else ""))
    return f"{seed}: " + " ".join(out)


def coded(aid: str, events: tuple[Event, ...] = (), *, body: str | None = None,
          url: str | None = None, source: str | None = "Example Post",
          published: date | None = date(2021, 6, 17), flags: tuple[Flag, ...] = (),
          mentions: tuple[Actor, ...] = (), error: str | None = None) -> CodedArticle:
    text = body if body is not None else body_for(aid)
    art = Article(id=aid, body=text, published=published, title=f"Title {aid}", url=url,
                  source=source, origin=f"test.jsonl:{aid}")
    evs = tuple(replace(e, article_id=aid) for e in events)
    return CodedArticle(art, events=evs, flags=flags, mentions=mentions,
                        sentences=((0, min(len(text), 40)),), error=error)


@pytest.fixture
def ev() -> Callable[..., Event]:
    """The event builder (tests do not import conftest)."""
    return event


@pytest.fixture
def art() -> Callable[..., CodedArticle]:
    """The coded-article builder."""
    return coded


@pytest.fixture
def body() -> Callable[..., str]:
    return body_for

"""Fakes for the export tests: coded articles built here and written with ``Store.write``
(no NLP involved). The sentences are our own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta

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
from dyadline.store import Store

# cameo -> (quad class, Goldstein, PLOVER, sentence)
CODES = {
    "040": (1, 1.0, "CONSULT", "The Russian foreign minister met his American counterpart."),
    "051": (1, 3.5, "COOPERATE", "Moscow praised the American decision to extend the treaty."),
    "061": (2, 6.4, "COOPERATE", "The two governments agreed to share data on the outbreak."),
    "112": (3, -2.0, "ACCUSE", "Washington accused Moscow of meddling in the vote."),
    "163": (3, -8.0, "SANCTION", "The United States imposed an embargo on Russian oil."),
    "190": (4, -10.0, "FIGHT", "Russian artillery shelled positions near the river."),
}

SENT_GAP = 120  # characters between the sentences of a fake body


def actor(code: str, name: str | None = None, start: int = 0) -> Actor:
    if not code:
        return Actor(code="", country=None, sector=None, name=None, text="unnamed officials",
                     start=start, end=start + 17, basis="unresolved")
    country = code[:3]
    sector = code[3:6] or None
    org = code[3:] if country == "IGO" else None
    text = name or code.lower()
    return Actor(code=code, country=country, sector=None if org else sector, name=name,
                 text=text, start=start, end=start + len(text), basis="test", org=org)


def event(source: str | None = "RUSGOV", target: str | None = "USAGOV", cameo: str = "040",
          start: date | None = date(2021, 6, 16), end: date | None = date(2021, 6, 16),
          granularity: str = "day", *, modality: tuple[str, ...] = (), at: int = 0,
          place: Place | None = None, said_by: Attribution | None = None,
          source_name: str | None = None, confidence: float = 0.8,
          date_text: str | None = "on Wednesday") -> Event:
    quad, goldstein, plover, sentence = CODES[cameo]
    return Event(
        article_id="",
        source=actor(source, source_name, at) if source is not None else None,
        target=actor(target, None, at + 30) if target is not None else None,
        cameo=cameo, quad_class=quad, goldstein=goldstein, plover=plover,
        date=DateSpan(start, end, granularity, "explicit"),
        evidence=Evidence(sentence, at, at + len(sentence)),
        trigger=Evidence(sentence.split()[3], at + 5, at + 5 + len(sentence.split()[3])),
        said_by=said_by, modality=modality, confidence=confidence, place=place,
        plover_mode=None, rule="test-rule", lexicon_entry=f"test:{cameo}", date_text=date_text,
        coder_version="test-1", lexicon_version="lex-1", actors_version="act-1",
    )


def body_with(aid: str, events: tuple[Event, ...], paragraphs: int = 3) -> str:
    """A body holding each event's sentence at its offsets, in paragraphs of our own words."""
    length = max([e.evidence.end for e in events] + [SENT_GAP * paragraphs]) + 40
    chars = list((f"Report {aid}. " + "Officials spoke at length about other matters. " * 400)
                 [:length])
    for e in events:
        chars[e.evidence.start:e.evidence.end] = e.evidence.text
    # a paragraph break after the first SENT_GAP characters: the lead paragraph
    chars[SENT_GAP - 2:SENT_GAP] = "\n\n"
    return "".join(chars) + f" (report {aid})"


def coded(aid: str, events: tuple[Event, ...] = (), *, url: str | None = None,
          source: str | None = "Example Post", published: date | None = date(2021, 6, 17),
          flags: tuple[Flag, ...] = (), error: str | None = None) -> CodedArticle:
    text = body_with(aid, events)
    art = Article(id=aid, body=text, published=published, title=f"Title {aid}", url=url,
                  source=source, origin=f"test.jsonl:{aid}")
    evs = tuple(replace(e, article_id=aid) for e in events)
    return CodedArticle(art, events=evs, flags=flags, error=error,
                        sentences=tuple((e.evidence.start, e.evidence.end) for e in evs))


def rich_articles() -> list[CodedArticle]:
    """A small database's worth: every optional field used somewhere, two reports merged."""
    kremlin = Attribution("a Kremlin readout", 0, 17, actor("RUSGOV", "Kremlin"))
    moscow = Place("Moscow", "RUS", 55.7522, 37.6156, "city", "Moscow", 10, 16, 524901)
    texas = Place("Texas", "USA", 31.25, -99.25, "admin1", "Texas", 10, 15, None)
    ukraine = Place("Ukraine", "UKR", 49.0, 32.0, "country", "Ukraine", 10, 17, 690791)
    return [
        coded("a1", (event(source_name="Vladimir Putin", said_by=kremlin, place=moscow),
                     event("USAGOV", "RUSGOV", "112", date(2021, 7, 1), date(2021, 7, 31),
                           "month", at=SENT_GAP + 50, modality=("attributed",))),
              url="https://news.example/a1"),
        coded("a2", (event(source_name="Vladimir Putin"),), source="Other Wire"),  # merges
        coded("b1", (event("RUSMIL", "UKRMIL", "190", date(2022, 3, 1), date(2022, 3, 1),
                           place=ukraine, at=300),
                     event("USA", "RUS", "163", None, date(2022, 2, 28), "open", at=500,
                           place=texas),
                     event("RUSGOV", "USAGOV", "051", None, None, "open", at=700,
                           modality=("negated",), date_text=None),
                     event("IGOUNO", None, "040", date(2022, 3, 2), date(2022, 3, 2), at=900),
                     event("", "USAGOV", "061", date(2022, 4, 4), date(2022, 4, 10), "week",
                           at=1100, modality=("future", "hypothetical"))),
              source=None, url=None, published=None,
              flags=(Flag("no_publication_date", "the article gives no date"),)),
    ]


def timeline_articles(days: int = 700) -> list[CodedArticle]:
    """RUS-USA events over two years with a cooperative spell and a conflictual one."""
    out = []
    cameos = ("040", "051", "061", "112", "163", "190")
    for i in range(0, days, 3):
        day = date(2020, 1, 1) + timedelta(days=i)
        k = i // 3
        cameo = cameos[k % 4] if i < days // 2 else cameos[2 + k % 4]
        src, tgt = ("RUSGOV", "USAGOV") if i % 2 else ("USAGOV", "RUSGOV")
        out.append(coded(f"t{i}", (event(src, tgt, cameo, day, day),)))
    return out


def _written(factory: pytest.TempPathFactory, name: str, articles: list[CodedArticle]) -> str:
    path = str(factory.mktemp(name) / f"{name}.duckdb")
    with Store.open(path) as s:
        s.write(articles, run_id=None)
    return path


@pytest.fixture(scope="session")
def dbfile(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database file of ``rich_articles``, written once; tests only read it."""
    return _written(tmp_path_factory, "rich", rich_articles())


@pytest.fixture(scope="session")
def timeline_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _written(tmp_path_factory, "timeline", timeline_articles())


@pytest.fixture
def filled(dbfile: str) -> Iterator[Store]:
    """``rich_articles`` stored, opened read-only."""
    with Store.open(dbfile, read_only=True) as s:
        yield s


@pytest.fixture
def timeline(timeline_file: str) -> Iterator[Store]:
    """Two years of RUS-USA events, opened read-only."""
    with Store.open(timeline_file, read_only=True) as s:
        yield s


@pytest.fixture
def rich() -> list[CodedArticle]:
    return rich_articles()


@pytest.fixture
def build() -> Callable[..., CodedArticle]:
    return coded


@pytest.fixture
def ev() -> Callable[..., Event]:
    return event

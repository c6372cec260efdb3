"""A small event database written with ``Store.write`` from hand-built coded articles, and an
in-process HTTP client for the app over it (httpx.ASGITransport; no spaCy, no network)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from dyadline.api import create_app
from dyadline.model import Actor, Article, Attribution, CodedArticle, DateSpan, Event, Evidence
from dyadline.settings import load_settings
from dyadline.store import Store

D = date
# CAMEO code -> (quad class, Goldstein score) for the codes used here.
SCORES = {"040": (1, 1.0), "112": (3, -2.0), "190": (4, -10.0), "193": (4, -10.0)}
URL_GENEVA = "https://news.example/geneva-talks"


def at(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def person(body: str, text: str, code: str, name: str | None = None, *,
           after: str = "") -> Actor:
    """An actor mention of ``text``: its first occurrence (after ``after``, if given)."""
    start = body.index(text, body.index(after) if after else 0)
    end = start + len(text)
    return Actor(code=code, country=code[:3] if code else None, sector=code[3:] or None,
                 name=name, text=text, start=start, end=end, basis="test")


def event(body: str, sentence: str, trigger: str, source: Actor | None, target: Actor | None,
          cameo: str, start: date | None, end: date | None, granularity: str = "day",
          modality: tuple[str, ...] = (), said_by: str | None = None) -> Event:
    quad, goldstein = SCORES[cameo]
    s0, s1 = at(body, sentence)
    t0 = body.index(trigger, s0)
    said = None
    if said_by:
        a0, a1 = at(body, said_by)
        said = Attribution(said_by, a0, a1)
    return Event(article_id="", source=source, target=target, cameo=cameo, quad_class=quad,
                 goldstein=goldstein, plover="CONSULT" if cameo == "040" else "ASSAULT",
                 date=DateSpan(start, end, granularity, "explicit"),
                 evidence=Evidence(sentence, s0, s1), trigger=Evidence(trigger, t0,
                                                                       t0 + len(trigger)),
                 said_by=said, modality=modality, confidence=0.8, rule="test-rule",
                 lexicon_entry=f"test:{cameo}", coder_version="test-1", lexicon_version="lex-1",
                 actors_version="act-1")


def article(aid: str, body: str, events: tuple[Event, ...], mentions: tuple[Actor, ...],
            published: date, source: str, url: str | None = None) -> CodedArticle:
    art = Article(id=aid, body=body, published=published, title=f"Story {aid}", url=url,
                  source=source, origin=f"test.jsonl:{aid}")
    evs = tuple(Event(**{**{s: getattr(e, s) for s in Event.__slots__}, "article_id": aid})
                for e in events)
    return CodedArticle(art, events=evs, mentions=mentions,
                        sentences=tuple(at(body, s) for s in body.split("\n")))


# Our own sentences. Each article's sentences are separate lines of its body.
GENEVA = ("Vladimir Putin met Joe Biden in Geneva on Wednesday, the Kremlin said.\n"
          "The two leaders talked for four hours.")
GENEVA_2 = ("Joe Biden and Vladimir Putin ended their summit.\n"
            "Vladimir Putin met Joe Biden for talks on arms control.")
SHELLING = ("Russian artillery shelled Ukrainian positions near the river on Tuesday.\n"
            "Ukrainian troops fought Russian forces outside the town on Wednesday.\n"
            "Kyiv accused Moscow of breaking the truce in March, officials said.")
DENIAL = "Moscow denied that Russian jets bombed Ukrainian villages last week."


def build_articles() -> list[CodedArticle]:
    g, g2, s, d = GENEVA, GENEVA_2, SHELLING, DENIAL
    putin, biden = person(g, "Vladimir Putin", "RUSGOV", "Vladimir Putin"), person(
        g, "Joe Biden", "USAGOV", "Joe Biden")
    putin2 = person(g2, "Vladimir Putin", "RUSGOV", "Vladimir Putin", after="\n")
    biden2 = person(g2, "Joe Biden", "USAGOV", "Joe Biden", after="\n")
    rus_mil, ukr_mil = person(s, "Russian artillery", "RUSMIL"), person(
        s, "Ukrainian positions", "UKRMIL")
    ukr_troops, rus_forces = person(s, "Ukrainian troops", "UKRMIL"), person(
        s, "Russian forces", "RUSMIL")
    kyiv, moscow = person(s, "Kyiv", "UKRGOV"), person(s, "Moscow", "RUSGOV")
    officials = person(s, "officials", "")
    moscow_d, jets, villages = (person(d, "Moscow", "RUSGOV"), person(d, "Russian jets", "RUSMIL"),
                                person(d, "Ukrainian villages", "UKR"))
    return [
        article("geneva", g, (event(g, g.split("\n")[0], "met", putin, biden, "040",
                                    D(2021, 6, 16), D(2021, 6, 16), said_by="the Kremlin"),),
                (putin, biden), D(2021, 6, 17), "Outlet A", URL_GENEVA),
        article("geneva-2", g2, (event(g2, g2.split("\n")[1], "met", putin2, biden2, "040",
                                       D(2021, 6, 16), D(2021, 6, 16)),),
                (putin2, biden2), D(2021, 6, 18), "Outlet B"),
        article("shelling", s, (
            event(s, s.split("\n")[0], "shelled", rus_mil, ukr_mil, "190", D(2022, 3, 1),
                  D(2022, 3, 1)),
            event(s, s.split("\n")[1], "fought", ukr_troops, rus_forces, "193", D(2022, 3, 2),
                  D(2022, 3, 2)),
            event(s, s.split("\n")[2], "accused", kyiv, moscow, "112", D(2022, 3, 1),
                  D(2022, 3, 31), "month", ("attributed",), said_by="officials"),
        ), (rus_mil, ukr_mil, ukr_troops, rus_forces, kyiv, moscow, officials),
            D(2022, 3, 3), "Outlet A"),
        article("denial", d, (event(d, d, "bombed", jets, villages, "190", D(2022, 2, 20),
                                    D(2022, 2, 20), modality=("negated",)),),
                (moscow_d, jets, villages), D(2022, 2, 25), "Outlet C"),
    ]


@pytest.fixture(scope="session")
def builders() -> dict[str, Callable[..., Any]]:
    """The builders above, for tests that write a database of their own."""
    return {"article": article, "event": event, "person": person}


@pytest.fixture(scope="session")
def article_url() -> str:
    """The one article URL stored in the test database (article data, shown as text)."""
    return URL_GENEVA


@pytest.fixture(scope="session")
def db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database file, written once; the tests only read it."""
    path = tmp_path_factory.mktemp("api") / "events.duckdb"
    with Store.open(str(path)) as store:
        run = store.start_run({"sources": ["tests/api"]})
        store.finish_run(run, store.write(build_articles(), run_id=run))
    return path


@dataclass
class Client:
    """Sync calls into the ASGI app, in process."""

    app: Any

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
                return await c.request(method, path, **kwargs)

        return asyncio.run(call())


@pytest.fixture
def make_client() -> Iterator[Callable[..., Client]]:
    """Build a client over an app for a database path (and setting overrides)."""
    apps: list[Any] = []

    def make(path: Path | str, **overrides: Any) -> Client:
        app = create_app(str(path), load_settings(overrides=overrides, environ={}))
        apps.append(app)
        return Client(app)

    yield make
    for app in apps:
        app.state.dyadline.pool.close()


@pytest.fixture
def client(make_client: Callable[..., Client], db_file: Path) -> Client:
    return make_client(db_file)

"""Frozen records passed between the stages of the pipeline.

articles -> (Article) -> nlp -> actors (Actor) -> events (Event) -> dates (DateSpan) -> store

Every record is immutable and serialises to plain JSON through ``to_dict``; the event contract
(docs/events.md, schema/event.schema.json) is exactly what ``CodedArticle.to_dict`` writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "MODALITIES",
    "NON_STATE",
    "Actor",
    "Article",
    "Attribution",
    "CodedArticle",
    "DateSpan",
    "Event",
    "Evidence",
    "Flag",
    "Place",
    "Quarantined",
    "Timex",
]

# Granularities a DateSpan may carry, finest first.
GRANULARITIES = (
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "year",
    "decade",
    "century",
    "span",  # an explicit interval of days (e.g. "late October", a term of office)
    "open",  # one end unknown
)

MODALITIES = ("negated", "attributed", "future", "hypothetical")

# Actor "countries" that are not states (CAMEO's slots for international and non-governmental
# organisations, militant groups and companies): not places, and without a government.
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC"})


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


@dataclass(frozen=True, slots=True)
class DateSpan:
    """An interval of days in which something happened: [start, end], both inclusive.

    ``start`` or ``end`` may be None for an open interval. ``granularity`` says how precise the
    interval is; ``basis`` names the rule that produced it (e.g. ``explicit``, ``relative``,
    ``role_term``, ``narrative``, ``before_publication``)."""

    start: date | None
    end: date | None
    granularity: str
    basis: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": _iso(self.start),
            "end": _iso(self.end),
            "granularity": self.granularity,
            "basis": self.basis,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DateSpan:
        return cls(
            start=date.fromisoformat(d["start"]) if d.get("start") else None,
            end=date.fromisoformat(d["end"]) if d.get("end") else None,
            granularity=d["granularity"],
            basis=d["basis"],
        )

    def contains(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in text, with its TIMEX3-style value and its interval."""

    text: str
    start: int  # character offsets into the text it was found in
    end: int
    value: str  # TIMEX3 value: 2020-12-15, 2020-10, 2016, 2020-W50, P6W, PRESENT_REF ...
    kind: str  # DATE | DURATION | TIME | SET
    span: DateSpan | None  # None for a duration with no anchor

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "type": self.kind,
            "span": self.span.to_dict() if self.span else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Timex:
        return cls(text=d["text"], start=int(d["start"]), end=int(d["end"]), value=d["value"],
                   kind=d["type"], span=DateSpan.from_dict(d["span"]) if d.get("span") else None)


@dataclass(frozen=True, slots=True)
class Article:
    """One dated news article. ``id`` is stable: derived from the content (see articles.ids)."""

    id: str
    body: str
    published: date | None
    title: str | None = None
    url: str | None = None
    source: str | None = None  # the outlet
    origin: str = ""  # where it was read from: "path:line" or "path"
    language: str | None = None
    meta: tuple[tuple[str, str], ...] = ()  # other header fields, in order

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "published": _iso(self.published),
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "origin": self.origin,
            "language": self.language,
            "body": self.body,
        }


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A record that could not be read or coded, kept with its reason (never dropped)."""

    origin: str  # "path:line" or "path"
    code: str  # the stable error code, e.g. E103
    reason: str  # the one-line message, with the fix
    raw: str = ""  # the record as read (truncated by the reader if huge)

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "code": self.code, "reason": self.reason, "raw": self.raw}


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention resolved to a CAMEO-style code as of the article's date.

    ``code`` is country + sector (``RUSGOV``), ``IGO`` + organisation (``IGOUNO``), or just the
    country (``RUS``); empty when the mention could not be coded (it keeps its text)."""

    code: str
    country: str | None  # ISO 3166 alpha-3, or IGO / NGO / IMG (CAMEO's non-state slots)
    sector: str | None  # GOV, MIL, OPP, ELI, MED, ... or None
    name: str | None  # canonical name of the person or organisation, if known
    text: str  # the mention as written
    start: int  # character offsets into Article.body
    end: int
    basis: str = ""  # how it was resolved, e.g. "kb:person-role", "country-adjective", "pronoun"
    org: str | None = None  # IGO organisation code (UNO, NATO, EU ...)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "basis": self.basis,
            "org": self.org,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            code=d.get("code") or "",
            country=d.get("country"),
            sector=d.get("sector"),
            name=d.get("name"),
            text=d.get("text") or "",
            start=int(d.get("start") or 0),
            end=int(d.get("end") or 0),
            basis=d.get("basis") or "",
            org=d.get("org"),
        )


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened, resolved through the offline gazetteer."""

    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    feature: str  # country | admin1 | city | landmark | region | sea | continent | unresolved
    text: str
    start: int
    end: int
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "geonameid": self.geonameid,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(**{k: d.get(k) for k in cls.__slots__})  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the article cites for an event: "CBS News reported", "a Kremlin readout"."""

    text: str
    start: int
    end: int
    actor: Actor | None = None  # when the cited party resolves to an actor

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "actor": self.actor.to_dict() if self.actor else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Attribution:
        return cls(text=d["text"], start=int(d["start"]), end=int(d["end"]),
                   actor=Actor.from_dict(d["actor"]) if d.get("actor") else None)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence an event was read from, with offsets into Article.body."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(text=d["text"], start=int(d["start"]), end=int(d["end"]))


@dataclass(frozen=True, slots=True)
class Flag:
    """Something a careful reader would notice: a contradiction, a missing date, ..."""

    kind: str  # contradiction | no_publication_date | language | truncated | ...
    message: str
    mention: str = ""
    start: int | None = None
    end: int | None = None
    readings: tuple[str, ...] = ()  # the competing readings, for a contradiction

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "message": self.message,
            "mention": self.mention,
            "start": self.start,
            "end": self.end,
            "readings": list(self.readings),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Flag:
        return cls(kind=d["kind"], message=d["message"], mention=d.get("mention") or "",
                   start=d.get("start"), end=d.get("end"), readings=tuple(d.get("readings") or ()))


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when, where, according to whom."""

    article_id: str
    source: Actor | None
    target: Actor | None
    cameo: str
    quad_class: int
    goldstein: float
    plover: str
    date: DateSpan
    evidence: Evidence
    trigger: Evidence  # the predicate or eventive noun the code came from
    said_by: Attribution | None = None
    modality: tuple[str, ...] = ()
    confidence: float = 0.5
    place: Place | None = None
    plover_mode: str | None = None
    rule: str = ""  # the coder rule that fired
    lexicon_entry: str = ""  # the lexicon entry that gave the code (id or pattern)
    date_text: str | None = None  # the temporal expression that dated it, if any
    coder_version: str = ""
    lexicon_version: str = ""
    actors_version: str = ""

    @property
    def root(self) -> str:
        return self.cameo[:2]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "date": self.date.to_dict(),
            "date_text": self.date_text,
            "place": self.place.to_dict() if self.place else None,
            "evidence": self.evidence.to_dict(),
            "trigger": self.trigger.to_dict(),
            "said_by": self.said_by.to_dict() if self.said_by else None,
            "modality": list(self.modality),
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "lexicon_entry": self.lexicon_entry,
            "coder_version": self.coder_version,
            "lexicon_version": self.lexicon_version,
            "actors_version": self.actors_version,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], article_id: str) -> Event:
        """The inverse of ``to_dict`` (``dyadline import``, batch merges)."""
        return cls(
            article_id=article_id,
            source=Actor.from_dict(d["source"]) if d.get("source") else None,
            target=Actor.from_dict(d["target"]) if d.get("target") else None,
            cameo=str(d["cameo"]),
            quad_class=int(d["quad_class"]),
            goldstein=float(d["goldstein"]),
            plover=d.get("plover") or "",
            plover_mode=d.get("plover_mode"),
            date=DateSpan.from_dict(d["date"]),
            date_text=d.get("date_text"),
            place=Place.from_dict(d["place"]) if d.get("place") else None,
            evidence=Evidence.from_dict(d["evidence"]),
            trigger=Evidence.from_dict(d.get("trigger") or d["evidence"]),
            said_by=Attribution.from_dict(d["said_by"]) if d.get("said_by") else None,
            modality=tuple(d.get("modality") or ()),
            confidence=float(d.get("confidence", 0.5)),
            rule=d.get("rule") or "",
            lexicon_entry=d.get("lexicon_entry") or "",
            coder_version=d.get("coder_version") or "",
            lexicon_version=d.get("lexicon_version") or "",
            actors_version=d.get("actors_version") or "",
        )


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """What the pipeline makes of one article: its events, flags and mentions, or an error."""

    article: Article
    events: tuple[Event, ...] = ()
    flags: tuple[Flag, ...] = ()
    mentions: tuple[Actor, ...] = ()
    timexes: tuple[Timex, ...] = ()
    error: str | None = None
    sentences: tuple[tuple[int, int], ...] = field(default=())  # sentence offsets in body

    def to_dict(self) -> dict[str, Any]:
        """The event contract: one JSON object per article (docs/events.md)."""
        return {
            "id": self.article.id,
            "published": _iso(self.article.published),
            "events": [e.to_dict() for e in self.events],
            "flags": [f.to_dict() for f in self.flags],
            "error": self.error,
        }

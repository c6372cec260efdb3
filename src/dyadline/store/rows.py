"""Model records <-> flat table rows (plain dicts keyed by column name)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from dyadline.model import (
    Actor,
    Article,
    Attribution,
    DateSpan,
    Event,
    Evidence,
    Flag,
    Place,
    Timex,
)

__all__ = [
    "UNCERTAIN",
    "actor_row",
    "article_from_row",
    "as_date",
    "event_from_row",
    "event_row",
    "flag_from_row",
    "mention_from_row",
    "outlet_of",
    "timex_row",
]

# Modalities that make an event something that did not (or not yet) happen.
UNCERTAIN = frozenset({"negated", "hypothetical"})

_ACTOR_FIELDS = ("code", "country", "sector", "org", "name", "text", "start", "end", "basis")


def outlet_of(article: Article) -> str | None:
    """The outlet an article counts for: its source, else its URL's host without ``www.``."""
    if article.source and article.source.strip():
        return article.source.strip()
    if article.url:
        host = urlsplit(article.url).hostname or ""
        host = host.removeprefix("www.")
        return host or None
    return None


def actor_row(prefix: str, actor: Actor | None) -> dict[str, Any]:
    """``source_code``, ``source_country`` ... for one side of an event (all None if absent)."""
    if actor is None:
        return {f"{prefix}_{f}": None for f in _ACTOR_FIELDS}
    return {
        f"{prefix}_code": actor.code,
        f"{prefix}_country": actor.country,
        f"{prefix}_sector": actor.sector,
        f"{prefix}_org": actor.org,
        f"{prefix}_name": actor.name,
        f"{prefix}_text": actor.text,
        f"{prefix}_start": actor.start,
        f"{prefix}_end": actor.end,
        f"{prefix}_basis": actor.basis,
    }


def _actor_from(row: Mapping[str, Any], prefix: str) -> Actor | None:
    if row.get(f"{prefix}_text") is None and row.get(f"{prefix}_code") is None:
        return None
    return Actor(
        code=row[f"{prefix}_code"] or "",
        country=row[f"{prefix}_country"],
        sector=row[f"{prefix}_sector"],
        name=row[f"{prefix}_name"],
        text=row[f"{prefix}_text"] or "",
        start=row[f"{prefix}_start"] or 0,
        end=row[f"{prefix}_end"] or 0,
        basis=row[f"{prefix}_basis"] or "",
        org=row[f"{prefix}_org"],
    )


def event_row(event: Event) -> dict[str, Any]:
    """Every column of one coded event, as ``events`` and ``reports`` store it."""
    span = event.date
    place = event.place
    said = event.said_by
    row: dict[str, Any] = {}
    row.update(actor_row("source", event.source))
    row.update(actor_row("target", event.target))
    row.update(
        cameo=event.cameo,
        root=event.root,
        quad_class=int(event.quad_class),
        goldstein=float(event.goldstein),
        plover=event.plover or None,
        plover_mode=event.plover_mode,
        date_start=span.start,
        date_end=span.end,
        date_granularity=span.granularity,
        date_basis=span.basis,
        date_text=event.date_text,
        day=span.start if span.start is not None else span.end,
        place_name=place.name if place else None,
        place_country=place.country if place else None,
        place_lat=place.lat if place else None,
        place_lon=place.lon if place else None,
        place_feature=place.feature if place else None,
        place_text=place.text if place else None,
        place_start=place.start if place else None,
        place_end=place.end if place else None,
        place_geonameid=place.geonameid if place else None,
        evidence_text=event.evidence.text,
        evidence_start=event.evidence.start,
        evidence_end=event.evidence.end,
        trigger_text=event.trigger.text,
        trigger_start=event.trigger.start,
        trigger_end=event.trigger.end,
        said_by_text=said.text if said else None,
        said_by_start=said.start if said else None,
        said_by_end=said.end if said else None,
        said_by_code=(said.actor.code or None) if said and said.actor else None,
        said_by_actor=json.dumps(said.actor.to_dict()) if said and said.actor else None,
        modality=list(event.modality),
        uncertain=bool(UNCERTAIN.intersection(event.modality)),
        confidence=float(event.confidence),
        rule=event.rule,
        lexicon_entry=event.lexicon_entry,
        coder_version=event.coder_version,
        lexicon_version=event.lexicon_version,
        actors_version=event.actors_version,
    )
    return row


def event_from_row(row: Mapping[str, Any]) -> Event:
    """The Event a stored row describes (``article_id`` is the row's article)."""
    said: Attribution | None = None
    if row.get("said_by_text") is not None:
        actor = Actor.from_dict(json.loads(row["said_by_actor"])) if row.get("said_by_actor") else None
        said = Attribution(row["said_by_text"], row["said_by_start"] or 0, row["said_by_end"] or 0,
                           actor)
    place: Place | None = None
    if row.get("place_name") is not None:
        place = Place(
            name=row["place_name"],
            country=row["place_country"],
            lat=row["place_lat"],
            lon=row["place_lon"],
            feature=row["place_feature"] or "",
            text=row["place_text"] or "",
            start=row["place_start"] or 0,
            end=row["place_end"] or 0,
            geonameid=row["place_geonameid"],
        )
    return Event(
        article_id=row["article_id"],
        source=_actor_from(row, "source"),
        target=_actor_from(row, "target"),
        cameo=row["cameo"],
        quad_class=int(row["quad_class"]),
        goldstein=float(row["goldstein"]),
        plover=row["plover"] or "",
        date=DateSpan(row["date_start"], row["date_end"], row["date_granularity"],
                      row["date_basis"]),
        evidence=Evidence(row["evidence_text"], row["evidence_start"], row["evidence_end"]),
        trigger=Evidence(row["trigger_text"], row["trigger_start"], row["trigger_end"]),
        said_by=said,
        modality=tuple(row["modality"] or ()),
        confidence=float(row["confidence"]),
        place=place,
        plover_mode=row["plover_mode"],
        rule=row["rule"],
        lexicon_entry=row["lexicon_entry"],
        date_text=row["date_text"],
        coder_version=row["coder_version"],
        lexicon_version=row["lexicon_version"],
        actors_version=row["actors_version"],
    )


def article_from_row(row: Mapping[str, Any]) -> Article:
    meta = tuple(tuple(pair) for pair in json.loads(row["meta"])) if row.get("meta") else ()
    return Article(
        id=row["id"],
        body=row["body"],
        published=row["published"],
        title=row["title"],
        url=row["url"],
        source=row["source"],
        origin=row["origin"],
        language=row["language"],
        meta=meta,
    )


def mention_from_row(row: Mapping[str, Any]) -> Actor:
    return Actor(code=row["code"], country=row["country"], sector=row["sector"], name=row["name"],
                 text=row["text"], start=row["start"], end=row["end"], basis=row["basis"],
                 org=row["org"])


def flag_from_row(row: Mapping[str, Any]) -> Flag:
    return Flag(kind=row["kind"], message=row["message"], mention=row["mention"],
                start=row["start"], end=row["end"], readings=tuple(row["readings"] or ()))


def timex_row(article_id: str, n: int, t: Timex) -> dict[str, Any]:
    span = t.span
    return {
        "article_id": article_id, "n": n, "text": t.text, "start": t.start, "end": t.end,
        "value": t.value, "kind": t.kind,
        "span_start": span.start if span else None, "span_end": span.end if span else None,
        "span_granularity": span.granularity if span else None,
        "span_basis": span.basis if span else None,
    }


def as_date(value: date | str | None, what: str) -> date | None:
    """A date from a date or an ISO string; ValueError names ``what`` on a bad string."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a date: write it as YYYY-MM-DD") from None

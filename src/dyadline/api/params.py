"""Query parameters shared by the JSON endpoints and the dashboard pages.

They mirror the options of ``dyadline events`` and ``dyadline timeline``. An empty value
(``quad=``, as an HTML form sends for an empty field) counts as not given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query
from pydantic import BeforeValidator

from dyadline.errors import QueryError
from dyadline.store import EventQuery

__all__ = ["Flag", "Opt", "OptInt", "Window", "dyad_pair", "event_query", "window"]


def _blank(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


_B = BeforeValidator(_blank)

# An optional text parameter; an optional true/false parameter (true, false, 1, 0, on, off).
Opt = Annotated[str | None, _B]
OptInt = Annotated[int | None, _B]
Flag = Annotated[bool | None, _B]


def dyad_pair(values: list[str] | None) -> tuple[str, str] | None:
    """``dyad=A&dyad=B`` or ``dyad=A,B`` -> (A, B); empty values are dropped."""
    parts = [v.strip() for v in values or () if v and v.strip()]
    if len(parts) == 1 and "," in parts[0]:
        parts = [p.strip() for p in parts[0].split(",") if p.strip()]
    if not parts:
        return None
    if len(parts) != 2:
        raise QueryError("E851", f"a dyad is two actors, got {len(parts)} ({', '.join(parts)}): "
                         "give dyad=RUS&dyad=USA or dyad=RUS,USA", where="query.dyad")
    return parts[0], parts[1]


def event_query(
    actor: Annotated[Opt, Query(description="Source or target: a code prefix (RUS, RUSGOV) "
                                            "or a name (Putin).")] = None,
    dyad: Annotated[list[str] | None, Query(description="Events between two actors: "
                                                        "dyad=RUS&dyad=USA or dyad=RUS,USA.")] = None,
    directed: Annotated[Flag, Query(description="With dyad: only the first as source.")] = None,
    code: Annotated[Opt, Query(description="CAMEO code and its children (04, 042, 0421).")] = None,
    root: Annotated[Opt, Query(description="CAMEO root (two digits).")] = None,
    quad: Annotated[OptInt, Query(description="Quad class 1-4.")] = None,
    since: Annotated[Opt, Query(description="Date span ends on or after (YYYY-MM-DD).")] = None,
    until: Annotated[Opt, Query(description="Date span starts on or before (YYYY-MM-DD).")] = None,
    said_by: Annotated[Opt, Query(description="Cited source: text (Kremlin) or actor code.")] = None,
    outlet: Annotated[Opt, Query(description="Reported by this outlet.")] = None,
    place: Annotated[Opt, Query(description="Place country (ISO alpha-3).")] = None,
    modality: Annotated[Opt, Query(description="negated, attributed, future, hypothetical, "
                                               "or asserted (none).")] = None,
    text: Annotated[Opt, Query(description="Words in the evidence sentence of any report.")] = None,
    article: Annotated[Opt, Query(description="Reported by this article id.")] = None,
    certain: Annotated[Flag, Query(description="Leave out negated and hypothetical "
                                               "events.")] = None,
    order: Annotated[Opt, Query(description="date, goldstein, mentions, confidence or id; "
                                             "'-' first for descending.")] = None,
    limit: Annotated[OptInt, Query(description="Events per page "
                                                                  "(1-10000).")] = None,
    offset: Annotated[OptInt, Query(description="Skip this many "
                                                                   "events.")] = None,
) -> EventQuery:
    """The ``EventQuery`` of a request (the store validates the values: E801, E803)."""
    return EventQuery(actor=actor, dyad=dyad_pair(dyad), directed=bool(directed), cameo=code,
                      root=root, quad=quad, since=since, until=until, said_by=said_by,
                      place_country=place, outlet=outlet, modality=modality, article=article,
                      text=text, include_uncertain=not certain, order=order or "date",
                      limit=100 if limit is None else limit, offset=offset or 0)


@dataclass(frozen=True, slots=True)
class Window:
    """A date window and the counting options of timelines and top lists (None: the setting)."""

    since: str | None
    until: str | None
    count_reports: bool | None
    include_uncertain: bool | None


def window(
    since: Annotated[Opt, Query(description="First day counted (YYYY-MM-DD).")] = None,
    until: Annotated[Opt, Query(description="Last day counted (YYYY-MM-DD).")] = None,
    count_reports: Annotated[Flag, Query(description="Count every report instead of "
                                                     "deduplicated events (default: the "
                                                     "count_reports setting).")] = None,
    include_uncertain: Annotated[Flag, Query(description="Count negated and hypothetical "
                                                         "events (default: the "
                                                         "include_uncertain setting).")] = None,
) -> Window:
    return Window(since, until, count_reports, include_uncertain)

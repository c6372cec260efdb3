"""Stage 6: place names -> country, coordinates and feature class, from an offline gazetteer.

``resolve_place("Paris, Texas")`` reads a name; ``event_place(doc, i)`` finds where the event
whose predicate is ``doc[i]`` happened; ``load_gazetteer().lookup(name)`` lists every reading.
"""

from __future__ import annotations

from dyadline.places.article import find_dateline
from dyadline.places.gazetteer import Gazetteer, PlaceCandidate, gazetteer_for, load_gazetteer
from dyadline.places.locate import EventPlacer, event_place
from dyadline.places.resolve import resolve_place

__all__ = [
    "EventPlacer",
    "Gazetteer",
    "PlaceCandidate",
    "event_place",
    "find_dateline",
    "gazetteer_for",
    "load_gazetteer",
    "resolve_place",
]

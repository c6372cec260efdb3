"""Measure event_place on PLOVER gold records that mark where the event happened.

A record's ``event_loc`` names the place (``{"name": "Kirkuk"}``); its ``event_text`` the event's
words, of which the first verb (else noun) is taken as the predicate. A produced place matches
when its name or text and the gold name contain one another (as lookup keys). Records without
``event_loc`` are counted too: the gold does not mark every place, so a place there is not
necessarily wrong, and the misses list shows them for reading.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyadline.errors import InputError
from dyadline.places.gazetteer import Gazetteer
from dyadline.places.locate import event_place
from dyadline.places.names import key

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["PlaceEvaluation", "evaluate_gold"]


@dataclass
class PlaceEvaluation:
    """Counts over the gold records, and the records worth reading."""

    with_place: int = 0  # records whose gold marks a place
    right: int = 0  # ... where event_place gave that place
    other: int = 0  # ... where it gave another place
    none: int = 0  # ... where it gave none
    without_place: int = 0  # records whose gold marks no place
    placed_anyway: int = 0  # ... where event_place gave one
    cases: list[dict[str, Any]] = field(default_factory=list)  # every non-right outcome

    def to_dict(self) -> dict[str, Any]:
        return {"with_place": self.with_place, "right": self.right, "other": self.other,
                "none": self.none, "without_place": self.without_place,
                "placed_anyway": self.placed_anyway, "cases": self.cases}


def _records(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError("E612", f"cannot read the gold file ({exc.__class__.__name__}): check "
                         "the path", where=str(path)) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError:
            raise InputError("E613", "not a JSON object: one gold record per line",
                             where=f"{path}:{number}") from None


def _same(gold: str, name: str, text: str) -> bool:
    g = key(gold)
    return bool(g) and any(g in key(x) or key(x) in g for x in (name, text) if key(x))


def evaluate_gold(path: str | Path, nlp: Language, gazetteer: Gazetteer) -> PlaceEvaluation:
    """Run event_place on every gold record of ``path`` (JSON lines) that has an event_text."""
    result = PlaceEvaluation()
    records = [(n, r) for n, r in _records(Path(path)) if (r.get("event_text") or "").split()]
    docs = nlp.pipe(r.get("text") or "" for _, r in records)
    for (number, record), doc in zip(records, docs, strict=True):
        words = set(record["event_text"].split())
        tokens = [t for t in doc if t.text in words]
        tokens.sort(key=lambda t: (t.pos_ != "VERB", t.pos_ != "NOUN", t.i))
        if not tokens:
            continue
        place = event_place(doc, tokens[0].i, gazetteer=gazetteer)
        gold = (record.get("event_loc") or {}).get("name")
        case = {"line": number, "id": record.get("id"), "trigger": tokens[0].text,
                "gold": gold, "got": place.to_dict() if place else None,
                "text": record.get("text")}
        if gold:
            result.with_place += 1
            if place is None:
                result.none += 1
                result.cases.append({**case, "outcome": "none"})
            elif _same(gold, place.name, place.text):
                result.right += 1
            else:
                result.other += 1
                result.cases.append({**case, "outcome": "other"})
        else:
            result.without_place += 1
            if place is not None:
                result.placed_anyway += 1
                result.cases.append({**case, "outcome": "placed"})
    return result

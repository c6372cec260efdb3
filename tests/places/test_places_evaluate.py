"""evaluate_gold: event_place against gold records that mark the event's place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyadline.errors import InputError
from dyadline.places import Gazetteer
from dyadline.places.evaluate import evaluate_gold

RECORDS = [
    {"id": "a", "text": "Thousands of Kurds demonstrated in the northern city of Kirkuk.",
     "event_text": "demonstrated", "event_loc": {"name": "Kirkuk"}},
    {"id": "b", "text": "Rebels clashed with troops in Aleppo on Monday.",
     "event_text": "clashed", "event_loc": {"name": "Homs"}},
    {"id": "c", "text": "Russia attacked Ukraine on Monday.", "event_text": "attacked",
     "event_loc": {"name": "Ukraine"}},
    {"id": "d", "text": "The ministers met in Geneva.", "event_text": "met", "event_loc": None},
    {"id": "e", "text": "Biden criticized the war in Syria.", "event_text": "criticized"},
    {"id": "f", "text": "No event words here.", "event_text": ""},
]


def test_counts(nlp: Any, gazetteer: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    result = evaluate_gold(path, nlp, gazetteer)
    assert (result.with_place, result.right, result.other, result.none) == (3, 1, 1, 1)
    assert (result.without_place, result.placed_anyway) == (2, 1)
    assert [(c["id"], c["outcome"]) for c in result.cases] == [
        ("b", "other"), ("c", "none"), ("d", "placed")]
    assert result.cases[0]["got"]["name"] == "Aleppo"


def test_broken_gold_line(nlp: Any, gazetteer: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(RECORDS[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        evaluate_gold(path, nlp, gazetteer)
    assert (caught.value.code, caught.value.where) == ("E613", f"{path}:2")


def test_plover_gold_floor(nlp: Any, gazetteer: Gazetteer, shared: Path) -> None:
    """On the PLOVER gold records (../shared), most marked places are found and few places are
    given where the gold marks none (measured: 27 + 2 of 48, 29 of 273)."""
    gold = shared / "gold" / "dev" / "plover_gsr_cameo.jsonl"
    if not gold.is_file():
        pytest.skip("no PLOVER gold file in ../shared")
    result = evaluate_gold(gold, nlp, gazetteer)
    assert result.with_place >= 40
    assert result.right >= 0.5 * result.with_place
    assert result.other <= 3
    assert result.placed_anyway <= 0.15 * result.without_place

"""The gold evaluation: counting on a small file the test writes, and a floor on the PLOVER
dev file (so that a change that breaks resolution shows)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dyadline.actors import KnowledgeBase
from dyadline.actors.evaluate import evaluate_gold
from dyadline.errors import InputError


def _record(text: str, *actors: tuple[str, str, str, str | None]) -> str:
    pr: dict[str, Any] = {"source": [], "target": []}
    for role, actor_text, code, sector in actors:
        pr[role].append({"actorText": actor_text, "code": code, "sector": sector})
    return json.dumps({"id": text[:10], "text": text, "plover_record": pr})


def test_counts_and_misses(tmp_path: Path, nlp: Any, kb: KnowledgeBase) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join([
        _record("Senior Hungarian and Romanian officials agreed on Wednesday.",
                ("source", "Hungarian", "HUN", "GOV"), ("source", "Romanian", "ROU", "GOV")),
        _record("Iraqi troops shelled Tokyo.", ("source", "Iraqi troops", "IRQ", "MIL"),
                ("target", "Tokyo", "JAP", None)),          # JAP: the CAMEO code of Japan
        _record("Jane Doakes praised the plan.", ("source", "Jane Doakes", "ZMB", "GOV")),
        _record("Nobody was there.", ("source", "Somebody", "FRA", None)),
        _record("Israeli journalists protested.", ("source", "Israeli journalists", "ISR",
                                                    "JRN")),  # PLOVER JRN is media (MED)
    ]) + "\n", encoding="utf-8")
    r = evaluate_gold(gold, nlp, kb, date(2020, 12, 15))
    assert (r.gold, r.located, r.resolved, r.country_ok) == (7, 6, 6, 5)
    assert (r.sector_total, r.sector_ok) == (5, 4)
    assert r.miss_types() == {"not located": 1, "no country": 1}
    assert r.to_dict()["country_accuracy"] == round(5 / 6, 4)


def test_bad_gold_file(tmp_path: Path, nlp: Any, kb: KnowledgeBase) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        evaluate_gold(gold, nlp, kb)
    assert err.value.where == "gold.jsonl:1"


def test_plover_dev_floor(shared: Path, nlp: Any, kb: KnowledgeBase) -> None:
    r = evaluate_gold(shared / "gold" / "dev" / "plover_gsr_cameo.jsonl", nlp, kb)
    assert r.located >= 630
    assert r.country_accuracy >= 0.90
    assert r.sector_accuracy >= 0.80

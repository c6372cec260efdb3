"""How much of the dev gold the lexicon can reach at all (an upper bound for the coder).

For each labelled sentence: is the gold code's root among the codes of the lexicon entries of the
sentence's verbs, nouns and adjectives? Loose by design (no parse rules): the coder's eval gives
the real figure. Run with ``-s`` to see the numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadline.events.lexicon import Lexicon, load_lexicon

KIND = {"VERB": "verb", "NOUN": "noun", "ADJ": "adj"}


def _gold_roots(record: dict) -> set[str]:  # type: ignore[type-arg]
    if record["id"].startswith("CAMEO-"):
        return {record["events"][0]["code"][:2]}
    recovered = record.get("cameo_from_manual_example") or {}
    return {recovered["code"][:2]} if recovered.get("code") else set()


def _reach(nlp, lexicon: Lexicon, path: Path) -> tuple[int, float]:  # type: ignore[no-untyped-def]
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    records = [r for r in records if _gold_roots(r) and "NEED EXAMPLE" not in r["text"]]
    hits = 0
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        roots = {e.code[:2] for t in doc if t.pos_ in KIND
                 for e in lexicon.entries(KIND[t.pos_], t.lemma_.lower()) if e.is_event}
        hits += bool(_gold_roots(record) & roots)
    return len(records), hits / len(records)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "floor"), [("cameo_manual_examples.jsonl", 0.8),
                                             ("plover_gsr_cameo.jsonl", 0.8)])
def test_dev_gold_roots_are_within_reach(nlp, shared: Path, name: str, floor: float) -> None:  # type: ignore[no-untyped-def]
    n, share = _reach(nlp, load_lexicon(), shared / "gold" / "dev" / name)
    print(f"\n{name}: {n} sentences, gold root within the lexicon's reach: {share:.3f}")
    assert share >= floor


def test_every_code_below_the_roots_can_be_coded() -> None:
    """Each CAMEO code below the roots is the code of a lexicon entry or of a composition (an
    appeal, intent, demand, refusal or threat about an action; a protest by its purpose)."""
    from dyadline.events.compose import FAMILIES, PROTESTS, protest_for
    from dyadline.events.ontology import load_ontology

    codes = {e.code for e in load_lexicon(None) if e.is_event}
    codes |= {c for table in FAMILIES.values() for c in table.values()}
    codes |= {p for base in PROTESTS for c in list(codes) if (p := protest_for(base, c))}
    below = {c.code for c in load_ontology() if len(c.code) >= 3}
    assert below - codes == set()

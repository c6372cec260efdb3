"""Score the coder on labelled sentences (the JSONL format of shared/gold/dev).

Each line: ``{"id", "text", "date", "events": [{"source", "target", "code", ...}]}``. ``source`` and
``target`` are CAMEO-style actor codes (country + sector, e.g. ``HUNGOV``) or null; ``code`` is a
CAMEO code (digits) or a PLOVER event name. Figures:

- best-event root accuracy: our most confident event's CAMEO root against the gold code's root
  (a sentence where we code nothing counts as wrong);
- precision, recall and F1 at the level (source country, target country, CAMEO root) — or PLOVER
  event where the gold gives PLOVER names — and at the dyad level (source country, target country);
- the per-root confusion of the best event, and how many no-event sentences stay clean.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dyadline.errors import InputError
from dyadline.model import Article, CodedArticle, Event

__all__ = ["GoldResult", "read_gold", "score_gold"]

# Legacy CAMEO country codes that differ from ISO 3166 alpha-3.
_LEGACY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "UKG": "GBR", "GMY": "DEU"}
_NOT_COUNTRIES = {"NGO", "IMG", "ISM", "MNC", "UIS", "NON", "***"}


def gold_country(code: str | None) -> str | None:
    if not code:
        return None
    c = code[:3].upper()
    if c in _NOT_COUNTRIES:
        return None
    return _LEGACY.get(c, c)


def _f1(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp,
            "predicted": n_pred, "gold": n_gold}


@dataclass
class GoldResult:
    sentences: int = 0
    best_root_correct: int = 0
    best_code_correct: int = 0
    with_code: int = 0
    no_event_predicted: int = 0
    clean_no_event: int = 0
    gold_no_event: int = 0
    event_level: dict[str, float] = field(default_factory=dict)
    dyad_level: dict[str, float] = field(default_factory=dict)
    level_name: str = "root"
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        levels: dict[str, Any] = {}
        if self.event_level.get("gold"):  # only where the gold codes actors
            levels = {f"event_level_(src,tgt,{self.level_name})": self.event_level,
                      "dyad_level_(src,tgt)": self.dyad_level}
        return {
            "sentences": self.sentences,
            "best_event_root_accuracy": round(self.best_root_correct / self.with_code, 3) if self.with_code else None,
            "best_event_code_accuracy": round(self.best_code_correct / self.with_code, 3) if self.with_code else None,
            "sentences_with_cameo_code": self.with_code,
            "sentences_without_prediction": self.no_event_predicted,
            "no_event_sentences_clean": f"{self.clean_no_event}/{self.gold_no_event}",
            **levels,
            "confusion_gold_to_predicted_root": {f"{g}->{p}": n for (g, p), n in self.confusion.most_common()},
        }


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    rows = []
    p = Path(path)
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError("E111", f"gold line is not JSON ({exc.msg}): fix or remove the line",
                                 where=f"{p}:{n}") from None
            if "text" not in row or "events" not in row:
                raise InputError("E111", "gold line needs 'text' and 'events'", where=f"{p}:{n}")
            rows.append(row)
    return rows


def _gold_code(ev: dict[str, Any], row: dict[str, Any]) -> tuple[str | None, str | None]:
    """(CAMEO code or None, PLOVER event or None) of a gold event."""
    code = ev.get("code")
    if code and str(code).isdigit():
        return str(code), None
    plover = ev.get("code_plover_current") or code
    silver = (row.get("cameo_from_manual_example") or {}).get("code")
    return (str(silver) if silver else None), (str(plover) if plover else None)


def score_gold(rows: Iterable[dict[str, Any]],
               code: Callable[[list[Article]], Iterable[CodedArticle]]) -> GoldResult:
    """Code every gold sentence with ``code`` and score the events."""
    rows = list(rows)
    articles = [
        Article(id=str(r["id"]), body=r["text"],
                published=date.fromisoformat(r["date"]) if r.get("date") else None,
                origin=str(r["id"]))
        for r in rows
    ]
    coded = {c.article.id: c for c in code(articles)}
    res = GoldResult()
    uses_plover = any((_gold_code(ev, r)[1] and not _gold_code(ev, r)[0]) or
                      (ev.get("code") and not str(ev.get("code")).isdigit())
                      for r in rows for ev in r["events"])
    res.level_name = "plover" if uses_plover else "root"
    tp = n_pred = n_gold = 0
    dtp = d_pred = d_gold = 0
    for row in rows:
        res.sentences += 1
        events: list[Event] = list(coded[str(row["id"])].events) if str(row["id"]) in coded else []
        gold = row["events"]
        if not events:
            res.no_event_predicted += 1
        if not gold:
            res.gold_no_event += 1
            res.clean_no_event += not events
        codes = [c for c in (_gold_code(ev, row)[0] for ev in gold) if c]
        if codes:
            res.with_code += 1
            best = max(events, key=lambda e: e.confidence) if events else None
            got = best.root if best else "--"
            gold_root = codes[0][:2]
            if any(got == c[:2] for c in codes):
                res.best_root_correct += 1
                gold_root = got
            if best and any(best.cameo == c for c in codes):
                res.best_code_correct += 1
            res.confusion[(gold_root, got)] += 1
            if got != gold_root:
                res.misses.append({"id": row["id"], "gold": codes, "got": best.cameo if best else None,
                                   "trigger": best.trigger.text if best else None, "text": row["text"]})
        has_actors = any(ev.get("source") or ev.get("target") for ev in gold)
        if not has_actors:
            continue
        def label(ev: dict[str, Any], row: dict[str, Any] = row) -> str | None:
            c, pl = _gold_code(ev, row)
            return pl if uses_plover else (c[:2] if c else None)
        g: Counter[tuple[str | None, str | None, str | None]] = Counter((gold_country(ev.get("source")), gold_country(ev.get("target")), label(ev)) for ev in gold)
        p: Counter[tuple[str | None, str | None, str | None]] = Counter((e.source.country if e.source else None, e.target.country if e.target else None,
                     e.plover if uses_plover else e.root) for e in events)
        tp += sum((g & p).values())
        n_pred += sum(p.values())
        n_gold += sum(g.values())
        gd = Counter((a, b) for a, b, _ in g.elements())
        pd = Counter((a, b) for a, b, _ in p.elements())
        dtp += sum((gd & pd).values())
        d_pred += sum(pd.values())
        d_gold += sum(gd.values())
    res.event_level = _f1(tp, n_pred, n_gold)
    res.dyad_level = _f1(dtp, d_pred, d_gold)
    return res

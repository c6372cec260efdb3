"""Run the pipeline on a gold file and lay out the figures."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyadline.evaluation.acceptance import AcceptanceResult, load_acceptance, score_acceptance
from dyadline.evaluation.gold import GoldResult, read_gold, score_gold
from dyadline.settings import Settings

__all__ = ["Report", "evaluate_file", "format_report"]


@dataclass
class Report:
    path: str
    kind: str  # acceptance | gold
    result: AcceptanceResult | GoldResult

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.path, "kind": self.kind, **self.result.to_dict()}


def evaluate_file(path: str | Path, settings: Settings) -> Report:
    """Code the gold file's text with the pipeline and score it."""
    from dyadline.articles import read_articles
    from dyadline.errors import InputError
    from dyadline.model import Quarantined
    from dyadline.pipeline import Pipeline

    pipe = Pipeline(settings)
    p = Path(path)
    if p.suffix.lower() in {".yaml", ".yml"}:
        spec, article_path = load_acceptance(p)
        records = list(read_articles([str(article_path)], settings=settings))
        bad = [r for r in records if isinstance(r, Quarantined)]
        if bad or not records:
            reason = bad[0].reason if bad else "no article read"
            raise InputError("E110", f"the acceptance file's article cannot be read: {reason}",
                             where=str(article_path))
        coded = next(iter(pipe.code_articles(records)))  # type: ignore[arg-type]
        return Report(str(p), "acceptance", score_acceptance(spec, coded))
    rows = read_gold(p)
    return Report(str(p), "gold", score_gold(rows, pipe.code_articles))


def format_report(report: Report, *, misses: int = 0) -> str:
    """A plain-text rendering of the figures."""
    lines = [f"{report.path} ({report.kind})"]
    r = report.result
    if isinstance(r, AcceptanceResult):
        lines.append(f"events matched: {len(r.matched)}/{r.expected}")
        for eid in r.matched:
            lines.append(f"  ok    {eid}")
        for eid in r.missed:
            lines.append(f"  MISS  {eid}")
            for why in r.near_misses.get(eid, []):
                lines.append(f"          candidate {why}")
        lines.append(f"optional events matched: {len(r.optional_matched)} {r.optional_matched}")
        lines.append("must not:")
        lines += [f"  {status:9} {rule}" for rule, status in r.must_not]
        lines.append("resolutions:")
        lines += [f"  {status:9} {m}" for m, status in r.resolutions]
        lines.append("flags:")
        lines += [f"  {status:9} {m}" for m, status in r.flags]
        return "\n".join(lines)
    d = r.to_dict()
    for key, value in d.items():
        if key == "confusion_gold_to_predicted_root":
            top = list(value.items())[:15]
            lines.append(f"{key} (top): " + ", ".join(f"{k} {n}" for k, n in top))
        else:
            lines.append(f"{key}: {value}")
    for m in r.misses[:misses]:
        lines.append(f"  miss {m['id']}: gold {m['gold']} got {m['got']} ({m['trigger']}): {m['text'][:120]}")
    return "\n".join(lines)

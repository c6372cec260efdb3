"""Measure find_timexes: TIMEX3 value accuracy on tests/dates/timex_table.tsv and time per
1,000 words on the real news of ../shared/corpus (not a test).

    .venv/bin/python benchmarks/dates_timex.py [RUNS]

Accuracy: of the table rows that expect an expression, the share found with exactly the
expected text and TIMEX3 value; of the rows that expect nothing, the share that yield nothing.
Speed: whole-article calls over every body of each corpus file, best of RUNS (default 3).
"""

from __future__ import annotations

import csv
import json
import sys
import time
from datetime import date
from pathlib import Path

from dyadline.dates import find_timexes

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "dates" / "timex_table.tsv"
CORPUS = ROOT.parent / "shared" / "corpus"


def table_accuracy() -> None:
    with TABLE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    positive = [r for r in rows if r["expression"] != "-"]
    negative = [r for r in rows if r["expression"] == "-"]
    right = 0
    for r in positive:
        dct = None if r["dct"] == "-" else date.fromisoformat(r["dct"])
        found = find_timexes(r["text"], dct, day_first="day_first" in r["options"])
        right += any(t.text == r["expression"] and t.value == r["value"] for t in found)
    clean = sum(not find_timexes(r["text"], date(2020, 12, 15)) for r in negative)
    print(f"table: exact value {right}/{len(positive)} = {right / len(positive):.1%}; "
          f"no false positive {clean}/{len(negative)}")


def speed(runs: int) -> None:
    for path in sorted(CORPUS.glob("*.jsonl")):
        arts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        docs = [(a["text"], date.fromisoformat(a["date"])) for a in arts]
        words = sum(len(text.split()) for text, _ in docs)
        best, found = float("inf"), 0
        for _ in range(runs):
            start = time.perf_counter()
            found = sum(len(find_timexes(text, dct)) for text, dct in docs)
            best = min(best, time.perf_counter() - start)
        print(f"{path.name}: {len(docs)} articles, {words} words, {found} expressions, "
              f"{best * 1000:.0f} ms, {best * 1e6 / words:.2f} ms per 1,000 words")


if __name__ == "__main__":
    table_accuracy()
    if CORPUS.is_dir():
        speed(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
    else:
        print(f"no corpus at {CORPUS}: speed not measured")

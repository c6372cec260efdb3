"""Time actor resolution on real articles, on top of the spaCy parse (not a test).

    .venv/bin/python benchmarks/actors_resolution.py [N]

Parses 2N articles of ../shared/corpus (default N = 100, half Wikinews, half Reuters), resolves
the first N untimed (the knowledge base, the city list and the caches warm up as in a long
batch), then times ``ArticleActors(...).mentions`` (every noun phrase and pronoun resolved) on
the other N in CPU time, and prints the median and 90th percentile per article and per 600
words.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from dyadline.actors import load_kb
from dyadline.actors.resolve import ArticleActors
from dyadline.nlp import load_nlp

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _articles(n: int) -> list[dict]:
    out: list[dict] = []
    for name in ("wikinews_2019_2020.jsonl", "reuters2017_politics.jsonl"):
        with (CORPUS / name).open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line, _ in zip(fh, range(n), strict=False)]
        out += rows
    return out


def main(n: int = 100) -> None:
    kb = load_kb()
    nlp = load_nlp()
    rows = _articles(n)
    warm, timed = rows[0::2], rows[1::2]
    for r in warm:
        _ = ArticleActors(nlp(r["text"]), date.fromisoformat(r["date"][:10]), kb).mentions
    docs = [(nlp(r["text"]), date.fromisoformat(r["date"][:10])) for r in timed]
    per_article, per_600 = [], []
    for doc, day in docs:
        t = time.process_time()  # CPU time: other processes on the machine do not count
        _ = ArticleActors(doc, day, kb).mentions
        ms = (time.process_time() - t) * 1000
        per_article.append(ms)
        words = sum(1 for t in doc if t.is_alpha)
        per_600.append(ms * 600 / max(words, 1))
    words = sum(1 for d, _ in docs for t in d if t.is_alpha)
    print(f"{len(docs)} articles timed ({words} words), {len(warm)} to warm up")
    print(f"per article: median {statistics.median(per_article):.1f} ms, "
          f"p90 {statistics.quantiles(per_article, n=10)[-1]:.1f} ms")
    print(f"per 600 words: median {statistics.median(per_600):.1f} ms, "
          f"p90 {statistics.quantiles(per_600, n=10)[-1]:.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)

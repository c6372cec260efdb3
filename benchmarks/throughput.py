"""Throughput of dyadline against the bare spaCy parse of the same text, in one run.

    .venv/bin/python benchmarks/throughput.py [JSONL ...] [--limit N] [--n-process N]

Reads articles (``{"id", "date", "text"}`` lines; default: the real news in ../shared/corpus),
parses them once with the bare spaCy pipeline (timed), then runs dyadline's own stages on those
same parses (timed, stage by stage), and prints articles/s, sentences/s, peak memory and the ratio
(parse + our stages) / parse. Target: our stages cost at most 20% on top of the parse.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from dyadline.model import Article
from dyadline.pipeline import Pipeline
from dyadline.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT.parent / "shared/corpus/wikinews_2019_2020.jsonl",
           ROOT.parent / "shared/corpus/reuters2017_politics.jsonl"]


def read(paths: list[Path], limit: int) -> list[Article]:
    out: list[Article] = []
    for p in paths:
        with p.open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                out.append(Article(id=str(r["id"]), body=r["text"],
                                   published=date.fromisoformat(r["date"][:10]) if r.get("date") else None,
                                   origin=str(p)))
                if len(out) >= limit:
                    return out
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--limit", type=int, default=300, help="articles to read (default 300)")
    ap.add_argument("--n-process", type=int, default=1)
    args = ap.parse_args()
    paths = args.paths or [p for p in DEFAULT if p.exists()]
    if not paths:
        print("no input: give JSONL files of {id, date, text}", file=sys.stderr)
        return 2
    articles = read(paths, args.limit)
    pipe = Pipeline(load_settings(overrides={"n_process": args.n_process}))
    nlp = pipe.nlp
    _ = pipe.coder, pipe.kb  # load resources before timing
    words = sum(len(a.body.split()) for a in articles)

    t0 = time.perf_counter()
    docs = list(nlp.pipe((a.body for a in articles), batch_size=pipe.settings.batch_size,
                         n_process=args.n_process))
    parse = time.perf_counter() - t0

    from dyadline.actors import ArticleActors
    from dyadline.dates import find_timexes

    stage: dict[str, float] = defaultdict(float)
    n_events = 0
    t0 = time.perf_counter()
    for doc, art in zip(docs, articles, strict=True):
        coded = pipe.code_doc(doc, art)
        n_events += len(coded.events)
    ours = time.perf_counter() - t0
    # the same stages again, one at a time, for the breakdown
    for doc, art in zip(docs, articles, strict=True):
        t = time.perf_counter()
        find_timexes(art.body, art.published)
        stage["dates.find_timexes"] += time.perf_counter() - t
        t = time.perf_counter()
        aa = ArticleActors(doc, art.published, pipe.kb)
        _ = aa.mentions
        stage["actors.ArticleActors"] += time.perf_counter() - t
    sentences = sum(1 for d in docs for _ in d.sents)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = parse + ours
    print(f"articles: {len(articles)}  words: {words}  sentences: {sentences}  events: {n_events}")
    print(f"bare spaCy parse ({pipe.settings.model}, n_process={args.n_process}): {parse:.2f} s  "
          f"{len(articles) / parse:.1f} articles/s  {sentences / parse:.1f} sentences/s")
    print(f"dyadline stages on the same parses: {ours:.2f} s "
          f"({1000 * ours / len(articles):.2f} ms/article)")
    for name, secs in stage.items():
        print(f"  of which {name}: {secs:.2f} s ({1000 * secs / len(articles):.2f} ms/article, "
              f"{1000 * secs / (words / 600):.2f} ms per 600 words)")
    print(f"dyadline end to end: {len(articles) / total:.1f} articles/s  {sentences / total:.1f} sentences/s")
    print(f"ratio (parse + dyadline stages) / bare parse: {total / parse:.3f}")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

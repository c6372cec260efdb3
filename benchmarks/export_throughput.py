"""Time the exports (every format) and the import of a JSONL export on a synthetic database.

Generates N events with the store benchmark's SQL (no articles: GDELT's SOURCEURL and
DATEADDED fall back), exports them in each format, imports the JSONL export into a new
database, and prints wall and CPU time, output size and the process's peak memory.

    .venv/bin/python benchmarks/export_throughput.py              # 200,000 events
    .venv/bin/python benchmarks/export_throughput.py --n 1000000
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from dyadline.export import ImportSummary, export_events, import_events
from dyadline.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_queries import generate_sql


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def _timed(label: str, fn: Callable[[], object], out: Path | None) -> None:
    t, c = time.perf_counter(), time.process_time()
    fn()
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = f", {_size(out) / 1e6:.1f} MB" if out is not None else ""
    print(f"{label:28} {wall:7.1f} s wall {cpu:7.1f} s CPU{size}; peak RSS so far {rss:.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200_000, help="events to generate")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = root / "bench.duckdb"
        with Store.open(str(db)) as store:
            con = store._con  # the bulk path of the store benchmark: SQL straight in
            con.execute("SELECT setseed(0.42)")
            con.execute(generate_sql(args.n))
            con.execute("CHECKPOINT")
        print(f"{args.n:,} synthetic events; load average {os.getloadavg()[0]:.1f} on "
              f"{os.cpu_count()} cores")
        with Store.open(str(db), read_only=True) as store:
            for fmt, name in (("jsonl", "e.jsonl"), ("csv", "e.csv"), ("parquet", "pq"),
                              ("gdelt", "e.tsv")):
                out = root / name

                def run(fmt: str = fmt, out: Path = out) -> None:
                    export_events(store, out, fmt)

                _timed(f"export --format {fmt}", run, out)
        with Store.open(str(root / "imported.duckdb")) as fresh:
            done: list[ImportSummary] = []

            def load() -> None:
                done.append(import_events([root / "e.jsonl"], fresh))

            _timed("import e.jsonl", load, None)
            print(f"import: {done[0].line()}")


if __name__ == "__main__":
    main()

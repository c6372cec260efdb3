"""Time the store's queries on a large synthetic event database.

Generates N synthetic events (default ten million; realistic skew: many dyads, a few hot ones,
dates over ten years) straight into a DuckDB file through SQL (not the per-article writer),
then times a dyad timeline and a filtered event query through the library (median of
several runs) and prints the figures and the database size.

    .venv/bin/python benchmarks/store_queries.py                # 10,000,000 events
    .venv/bin/python benchmarks/store_queries.py --n 100000     # quick
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from dyadline.store import EventQuery, Store, dyad_timeline, events

COUNTRIES = ["USA", "RUS", "CHN", "UKR", "GBR", "FRA", "DEU", "ISR", "PSE", "IRN", "IRQ", "SYR", "TUR", "IND", "PAK", "AFG", "JPN", "KOR", "PRK", "SAU", "EGY", "NGA", "ZAF", "BRA", "MEX", "VEN", "COL", "CAN", "AUS", "ITA", "ESP", "POL", "BLR", "KAZ", "VNM", "PHL", "IDN", "THA", "MMR", "ETH", "SDN", "SSD", "SOM", "KEN", "LBY", "YEM", "LBN", "JOR", "QAT", "ARE", "GRC", "SRB", "HUN", "NLD", "BEL", "SWE", "NOR", "FIN", "CUB"]
SECTORS = ("GOV", "MIL", "OPP", "MED", "BUS", "CVL", "REB", "")
CAMEO = ["010", "012", "013", "020", "030", "036", "040", "042", "043", "046", "050", "051", "057", "060", "061", "070", "071", "080", "090", "100", "110", "111", "112", "120", "128", "130", "138", "140", "141", "145", "150", "160", "163", "170", "172", "173", "180", "181", "183", "190", "193", "195", "200"]
GOLDSTEIN = {"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0,
             "08": 5.0, "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5,
             "15": -7.2, "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0}
# Four hot dyads take 8% of all events (source, target pairs).
HOT = ("RUSGOV", "UKRGOV", "USAGOV", "CHNGOV", "ISRMIL", "PSEREB", "IRNGOV", "SAUGOV")


def _list(items: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(f"'{x}'" for x in items) + "]"


def generate_sql(n: int) -> str:
    """One INSERT ... SELECT over range(n): actors skewed by pow(random(), 3), so a few codes
    dominate; 90% of events dated to a day, 10% to a month; 3% negated."""
    codes = [c + s for c in COUNTRIES for s in SECTORS]
    gold = ", ".join(f"'{k}': {v}" for k, v in GOLDSTEIN.items())
    return f"""
INSERT INTO events BY NAME
WITH b AS (
  SELECT i, random() < 0.08 AS is_hot, (floor(random() * 4))::INT AS hot_i,
         (1 + floor({len(codes)} * pow(random(), 3)))::INT AS si,
         (1 + floor({len(codes)} * pow(random(), 3)))::INT AS ti,
         (1 + floor({len(CAMEO)} * pow(random(), 1.5)))::INT AS ci,
         (DATE '2015-01-01' + (floor(random() * 3650))::INT) AS d, random() AS r
  FROM range({n}) t(i)
), c AS (
  SELECT *,
    CASE WHEN is_hot THEN list_element({_list(HOT)}, 2 * hot_i + 1)
         ELSE list_element({_list(codes)}, si) END AS sc,
    CASE WHEN is_hot THEN list_element({_list(HOT)}, 2 * hot_i + 2)
         ELSE list_element({_list(codes)}, ti) END AS tc,
    list_element({_list(CAMEO)}, ci) AS cm,
    CASE WHEN r < 0.9 THEN d ELSE date_trunc('month', d)::DATE END AS ds,
    CASE WHEN r < 0.9 THEN d
         ELSE (date_trunc('month', d) + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE END AS de
  FROM b
)
SELECT i + 1 AS id, 'bench-' || (i // 3) AS article_id,
  1 AS n_mentions, 1 AS n_sources, 1 AS n_articles, 1 AS n_stories,
  sc AS source_code, sc[1:3] AS source_country, nullif(sc[4:], '') AS source_sector,
  sc AS source_text, 0 AS source_start, 3 AS source_end, 'bench' AS source_basis,
  tc AS target_code, tc[1:3] AS target_country, nullif(tc[4:], '') AS target_sector,
  tc AS target_text, 10 AS target_start, 13 AS target_end, 'bench' AS target_basis,
  cm AS cameo, cm[1:2] AS root,
  CASE WHEN cm[1:2] <= '05' THEN 1 WHEN cm[1:2] <= '08' THEN 2
       WHEN cm[1:2] <= '13' THEN 3 ELSE 4 END AS quad_class,
  map_extract(MAP {{{gold}}}, cm[1:2])[1] AS goldstein, 'OTHER' AS plover,
  ds AS date_start, de AS date_end, CASE WHEN r < 0.9 THEN 'day' ELSE 'month' END AS date_granularity,
  'synthetic' AS date_basis, ds AS day,
  'synthetic event ' || i AS evidence_text, 0 AS evidence_start, 20 AS evidence_end,
  'verb' AS trigger_text, 5 AS trigger_start, 9 AS trigger_end,
  CASE WHEN r > 0.97 THEN ['negated'] ELSE []::VARCHAR[] END AS modality, r > 0.97 AS uncertain,
  0.5 + r / 2 AS confidence, 'synthetic' AS rule, 'synthetic' AS lexicon_entry,
  'synthetic' AS coder_version, 'synthetic' AS lexicon_version, 'synthetic' AS actors_version
FROM c
"""


def _median_ms(fn, runs: int) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    """Median wall time and median CPU time of this process (all DuckDB threads), in ms.

    On a busy machine the wall time grows with the load; the CPU time much less."""
    fn()  # warm the cache once
    wall, cpu, size = [], [], 0
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        size = len(fn())
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000, size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000_000, help="events to generate")
    ap.add_argument("--db", default=None, help="database file (default: a temporary one)")
    ap.add_argument("--runs", type=int, default=7, help="timed runs per query (median)")
    ap.add_argument("--reuse", action="store_true", help="query an existing --db, no generation")
    args = ap.parse_args()
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        args.db = str(Path(tmp.name) / "bench.duckdb")
    path = Path(args.db)
    if not args.reuse:
        path.unlink(missing_ok=True)
        with Store.open(str(path)) as store:
            t = time.perf_counter()
            con = store._con  # the bulk path: SQL straight into the table, no writer
            con.execute("DROP INDEX events_id")  # rebuilt once after the load: far faster
            con.execute("SELECT setseed(0.42)")
            con.execute(generate_sql(args.n))
            con.execute("CREATE INDEX events_id ON events (id)")
            con.execute("CHECKPOINT")
            print(f"generated {args.n:,} events in {time.perf_counter() - t:.1f} s")
    with Store.open(str(path), read_only=True) as store:
        n = store.counts()["events"]

        def timeline():  # type: ignore[no-untyped-def]
            return dyad_timeline(store, "RUS", "UKR", by="week", since="2020-01-01",
                                 until="2024-12-31")

        def filtered():  # type: ignore[no-untyped-def]
            return events(store, EventQuery(actor="IRN", root="19", since="2019-01-01",
                                            until="2019-12-31", order="-date", limit=100))

        tl_ms, tl_cpu, tl_rows = _median_ms(timeline, args.runs)
        ev_ms, ev_cpu, ev_rows = _median_ms(filtered, args.runs)
    size = path.stat().st_size + (path.with_suffix(path.suffix + ".wal").stat().st_size
                                  if path.with_suffix(path.suffix + ".wal").exists() else 0)
    print(f"events in database: {n:,}; file size {size / 1e6:.0f} MB")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"dyad timeline RUS<->UKR by week 2020-2024 ({tl_rows} periods): "
          f"median {tl_ms:.0f} ms wall, {tl_cpu:.0f} ms CPU over {args.runs} runs")
    print(f"filtered events (actor IRN, root 19, 2019, newest first, 100 rows; got {ev_rows}): "
          f"median {ev_ms:.0f} ms wall, {ev_cpu:.0f} ms CPU over {args.runs} runs")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()

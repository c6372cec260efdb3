"""kill -9 of a writer between (or during) batches, then a re-run: nothing lost, nothing doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from dyadline.store import Store

WRITER = """
import sys
from datetime import date, timedelta
sys.path.insert(0, {here!r})
from conftest import coded, event
from dyadline.store import Store
from dyadline.store.writer import content_hash

targets = ["USAGOV", "UKRGOV", "CHNGOV"]
batches = []
for i in range(12):
    day = date(2021, 6, 1) + timedelta(days=i % 20)
    batches.append([coded(f"b{{i}}-{{j}}", (event(target=targets[j % 3], start=day, end=day),),
                          source=f"Outlet {{j % 4}}") for j in range(5)])
with Store.open(sys.argv[1]) as store:
    run = store.start_run({{"argv": sys.argv[1:]}})
    for batch in batches:
        known = store.known(content_hash(ca.article.body) for ca in batch)
        store.write([ca for ca in batch if content_hash(ca.article.body) not in known], run_id=run)
        print("committed", flush=True)
    store.finish_run(run, {{}})
print("done", flush=True)
"""


def _snapshot(path: str) -> dict[str, object]:
    with Store.open(path, read_only=True) as s:
        counts = {k: v for k, v in s.counts().items() if k != "runs"}
        ev = s.fetch("SELECT id, source_code, target_code, day, n_mentions, n_sources, n_articles "
                     "FROM events ORDER BY id")
        arts = s.fetch("SELECT id, story_id FROM articles ORDER BY id")
    return {"counts": counts, "events": ev, "articles": arts}


def _run(script: Path, db: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(script), db], capture_output=True, text=True,
                          timeout=120, check=True)


def test_kill_minus_nine_then_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(here=str(Path(__file__).parent)))
    reference, killed = str(tmp_path / "ref.duckdb"), str(tmp_path / "killed.duckdb")
    _run(script, reference)

    proc = subprocess.Popen([sys.executable, str(script), killed], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None
    for _ in range(3):
        assert proc.stdout.readline().strip() == "committed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    partial = _snapshot(killed)
    assert 15 <= partial["counts"]["articles"] < 60  # type: ignore[index,operator]
    assert partial["counts"]["articles"] % 5 == 0  # type: ignore[index,operator]  # whole batches only

    rerun = _run(script, killed)
    assert rerun.stdout.strip().endswith("done")
    assert _snapshot(killed) == _snapshot(reference)
    with Store.open(killed, read_only=True) as s:
        runs = s.fetch("SELECT finished IS NOT NULL AS finished FROM runs ORDER BY id")
    assert runs == [{"finished": False}, {"finished": True}]

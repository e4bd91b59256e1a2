"""Benchmark: the cost of committing one step event durably (WAL + synchronous=FULL).

Times Store.start_step, Store.checkpoint_step and Store.finish_step on a real database
file with the app's settings, against two baselines in the same run:
  * the same Store calls with synchronous=OFF (no fsync: what durability costs), and
  * a bare sqlite3 UPDATE + commit in memory (the floor of any SQLite write).
Prints medians in milliseconds, the ratios, and PASS/FAIL against the 10 ms target for the
app's median; exits with status 1 if it is missed.

Run from the repository root: .venv/bin/python bench/durability.py
(BENCH_DIR=/some/folder measures on another disk; the default is the system temp folder.)
"""
from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event  # noqa: E402

from app.storage import Store  # noqa: E402
from app.storage.repository import PlanStepView  # noqa: E402

REPEATS = int(os.environ.get("BENCH_REPEATS", "200"))
TARGET_MS = 10.0
T0 = datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)


def median_ms(action: Callable[[int], None], repeats: int = REPEATS) -> float:
    for i in range(5):  # warm up caches and the connection pool
        action(i)
    times = []
    for i in range(repeats):
        started = time.perf_counter()
        action(i)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def without_fsync(store: Store) -> Store:
    """Same engine, with synchronous=OFF applied after the app's own connect pragmas."""
    event.listen(store.engine, "connect", lambda conn, _record: conn.execute("PRAGMA synchronous=OFF"))
    store.engine.dispose()  # the next connection runs both listeners, ours last
    return store


def step_events(store: Store) -> dict[str, float]:
    plan = store.save_plan([PlanStepView("heat", True, 600)], set(), T0.date(), T0)
    session_id = store.begin_session(plan.id, T0)
    step_ids = []

    def start(i: int) -> None:
        step_ids.append(store.start_step(session_id, len(step_ids), "heat", 600, T0 + timedelta(seconds=i)))

    def checkpoint(i: int) -> None:
        store.checkpoint_step(step_ids[-1], i * 0.5, T0 + timedelta(seconds=i))

    def finish(i: int) -> None:
        store.finish_step(step_ids[i], "done", 600.0, T0 + timedelta(seconds=i))

    return {"start_step": median_ms(start), "checkpoint_step": median_ms(checkpoint),
            "finish_step": median_ms(finish)}


def bare_memory_commit() -> float:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE step_logs (id INTEGER PRIMARY KEY, done_seconds REAL)")
    conn.execute("INSERT INTO step_logs VALUES (1, 0)")
    conn.commit()

    def update(i: int) -> None:
        conn.execute("UPDATE step_logs SET done_seconds = ? WHERE id = 1", (i,))
        conn.commit()

    return median_ms(update)


def main() -> int:
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as folder:
        durable = Store(Path(folder) / "durable")
        app = step_events(durable)
        durable.close()
        fast = without_fsync(Store(Path(folder) / "no-fsync"))
        off = step_events(fast)
        fast.close()
    floor = bare_memory_commit()

    print(f"One step event, median of {REPEATS} commits on a real file (WAL + synchronous=FULL):")
    print(f"{'event':<16}{'app ms':>9}{'sync=OFF ms':>13}{'ratio':>8}{'vs memory':>11}")
    for name, ms in app.items():
        print(f"{name:<16}{ms:>9.3f}{off[name]:>13.3f}{ms / off[name]:>7.1f}x{ms / floor:>10.0f}x")
    print(f"bare in-memory sqlite3 UPDATE + commit: {floor:.3f} ms")
    worst = max(app.values())
    verdict = "PASS" if worst <= TARGET_MS else "FAIL"
    print(f"slowest median {worst:.3f} ms, target <= {TARGET_MS:g} ms: {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())

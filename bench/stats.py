"""Benchmark: Home, Progress and History statistics over ten years of daily use.

Builds a temporary health record (about 3,650 days: done, partial, missed and rest days,
some days with two sessions), then prints the median time of each query, its ratio to a
baseline run on the same database in the same process (`SELECT count(*) FROM sessions`),
and its target with PASS or FAIL. Exits with status 1 if a target is missed.

Run from the repository root: .venv/bin/python bench/stats.py
"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, text  # noqa: E402

from app.routine import load_routine  # noqa: E402
from app.storage import Store, queries  # noqa: E402
from app.storage.models import Plan, PlanStep, RestDay, SessionRecord, StepLog, encode_weekdays  # noqa: E402
from app.storage.repository import PlanStepView  # noqa: E402

TODAY = date(2026, 11, 25)
DAYS = 3650
REPEATS = 40
TARGETS_MS = {"home_stats": 10.0, "progress_data": 50.0, "history_rows": 150.0}
PARIS = timezone(timedelta(hours=1))


def build(store: Store, routine) -> tuple[int, int]:
    """Fill the store with ten years of varied days in one transaction per table batch."""
    first = TODAY - timedelta(days=DAYS - 1)
    steps = [PlanStepView(s.key, True, s.seconds) for s in routine.steps]
    now = datetime.combine(first, datetime.min.time(), PARIS)
    plan = _plan(store, steps, set(), first, now)
    later = _plan(store, steps, {6}, first + timedelta(days=1000), now + timedelta(days=1000))
    rng = random.Random(20261125)
    sessions, logs, rests = [], [], []
    for offset in range(DAYS):
        day = first + timedelta(days=offset)
        plan_id = later.id if offset >= 1000 else plan.id
        roll = rng.random()
        if roll < 0.03:
            rests.append({"local_date": day, "created_at": now})
        if roll < 0.10 or (day.weekday() == 6 and offset >= 1000 and roll < 0.8):
            continue  # missed, or resting
        outcome = "partial" if roll < 0.18 else "completed"
        for start_hour in ((8, 19) if rng.random() < 0.3 else (8,)):
            session_id = len(sessions) + 1
            started = datetime.combine(day, datetime.min.time(), PARIS) + timedelta(hours=start_hour)
            sessions.append(_session(session_id, day, started, outcome, plan_id, rng))
            logs.extend(_logs(session_id, routine, started, outcome))
    with store.engine.begin() as conn:  # executemany inside one transaction
        conn.execute(insert(SessionRecord.__table__), sessions)
        conn.execute(insert(StepLog.__table__), logs)
        conn.execute(insert(RestDay.__table__), rests)
    return len(sessions), len(logs)


def _plan(store: Store, steps, rest_weekdays, effective: date, now: datetime) -> Plan:
    """A plan row written directly: ten years back is before the earliest day Store.save_plan
    accepts (2021), which is the point of a worst case."""
    with store.session_factory.begin() as s:
        plan = Plan(created_at=now, effective_from=effective, rest_weekdays=encode_weekdays(rest_weekdays),
                    steps=[PlanStep(position=i, step_key=p.step_key, included=p.included, seconds=p.seconds)
                           for i, p in enumerate(steps)])
        s.add(plan)
        s.flush()
        return plan


def _session(session_id, day, started, outcome, plan_id, rng) -> dict:
    ended = started + timedelta(minutes=17)
    return {"id": session_id, "local_date": day, "started_at": started, "ended_at": ended,
            "last_activity_at": ended, "utc_offset_minutes": 60, "status": outcome,
            "note": None, "rating": rng.choice((None, 3, 4, 5)), "plan_id": plan_id}


def _logs(session_id, routine, started, outcome) -> list[dict]:
    rows = []
    for position, step in enumerate(routine.steps):
        skipped = outcome == "partial" and position == len(routine.steps) - 1
        rows.append({"session_id": session_id, "position": position, "step_key": step.key,
                     "planned_seconds": step.seconds, "done_seconds": 0.0 if skipped else float(step.seconds),
                     "status": "skipped" if skipped else "done", "started_at": started, "ended_at": started})
    return rows


def median_ms(action) -> float:
    action()  # warm up: first-use compilation of the statements
    times = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> int:
    routine = load_routine()
    with tempfile.TemporaryDirectory(prefix="smileback-bench-") as folder:
        store = Store(Path(folder))
        try:
            began = time.perf_counter()
            n_sessions, n_logs = build(store, routine)
            print(f"built {n_sessions} sessions, {n_logs} step logs over {DAYS} days "
                  f"in {time.perf_counter() - began:.2f} s")
            return report(store, routine)
        finally:
            store.close()


def report(store: Store, routine) -> int:
    def baseline():
        with store.session_factory() as s:
            s.execute(text("SELECT count(*) FROM sessions")).scalar()

    actions = {
        "home_stats": lambda: queries.home_stats(store, routine, TODAY),
        "progress_data": lambda: queries.progress_data(store, routine, TODAY, TODAY.replace(day=1)),
        "history_rows": lambda: queries.history_rows(store),
    }
    base = median_ms(baseline)
    print(f"medians of {REPEATS} runs; baseline is SELECT count(*) FROM sessions on the same database")
    print(f"{'baseline':<14} {base:8.2f} ms")
    failed = False
    for name, action in actions.items():
        ms, target = median_ms(action), TARGETS_MS[name]
        verdict = "PASS" if ms <= target else "FAIL"
        failed |= verdict == "FAIL"
        print(f"{name:<14} {ms:8.2f} ms  {ms / base:6.0f}x baseline  target <= {target:.0f} ms  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

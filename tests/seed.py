"""Seed a real store with sessions, written the way the runner writes them (through Store).

Used by the UI tests and the screenshot scenes. All times are aware datetimes.
"""
from __future__ import annotations

import atexit
import copy
import random
import shutil
import sqlite3
import tempfile
from contextlib import closing, contextmanager
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import sessionmaker

from app.storage.models import SessionRecord, StepLog
from app.storage.repository import PlanStepView, PlanView, Store

REQUIRED = ("heat", "massage", "eyes")
ALL_STEPS = ("preparation", *REQUIRED)


@contextmanager
def one_transaction(store: Store):
    """The store, writing through its own methods, but every write in one transaction.

    Each Store write commits on its own (an fsync each, as the app needs); seeding
    hundreds of rows that way is slow. The copy yielded here runs the very same methods
    on one connection whose transaction is committed once, at the end, so the rows are
    the same, ids included. (Should the Store stop keeping its sessionmaker in `_session`,
    the writes simply commit one by one again: slower, but the same rows.)
    """
    with store.engine.connect() as conn, conn.begin():
        bulk = copy.copy(store)
        # rollback_only: a method's commit leaves the connection's transaction open.
        bulk._session = bulk.session_factory = sessionmaker(
            bind=conn, expire_on_commit=False, join_transaction_mode="rollback_only")
        yield bulk


def save_plan(store: Store, routine, effective: date, rest_weekdays=(), now: datetime | None = None) -> PlanView:
    """A plan with every routine step at its default length, saved now (so it rules from `effective`)."""
    steps = [PlanStepView(s.key, True, s.seconds) for s in routine.steps]
    now = now or datetime.combine(effective, time(7), timezone.utc)
    return store.save_plan(steps, set(rest_weekdays), effective, now)


def add_session(store: Store, plan: PlanView, started: datetime, done=ALL_STEPS, skipped=(),
                status: str | None = None, note: str | None = None, rating: int | None = None,
                short_by: float = 0.0) -> int:
    """One session: each step started then finished, done or skipped, in routine order.

    `short_by` seconds are taken off every done timed step (stopped a little early).
    The status defaults to what the runner would write: completed when every required
    step was done, partial when something was, abandoned when nothing was.
    """
    planned = {s.step_key: s.seconds for s in plan.steps}
    session_id = store.begin_session(plan.id, started)
    at = started
    position = 0
    for key in ALL_STEPS:
        if key not in done and key not in skipped:
            continue
        seconds = planned.get(key, 0)
        step_id = store.start_step(session_id, position, key, seconds, at)
        if key in done:
            spent = max(0.0, seconds - short_by) if seconds else 0.0
            result = "done"
        else:
            spent = min(seconds, 7.0)
            result = "skipped"
        at += timedelta(seconds=spent + 5)
        store.finish_step(step_id, result, spent, at)
        position += 1
    if status is None:
        status = ("completed" if all(k in done for k in REQUIRED)
                  else "partial" if any(k in done for k in ALL_STEPS) else "abandoned")
    store.finish_session(session_id, status, at)
    if note is not None or rating is not None:
        store.annotate_session(session_id, note, rating)
    return session_id


NOTES = [
    "Cheek felt a little looser today.",
    "Eye watered less during the circles.",
    "Tired, kept it short.",
    "Towel was too hot at first, let it cool.",
    "Smile felt more even in the mirror.",
    "Jaw ached a bit after the massage.",
    "Did it with my daughter watching, she helped with the timer.",
]


MISSED_DAYS_AGO = {10, 23, 31, 44, 52}
PARTIAL_DAYS_AGO = {13, 20, 27, 38, 49, 57}
NOTHING_DONE_DAYS_AGO = {34}
REST_DAY_AGO = 16  # an explicit rest day, besides the plan's Sundays


def seed_two_months(store: Store, routine, today: date, days: int = 60, zone=timezone.utc) -> None:
    """About two months of varied, realistic use ending with today done.

    Sundays are rest days in the plan (a few used anyway); there are done, partly done,
    missed and rest days, one explicit rest day, notes and ratings. The pattern is fixed,
    so screenshots do not change from run to run.
    """
    key = (today, days, zone, tuple((s.key, s.seconds) for s in routine.steps), seeded_rows(store))
    if key not in _TEMPLATES:
        _TEMPLATES[key] = _seeded_copy(store, routine, today, days, zone)
    if not _copy_rows(_TEMPLATES[key], store):
        with one_transaction(store) as bulk:
            _seed_two_months(bulk, routine, today, days, zone)


# The two months are written through the Store once per process, into a copy of the first
# record that asks for them; every record in that same state then gets the rows copied
# from that copy (same ids), and is checked to hold exactly what the copy holds.
_TEMPLATES: dict[tuple, Path] = {}
SEEDED_TABLES = ("plans", "plan_steps", "rest_days", "sessions", "step_logs")  # parents first


def _tables(db, schema: str = "main") -> list[str]:
    names = {row[0] for row in db.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'")}
    return [t for t in (*SEEDED_TABLES, "sqlite_sequence") if t in names]


def seeded_rows(store: Store) -> str:
    """Every row of the tables seeding writes (plans, sessions, steps, rest days), as text."""
    raw = store.engine.raw_connection()
    try:
        db = raw.driver_connection
        return repr([(t, db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in _tables(db)])
    finally:
        raw.close()


def _seeded_copy(store: Store, routine, today: date, days: int, zone) -> Path:
    """A copy of the store's record, seeded through the Store in one transaction."""
    folder = Path(tempfile.mkdtemp(prefix="smileback-seed-"))
    atexit.register(shutil.rmtree, folder, True)
    raw = store.engine.raw_connection()
    try:
        with closing(sqlite3.connect(folder / store.path.name)) as copy_db:
            raw.driver_connection.backup(copy_db)
    finally:
        raw.close()
    template = Store(folder)
    try:
        with one_transaction(template) as bulk:
            _seed_two_months(bulk, routine, today, days, zone)
    finally:
        template.close()
    return template.path


def _copy_rows(template: Path, store: Store) -> bool:
    """Add the template's new rows to `store` in one transaction, if it then holds exactly
    what the template holds; otherwise change nothing and say False."""
    raw = store.engine.raw_connection()
    try:
        db = raw.driver_connection  # sqlite3, in autocommit mode: BEGIN and COMMIT are ours
        db.execute("ATTACH DATABASE ? AS template", (str(template),))
        try:
            db.execute("BEGIN")
            try:
                for table in SEEDED_TABLES:
                    db.execute(f"INSERT INTO main.{table} SELECT * FROM template.{table} "
                               f"EXCEPT SELECT * FROM main.{table}")
                same = _tables(db) == _tables(db, "template") and not any(
                    db.execute(f"SELECT 1 FROM (SELECT * FROM {a}.{t} EXCEPT SELECT * FROM {b}.{t})").fetchone()
                    for t in _tables(db) for a, b in (("main", "template"), ("template", "main")))
            except sqlite3.IntegrityError:
                same = False
            db.execute("COMMIT" if same else "ROLLBACK")
        finally:
            db.execute("DETACH DATABASE template")
    finally:
        raw.close()
    return same


def _seed_two_months(store: Store, routine, today: date, days: int, zone) -> None:
    rng = random.Random(20261125)
    first = today - timedelta(days=days)
    plan = save_plan(store, routine, first, rest_weekdays={6},
                     now=datetime.combine(today, time(6), zone) - timedelta(hours=2))
    store.set_rest_day(today - timedelta(days=REST_DAY_AGO), True, datetime.combine(first, time(7), zone))
    for n in range(days, -1, -1):
        day = today - timedelta(days=n)
        started = datetime.combine(day, time(rng.choice((7, 8, 9, 18, 20)), rng.choice((0, 15, 30, 45))), zone)
        if n == 0:
            started = datetime.combine(day, time(7, 5), zone)
        note = rng.choice(NOTES) if rng.random() < 0.35 else None
        rating = rng.choice((3, 4, 4, 5, 5)) if rng.random() < 0.8 else None
        if day.weekday() == 6 or n == REST_DAY_AGO:
            if n % 3 == 0:  # a rest day used anyway
                add_session(store, plan, started, note=note, rating=rating)
        elif n in MISSED_DAYS_AGO:
            continue
        elif n in PARTIAL_DAYS_AGO:
            add_session(store, plan, started, done=("preparation", "heat"), skipped=("massage", "eyes"),
                        note=note or "Had to stop early, the phone rang.", rating=rng.choice((2, 3, None)))
        elif n in NOTHING_DONE_DAYS_AGO:
            add_session(store, plan, started, done=(), skipped=("preparation",))
        else:
            add_session(store, plan, started, done=REQUIRED if n % 4 else ALL_STEPS,
                        skipped=("preparation",) if n % 4 == 1 else (), note=note, rating=rating,
                        short_by=rng.choice((0, 0, 0, 10, 40)))


def bulk_daily(store: Store, plan: PlanView, last: date, days: int, zone=timezone.utc) -> None:
    """`days` complete daily sessions ending on `last`, written in one transaction (years of use, fast)."""
    planned = {s.step_key: s.seconds for s in plan.steps}
    sessions, steps = [], []
    with store.session_factory.begin() as s:
        first_id = (s.scalar(select(func.max(SessionRecord.id))) or 0) + 1
        for n in range(days):
            day = last - timedelta(days=days - 1 - n)
            started = datetime.combine(day, time(8), zone)
            at = started
            session_id = first_id + n
            for position, key in enumerate(REQUIRED):
                end = at + timedelta(seconds=planned[key])
                steps.append(dict(session_id=session_id, position=position, step_key=key,
                                  planned_seconds=planned[key], done_seconds=float(planned[key]), status="done",
                                  started_at=at, ended_at=end))
                at = end
            sessions.append(dict(id=session_id, local_date=day, started_at=started, ended_at=at,
                                 last_activity_at=at, utc_offset_minutes=0, status="completed",
                                 note=None, rating=4, plan_id=plan.id))
        s.execute(insert(SessionRecord), sessions)
        s.execute(insert(StepLog), steps)



def seed_treatment(store: Store, today: date, now: datetime, days_since: int = 3) -> None:
    """A journal as a patient a few days after an injection has it: the injection (two areas),
    aerobic exercise and the mood check in the plan, and the clinician's and an emergency number."""
    from app.treatment.checkins import CLINICIAN_NUMBER_SETTING, EMERGENCY_NUMBER_SETTING
    from app.treatment.entries import AreaDose
    from app.vocabulary import Cadence, CareKind, InjectionArea, InjectionSide

    journal = store.treatment
    journal.log_injection(today - timedelta(days=days_since),
                          [AreaDose(InjectionArea.AROUND_EYE, InjectionSide.LEFT, 2.5),
                           AreaDose(InjectionArea.NECK, InjectionSide.BOTH)], now,
                          given_by="Dr Okafor", product="Botox")
    journal.save_care_item(CareKind.AEROBIC, Cadence.DAILY, today, now, target_minutes=30)
    journal.save_care_item(CareKind.MOOD, Cadence.DAILY, today, now)
    store.put_setting(EMERGENCY_NUMBER_SETTING, "112")
    store.put_setting(CLINICIAN_NUMBER_SETTING, "+44 20 7946 0000")


OWN_ITEM = "How tired my face feels by the end of a long working day"  # long, to test wrapping


def seed_ratings(store: Store, today: date, now: datetime, weeks: int = 8) -> None:
    """Three items (two from the list, one in the patient's own words), rated every 3 days
    for `weeks` weeks: stiffness 3 points lower in the last two (worth mentioning)."""
    from app.outcomes.entries import ItemPick
    from app.outcomes.items import load_items
    from app.vocabulary import RatingMoment

    outcomes = store.outcomes
    keys = {c.key for c in load_items()}
    stiffness, eye, own = outcomes.choose_items(
        [ItemPick(key="stiffness"), ItemPick(key="eye_comfort"), ItemPick(own_words=OWN_ITEM)], keys, now)
    days = range(weeks * 7, 0, -3)
    for step, days_ago in enumerate(days):
        late = days_ago <= 5  # the last two ratings
        values = {stiffness.id: 4 if late else 7, eye.id: 3 + step % 3, own.id: 6 - step % 2}
        outcomes.rate(today - timedelta(days=days_ago), RatingMoment.ROUTINE, values, now)


def face_picture(smile: float = 0.3, skin=(236, 200, 170), size=(240, 320)) -> bytes:
    """A drawn face as PNG bytes: an oval, two eyes and a mouth curved by `smile` (0 to 1)."""
    import io

    from PIL import Image, ImageDraw

    w, h = size
    image = Image.new("RGB", size, (200, 220, 235))
    draw = ImageDraw.Draw(image)
    draw.ellipse((w * 0.12, h * 0.1, w * 0.88, h * 0.92), fill=skin, outline=(90, 60, 40), width=3)
    for x in (0.34, 0.6):
        draw.ellipse((w * x, h * 0.38, w * (x + 0.08), h * 0.44), fill=(40, 40, 40))
    top, bottom = h * (0.58 - 0.08 * smile), h * (0.7 + 0.06 * smile)
    draw.arc((w * 0.33, top, w * 0.67, bottom), 10, 170, fill=(150, 40, 40), width=4)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def seed_photos(store: Store, today: date, now: datetime) -> tuple[int, int]:
    """A complete baseline set eight weeks ago and a newer set of four photos today: (baseline, newer)."""
    from app.storage import photo_files
    from app.vocabulary import Expression, PhotoSource

    ids = []
    for days_ago, count, skin in ((56, 6, (236, 200, 170)), (0, 4, (226, 188, 160))):
        photo_set = store.outcomes.new_photo_set(today - timedelta(days=days_ago), now)
        for index, expression in enumerate(list(Expression)[:count]):
            photo_files.add_photo(store, photo_set.id, expression, face_picture(index / 5, skin), now,
                                  PhotoSource.FILE)
        ids.append(photo_set.id)
    store.outcomes.set_baseline(ids[0])
    return ids[0], ids[1]


def seed_scores(store: Store, today: date, now: datetime) -> None:
    """Three clinician scores over two months, one with a note."""
    from app.vocabulary import ClinicianScale

    outcomes = store.outcomes
    outcomes.record_score(today - timedelta(days=60), ClinicianScale.HOUSE_BRACKMANN, 4, now, rated_by="Dr Okafor",
                          note="Left side; eye closes with effort.")
    outcomes.record_score(today - timedelta(days=60), ClinicianScale.SUNNYBROOK_COMPOSITE, 48, now,
                          rated_by="Dr Okafor")
    outcomes.record_score(today - timedelta(days=5), ClinicianScale.SUNNYBROOK_COMPOSITE, 61, now,
                          rated_by="Physiotherapist")


# --- face measures: sets built from the astronaut photo (tests/fixtures/faces.py) ---------------

FACE_BASELINE_DAYS_AGO = 42
PULL_PIXELS = 20  # the later set's big-smile photo has the patient's right mouth corner this much lower


def face_images() -> dict[str, bytes]:
    """The test faces as PNG bytes, made once per process (the warp takes most of a second)."""
    global _FACE_IMAGES
    if _FACE_IMAGES is None:
        from tests.fixtures import faces

        symmetric = faces.symmetric()
        _FACE_IMAGES = {"symmetric": faces.encoded(symmetric),
                        "pulled": faces.encoded(faces.corner_pulled_down(symmetric, PULL_PIXELS, reach=30)),
                        "no_face": faces.encoded(faces.gradient())}
    return _FACE_IMAGES


_FACE_IMAGES: dict[str, bytes] | None = None


def face_set_images(later: bool, no_face: bool = False) -> dict:
    """At rest, big smile and eyes closed: the baseline all the symmetric face; the later set
    with the big smile's right corner pulled down, and with `no_face` a gradient for eyes closed."""
    from app.vocabulary import Expression

    images = face_images()
    return {Expression.AT_REST: images["symmetric"],
            Expression.BIG_SMILE: images["pulled" if later else "symmetric"],
            Expression.EYES_CLOSED: images["no_face" if no_face else "symmetric"]}


def seed_face_sets(store: Store, today: date, now: datetime, no_face: bool = False) -> tuple[int, int]:
    """A baseline set six weeks ago and a later one today, not measured yet: (baseline, later)."""
    from app.storage import photo_files
    from app.vocabulary import PhotoSource

    ids = []
    for days_ago, later in ((FACE_BASELINE_DAYS_AGO, False), (0, True)):
        photo_set = store.outcomes.new_photo_set(today - timedelta(days=days_ago), now)
        for expression, data in face_set_images(later, no_face and later).items():
            photo_files.add_photo(store, photo_set.id, expression, data, now, PhotoSource.FILE)
        ids.append(photo_set.id)
    store.outcomes.set_baseline(ids[0])
    return ids[0], ids[1]


def measure_sets(core, *set_ids: int) -> None:
    """Measure each set through the app's own SetMeasuring, as the photo screens do."""
    for set_id in set_ids:
        core.measuring.start(set_id)
        core.measuring.wait(60)
        core.measuring.step()
        assert not core.measuring.running, core.measuring.state()

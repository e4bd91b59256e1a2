"""Face measures in the record (migration 0004, store.face) and the background job, without Kivy."""
import shutil
import sqlite3
from contextlib import closing
from datetime import date, datetime, timedelta, timezone

import pytest

from app.face.baseline import NO_BASELINE, OTHER_MODEL
from app.face.job import MeasureJob, PhotoToMeasure
from app.face.port import FaceStatus, LandmarkResult, UnavailableLandmarker, available_landmarker
from app.storage import Store
from app.storage.photo_files import add_photo, delete_photo
from app.storage.repository import DB_NAME
from app.vocabulary import Expression, PhotoSource
from tests.app.test_migrations import FIXTURES, read_tables
from tests.fixtures import faces

NOW = datetime(2026, 11, 25, 9, tzinfo=timezone.utc)


def test_the_0003_record_upgrades_with_every_row_kept_and_takes_face_measures(tmp_path):
    copy = tmp_path / DB_NAME
    shutil.copyfile(FIXTURES / "schema_0003.sqlite3", copy)
    before = read_tables(copy)
    store = Store(tmp_path)
    try:
        baseline = next(s for s in store.outcomes.photo_sets() if s.baseline)
        assert store.face.for_set(baseline.id) == {}
        rest = baseline.photo(Expression.AT_REST)
        kept = store.face.record(rest.id, FaceStatus.NO_FACE, "m", False, None, NOW)
        assert kept.words.startswith("No face was found")
    finally:
        store.close()
    after = read_tables(copy)
    for table, rows in before.items():
        assert after[table] == rows, table  # nothing in the earlier tables changed
    assert [(r["photo_id"], r["status"], r["features"]) for r in after["face_measures"]] == [(rest.id, "no_face", None)]


def test_the_0004_fixture_reads_back_every_face_measure(tmp_path):
    shutil.copyfile(FIXTURES / "schema_0004.sqlite3", tmp_path / DB_NAME)
    rows = read_tables(tmp_path / DB_NAME)["face_measures"]
    store = Store(tmp_path)
    try:
        read = store.face.for_set(1)
        assert sorted((m.photo_id, m.status.value, m.mirrored, m.model_id) for m in read.values()) == \
            sorted((r["photo_id"], r["status"], bool(r["mirrored"]), r["model_id"]) for r in rows)
        assert read[Expression.AT_REST].features.corner_height == (55.0, 56.5)
        assert read[Expression.BROWS_RAISED].features is None
        keys = [v.key for v in store.face.measures_for_set(1).values]
        assert "rest.corner_height" in keys and "brows_raised.lift" not in keys  # its photo asked for a retake
    finally:
        store.close()


def test_the_record_refuses_features_without_a_measure_and_a_status_it_does_not_know(store):
    photo_set = store.outcomes.new_photo_set(NOW.date(), NOW)
    photo = add_photo(store, photo_set.id, Expression.AT_REST, faces.encoded(faces.gradient(60)), NOW, PhotoSource.FILE)
    with pytest.raises(ValueError, match="features come with a measured photo"):
        store.face.record(photo.id, FaceStatus.MEASURED, "m", False, None, NOW)
    with pytest.raises(ValueError):
        store.face.record(photo.id, "graded", "m", False, None, NOW)
    with closing(sqlite3.connect(store.path)) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO face_measures (photo_id, model_id, mirrored, status, features, iris_mm, measured_at)"
                     " VALUES (?, 'm', 0, 'measured', NULL, 11.7, '2026-11-25 09:00:00.000000')", (photo.id,))


def photo_set(store, day: date, images: dict[Expression, bytes]):
    made = store.outcomes.new_photo_set(day, NOW)
    for expression, data in images.items():
        add_photo(store, made.id, expression, data, NOW, PhotoSource.CAMERA)
    return store.outcomes.photo_set(made.id)


def run(store, set_id: int, make_landmarker, mirrored=lambda photo_id: False):
    landmarker_id = make_landmarker().model_id
    job = MeasureJob(make_landmarker, store.face.to_measure(set_id, landmarker_id, mirrored)).start()
    assert job.wait(120)
    progress = job.poll()
    assert progress.failure == "" and progress.finished and progress.done == progress.total
    for outcome in progress.results:
        store.face.keep(outcome, NOW)
    return progress


def test_a_pulled_down_corner_since_the_baseline_shows_as_a_change_on_that_side(store):
    landmarker = available_landmarker()
    symmetric, pulled = faces.symmetric(), faces.corner_pulled_down(faces.symmetric(), 20, reach=30)
    first = photo_set(store, NOW.date() - timedelta(days=30),
                      {Expression.AT_REST: faces.encoded(symmetric), Expression.BIG_SMILE: faces.encoded(symmetric)})
    store.outcomes.set_baseline(first.id)
    later = photo_set(store, NOW.date(), {Expression.AT_REST: faces.encoded(pulled),
                                          Expression.BIG_SMILE: faces.encoded(symmetric)})
    assert store.face.changes_since_baseline().rows == ()  # nothing measured yet
    progress = [run(store, s.id, lambda: landmarker) for s in (first, later)]
    assert [p.fraction for p in progress] == [1.0, 1.0]
    assert store.face.to_measure(later.id, landmarker.model_id) == []

    rows = {row.key: row for row in store.face.changes_since_baseline().rows}
    assert set(rows) == {"rest.eye_opening", "rest.brow_height", "rest.corner_height", "big_smile.movement",
                         "big_smile.angle"}
    corner = rows["rest.corner_height"]
    assert corner.right.change > corner.noise and corner.right.change > corner.left.change  # lower, the right
    assert corner.words(corner.right).startswith("+")
    assert corner.baseline_ratio == pytest.approx(1, abs=0.01) and corner.latest_ratio < 0.98
    # The smile photo did not change, but its corner rose from a lower rest: it moved further.
    assert rows["big_smile.movement"].right.latest > rows["big_smile.movement"].left.latest


def test_sets_measured_by_another_model_are_not_compared_and_a_deleted_photo_takes_its_measure(store):
    class OtherModel:
        model_id = "other-model"

        def __init__(self, inner):
            self.inner = inner

        def landmarks(self, photo, mirrored=False, eyes_open=True):
            found = self.inner.landmarks(photo, mirrored, eyes_open)
            return LandmarkResult(found.status, found.points, self.model_id)

    real = available_landmarker()
    image = faces.encoded(faces.closeup())
    first = photo_set(store, NOW.date() - timedelta(days=30), {Expression.AT_REST: image})
    later = photo_set(store, NOW.date(), {Expression.AT_REST: image})
    assert store.face.changes_since_baseline(later.id).reason == NO_BASELINE
    store.outcomes.set_baseline(first.id)
    run(store, first.id, lambda: OtherModel(real))
    run(store, later.id, lambda: real)
    assert store.face.changes_since_baseline(later.id).reason == OTHER_MODEL
    assert [p.photo_id for p in store.face.to_measure(first.id, real.model_id)] == [first.photos[0].id]
    run(store, first.id, lambda: real)  # measured again, by this model: now they compare
    comparison = store.face.changes_since_baseline(later.id)
    assert comparison.reason == "" and all(row.no_clear_change for row in comparison.rows)

    delete_photo(store, later.photos[0].id)
    assert store.face.for_set(later.id) == {}


def test_the_job_reports_progress_photo_by_photo_and_measures_the_rest_photo_first():
    class CountingLandmarker(UnavailableLandmarker):
        def __init__(self):
            super().__init__()
            self.seen = []

        def landmarks(self, photo, mirrored=False, eyes_open=True):
            self.seen.append((photo, eyes_open))
            return super().landmarks(photo, mirrored, eyes_open)

    counting = CountingLandmarker()
    photos = [PhotoToMeasure(n, expression, f"{expression.value}".encode())
              for n, expression in enumerate(reversed(list(Expression)))]
    job = MeasureJob(lambda: counting, photos)
    assert job.poll().done == 0 and not job.poll().finished  # not started yet
    assert job.start().wait(10)
    progress = job.poll()
    assert (progress.done, progress.total, progress.finished) == (6, 6, True)
    assert [r.status for r in progress.results] == [FaceStatus.UNAVAILABLE] * 6
    assert counting.seen[0] == (b"at_rest", True) and (b"eyes_closed", False) in counting.seen
    assert job.poll().results == ()  # each result is handed out once


def test_a_job_whose_landmarker_fails_says_why_instead_of_dying_quietly():
    def broken():
        raise RuntimeError("model file missing")

    job = MeasureJob(broken, [PhotoToMeasure(1, Expression.AT_REST, b"x")]).start()
    assert job.wait(10)
    assert job.poll().failure == "RuntimeError: model file missing" and job.poll().finished


def test_a_backup_restored_brings_the_face_measures_back(data_dir):
    from app.face.geometry import PhotoFeatures
    from app.storage.backup import daily_backup, restore_backup

    store = Store(data_dir)
    made = store.outcomes.new_photo_set(NOW.date(), NOW)
    photo = add_photo(store, made.id, Expression.AT_REST, faces.encoded(faces.gradient(60)), NOW, PhotoSource.FILE)
    features = PhotoFeatures(0.4, (10.0, 9.5), (20.0, 19.0), (55.0, 57.0), (31.0, 33.0), (30.0, 12.5), 33.0)
    store.face.record(photo.id, FaceStatus.MEASURED, "m", True, features, NOW)
    backup = daily_backup(store, NOW.date(), fresh=True)
    store.face.record(photo.id, FaceStatus.TURNED, "m", False, None, NOW)
    restored = restore_backup(store, backup, NOW.date()).store
    try:
        kept = restored.face.for_set(made.id)[Expression.AT_REST]
        assert (kept.status, kept.mirrored, kept.features) == (FaceStatus.MEASURED, True, features)
    finally:
        restored.close()


def test_an_eyes_closed_photo_added_later_takes_its_scale_from_the_rest_photo_measured_before(store):
    landmarker = available_landmarker()
    made = photo_set(store, NOW.date(), {Expression.AT_REST: faces.encoded(faces.closeup())})
    job = store.face.job(made.id, landmarker).start()
    assert job.wait(60)
    for outcome in job.poll().results:
        store.face.keep(outcome, NOW)
    add_photo(store, made.id, Expression.EYES_CLOSED, faces.encoded(faces.closeup()), NOW, PhotoSource.CAMERA)
    job = store.face.job(made.id, landmarker).start()
    assert job.wait(60)
    [outcome] = job.poll().results  # only the new photo
    assert outcome.expression is Expression.EYES_CLOSED and outcome.status is FaceStatus.MEASURED
    rest = store.face.for_set(made.id)[Expression.AT_REST].features
    assert outcome.features.mm_per_px == pytest.approx(rest.mm_per_px, rel=0.01)


def test_an_eyes_closed_photo_waiting_for_a_retaken_rest_photo_is_measured_with_it(store):
    """The rest photo had no face, so the eyes-closed photo had no scale; once the rest photo
    is taken again, measuring the set measures both."""
    landmarker = available_landmarker()
    made = photo_set(store, NOW.date(), {Expression.AT_REST: faces.encoded(faces.gradient()),
                                         Expression.EYES_CLOSED: faces.encoded(faces.closeup())})
    run(store, made.id, lambda: landmarker)
    first = store.face.for_set(made.id)
    assert first[Expression.AT_REST].status is FaceStatus.NO_FACE
    assert first[Expression.EYES_CLOSED].status is FaceStatus.EYES_HIDDEN  # waiting for its scale
    add_photo(store, made.id, Expression.AT_REST, faces.encoded(faces.closeup()), NOW, PhotoSource.CAMERA)
    run(store, made.id, lambda: landmarker)
    again = store.face.for_set(made.id)
    assert again[Expression.AT_REST].status is FaceStatus.MEASURED
    assert again[Expression.EYES_CLOSED].status is FaceStatus.MEASURED


def test_a_damaged_measure_in_the_record_is_measured_again_not_a_crash(store):
    landmarker = available_landmarker()
    made = photo_set(store, NOW.date(), {Expression.AT_REST: faces.encoded(faces.closeup())})
    run(store, made.id, lambda: landmarker)
    with closing(sqlite3.connect(store.path)) as conn, conn:
        conn.execute("UPDATE face_measures SET features = '{\"mm_per_px\": ' WHERE status = 'measured'")
    assert store.face.for_set(made.id) == {}  # read as not measured yet
    assert store.face.measures_for_set(made.id).model_id is None
    [again] = store.face.to_measure(made.id, landmarker.model_id)
    assert again.expression is Expression.AT_REST
    run(store, made.id, lambda: landmarker)
    assert store.face.for_set(made.id)[Expression.AT_REST].status is FaceStatus.MEASURED

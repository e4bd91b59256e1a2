"""Face measures' presenters and words, on real faces built from the astronaut photo, without Kivy."""
import pytest

from app.core import Core
from app.face.port import FaceStatus, UnavailableLandmarker
from app.face_words import (FACE_ENTRY, NOT_A_GRADE_LINE, NOT_AVAILABLE, NOTHING_MEASURED, face_outcome_rows,
                            face_table, face_trends)
from app.presenters.face import (CLOSED_WAITS, PREPARING, RETAKE, MeasuringPresenter, face_trends_model,
                                 pair_measures, retake_words)
from app.vocabulary import Expression
from tests.fakes import FakeScreen
from tests.seed import FACE_BASELINE_DAYS_AGO, measure_sets, seed_face_sets


@pytest.fixture
def face_core(store, routine, clock, cues, landmarker):
    return Core(store, routine, clock, cues, face_landmarker=landmarker)


def test_every_retake_reason_names_the_photo_in_plain_words():
    assert set(RETAKE) == set(FaceStatus) - {FaceStatus.MEASURED, FaceStatus.UNAVAILABLE}
    assert retake_words(Expression.BIG_SMILE, FaceStatus.NO_FACE) == \
        "No face was found in the 'big smile' photo: please take it again, facing the camera."
    assert retake_words(Expression.EYES_CLOSED, FaceStatus.EYES_HIDDEN) == CLOSED_WAITS


def test_measuring_a_set_shows_progress_photo_by_photo_then_what_it_came_to(face_core, clock):
    baseline, later = seed_face_sets(face_core.store, face_core.today(), clock.now(), no_face=True)
    view = FakeScreen()
    presenter = MeasuringPresenter(face_core, view)
    presenter.measure(later)
    assert view.model.running and view.model.progress_text in (PREPARING, "Measuring photo 1 of 3")
    seen = set()
    for _ in range(2000):  # the worker is real: poll as the screen's clock would, bounded
        if not presenter.tick():
            break
        seen.add(view.model.progress_text)
        face_core.measuring.join(0.01)
    assert not view.model.running and view.model.fraction == 1.0
    assert seen & {"Measuring photo 1 of 3", "Measuring photo 2 of 3", "Measuring photo 3 of 3"}
    assert view.model.retakes == ("No face was found in the 'eyes gently closed' photo: please take it again, "
                                  "facing the camera.",)
    assert view.model.message == "2 of 3 photos measured."
    statuses = {e: m.status for e, m in face_core.store.face.for_set(later).items()}
    assert statuses == {Expression.AT_REST: FaceStatus.MEASURED, Expression.BIG_SMILE: FaceStatus.MEASURED,
                        Expression.EYES_CLOSED: FaceStatus.NO_FACE}


def test_the_pulled_corner_shows_beside_its_pair_on_the_right_side_only(face_core, clock):
    baseline, later = seed_face_sets(face_core.store, face_core.today(), clock.now())
    assert pair_measures(face_core, later, Expression.BIG_SMILE).empty_text == NOTHING_MEASURED
    measure_sets(face_core, baseline, later)
    smile = pair_measures(face_core, later, Expression.BIG_SMILE)
    assert smile.note == NOT_A_GRADE_LINE and "House-Brackmann" in smile.note
    movement = next(line for line in smile.lines if line.measure == "Mouth corner movement, big smile")
    assert movement.right.startswith("+") and movement.right.endswith(" mm")
    right, left = (float(words.split()[0]) for words in (movement.right, movement.left))
    assert right > 2 * left  # the mesh moves the whole mouth a little, the pulled side most
    rest = pair_measures(face_core, later, Expression.AT_REST)
    assert rest.lines and all(line.right == line.left == "No clear change" for line in rest.lines)

    table = face_table(face_core.store)
    assert table.title.startswith("Baseline ") and table.note == NOT_A_GRADE_LINE
    row = next(r for r in table.rows if r.key == "big_smile.movement")
    assert row.change == f"right {movement.right}, left {movement.left}" and not row.no_clear_change
    assert row.baseline.startswith("right ") and row.noise.endswith(" mm")

    csv = [r for r in face_outcome_rows(face_core.store) if r[2] == "Mouth corner movement, big smile, right"]
    assert len(csv) == 1 and csv[0][1] == FACE_ENTRY and csv[0][0] == face_core.today()
    assert csv[0][6].startswith("Since the baseline of ") and f": {movement.right} (noise" in csv[0][6] and csv[0][6].endswith(NOT_A_GRADE_LINE)


def test_the_trend_has_both_sides_of_each_measured_set_and_every_value_in_words(face_core, clock):
    baseline, later = seed_face_sets(face_core.store, face_core.today(), clock.now())
    assert face_trends_model(face_core, face_core.today(), ()).lines == ()
    measure_sets(face_core, baseline, later)
    assert [t.key for t in face_trends(face_core.store)] == ["big_smile.movement", "eyes_closed.opening"]
    injection = face_core.today() - __import__("datetime").timedelta(days=10)
    model = face_trends_model(face_core, face_core.today(), (injection,))
    assert model.axis_days == FACE_BASELINE_DAYS_AGO and model.injection_days == (FACE_BASELINE_DAYS_AGO - 10,)
    smile = model.lines[0]
    assert smile.words == "Mouth corner movement, big smile (mm)"
    assert [d for d, _ in smile.right] == [0, FACE_BASELINE_DAYS_AGO] and len(smile.left) == 2
    assert smile.right[1][1] > smile.left[1][1] + 1  # the pulled side moved further
    assert smile.legend.startswith("Thick line with round dots: your right side") and len(smile.values) == 2
    assert smile.values[1].startswith(model.last_text + ": right ")
    assert model.note == NOT_A_GRADE_LINE


def test_where_the_device_cannot_measure_faces_the_screens_say_so(store, routine, clock, cues):
    core = Core(store, routine, clock, cues, face_landmarker=UnavailableLandmarker("no runtime"))
    baseline, later = seed_face_sets(store, core.today(), clock.now())
    view = FakeScreen()
    presenter = MeasuringPresenter(core, view)
    presenter.measure(later)
    presenter.tick()
    assert view.model.message == NOT_AVAILABLE == "Face measures are not available on this device."
    assert not view.model.available and not view.model.running
    assert store.face.for_set(later) == {}  # nothing kept: the photos stay as they were
    assert pair_measures(core, later, Expression.BIG_SMILE).empty_text == NOT_AVAILABLE


def test_the_landmarker_is_built_once_off_the_calling_thread():
    import threading

    from app.face_source import LandmarkerSource

    built = []

    def build():
        built.append(threading.current_thread().name)
        return UnavailableLandmarker()

    source = LandmarkerSource(build)
    assert built == []  # nothing at start-up
    landmarker = source.wait(5)
    assert source.ready() is landmarker and built == ["face-landmarker"]


def test_trends_carry_the_face_measures_even_before_any_rating(face_core, clock):
    from app.presenters.ratings import TrendsPresenter
    from tests.fakes import FakeNavigator

    measure_sets(face_core, *seed_face_sets(face_core.store, face_core.today(), clock.now()))
    model = TrendsPresenter(face_core, FakeNavigator(), FakeScreen()).model()
    assert model.lines == () and model.empty_text  # no rating yet
    assert [line.words for line in model.face.lines][0] == "Mouth corner movement, big smile (mm)"


def test_a_photo_that_asked_for_a_retake_says_so_beside_its_pair(face_core, clock):
    measure_sets(face_core, *seed_face_sets(face_core.store, face_core.today(), clock.now(), no_face=True))
    _baseline, later = [s.id for s in face_core.store.outcomes.photo_sets()]
    shown = pair_measures(face_core, later, Expression.EYES_CLOSED)
    assert shown.lines == () and shown.empty_text == retake_words(Expression.EYES_CLOSED, FaceStatus.NO_FACE)


def test_a_restored_record_drops_the_measuring_of_the_old_one(face_core, clock):
    _baseline, later = seed_face_sets(face_core.store, face_core.today(), clock.now())
    face_core.measuring.start(later)
    old = face_core.measuring
    face_core.use_store(face_core.store)  # as a restore does, with another record
    assert face_core.measuring is not old and not old.running and not face_core.measuring.running

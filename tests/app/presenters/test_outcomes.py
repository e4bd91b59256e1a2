"""The outcome presenters from a real record, as a patient and a caregiver would use them:
choose what to rate, rate on one screen, read the trend; clinician scores behind the PIN;
a photo set from files (no camera), a baseline, the comparison, deleting asked twice."""
import io
from datetime import date, timedelta

from PIL import Image

from app.camera import NoCamera, StillCamera
from app.outcomes.entries import ItemPick
from app.outcomes.changes import WORTH_MENTIONING
from app.presenters.clinician_scores import PIN_SCREEN, ClinicianScoresPresenter
from app.presenters.photos import HEIC, NO_CAMERA, SECOND_DELETE, CapturePresenter, ComparePresenter, PhotoSetsPresenter
from app.presenters.ratings import (ChooseItemsPresenter, RatePresenter, TrendsPresenter, due_moment,
                                    prompt_words)
from app.storage.photo_files import photos_dir
from app.treatment.entries import AreaDose
from app.vocabulary import ClinicianScale, Expression, InjectionArea, InjectionSide, RatingMoment
from tests.faults import RefusedWrites
from tests.fakes import FakeScreen

TODAY = date(2026, 11, 25)  # FakeClock's day


def picture_file(tmp_path, name: str, colour: str):
    path = tmp_path / name
    Image.new("RGB", (90, 120), colour).save(path)
    return path


def choose(core, navigator, *keys, own=()):
    presenter = ChooseItemsPresenter(core, navigator, FakeScreen())
    presenter.prepare()
    for key in keys:
        presenter.toggle(key)
    for words in own:
        presenter.add_own(words)
    presenter.save()
    return core.store.outcomes.chosen_items()


# --- choosing and rating ---------------------------------------------------------------------------------

def test_a_patient_chooses_up_to_five_things_one_in_their_own_words(core, navigator, screen):
    presenter = ChooseItemsPresenter(core, navigator, screen)
    presenter.prepare()
    presenter.enter()
    assert screen.model.count_text == "0 of 5 chosen" and not screen.model.can_save
    assert screen.model.options[0].ends_text == "0 = None, 10 = Very strong"
    for key in ("stiffness", "eye_narrows", "smile_balance", "drinking"):
        presenter.toggle(key)
    presenter.add_own("Whistling a tune")
    assert screen.model.count_text == "5 of 5 chosen" and not screen.model.can_choose_more
    presenter.toggle("at_ease")
    assert screen.model.message == "You can rate up to 5 things: take one away first."
    presenter.save()
    assert [i.own_words or i.key for i in core.store.outcomes.chosen_items()] == [
        "stiffness", "eye_narrows", "smile_balance", "drinking", "Whistling a tune"]
    assert navigator.current == "rate"


def test_rating_is_one_screen_of_sliders_and_saves_in_one_tap(core, navigator, screen):
    items = choose(core, navigator, "stiffness", own=["Whistling"])
    assert prompt_words(due_moment(core)) == "Time for your ratings: under a minute."
    presenter = RatePresenter(core, navigator, screen)
    presenter.prepare()
    presenter.enter()
    assert screen.model.title == "Regular rating" and not screen.model.can_save
    assert [(s.words, s.low, s.high) for s in screen.model.sliders] == [
        ("Stiffness or pulling in my face", "None", "Very strong"), ("Whistling", "Not at all", "Very much")]
    presenter.set_value(items[0].id, 6.6)
    presenter.set_value(items[1].id, 14)
    assert [s.value for s in screen.model.sliders] == [7, 10]
    presenter.save()
    assert sorted(r.value for r in core.store.outcomes.ratings()) == [7, 10]
    assert navigator.current == "trends" and due_moment(core) is None


def test_with_nothing_chosen_the_rating_screen_offers_to_choose(core, navigator, screen):
    presenter = RatePresenter(core, navigator, screen)
    presenter.prepare()
    presenter.enter()
    assert screen.model.nothing_chosen and screen.model.sliders == ()
    presenter.save()
    assert screen.model.message == "rating: move at least one slider"
    presenter.choose_items()
    assert navigator.current == "choose_items"


def test_a_cycle_moment_is_asked_two_weeks_after_an_injection(core, navigator, screen):
    items = choose(core, navigator, "stiffness")
    core.store.treatment.log_injection(TODAY - timedelta(days=13), [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT)],
                                       core.clock.now())
    assert due_moment(core) is RatingMoment.TWO_WEEKS_AFTER
    presenter = RatePresenter(core, navigator, screen)
    presenter.prepare()
    presenter.enter()
    assert screen.model.title == "About 2 weeks after the injection"
    presenter.set_value(items[0].id, 3)
    presenter.save()
    assert [r.moment for r in core.store.outcomes.ratings()] == [RatingMoment.TWO_WEEKS_AFTER]


def test_a_refused_rating_is_said_and_the_sliders_stay(core, navigator, screen, store):
    items = choose(core, navigator, "stiffness")
    presenter = RatePresenter(core, navigator, screen)
    presenter.prepare()
    presenter.set_value(items[0].id, 4)
    RefusedWrites(store).refuse()
    presenter.save()
    assert "read-only" in screen.model.message and screen.model.sliders[0].value == 4
    assert navigator.current != "trends"


def test_the_trend_shows_ratings_minutes_injections_and_what_is_worth_mentioning(core, navigator, screen):
    (item,) = choose(core, navigator, "stiffness")
    core.store.treatment.log_injection(TODAY - timedelta(days=10), [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT)],
                                       core.clock.now())
    for days_ago, value in ((12, 7), (6, 4), (3, 4)):
        core.store.outcomes.rate(TODAY - timedelta(days=days_ago), RatingMoment.ROUTINE, {item.id: value},
                                 core.clock.now())
    presenter = TrendsPresenter(core, navigator, screen)
    presenter.enter()
    model = screen.model
    assert model.first_text == "9 November 2026" and model.last_text == "25 November 2026"
    (line,) = model.lines
    assert line.points == ((4, 7), (10, 4), (13, 4))
    assert WORTH_MENTIONING in line.change_text
    assert model.injection_days == (6,)
    assert model.injections_text == "Injection: 15 November 2026."
    assert [day for day, _ in model.minutes] == [0, 7, 14]
    assert "No minutes practised in these weeks." in model.axis_text  # no session in the record
    assert model.standing_lines == ("Stiffness or pulling in my face: now 4, 7 at the first injection.",)


def test_the_minutes_bars_scale_is_named_by_the_busiest_week():
    from app.presenters.ratings import axis_words

    weeks = ((TODAY - timedelta(days=16), 80.0), (TODAY - timedelta(days=9), 145.4), (TODAY - timedelta(days=2), 0.0))
    text = axis_words(TODAY - timedelta(days=16), TODAY, weeks)
    assert text.startswith("From 9 November 2026 to 25 November 2026. Line: your rating, 0 to 10.")
    assert "the tallest, 145 min, is the week of 16 November." in text


def test_before_any_rating_the_trend_says_what_will_show(core, navigator, screen):
    TrendsPresenter(core, navigator, screen).enter()
    assert screen.model.lines == () and "will show here" in screen.model.empty_text


# --- clinician scores behind the PIN ----------------------------------------------------------------------

def test_clinician_scores_need_caregiver_mode(core, navigator, screen):
    presenter = ClinicianScoresPresenter(core, navigator, screen)
    presenter.prepare()
    presenter.enter()
    assert navigator.current == PIN_SCREEN and screen.shown == []
    presenter.save("3", "2026-11-20")
    assert core.store.outcomes.scores() == []


def test_a_caregiver_records_scores_as_given_range_checked(core, navigator, screen):
    core.start_caregiver_mode()
    presenter = ClinicianScoresPresenter(core, navigator, screen)
    presenter.prepare()
    presenter.choose_scale(ClinicianScale.HOUSE_BRACKMANN)
    assert next(s for s in screen.model.scales if s.chosen).range_text == "Grade I to VI"
    presenter.save("VII", "2026-11-20")
    assert screen.model.message.startswith("Score: type the House-Brackmann grade")
    presenter.save("7", "2026-11-20")
    assert screen.model.message.startswith("Score: a House-Brackmann grade is a grade from I to VI")
    assert screen.model.message_field == "value"
    presenter.save("IV", "20 November")
    assert screen.model.message_field == "date"
    presenter.save("iv", "2026-11-20", rated_by="Dr Okafor", note="left side")
    assert screen.model.message == "Saved." and screen.model.clear_form
    presenter.choose_scale(ClinicianScale.OTHER)
    assert screen.model.needs_name
    presenter.save("12", "2026-11-21")
    assert screen.model.message.startswith("Name of the score: say which score")
    assert screen.model.message_field == "name" and not screen.model.clear_form  # what was typed stays
    presenter.save("12,5", "2026-11-21", scale_name="Clinic smile score")
    assert [line.text for line in screen.model.scores] == [
        "20 November 2026 · House-Brackmann grade IV · Dr Okafor", "21 November 2026 · Clinic smile score 12.5"]
    presenter.ask_delete(screen.model.scores[0].score_id)
    screen.answer(True)
    assert len(core.store.outcomes.scores()) == 2  # asked twice
    screen.answer(True)
    assert len(core.store.outcomes.scores()) == 1 and screen.model.message == "Deleted."


# --- photos: capture from files, baseline, compare, delete ----------------------------------------------------

def test_without_a_camera_a_whole_set_is_imported_from_files(core, navigator, screen, tmp_path):
    presenter = CapturePresenter(core, navigator, screen, NoCamera())
    presenter.prepare()
    presenter.enter()
    assert not screen.model.camera_available and screen.model.import_text == NO_CAMERA
    assert screen.model.title == "At rest" and "outline" in screen.model.line_up_text
    presenter.capture()
    assert screen.model.message == NO_CAMERA and core.store.outcomes.photo_sets() == []
    for index, expression in enumerate(Expression):
        assert screen.model.title == expression.words
        presenter.import_file(str(picture_file(tmp_path, f"{index}.png", ("red", "blue")[index % 2])))
        assert screen.model.message == "Saved."
    assert screen.model.complete and screen.model.title == "Your set is complete"
    (photo_set,) = core.store.outcomes.photo_sets()
    assert len(photo_set.photos) == 6


def test_a_file_that_is_not_a_photo_is_refused_and_no_set_is_left_behind(core, navigator, screen, tmp_path):
    presenter = CapturePresenter(core, navigator, screen, NoCamera())
    presenter.prepare()
    notes = tmp_path / "notes.txt"
    notes.write_text("not a picture")
    presenter.import_file(str(notes))
    assert screen.model.message.startswith("Nothing was kept: this file is not a picture")
    assert core.store.outcomes.photo_sets() == []
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    presenter.import_file(str(empty))
    assert "empty (0 bytes)" in screen.model.message and core.store.outcomes.photo_sets() == []
    iphone = tmp_path / "IMG_0001.HEIC"
    iphone.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(200))  # what an iPhone writes
    presenter.import_file(str(iphone))
    assert screen.model.message == HEIC and "JPEG, PNG or WEBP" in HEIC
    assert core.store.outcomes.photo_sets() == []


def test_the_camera_takes_the_photo_where_there_is_one(core, navigator, screen):
    out = io.BytesIO()
    Image.new("RGB", (30, 40), "green").save(out, "JPEG")
    camera = StillCamera(out.getvalue())
    presenter = CapturePresenter(core, navigator, screen, camera)
    presenter.prepare()
    presenter.enter()
    assert screen.model.camera_available and screen.model.import_text == ""
    presenter.capture()
    assert camera.taken == 1 and screen.model.title == "Gentle smile"


def make_set(core, navigator, tmp_path, colour: str, expressions):
    presenter = CapturePresenter(core, navigator, FakeScreen(), NoCamera())
    presenter.prepare()
    for expression in expressions:
        presenter.choose(expression)
        presenter.import_file(str(picture_file(tmp_path, f"{colour}-{expression}.png", colour)))
    return presenter.set_id


def test_a_set_beside_the_baseline_expression_by_expression_with_dates_and_cycle_week(core, navigator, screen, tmp_path):
    first = make_set(core, navigator, tmp_path, "red", list(Expression))
    core.store.treatment.log_injection(TODAY - timedelta(days=15), [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT)],
                                       core.clock.now())
    second = make_set(core, navigator, tmp_path, "blue", [Expression.AT_REST, Expression.BIG_SMILE])
    sets = PhotoSetsPresenter(core, navigator, screen)
    sets.enter()
    assert screen.model.baseline_text.startswith("Choose a set as your baseline")
    assert [line.status for line in screen.model.sets] == ["2 of 6 photos", "Complete"]
    sets.choose_baseline(first)
    assert screen.model.sets[1].baseline and screen.model.message == "This set is now your baseline."
    sets.compare(second)
    assert navigator.visits[-1] == ("photo_compare", {"set_id": second})

    compare_screen = FakeScreen()
    compare = ComparePresenter(core, navigator, compare_screen)
    compare.prepare(second)
    compare.enter()
    model = compare_screen.model
    assert model.other_text == "This set: 25 November 2026 · week 3 of the injection's cycle"
    assert model.baseline_text.startswith("Baseline: 25 November 2026 · week 3")
    assert [p.words for p in model.pairs] == [e.words for e in Expression]
    assert model.pairs[0].baseline_path and model.pairs[0].other_path
    assert model.pairs[1].other_path == ""  # no gentle smile in the second set
    compare.toggle_slider()
    compare.slide(1.7)
    compare.step(+1)
    assert (compare_screen.model.slider, compare_screen.model.slider_at, compare_screen.model.current) == (True, 1.0, 1)


def test_deleting_a_photo_asks_twice_and_removes_its_file(core, navigator, screen, tmp_path):
    set_id = make_set(core, navigator, tmp_path, "red", [Expression.AT_REST])
    (photo,) = core.store.outcomes.photo_set(set_id).photos
    kept = photos_dir(core.store.data_dir) / photo.file_name
    sets = PhotoSetsPresenter(core, navigator, screen)
    sets.enter()
    sets.ask_delete_photo(photo.id)
    screen.answer(True)
    assert screen.questions[-1][0].message == SECOND_DELETE and kept.exists()
    screen.answer(False)
    assert kept.exists() and core.store.outcomes.photo_set(set_id).photos
    sets.ask_delete_photo(photo.id)
    screen.answer(True)
    screen.answer(True)
    assert not kept.exists() and core.store.outcomes.photo_set(set_id).photos == ()
    assert screen.model.message == "Deleted."


def test_a_photo_whose_file_changed_on_disk_is_not_shown_and_is_said(core, navigator, screen, tmp_path):
    first = make_set(core, navigator, tmp_path, "red", [Expression.AT_REST])
    core.store.outcomes.set_baseline(first)
    second = make_set(core, navigator, tmp_path, "blue", [Expression.AT_REST])
    (photo,) = core.store.outcomes.photo_set(second).photos
    (photos_dir(core.store.data_dir) / photo.file_name).write_bytes(b"changed")
    compare = ComparePresenter(core, navigator, screen)
    compare.prepare(second)
    compare.enter()
    (pair,) = screen.model.pairs
    assert pair.baseline_path and pair.other_path == ""
    assert pair.problem == "One photo file of this expression is missing or changed on this device; " \
                           "a backup may still hold it."


def test_the_caregiver_changes_how_often_ratings_are_asked(core, navigator, screen):
    (item,) = choose(core, navigator, "stiffness")
    core.store.outcomes.rate(TODAY - timedelta(days=4), RatingMoment.ROUTINE, {item.id: 5}, core.clock.now())
    assert due_moment(core) is RatingMoment.ROUTINE  # every 3 days by default
    core.start_caregiver_mode()
    presenter = ClinicianScoresPresenter(core, navigator, screen)
    presenter.prepare()
    presenter.set_every_days("0")
    assert screen.model.message == "Ask every: type a number of days from 1 to 30."
    presenter.set_every_days("7")
    assert screen.model.every_days == 7 and due_moment(core) is None


def test_home_shows_a_due_rating_and_one_tap_opens_it(core, navigator, screen):
    from app.presenters.progress import ProgressPresenter
    from app.presenters.ratings import RatingPromptPresenter

    prompt = RatingPromptPresenter(core, navigator, screen)
    prompt.enter()
    assert screen.model.text == "" and screen.model.moment is None  # nothing chosen to rate yet
    choose(core, navigator, "stiffness")
    prompt.enter()
    assert screen.model.text == "Time for your ratings: under a minute."
    prompt.open()
    assert navigator.visits[-1] == ("rate", {"moment": RatingMoment.ROUTINE})
    progress = ProgressPresenter(core, navigator, FakeScreen())
    progress.open_trends()
    assert navigator.current == "trends"
    progress.open_photos()
    assert navigator.current == "photo_sets"


def test_rating_again_today_starts_from_the_earlier_answers_of_the_items_still_chosen(core, navigator, screen):
    items = choose(core, navigator, "stiffness", "drinking")
    core.store.outcomes.rate(TODAY, RatingMoment.ROUTINE, {items[0].id: 2, items[1].id: 9}, core.clock.now())
    kept = core.store.outcomes.choose_items([ItemPick(key="stiffness")], {"stiffness"}, core.clock.now())
    presenter = RatePresenter(core, navigator, screen)
    presenter.prepare(RatingMoment.ROUTINE)
    presenter.enter()
    assert [(s.item_id, s.value) for s in screen.model.sliders] == [(kept[0].id, 2)]
    presenter.save()
    assert navigator.current == "trends"


def test_a_moment_answered_earlier_in_the_cycle_is_not_asked_again_when_the_routine_one_is(core, navigator):
    (item,) = choose(core, navigator, "stiffness")
    core.store.treatment.log_injection(TODAY - timedelta(days=18), [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT)],
                                       core.clock.now())
    core.store.outcomes.rate(TODAY - timedelta(days=6), RatingMoment.TWO_WEEKS_AFTER, {item.id: 5}, core.clock.now())
    assert due_moment(core) is RatingMoment.ROUTINE
    core.store.outcomes.rate(TODAY - timedelta(days=2), RatingMoment.ROUTINE, {item.id: 5}, core.clock.now())
    assert due_moment(core) is None

"""Bad input of every kind, to every parser and validator: only the documented errors.

Each property feeds arbitrary text, numbers and structures and accepts only success or
the module's own clear error type (RoutineError, PreferencesError, ProfileError,
PlanEditError, ImportFileError, StoreError, ValueError for DailyPractice.annotate).

A crash found and not yet mended is pinned by an `xfail(strict=True)` example below its
property, and kept out of the property's inputs by a named filter; when the owner mends
it, the xfail turns into a failure, saying that filter and marker can go.
"""
import copy
import json
import math
import sqlite3
import tempfile
import tomllib
from contextlib import closing
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

import app.caregiver.pin as pin_module
import app.caregiver.plan_edit as plan_edit
import app.profile as profile_module
import app.reminders as reminders_module
import app.settings as settings_module
from app.clock import FakeClock
from app.practice import DailyPractice
from app.routine import DEFAULT_ROUTINE, SIDES, RoutineError, load_routine, parse_routine
from app.storage import Store, StoreError
from app.storage.opening import open_store
from app.storage.repository import DB_NAME
from app.storage.transfer import ImportFileError, export_document, import_json

TODAY = date(2026, 11, 25)
DB_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PURE_SETTINGS = settings(max_examples=200, deadline=None)

# --- strategies -----------------------------------------------------------------------------

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30))
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                         st.text(max_size=30))
tree = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                     st.dictionaries(st.text(max_size=12), inner, max_size=5)),
                    max_leaves=25)
json_tree = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)), max_leaves=25)
settings_dicts = st.dictionaries(st.text(max_size=30), st.text(max_size=40), max_size=12)


def paths_in(value, prefix=()):
    """Every (path) to a value inside nested dicts and lists, the root included."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_in(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths_in(item, prefix + (index,))


def replaced(document, path, new_value):
    if not path:
        return new_value
    document = copy.deepcopy(document)
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new_value
    return document


def dropped(document, path):
    document = copy.deepcopy(document)
    target = document
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    return document


@st.composite
def mutated(draw, original, values):
    """The original with one part replaced by an arbitrary value, or removed."""
    path = draw(st.sampled_from(list(paths_in(original))))
    if path and draw(st.booleans()) and draw(st.booleans()):
        return dropped(original, path)
    return replaced(original, path, draw(values))


class SettingsOnly:
    """A settings table and nothing else, for the modules that only read preferences."""

    def __init__(self, values: dict[str, str]):
        self.values = dict(values)

    def settings(self) -> dict[str, str]:
        return dict(self.values)

    def put_setting(self, key: str, value: str) -> None:
        self.values[key] = value


# --- the routine file -------------------------------------------------------------------------

REAL_ROUTINE = tomllib.loads(DEFAULT_ROUTINE.read_text(encoding="utf-8"))


def personalise_everything(routine) -> None:
    texts = [routine.title] + [t for s in routine.steps for t in (s.title, s.short, s.instruction, s.spoken)]
    texts += [t for s in routine.steps for p in s.parts for t in (p.title, p.instruction, p.spoken)]
    texts += [routine.voice.halfway, routine.voice.time_up, routine.voice.session_done]
    for text in texts:
        for side in SIDES:
            routine.personalise(text, side)
    routine.voice.next_step.format(title="Heat")
    routine.voice.streak_grows.format(streak="3 days in a row")


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(max_size=12), tree, max_size=6))
def test_parse_routine_takes_any_structure(raw):
    try:
        parse_routine(raw)
    except RoutineError:
        pass


@PURE_SETTINGS
@given(mutated(REAL_ROUTINE, tree))
def test_parse_routine_takes_any_change_to_the_real_routine(raw):
    assume(isinstance(raw, dict))
    try:
        routine = parse_routine(raw)
    except RoutineError:
        return
    personalise_everything(routine)  # what was accepted can be spoken


@pytest.mark.parametrize("spoken", ["Warm {side:d}", "Warm {side!x}", "Warm {side:{eye}}",
                                    "Warm {side:>999999999999}", "Warm {title}"])
def test_placeholder_with_format_spec_is_refused(spoken):
    raw = replaced(REAL_ROUTINE, ("steps", 1, "spoken"), spoken)
    with pytest.raises(RoutineError, match=r"steps\[1\]\.spoken"):
        parse_routine(raw)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
def test_load_routine_takes_any_file(content):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "routine.toml"
        path.write_bytes(content)
        try:
            load_routine(path)
        except RoutineError:
            pass


# --- preferences ----------------------------------------------------------------------------------

numbers_and_text = st.one_of(st.floats(allow_nan=True), st.integers(), st.integers(-10**400, 10**400),
                             st.text(max_size=12),
                             st.none(), st.booleans())


@PURE_SETTINGS
@given(st.text(max_size=20), st.none() | st.integers(1, 9))
def test_reminder_time_is_hh_mm_or_a_clear_error(text, position):
    try:
        value = settings_module.validate_reminder_time(text, position)
    except settings_module.PreferencesError as error:
        assert error.field == "reminder_times" and error.message
        return
    assert len(value) == 5 and 0 <= int(value[:2]) <= 23 and 0 <= int(value[3:]) <= 59


@PURE_SETTINGS
@given(st.lists(st.text(max_size=8), max_size=6))
def test_reminder_time_lists(texts):
    try:
        times = settings_module.parse_reminder_times(texts)
    except settings_module.PreferencesError:
        return
    assert list(times) == sorted(set(times)) and len(times) <= settings_module.MAX_REMINDERS


@PURE_SETTINGS
@given(numbers_and_text)
def test_voice_rate_and_text_scale(value):
    for validate in (settings_module.validate_voice_rate, settings_module.validate_text_scale):
        try:
            result = validate(value)
        except settings_module.PreferencesError:
            continue
        assert math.isfinite(result)


@pytest.mark.parametrize("value", [10**400, -10**400])
def test_huge_integer_voice_rate_and_text_scale_are_refused(value):
    with pytest.raises(settings_module.PreferencesError):
        settings_module.validate_voice_rate(value)
    with pytest.raises(settings_module.PreferencesError):
        settings_module.validate_text_scale(value)


@PURE_SETTINGS
@given(st.fixed_dictionaries({}, optional={
    "reminder_times": st.lists(st.text(max_size=8), max_size=5).map(tuple),
    "voice": scalars, "voice_rate": numbers_and_text, "sounds": scalars, "vibration": scalars,
    "text_scale": numbers_and_text, "high_contrast": scalars, "auto_advance": scalars}))
def test_preferences_are_valid_or_refused(fields):
    try:
        settings_module.Preferences(**fields)
    except settings_module.PreferencesError:
        pass


@PURE_SETTINGS
@given(settings_dicts, st.dictionaries(st.sampled_from(
    ["pref.reminder_times", "pref.voice", "pref.voice_rate", "pref.text_scale", "pref.sounds", "pref.auto_advance"]),
    st.text(max_size=30), max_size=6))
def test_stored_preferences_never_stop_the_app(other, prefs):
    settings_module.load_preferences(SettingsOnly({**other, **prefs}))


# --- profile --------------------------------------------------------------------------------------


@PURE_SETTINGS
@given(st.none() | st.text(max_size=60), st.none() | st.text(max_size=14), scalars)
def test_profile_entries_are_valid_or_refused(name, onset, side):
    try:
        profile_module.clean_display_name(name)
        profile_module.parse_onset_date(onset, TODAY)
        profile_module.Profile(display_name=name, affected_side=side)
    except profile_module.ProfileError as error:
        assert error.message


@PURE_SETTINGS
@given(settings_dicts, st.dictionaries(st.sampled_from(["profile.name", "profile.side", "profile.onset"]),
                                       st.text(max_size=50), max_size=3))
def test_stored_profile_never_stops_the_app(other, profile):
    profile_module.load_profile(SettingsOnly({**other, **profile}))


# --- reminders ------------------------------------------------------------------------------------

instants = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1),
                        timezones=st.just(timezone.utc) | st.builds(
                            lambda minutes: timezone(timedelta(minutes=minutes)), st.integers(-14 * 60, 14 * 60)))


@PURE_SETTINGS
@given(st.dictionaries(st.sampled_from(["reminder.fired", "reminder.checked", "pref.reminder_times"]),
                       st.text(max_size=40) | instants.map(datetime.isoformat), max_size=3),
       instants, st.booleans())
def test_stored_reminder_log_never_stops_the_app(stored, now, today_done):
    store = SettingsOnly(stored)
    log = reminders_module.load_log(store)
    times = settings_module.load_preferences(store).reminder_times
    reminders_module.plan_check(times, now, log, today_done)


# --- caregiver --------------------------------------------------------------------------------------

cheap_hash = st.builds(lambda pin, n: pin_module.hash_pin(pin, b"salt", n),
                       st.from_regex(r"[0-9]{4,8}", fullmatch=True), st.integers(1, 3))
lock_settings = st.fixed_dictionaries({"caregiver.pin_hash": cheap_hash | st.text(max_size=40)}, optional={
    "caregiver.failures": st.integers(-5, 10**30).map(str) | st.text(max_size=10),
    "caregiver.locked_until": instants.map(datetime.isoformat) | st.text(max_size=30)
    | st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)).map(datetime.isoformat)})


@PURE_SETTINGS
@given(st.text(max_size=12))
def test_pin_problem_names_the_problem_or_none(pin):
    problem = pin_module.pin_problem(pin)
    assert problem is None or problem.endswith(".")


@PURE_SETTINGS
@given(st.text(max_size=12), st.text(max_size=60) | st.builds(
    lambda n, salt, digest: f"pbkdf2_sha256${n}${salt}${digest}", st.integers(-3, 3) | st.text(max_size=4),
    st.text("0123456789abcdefxyz", max_size=8), st.text(max_size=8)))
def test_a_damaged_pin_hash_never_opens_and_never_crashes(pin, stored):
    assert pin_module.pin_matches(pin, stored) in (True, False)


def test_non_ascii_stored_hash_never_opens():
    assert pin_module.pin_matches("", "pbkdf2_sha256$1$$\x80") is False


def test_huge_iteration_count_never_opens():
    assert pin_module.pin_matches("1234", "pbkdf2_sha256$99999999999999999999$00$00") is False


@settings(max_examples=150, deadline=None)
@given(lock_settings, st.text(max_size=10))
def test_pin_check_with_any_stored_state(stored, pin):
    result = pin_module.CaregiverLock(SettingsOnly(stored), FakeClock()).check(pin)
    assert result.message and result.locked_for_seconds >= 0


def test_naive_locked_until_does_not_crash_the_check():
    stored = {"caregiver.pin_hash": "x", "caregiver.failures": "7", "caregiver.locked_until": "2026-11-25T08:00:00"}
    result = pin_module.CaregiverLock(SettingsOnly(stored), FakeClock()).check("1234")
    assert not result.ok and result.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["heat", "massage", "eyes", "preparation"]),
                          st.text(max_size=8) | st.integers(-10**6, 10**6) | st.floats() | st.booleans()
                          | st.integers(1, 9).map(lambda n: str(n) * 5000)),
                max_size=5),
       st.sets(st.integers(-3, 9), max_size=8))
def test_plan_draft_takes_any_entries(routine, edits, rest_days):
    from app.storage.repository import PlanStepView, PlanView

    plan = PlanView(1, TODAY, frozenset(), tuple(PlanStepView(s.key, True, s.seconds) for s in routine.steps))
    draft = plan_edit.PlanDraft.from_plan(plan, routine)
    for key, minutes in edits:
        draft.set_minutes(key, minutes)
    draft.set_rest_weekdays(rest_days)
    problems = draft.validate()
    assert all(isinstance(p, str) and p for p in problems)


def test_very_long_minutes_are_a_validation_problem(routine):
    from app.storage.repository import PlanStepView, PlanView

    plan = PlanView(1, TODAY, frozenset(), tuple(PlanStepView(s.key, True, s.seconds) for s in routine.steps))
    draft = plan_edit.PlanDraft.from_plan(plan, routine)
    draft.set_minutes("heat", "1" * 5000)
    assert draft.validate()


# --- notes and ratings ----------------------------------------------------------------------------

@DB_SETTINGS
@given(note=st.text(max_size=2100), rating=st.none() | st.integers(-10, 10) | st.booleans() | st.floats() | st.text(
    max_size=3))
def test_annotate_keeps_good_values_and_refuses_bad_ones_plainly(store, routine, note, rating):
    core = DailyPractice(store, routine, FakeClock())
    runner = core.new_runner()
    runner.start()
    try:
        core.annotate(runner.session_id, note, rating)
    except ValueError as error:
        assert str(error).endswith(".")
        return
    saved = store.session(runner.session_id)
    assert saved.rating == rating and (saved.note or "") == note.strip()


# --- import files ------------------------------------------------------------------------------------

def a_valid_export() -> dict:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder))
        core = DailyPractice(store, load_routine(), FakeClock())
        runner = core.new_runner()
        runner.start()
        runner.confirm()
        runner.skip()
        core.annotate(runner.session_id, "fine", 4)
        store.set_rest_day(TODAY + timedelta(days=2), True, FakeClock().now())
        store.put_setting("profile.side", "left")
        fill_a_journal(store, FakeClock().now())
        fill_outcomes(store, FakeClock().now())
        document = export_document(store)
        store.close()
    return document


def fill_outcomes(store: Store, now: datetime) -> None:
    """An item of each kind, ratings, a score and a photo set (its picture is not in any archive)."""
    from app.outcomes.entries import ItemPick, StoredImage
    from app.vocabulary import ClinicianScale, Expression, PhotoSource, RatingMoment

    outcomes = store.outcomes
    items = outcomes.choose_items([ItemPick(key="stiffness"), ItemPick(own_words="Whistling")], {"stiffness"}, now)
    outcomes.rate(now.date(), RatingMoment.ROUTINE, {items[0].id: 3, items[1].id: 9}, now)
    outcomes.record_score(now.date(), ClinicianScale.SUNNYBROOK_COMPOSITE, 42, now, rated_by="Dr Okafor")
    photo_set = outcomes.new_photo_set(now.date(), now)
    outcomes.set_baseline(photo_set.id)
    outcomes.add_photo(photo_set.id, Expression.AT_REST, StoredImage("ab" * 32 + ".jpg", "ab" * 32, 30, 40), now,
                       PhotoSource.FILE)


def fill_a_journal(store: Store, now: datetime) -> None:
    """One of each treatment entry, an injection corrected and a check-in replaced: a history to mangle."""
    from app.treatment.entries import AreaDose
    from app.vocabulary import Cadence, CareKind, EffectMark, InjectionArea, InjectionSide, SideEffect

    journal, today = store.treatment, now.date()
    shot = journal.log_injection(today - timedelta(days=3), [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT, 2.0),
                                                             AreaDose(InjectionArea.NECK, InjectionSide.BOTH)], now)
    journal.log_injection(today - timedelta(days=2), [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT, 2.5)], now,
                          replaces=shot.id, product="Botox")
    journal.mark_effect(EffectMark.STARTED, today, now)
    journal.check_in(today, [SideEffect.HEADACHE], now)
    journal.check_in(today, [SideEffect.DOUBLE_VISION], now, note="since noon")
    journal.save_care_item(CareKind.B_VITAMIN_COURSE, Cadence.WEEKLY, today, now, dose_dates=[today])
    journal.tick_care(CareKind.AEROBIC, today, now, minutes=20)
    journal.record_mood(today, 3, now)


ROUTINE = load_routine()
VALID_EXPORT = a_valid_export()


def try_import(store: Store, document, folder: Path) -> None:
    """Import must succeed or refuse with ImportFileError, leaving the record unchanged."""
    before = export_document(store)
    path = folder / "import.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    try:
        import_json(store, path, ROUTINE)
    except ImportFileError as error:
        assert "import.json" in str(error)
        assert export_document(store) == before
        return
    export_document(store)  # whatever was accepted can be read back and exported


@DB_SETTINGS
@given(document=json_tree)
def test_import_of_any_json(store, tmp_path, document):
    try_import(store, document, tmp_path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=mutated(VALID_EXPORT, json_tree))
def test_import_of_any_change_to_a_real_export(store, tmp_path, document):
    try_import(store, document, tmp_path)


@DB_SETTINGS
@given(content=st.binary(max_size=300))
def test_import_of_any_bytes(store, tmp_path, content):
    (tmp_path / "import.json").write_bytes(content)
    try:
        import_json(store, tmp_path / "import.json", ROUTINE)
    except ImportFileError:
        pass


# --- a damaged database file ----------------------------------------------------------------------------

def a_real_database() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder))
        DailyPractice(store, load_routine(), FakeClock()).new_runner().start()
        store.close()
        with closing(sqlite3.connect(Path(folder) / DB_NAME)) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")
        return (Path(folder) / DB_NAME).read_bytes()


REAL_DATABASE = a_real_database()


def damaged(edits: list[tuple[int, int]], cut: int | None) -> bytes:
    """The real database with some bytes overwritten and perhaps cut short (drawn as
    edits, so a failing example prints small)."""
    content = bytearray(REAL_DATABASE)
    for offset, value in edits:
        content[offset % len(content)] = value
    return bytes(content[:cut] if cut is not None else content)


damaged_databases = st.binary(max_size=2000) | st.builds(
    damaged, st.lists(st.tuples(st.integers(0, len(REAL_DATABASE) - 1), st.integers(0, 255)), min_size=1,
                      max_size=8),
    st.none() | st.integers(0, len(REAL_DATABASE)))


@settings(max_examples=60, deadline=None)
@given(damaged_databases)
def test_open_store_with_any_file_keeps_it_and_opens_or_says_why(content):
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        (data_dir / DB_NAME).write_bytes(content)
        try:
            result = open_store(data_dir, TODAY, datetime(2026, 11, 25, 8, 0))
        except StoreError as error:
            assert str(error)
            return
        result.store.close()
        if result.notice:
            [moved] = data_dir.glob("smileback-damaged-*.sqlite3")
            assert moved.read_bytes() == content and str(moved) in result.notice


# --- the treatment journal's validators ------------------------------------------------------------

from app.treatment import validation  # noqa: E402
from app.treatment.entries import AreaDose, Injection  # noqa: E402
from app.vocabulary import InjectionArea, InjectionSide, SideEffect  # noqa: E402

anything = st.one_of(scalars, st.dates(), st.lists(scalars, max_size=3))
area_doses = st.builds(AreaDose, st.sampled_from(list(InjectionArea)) | scalars,
                       st.sampled_from(list(InjectionSide)) | scalars,
                       st.none() | st.floats(allow_nan=True) | st.integers() | st.booleans() | st.text(max_size=4))
near_days = st.dates(min_value=date(2020, 1, 1), max_value=date(2028, 12, 31))


def refused_plainly(error: validation.TreatmentError) -> None:
    assert str(error).startswith(error.field + ": ") and len(str(error)) < 400


@PURE_SETTINGS
@given(near_days, st.lists(area_doses | anything, max_size=4), anything | st.text(max_size=200),
       anything | st.text(max_size=200))
def test_an_injection_is_checked_or_refused_naming_the_field(given_on, areas, given_by, product):
    try:
        checked = validation.check_injection(given_on, areas, given_by, product, TODAY)
    except validation.TreatmentError as error:
        refused_plainly(error)
        return
    assert checked.given_on <= TODAY and checked.areas
    assert all(a.units is None or 0 < a.units <= validation.MAX_UNITS for a in checked.areas)


@PURE_SETTINGS
@given(near_days, st.lists(near_days, max_size=4), st.lists(st.sampled_from(list(SideEffect)) | scalars, max_size=4))
def test_a_check_in_is_checked_or_refused_naming_the_field(day, injected_on, answers):
    chin = (AreaDose(InjectionArea.CHIN, InjectionSide.BOTH),)
    injections = [Injection(i, d, chin) for i, d in enumerate(injected_on)]
    try:
        validation.check_checkin_date(day, injections, TODAY)
        validation.check_answers(answers)
    except validation.TreatmentError as error:
        refused_plainly(error)
        return
    assert day <= TODAY and any(0 <= (day - d).days <= 14 for d in injected_on)


@PURE_SETTINGS
@given(anything, anything, anything | st.integers(-5, 2000), st.lists(near_days | scalars, max_size=4))
def test_care_items_moods_and_minutes_are_checked_or_refused_naming_the_field(kind, cadence, minutes, doses):
    for check in (lambda: validation.check_care_item(kind, cadence, minutes, doses, TODAY),
                  lambda: validation.check_mood(minutes), lambda: validation.checked_minutes("minutes", minutes),
                  lambda: validation.checked_text("note", kind, 20)):
        try:
            check()
        except validation.TreatmentError as error:
            refused_plainly(error)


@DB_SETTINGS
@given(given_on=near_days, areas=st.lists(area_doses, max_size=3), note=st.text(max_size=40))
def test_the_store_takes_an_injection_or_refuses_it_and_keeps_nothing(store, given_on, areas, note):
    now = datetime(2026, 11, 25, 9, tzinfo=timezone.utc)
    before = store.treatment.injections()
    try:
        store.treatment.log_injection(given_on, areas, now, given_by=note)
    except validation.TreatmentError as error:
        refused_plainly(error)
        assert store.treatment.injections() == before
    except StoreError:  # a wrong clock's date
        assert store.treatment.injections() == before
    else:
        assert len(store.treatment.injections()) == len(before) + 1


@PURE_SETTINGS
@given(st.text(max_size=40))
def test_a_help_number_is_kept_as_dialled_or_refused_naming_the_field(text):
    try:
        number = validation.checked_phone("emergency number", text)
    except validation.TreatmentError as error:
        refused_plainly(error)
        return
    assert len(number) <= validation.MAX_PHONE_CHARS and (not number or any(c.isdigit() for c in number))


# --- the outcomes' validators ------------------------------------------------------------------------

from app.outcomes import validation as outcome_validation  # noqa: E402
from app.outcomes.items import OutcomesFileError, parse_items  # noqa: E402
from app.vocabulary import ClinicianScale  # noqa: E402

numbers = st.one_of(st.integers(-200, 200), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                    st.text(max_size=4), st.none())


@PURE_SETTINGS
@given(st.sampled_from(list(ClinicianScale)) | scalars, numbers, anything | st.text(max_size=100),
       anything | st.text(max_size=130), anything)
def test_a_clinician_score_is_checked_or_refused_naming_the_field(scale, value, name, rated_by, note):
    try:
        checked = outcome_validation.check_score(scale, value, name, rated_by, note)
    except outcome_validation.OutcomeError as error:
        refused_plainly(error)
        return
    span = outcome_validation.SCALE_RANGES[checked.scale]
    assert math.isfinite(checked.value) and span.low <= checked.value <= span.high
    assert not span.whole or checked.value.is_integer()
    assert (checked.scale_name is not None) == (checked.scale is ClinicianScale.OTHER)


@PURE_SETTINGS
@given(numbers, anything | st.text(max_size=130))
def test_a_rating_and_own_words_are_checked_or_refused_naming_the_field(value, words):
    for check in (lambda: outcome_validation.checked_rating(value), lambda: outcome_validation.checked_own_words(words),
                  lambda: outcome_validation.check_moment(words)):
        try:
            check()
        except outcome_validation.OutcomeError as error:
            refused_plainly(error)


@PURE_SETTINGS
@given(tree)
def test_the_list_of_rating_items_is_parsed_or_refused_with_its_own_error(raw):
    try:
        items = parse_items({"items": raw} if not isinstance(raw, dict) else raw, "fuzz")
    except OutcomesFileError as error:
        assert str(error).startswith("fuzz: ")
        return
    assert items and len({item.key for item in items}) == len(items)


# --- progress photos: any bytes as a picture --------------------------------------------------------

import io as _io  # noqa: E402

from PIL import Image as _Image  # noqa: E402

from app.storage.photo_files import PhotoFileError, normalised  # noqa: E402


def _small_picture(kind: str) -> bytes:
    out = _io.BytesIO()
    _Image.new("RGB", (12, 9), "teal").save(out, kind)
    return out.getvalue()


PICTURES = [_small_picture(kind) for kind in ("PNG", "JPEG", "WEBP", "GIF", "TIFF")]  # GIF, TIFF: refused


@st.composite
def damaged_pictures(draw):
    """A real small picture with a few bytes changed, cut short, or both."""
    data = bytearray(draw(st.sampled_from(PICTURES)))
    for _ in range(draw(st.integers(0, 4))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data[:draw(st.integers(0, len(data)))])


@PURE_SETTINGS
@given(st.binary(max_size=400) | damaged_pictures())
def test_any_bytes_are_a_kept_jpeg_or_refused_in_plain_words(data):
    try:
        jpeg, width, height = normalised(data)
    except PhotoFileError as error:
        assert str(error).startswith("Nothing was kept: ")
        return
    with _Image.open(_io.BytesIO(jpeg)) as kept:
        assert kept.format == "JPEG" and kept.size == (width, height)

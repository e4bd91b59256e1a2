"""Export and import of the whole record: exact round trip, merge without duplicates,
bad files refused by name with nothing changed, the caregiver PIN never carried."""
import copy
import json
import shutil
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.routine import load_routine
from app.storage import Store
from app.storage import transfer
from app.storage.repository import DB_NAME, PlanStepView
from app.storage.transfer import FORMAT, VERSION, ImportFileError, export_json, import_json
from app.treatment.entries import AreaDose
from app.vocabulary import Cadence, CareKind, EffectMark, InjectionArea, InjectionSide, SideEffect
from tests.records import seeded_record

ROUTINE = load_routine()
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
T0 = datetime(2026, 10, 1, 6, 45, 12, 250000, tzinfo=timezone.utc)
PLAN = [PlanStepView("preparation", True, 0), PlanStepView("heat", True, 600), PlanStepView("massage", False, 240)]


def fill(store: Store, days: int = 6, first: datetime = T0) -> None:
    """Plan history, sessions of every kind with notes and ratings, rest days, settings."""
    store.save_plan(PLAN, set(), first.date(), first)
    store.save_plan(PLAN[1:], {5, 6}, first.date() + timedelta(days=3), first + timedelta(days=2, hours=3))
    for day in range(days):
        started = first + timedelta(days=day, minutes=day)
        plan = store.current_plan()
        session_id = store.begin_session(plan.id, started)
        step_id = store.start_step(session_id, 0, "heat", 600, started)
        store.checkpoint_step(step_id, 123.456, started + timedelta(minutes=2))
        if day % 3 == 2:
            store.finish_session(session_id, "partial", started + timedelta(minutes=3))
        elif day % 3 == 1:
            store.finish_step(step_id, "done", 600, started + timedelta(minutes=10))
            store.finish_session(session_id, "completed", started + timedelta(minutes=10))
        note, rating = [("Better 🙂", 4), (None, None), ("Œil sec\nmais ça va", 1)][day % 3]
        store.annotate_session(session_id, note, rating)
    store.set_rest_day(first.date() + timedelta(days=days + 1), True, first)
    store.put_setting("profile.side", "right")
    store.put_setting("profile.name", "Zoë")
    store.put_setting("caregiver.pin_hash", "pbkdf2$secret")
    fill_journal(store, first)


def fill_journal(store: Store, first: datetime) -> None:
    """Two injections (one corrected, one deleted), a faded mark, check-ins (one replaced, one red flag),
    supportive care, a mood: every table of the journal, with history."""
    journal, at, day = store.treatment, first + timedelta(hours=1), first.date()
    journal.log_injection(day - timedelta(days=100), [AreaDose(InjectionArea.AROUND_EYE, InjectionSide.LEFT, 2.5),
                                                      AreaDose(InjectionArea.NECK, InjectionSide.BOTH)],
                          at, given_by="Dr Okafor", product="Botox")
    journal.mark_effect(EffectMark.FADING, day - timedelta(days=5), at)
    typo = journal.log_injection(day, [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT, 1.25)], at)
    journal.log_injection(day, [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT, 1.5)], at + timedelta(minutes=1),
                          replaces=typo.id)
    wrong = journal.log_injection(day, [AreaDose(InjectionArea.CHIN, InjectionSide.RIGHT)], at + timedelta(minutes=2))
    journal.delete_injection(wrong.id, at + timedelta(minutes=3))
    journal.check_in(day + timedelta(days=1), [SideEffect.HEADACHE], at + timedelta(days=1))
    journal.check_in(day + timedelta(days=1), [SideEffect.DOUBLE_VISION, SideEffect.HEADACHE],
                     at + timedelta(days=1, hours=1), note="Blurry 👀")
    journal.check_in(day + timedelta(days=2), [], at + timedelta(days=2))
    journal.save_care_item(CareKind.AEROBIC, Cadence.DAILY, day, at, target_minutes=30)
    journal.save_care_item(CareKind.B_VITAMIN_COURSE, Cadence.WEEKLY, day, at,
                           dose_dates=[day, day + timedelta(days=7), day + timedelta(days=300)])  # planned ahead
    journal.tick_care(CareKind.AEROBIC, day, at, minutes=25)
    journal.record_mood(day, 4, at, note="Œil mieux")


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def opened(folder: Path, seed=None, **kwargs):
    seeded_record(folder, seed, **kwargs)
    return Store(folder)


@pytest.fixture
def other(tmp_path):
    store = opened(tmp_path / "other")
    yield store
    store.close()


@pytest.fixture
def filled(tmp_path):
    """The record `fill` makes (copied from one filled once per test process)."""
    store = opened(tmp_path / "filled", fill)
    yield store
    store.close()


@pytest.fixture
def exported(filled, tmp_path) -> Path:
    return export_json(filled, tmp_path / "record.json")


# --- export ------------------------------------------------------------------------------------

def test_export_holds_everything_but_the_caregiver_pin(exported):
    document = read(exported)
    assert (document["format"], document["version"]) == (FORMAT, VERSION)
    assert len(document["plans"]) == 2 and document["plans"][1]["rest_weekdays"] == [5, 6]
    assert [s["status"] for s in document["sessions"]] == ["in_progress", "completed", "partial"] * 2
    assert document["sessions"][0]["note"] == "Better 🙂" and document["sessions"][0]["rating"] == 4
    assert document["sessions"][0]["steps"][0]["done_seconds"] == 123.46
    assert document["settings"] == {"profile.name": "Zoë", "profile.side": "right"}
    assert "secret" not in exported.read_text(encoding="utf-8")


def test_export_file_is_private_and_written_whole(exported):
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    assert sorted(p.name for p in exported.parent.glob("record.json*")) == ["record.json"]


# --- round trip ----------------------------------------------------------------------------------

def test_import_into_an_empty_record_round_trips_exactly(exported, other, tmp_path):
    report = import_json(other, exported, ROUTINE)
    assert (report.added_plans, report.added_sessions, report.skipped_duplicates) == (2, 6, 0)
    assert (report.added_rest_days, report.added_settings) == (1, 2)
    assert (report.added_treatment, report.held_back_treatment) == (13, 0)
    again = export_json(other, tmp_path / "again.json")
    assert read(again) == read(exported)
    assert again.read_bytes() == exported.read_bytes()


@pytest.mark.parametrize("revision", ["0001", "0002"])
def test_the_migration_fixture_round_trips_exactly(tmp_path, revision):
    source_dir = tmp_path / "fixture"
    source_dir.mkdir()
    shutil.copyfile(FIXTURES / f"schema_{revision}.sqlite3", source_dir / DB_NAME)
    source, target = Store(source_dir), Store(tmp_path / "target")
    try:
        first = export_json(source, tmp_path / "first.json")
        import_json(target, first, ROUTINE)
        second = export_json(target, tmp_path / "second.json")
    finally:
        source.close()
        target.close()
    assert read(second) == read(first)
    assert len(read(first)["sessions"]) == 27


def test_imported_record_reads_like_the_original(filled, exported, other):
    store = filled
    import_json(other, exported, ROUTINE)
    assert other.plans()[1].rest_weekdays == store.plans()[1].rest_weekdays
    [original] = store.sessions_between(T0.date(), T0.date())
    [copied] = other.sessions_between(T0.date(), T0.date())
    assert (copied.started_at, copied.note, copied.rating, copied.steps[0].done_seconds) == (
        original.started_at, original.note, original.rating, original.steps[0].done_seconds)
    assert other.rest_days() == store.rest_days()


# --- merging -------------------------------------------------------------------------------------

def test_importing_the_same_file_twice_adds_nothing(exported, other, tmp_path):
    import_json(other, exported, ROUTINE)
    report = import_json(other, exported, ROUTINE)
    assert (report.added_sessions, report.skipped_duplicates, report.added_plans) == (0, 6, 0)
    assert (report.added_rest_days, report.added_settings) == (0, 0)
    assert read(export_json(other, tmp_path / "again.json")) == read(exported)


def test_merge_adds_only_what_is_missing_and_keeps_this_devices_settings(exported, other, tmp_path):
    fill(other, days=8, first=T0 - timedelta(days=4))  # overlaps the file on days 0..3, other plans
    other.put_setting("profile.side", "left")
    before = len(read(export_json(other, tmp_path / "before.json"))["sessions"])
    report = import_json(other, exported, ROUTINE)
    after = read(export_json(other, tmp_path / "after.json"))
    starts = [s["started_at"] for s in after["sessions"]]
    assert len(starts) == len(set(starts)) == before + report.added_sessions
    assert report.skipped_duplicates == 0  # different minutes: none is the same session
    assert after["settings"]["profile.side"] == "left"
    assert report.added_plans == 2


def test_merged_journals_keep_both_devices_entries_and_each_history_one_line(exported, other, tmp_path):
    fill_journal(other, T0 - timedelta(days=4))
    report = import_json(other, exported, ROUTINE)
    assert report.added_treatment == 13
    shots = other.treatment.injections()
    assert len(shots) == 4  # two from each device; the deleted one stays deleted
    assert [a.units for s in shots if s.given_on == T0.date() for a in s.areas] == [1.5]
    assert len(other.treatment.checkins()) == 4


def test_a_version_older_than_this_devices_change_is_held_back(exported, other, tmp_path):
    import_json(other, exported, ROUTINE)
    [current] = [s for s in other.treatment.injections() if s.given_on == T0.date()]
    mine = other.treatment.log_injection(T0.date(), [AreaDose(InjectionArea.BROW, InjectionSide.BOTH)],
                                         T0 + timedelta(days=3), replaces=current.id)
    document = read(exported)
    document["treatment"]["injections"].append(
        {**document["treatment"]["injections"][2], "replaces": 2, "created_at": "2026-10-02T09:00:00+00:00",
         "given_by": "the clinic's copy"})
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document), encoding="utf-8")
    report = import_json(other, changed, ROUTINE)
    assert (report.added_treatment, report.held_back_treatment) == (0, 1)
    assert mine in other.treatment.injections()


def test_an_export_from_before_the_journal_still_imports(exported, other):
    document = read(exported)
    document["version"] = 1
    del document["treatment"]
    older = exported.with_name("older.json")
    older.write_text(json.dumps(document), encoding="utf-8")
    report = import_json(other, older, ROUTINE)
    assert report.added_sessions == 6 and other.treatment.injections() == []


def test_merge_recognises_a_session_by_its_start_and_local_date(exported, other):
    document = read(exported)
    import_json(other, exported, ROUTINE)
    document["sessions"][0]["note"] = "edited elsewhere"
    document["sessions"].append(copy.deepcopy(document["sessions"][1]))
    document["sessions"][-1]["started_at"] = "2026-11-20T09:00:00+00:00"
    document["sessions"][-1]["local_date"] = "2026-11-20"
    changed = exported.with_name("changed.json")
    changed.write_text(json.dumps(document), encoding="utf-8")
    report = import_json(other, changed, ROUTINE)
    assert (report.added_sessions, report.skipped_duplicates) == (1, 6)
    assert [s.note for s in other.sessions_between(T0.date(), T0.date())] == ["Better 🙂"]


def test_a_file_cannot_plant_a_caregiver_pin(exported, other):
    document = read(exported)
    document["settings"]["caregiver.pin_hash"] = "known-to-the-sender"
    planted = exported.with_name("planted.json")
    planted.write_text(json.dumps(document), encoding="utf-8")
    report = import_json(other, planted, ROUTINE)
    assert "caregiver.pin_hash" not in other.settings()
    assert "caregiver.pin_hash" in report.skipped_settings


# --- bad files --------------------------------------------------------------------------------------

def broken(document: dict, change) -> dict:
    document = copy.deepcopy(document)
    change(document)
    return document


BAD_DOCUMENTS = [
    ("format", lambda d: d.update(format="something-else")),
    ("version", lambda d: d.update(version=3)),
    ("version", lambda d: d.update(version="1")),
    ("sessions", lambda d: d.pop("sessions")),
    ("sessions[2].rating", lambda d: d["sessions"][2].update(rating=7)),
    ("sessions[2].rating", lambda d: d["sessions"][2].update(rating=True)),
    ("sessions[0].steps[0].done_seconds", lambda d: d["sessions"][0]["steps"][0].update(done_seconds="ten")),
    ("sessions[0].steps[0].done_seconds", lambda d: d["sessions"][0]["steps"][0].update(done_seconds=-1)),
    ("sessions[0].steps[0].status", lambda d: d["sessions"][0]["steps"][0].update(status="half")),
    ("sessions[1].started_at", lambda d: d["sessions"][1].update(started_at="2026-10-01T08:00:00")),
    ("sessions[1].local_date", lambda d: d["sessions"][1].update(local_date="yesterday")),
    ("sessions[5].plan", lambda d: d["sessions"][5].update(plan=9)),
    ("sessions[3].steps", lambda d: d["sessions"][3]["steps"].append(d["sessions"][3]["steps"][0])),
    ("sessions[4]", lambda d: d["sessions"].__setitem__(4, [])),
    ("plans[1].steps[0].included", lambda d: d["plans"][1]["steps"][0].update(included="yes")),
    ("plans[0].rest_weekdays", lambda d: d["plans"][0].update(rest_weekdays=[7])),
    ("plans[0].created_at", lambda d: d["plans"][0].pop("created_at")),
    ("rest_days[0].local_date", lambda d: d["rest_days"][0].update(local_date=20261001)),
    ("settings.profile.side", lambda d: d["settings"].update({"profile.side": 3})),
    ("settings", lambda d: d.update(settings=[])),
    # Issue 11.7 and 11.8: dates no SmileBack record can hold.
    ("sessions[1].local_date", lambda d: d["sessions"][1].update(local_date="1970-01-01")),
    ("sessions[1].started_at", lambda d: d["sessions"][1].update(started_at="0001-01-01T08:00:00+00:00")),
    ("sessions[1].started_at", lambda d: d["sessions"][1].update(started_at="2999-01-01T08:00:00+00:00")),
    ("plans[0].created_at", lambda d: d["plans"][0].update(created_at="2999-01-01T08:00:00+00:00")),
    ("rest_days[0].local_date", lambda d: d["rest_days"][0].update(local_date="1999-12-31")),
    # Issue 11.7: a plan the caregiver's editor could never have saved.
    ("plans[0].steps[1].seconds", lambda d: d["plans"][0]["steps"][1].update(seconds=5)),
    ("plans[1].steps[0].seconds", lambda d: d["plans"][1]["steps"][0].update(seconds=20 * 60 + 1)),
    ("plans[1].steps[0].step_key", lambda d: d["plans"][1]["steps"][0].update(step_key="electric stimulation")),
    ("plans[1].steps[1].step_key", lambda d: d["plans"][1]["steps"][1].update(step_key="")),
    ("plans[1].steps", lambda d: d["plans"][1]["steps"][0].update(included=False)),
    ("plans[1].steps", lambda d: d["plans"][1].update(steps=[])),
    ("plans[0].steps", lambda d: d["plans"][0].update(steps=[d["plans"][0]["steps"][0]])),  # preparation only
    # Issue 11.7: text SQLite cannot store (a lone surrogate, which json reads without complaint).
    ("sessions[0].note", lambda d: d["sessions"][0].update(note="Better \ud800")),
    ("plans[0].steps[1].step_key", lambda d: d["plans"][0]["steps"][1].update(step_key="heat\udfff")),
    ("settings.profile.name", lambda d: d["settings"].update({"profile.name": "Zo\udc00"})),
    ("settings", lambda d: d["settings"].update({"profile.\ud83d": "x"})),
    # Issue 13: the treatment journal, checked as the screens check it.
    ("treatment", lambda d: d.pop("treatment")),
    ("treatment.injections[0].given_on", lambda d: _journal(d, "injections", 0).update(given_on="2999-01-01")),
    ("treatment.injections[1].areas", lambda d: _journal(d, "injections", 1).update(areas=[])),
    ("treatment.injections[0].areas[1].units", lambda d: _journal(d, "injections", 0)["areas"][1].update(units=-1)),
    ("treatment.injections[0].areas[0].units", lambda d: _journal(d, "injections", 0)["areas"][0].update(units=9e9)),
    ("treatment.injections[0].areas[0].area", lambda d: _journal(d, "injections", 0)["areas"][0].update(area="ear")),
    ("treatment.injections[0].areas[0].side", lambda d: _journal(d, "injections", 0)["areas"][0].update(side="up")),
    ("treatment.injections[0].given_by", lambda d: _journal(d, "injections", 0).update(given_by="x" * 500)),
    ("treatment.injections[1].replaces", lambda d: _journal(d, "injections", 1).update(replaces=4)),
    ("treatment.injections[0].deleted", lambda d: _journal(d, "injections", 0).update(deleted=True)),
    ("treatment.injections[4].replaces", lambda d: _journal(d, "injections", 4).update(replaces=1)),
    ("treatment.checkins[0].local_date", lambda d: _journal(d, "checkins", 0).update(local_date="2026-08-01")),
    ("treatment.checkins[0].answers", lambda d: _journal(d, "checkins", 0).update(answers=["sneezing"])),
    ("treatment.checkins[1].note", lambda d: _journal(d, "checkins", 1).update(note="\ud800")),
    ("treatment.effect_marks[0].local_date", lambda d: _journal(d, "effect_marks", 0).update(local_date="2026-01-01")),
    ("treatment.effect_marks[0].kind", lambda d: _journal(d, "effect_marks", 0).update(kind="gone")),
    ("treatment.care_items[0].cadence", lambda d: _journal(d, "care_items", 0).update(cadence="hourly")),
    ("treatment.care_items[0].dose_dates", lambda d: _journal(d, "care_items", 0).update(dose_dates=["2026-10-01"])),
    ("treatment.care_items[1].dose_dates[0]", lambda d: _journal(d, "care_items", 1).update(dose_dates=["soon"])),
    ("treatment.care_items[1].dose_dates[1]", lambda d: _journal(d, "care_items", 1).update(
        dose_dates=["2026-10-01", "2999-01-01"])),
    ("treatment.care_ticks[0].minutes", lambda d: _journal(d, "care_ticks", 0).update(minutes=0)),
    ("treatment.mood_entries[0].mood", lambda d: _journal(d, "mood_entries", 0).update(mood=9)),
    ("treatment.mood_entries[0].mood", lambda d: _journal(d, "mood_entries", 0).update(mood=2.0)),
    ("treatment.mood_entries[0].colour", lambda d: _journal(d, "mood_entries", 0).update(colour="blue")),
]


def _journal(document: dict, table: str, index: int) -> dict:
    return document["treatment"][table][index]


@pytest.mark.parametrize("field,change", BAD_DOCUMENTS, ids=[f for f, _ in BAD_DOCUMENTS])
def test_a_bad_field_is_named_and_nothing_is_imported(exported, tmp_path, field, change):
    other = opened(tmp_path / "target", fill, days=2, first=T0 + timedelta(days=30))
    before = read(export_json(other, tmp_path / "before.json"))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(broken(read(exported), change)), encoding="utf-8")
    with pytest.raises(ImportFileError, match=f"field '{_re(field)}'.*Nothing was imported"):
        import_json(other, bad, ROUTINE)
    assert read(export_json(other, tmp_path / "after.json")) == before
    other.close()


def test_the_same_session_twice_in_one_file_is_added_once(exported, other, tmp_path):
    document = read(exported)
    document["sessions"].append(copy.deepcopy(document["sessions"][0]))
    twice = tmp_path / "twice.json"
    twice.write_text(json.dumps(document), encoding="utf-8")
    report = import_json(other, twice, ROUTINE)
    assert report.added_sessions == len(document["sessions"]) - 1 and report.skipped_duplicates == 1


def _re(text: str) -> str:
    import re

    return re.escape(text)


@pytest.mark.parametrize("content", [b"", b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b'"a string"',
                                     b"[" * 100_000 + b"]" * 100_000, b'{"format": NaN}'])
def test_a_file_that_is_not_an_export_is_refused(other, tmp_path, content):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(ImportFileError, match="bad.json: .*Nothing was imported"):
        import_json(other, bad, ROUTINE)
    assert other.plans() == []


def test_a_missing_file_is_refused_plainly(other, tmp_path):
    with pytest.raises(ImportFileError, match="cannot be read"):
        import_json(other, tmp_path / "nowhere.json", ROUTINE)


def test_a_failure_while_writing_undoes_the_whole_import(exported, other, monkeypatch):
    def failing(*args):
        raise RuntimeError("the disk went away half-way")

    monkeypatch.setattr(transfer, "_merge_rest_days", failing)
    with pytest.raises(RuntimeError):
        import_json(other, exported, ROUTINE)
    assert other.plans() == [] and other.sessions_between(date(2000, 1, 1), date(2100, 1, 1)) == []


# --- a plan from a file never displaces the caregiver's without the caregiver (issue 11.7) ----------

def test_held_back_plans_are_not_added_and_their_sessions_go_to_the_current_plan(exported, other):
    kept = other.save_plan(PLAN[1:], {6}, T0.date(), T0 + timedelta(days=1))  # between the file's two plans
    report = import_json(other, exported, ROUTINE, keep_current_plan=True)
    assert (report.added_plans, report.held_back_plans, report.added_sessions) == (1, 1, 6)
    assert other.current_plan() == kept
    later = other.sessions_between(T0.date() + timedelta(days=2), T0.date() + timedelta(days=9))
    assert later and {s.plan_id for s in later} == {kept.id}


def test_without_the_guard_the_newer_plan_becomes_current(exported, other):
    other.save_plan(PLAN[1:], {6}, T0.date(), T0 + timedelta(days=1))
    report = import_json(other, exported, ROUTINE)
    assert (report.added_plans, report.held_back_plans) == (2, 0)
    assert other.current_plan().rest_weekdays == {5, 6}

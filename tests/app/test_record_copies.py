"""The words the "Your record" screen shows, without a UI."""
from datetime import date

from app.record_copies import day_words, report_words, size_words
from app.storage.transfer import ImportReport

TODAY = date(2026, 11, 25)


def test_days_read_as_a_patient_says_them():
    assert day_words(TODAY, TODAY) == "Today, Wed 25 Nov"
    assert day_words(date(2026, 11, 24), TODAY) == "Yesterday, Tue 24 Nov"
    assert day_words(date(2026, 10, 31), TODAY) == "Sat 31 Oct"
    assert day_words(date(2025, 12, 31), TODAY) == "Wed 31 Dec 2025"


def test_sizes_in_whole_kilobytes_never_zero():
    assert size_words(90_112) == "88 KB"
    assert size_words(10) == "1 KB"


def test_import_reports_in_plain_words():
    assert report_words(ImportReport(added_sessions=12, skipped_duplicates=3)) == "Added 12 sessions; 3 were already here."
    assert report_words(ImportReport(added_sessions=1)) == "Added 1 session."
    assert report_words(ImportReport(skipped_duplicates=1)) == "Nothing new: the session was already here."
    assert report_words(ImportReport()) == "The file held no sessions."
    assert report_words(ImportReport(added_outcomes=3, photos_not_found=1)) == (
        "The file held no sessions (and 3 rating, score or photo entries). 1 photo could not be added: the photo "
        "archive beside the file (its name ending in .photos.zip) was missing or did not hold it whole.")
    assert report_words(ImportReport(added_sessions=2, added_plans=1, added_rest_days=2)) == \
        "Added 2 sessions (and 1 plan version and 2 rest days)."


# --- importing: a bad file is refused before anything is written (issue 11.7) ---------------

import json
import re
from datetime import datetime, timedelta, timezone

import pytest

from app import record_copies
from app.storage import transfer
from app.storage.backup import list_backups
from app.storage.errors import StoreError
from app.storage.transfer import ImportFileError, export_document
from tests.seed import add_session, save_plan

MORNING = datetime(2026, 11, 20, 8, tzinfo=timezone.utc)


@pytest.fixture
def export(store, routine, tmp_path) -> dict:
    """A real export of a record with two sessions, as a document to spoil."""
    from app.storage import Store

    source = Store(tmp_path / "source")
    plan = save_plan(source, routine, MORNING.date(), now=MORNING)
    add_session(source, plan, MORNING + timedelta(days=1), note="Felt looser")
    add_session(source, plan, MORNING + timedelta(days=2))
    document = export_document(source)
    source.close()
    return document


@pytest.fixture
def record(store, routine):
    """The patient's record: one session of its own, so an import first makes a safety copy."""
    plan = save_plan(store, routine, MORNING.date() - timedelta(days=10), now=MORNING - timedelta(days=10))
    add_session(store, plan, MORNING - timedelta(days=5))
    return store


def write(tmp_path, document=None, raw: bytes | None = None):
    path = tmp_path / "from-the-clinic.json"
    path.write_bytes(raw if raw is not None else json.dumps(document).encode("utf-8"))
    return path


def spoiled(document: dict, change) -> dict:
    document = json.loads(json.dumps(document))
    change(document)
    return document


SPOILED = [
    ("sessions[0].note", lambda d: d["sessions"][0].update(note="Felt \ud800 looser")),
    ("plans[0].steps[1].seconds", lambda d: d["plans"][0]["steps"][1].update(seconds=3)),
    ("plans[0].steps[2].step_key", lambda d: d["plans"][0]["steps"][2].update(step_key="electric stimulation")),
    ("plans[0].steps", lambda d: [s.update(included=False) for s in d["plans"][0]["steps"][1:]]),
    ("plans[0].created_at", lambda d: d["plans"][0].update(created_at="2999-01-01T08:00:00+00:00")),
    ("sessions[1].local_date", lambda d: d["sessions"][1].update(local_date="0001-01-01")),
]


@pytest.mark.parametrize("field,change", SPOILED, ids=[f for f, _ in SPOILED])
def test_a_spoiled_file_says_which_field_and_leaves_no_copy_and_no_change(record, routine, export, tmp_path,
                                                                          field, change):
    before = export_document(record)
    path = write(tmp_path, spoiled(export, change))
    with pytest.raises(ImportFileError, match=f"field '{re.escape(field)}'") as refused:
        record_copies.import_record(record, path, MORNING.date(), routine, caregiver_unlocked=False)
    assert "Nothing was imported" in str(refused.value)
    assert export_document(record) == before and list_backups(record.data_dir) == []


def test_bytes_that_are_not_utf8_give_a_message_and_no_copy(record, routine, tmp_path):
    path = write(tmp_path, raw=b'{"format": "smileback-health-record", "note": "caf\xe9"}')
    before = export_document(record)
    with pytest.raises(ImportFileError, match="not readable JSON.*Nothing was imported"):
        record_copies.import_record(record, path, MORNING.date(), routine, caregiver_unlocked=False)
    assert export_document(record) == before and list_backups(record.data_dir) == []


def test_a_failure_while_writing_takes_its_safety_copy_away(record, routine, export, tmp_path, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def disk_full(*_args):
        raise OperationalError("INSERT", {}, Exception("database or disk is full"))

    monkeypatch.setattr(transfer, "_merge_rest_days", disk_full)
    before = export_document(record)
    with pytest.raises(StoreError, match="Nothing was imported"):
        record_copies.import_record(record, write(tmp_path, export), MORNING.date(), routine,
                                     caregiver_unlocked=False)
    assert export_document(record) == before and list_backups(record.data_dir) == []


# --- a plan from a file becomes current only with the caregiver (issue 11.7) -------------------

from app.caregiver.pin import HASH_KEY, hash_pin

NOT_MADE_CURRENT = ("The plan in the file was not made current: a caregiver can import it again in "
                    "caregiver mode.")


def test_with_a_pin_set_and_caregiver_mode_closed_the_files_plan_is_not_made_current(record, routine, export,
                                                                                       tmp_path):
    record.put_setting(HASH_KEY, hash_pin("2468", b"salt", 1))
    caregivers = record.current_plan()
    message = record_copies.import_record(record, write(tmp_path, export), MORNING.date(), routine,
                                          caregiver_unlocked=False)
    assert message.startswith("Added 2 sessions.") and NOT_MADE_CURRENT in message
    assert record.current_plan() == caregivers and len(record.plans()) == 1
    assert record.session_count() == 3


def test_in_caregiver_mode_the_files_plan_is_adopted(record, routine, export, tmp_path):
    record.put_setting(HASH_KEY, hash_pin("2468", b"salt", 1))
    message = record_copies.import_record(record, write(tmp_path, export), MORNING.date(), routine,
                                          caregiver_unlocked=True)
    assert NOT_MADE_CURRENT not in message and "1 plan version" in message
    assert record.current_plan().effective_from == MORNING.date()


def test_with_no_pin_there_is_no_caregiver_and_the_files_plan_is_adopted(record, routine, export, tmp_path):
    record.put_setting(HASH_KEY, "")  # as a reset leaves it
    message = record_copies.import_record(record, write(tmp_path, export), MORNING.date(), routine,
                                          caregiver_unlocked=False)
    assert NOT_MADE_CURRENT not in message and record.current_plan().effective_from == MORNING.date()


# --- restoring keeps the caregiver's PIN, lock state and plan (issue 11) -----------------------

from app.caregiver.pin import CAREGIVER_KEYS, FAILURES_KEY, LOCKED_UNTIL_KEY, RESET_ON_KEY, pin_matches
from app.storage.backup import daily_backup
from app.storage.repository import PlanStepView

NOW = datetime(2026, 11, 25, 10, tzinfo=timezone.utc)
KEPT = "Your caregiver PIN and current plan were kept."
TAKEN_WHOLE = "The caregiver PIN and plan are now as they were in that backup."


def caregiver_settings(store) -> dict:
    return {key: store.settings().get(key, "") for key in CAREGIVER_KEYS}


def a_backup_then_a_caregiver(store, routine, backup_pin: str | None = None):
    """A backup from the day before (patient's plan, `backup_pin` or none), then a caregiver
    sets a PIN, is locked out twice over, and saves a lighter plan with Sundays off."""
    save_plan(store, routine, NOW.date() - timedelta(days=30), now=NOW - timedelta(days=30))
    if backup_pin:
        store.put_setting("caregiver.pin_hash", hash_pin(backup_pin, b"old", 1))
    daily_backup(store, NOW.date() - timedelta(days=1))
    store.put_setting("caregiver.pin_hash", hash_pin("2468", b"new", 1))
    store.put_setting(FAILURES_KEY, "6")
    store.put_setting(LOCKED_UNTIL_KEY, (NOW + timedelta(minutes=2)).isoformat())
    store.put_setting(RESET_ON_KEY, "2026-11-20")
    lighter = [PlanStepView(s.key, s.key != "massage", s.seconds) for s in routine.steps]
    store.save_plan(lighter, {6}, NOW.date() - timedelta(days=2), NOW - timedelta(days=2))
    [line] = record_copies.backup_lines(store.data_dir, NOW.date())
    return line


def test_a_restore_keeps_the_pin_lock_state_and_plan_as_a_new_version_from_today(store, routine):
    line = a_backup_then_a_caregiver(store, routine)
    before, caregivers = caregiver_settings(store), store.current_plan()
    restored = record_copies.restore(store, line, NOW, caregiver_unlocked=False)
    record = restored.store
    try:
        assert KEPT in restored.message
        assert caregiver_settings(record) == before
        plan = record.current_plan()
        assert (plan.steps, plan.rest_weekdays, plan.effective_from) == (
            caregivers.steps, caregivers.rest_weekdays, NOW.date())
        assert [p.effective_from for p in record.plans()] == [NOW.date() - timedelta(days=30), NOW.date()]
    finally:
        record.close()


def test_a_backup_with_another_pin_does_not_bring_that_pin_back(store, routine):
    line = a_backup_then_a_caregiver(store, routine, backup_pin="1111")
    record = record_copies.restore(store, line, NOW, caregiver_unlocked=False).store
    try:
        stored = record.settings()["caregiver.pin_hash"]
        assert pin_matches("2468", stored) and not pin_matches("1111", stored)
    finally:
        record.close()


def test_with_no_pin_now_a_backups_old_pin_stays_away_and_its_plan_is_taken(store, routine):
    save_plan(store, routine, NOW.date() - timedelta(days=30), now=NOW - timedelta(days=30))
    store.put_setting("caregiver.pin_hash", hash_pin("1111", b"old", 1))
    daily_backup(store, NOW.date() - timedelta(days=1))
    store.put_setting("caregiver.pin_hash", "")  # reset since, no new PIN chosen
    store.save_plan([PlanStepView("heat", True, 600)], set(), NOW.date(), NOW - timedelta(hours=1))
    [line] = record_copies.backup_lines(store.data_dir, NOW.date())
    restored = record_copies.restore(store, line, NOW, caregiver_unlocked=False)
    try:
        assert restored.store.settings().get("caregiver.pin_hash", "") == ""
        assert len(restored.store.plans()) == 1 and KEPT not in restored.message
    finally:
        restored.store.close()


def test_in_caregiver_mode_the_restore_is_taken_whole(store, routine):
    line = a_backup_then_a_caregiver(store, routine, backup_pin="1111")
    restored = record_copies.restore(store, line, NOW, caregiver_unlocked=True)
    record = restored.store
    try:
        assert TAKEN_WHOLE in restored.message and KEPT not in restored.message
        assert pin_matches("1111", record.settings()["caregiver.pin_hash"])
        assert record.settings().get(FAILURES_KEY, "") in ("", "0")
        assert len(record.plans()) == 1 and record.current_plan().rest_weekdays == frozenset()
    finally:
        record.close()


def test_a_plan_the_backup_already_has_is_not_saved_again(store, routine):
    save_plan(store, routine, NOW.date() - timedelta(days=30), now=NOW - timedelta(days=30))
    store.put_setting("caregiver.pin_hash", hash_pin("2468", b"new", 1))
    daily_backup(store, NOW.date() - timedelta(days=1))
    [line] = record_copies.backup_lines(store.data_dir, NOW.date())
    restored = record_copies.restore(store, line, NOW, caregiver_unlocked=False)
    try:
        assert len(restored.store.plans()) == 1 and KEPT in restored.message
    finally:
        restored.store.close()

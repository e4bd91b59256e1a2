"""Your record: no restore while a session is open; back up, restore, export, import."""
from app.presenters.backups import NO_BACKUPS, SESSION_OPEN, BackupsPresenter
from app.storage.backup import daily_backup


def backups(core, navigator, screen):
    presenter = BackupsPresenter(core, navigator, screen)
    presenter.enter()
    return presenter


def test_no_backups_says_so(core, navigator, screen):
    backups(core, navigator, screen)
    assert screen.model.lines == () and screen.model.empty_text == NO_BACKUPS


def test_no_restore_while_a_session_is_open(core, navigator, screen, clock):
    daily_backup(core.store, core.today())
    presenter = backups(core, navigator, screen)
    core.runner = core.practice.new_runner()
    core.runner.start()
    presenter.ask_restore(screen.model.lines[0])
    assert screen.questions == [] and screen.model.backups_message == SESSION_OPEN
    presenter.restore(screen.model.lines[0])  # even if asked before the session began
    assert screen.model.backups_message == SESSION_OPEN
    assert core.store.interrupted_session() is not None


def test_a_restore_asks_then_goes_on_with_the_restored_record(core, navigator, screen, clock):
    daily_backup(core.store, core.today())
    runner = core.practice.new_runner()
    runner.start()
    runner.skip()
    runner.skip()
    runner.skip()
    runner.skip()  # a session after the backup
    presenter = backups(core, navigator, screen)
    old_store = core.store
    presenter.ask_restore(screen.model.lines[-1])
    screen.answer(yes=True)
    assert core.store is not old_store and core.store.session_count() == 0
    assert "Restored the record" in screen.model.backups_message and screen.model.show_backups_message


def test_back_up_now_and_export_say_what_happened(core, navigator, screen, tmp_path):
    presenter = backups(core, navigator, screen)
    presenter.back_up_now()
    assert screen.model.backups_message.startswith("Done: today's copy now holds everything")
    presenter.export(str(tmp_path / "out"))
    assert "Saved your whole record" in screen.model.export_message
    presenter.import_file("")
    assert "Type the full path" in screen.model.import_message


def test_escape_goes_back_to_settings(core, navigator, screen):
    assert backups(core, navigator, screen).on_key("escape") and navigator.current == "settings"


def test_each_section_keeps_its_message_until_the_screen_is_left(core, navigator, screen, tmp_path):
    presenter = backups(core, navigator, screen)
    presenter.export(str(tmp_path / "out"))
    presenter.import_file("")
    assert "Saved your whole record" in screen.model.export_message and screen.model.import_message
    presenter.enter()
    assert screen.model.export_message == "" == screen.model.import_message


# --- importing: the caregiver's plan, and files that cannot be read (issue 11.7) --------------

import json
from datetime import datetime, timedelta, timezone

from app.record_copies import PLAN_NOT_MADE_CURRENT
from app.storage import Store
from app.storage.transfer import export_json
from tests.seed import add_session, save_plan

LATER = datetime(2026, 11, 25, 9, tzinfo=timezone.utc)  # an hour after the core's own plan


def a_file_with_a_newer_plan(core, tmp_path):
    other = Store(tmp_path / "other")
    plan = save_plan(other, core.routine, LATER.date(), rest_weekdays=(6,), now=LATER)
    add_session(other, plan, LATER + timedelta(minutes=5))
    path = export_json(other, tmp_path / "from-the-tablet.json")
    other.close()
    return path


def test_an_import_with_a_pin_set_keeps_the_caregivers_plan_until_caregiver_mode(core, navigator, screen,
                                                                                  tmp_path, clock):
    core.caregiver_lock.set_pin("2468", "2468")
    path = a_file_with_a_newer_plan(core, tmp_path)
    presenter = backups(core, navigator, screen)
    presenter.import_file(str(path))
    assert PLAN_NOT_MADE_CURRENT in screen.model.import_message and "Added 1 session" in screen.model.import_message
    assert core.store.current_plan().rest_weekdays == frozenset() and core.store.session_count() == 1
    core.start_caregiver_mode()
    clock.advance(6 * 60)  # caregiver mode has timed out: the plan is still kept
    presenter.import_file(str(path))
    assert PLAN_NOT_MADE_CURRENT in screen.model.import_message
    core.start_caregiver_mode()
    presenter.import_file(str(path))
    assert PLAN_NOT_MADE_CURRENT not in screen.model.import_message
    assert core.store.current_plan().rest_weekdays == {6}


def test_an_import_without_a_pin_adopts_the_plan(core, navigator, screen, tmp_path):
    backups(core, navigator, screen).import_file(str(a_file_with_a_newer_plan(core, tmp_path)))
    assert PLAN_NOT_MADE_CURRENT not in screen.model.import_message
    assert core.store.current_plan().rest_weekdays == {6}


def test_a_broken_character_or_bytes_not_utf8_give_a_message_not_a_crash(core, navigator, screen, tmp_path):
    path = a_file_with_a_newer_plan(core, tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["sessions"][0]["note"] = "sore \ud800"
    path.write_text(json.dumps(document), encoding="utf-8")  # written as the escape "\\ud800"
    presenter = backups(core, navigator, screen)
    presenter.import_file(str(path))
    assert "field 'sessions[0].note' holds a broken character" in screen.model.import_message
    path.write_bytes(b'{"note": "\xe9t\xe9"}')
    presenter.import_file(str(path))
    assert "not readable JSON" in screen.model.import_message
    assert core.store.session_count() == 0 and screen.model.lines == ()


# --- restoring keeps the caregiver's PIN and plan unless in caregiver mode (issue 11) ------------

from app.caregiver.plan_edit import PlanDraft
from app.record_copies import CAREGIVER_KEPT, CAREGIVER_RESTORED


def a_backup_before_the_caregiver(core, clock):
    """Yesterday's backup has no PIN; since then a caregiver set one and took the eyes out."""
    daily_backup(core.store, core.today())
    clock.advance(3600)
    core.caregiver_lock.set_pin("2468", "2468")
    draft = PlanDraft.from_plan(core.store.current_plan(), core.routine)
    draft.set_included("eyes", False)
    draft.save(core.store, clock)


def test_a_restore_keeps_the_caregivers_pin_and_plan_and_says_so(core, navigator, screen, clock):
    a_backup_before_the_caregiver(core, clock)
    presenter = backups(core, navigator, screen)
    presenter.restore(screen.model.lines[-1])
    assert CAREGIVER_KEPT in screen.model.backups_message
    assert core.caregiver_lock.check("2468").ok
    assert "eyes" not in {s.step_key for s in core.store.current_plan().included_steps()}


def test_a_restore_in_caregiver_mode_takes_the_backup_whole(core, navigator, screen, clock):
    a_backup_before_the_caregiver(core, clock)
    core.start_caregiver_mode()
    presenter = backups(core, navigator, screen)
    presenter.restore(screen.model.lines[-1])
    assert CAREGIVER_RESTORED in screen.model.backups_message
    assert not core.caregiver_lock.has_pin() and len(core.store.plans()) == 1


def test_in_caregiver_mode_back_returns_to_the_caregiver_dashboard(core, navigator, screen):
    core.start_caregiver_mode()
    assert backups(core, navigator, screen).on_key("escape") and navigator.current == "caregiver"


def test_in_caregiver_mode_the_restore_question_says_the_pin_and_plan_go_back_too(core, navigator, screen, clock):
    a_backup_before_the_caregiver(core, clock)
    presenter = backups(core, navigator, screen)
    presenter.ask_restore(screen.model.lines[-1])
    assert "caregiver PIN" not in screen.questions[-1][0].message
    core.start_caregiver_mode()
    presenter.ask_restore(screen.model.lines[-1])
    assert "The caregiver PIN and plan will be as they were in that backup." in screen.questions[-1][0].message

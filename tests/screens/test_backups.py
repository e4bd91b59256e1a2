"""Your record: backups listed and restored, backing up now, export and import, on the real screens."""
import sqlite3
from contextlib import closing
from datetime import date, datetime, timezone

import pytest
from kivy.metrics import dp
from sqlalchemy import text

from app.storage import Store
from app.storage.backup import daily_backup
from app.storage.transfer import export_json, import_json
from tests.seed import add_session, save_plan


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=timezone.utc)


def sessions(ui):
    with ui.app.core.store.engine.connect() as conn:
        return conn.execute(text("SELECT local_date, status FROM sessions ORDER BY started_at")).all()


def sessions_in_file(path):
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute("SELECT count(*) FROM sessions").fetchone()[0]


def backup_names(data_dir):
    return sorted(p.name for p in (data_dir / "backups").iterdir())


def open_backups(ui):
    ui.app.go("backups")  # reached from Settings; tests go straight there
    ui.settle()
    assert ui.screen.name == "backups"


def rows(ui):
    return ui.screen.rows


def no_dialog(ui, text):
    with pytest.raises(LookupError):
        ui.button_with_text(text)


def seed_yesterday_backup(ui):
    """One session on Tue 24 Nov, backed up as that day's copy; then one more today."""
    store, routine = ui.app.core.store, ui.app.core.routine
    plan = save_plan(store, routine, date(2026, 11, 1))
    add_session(store, plan, at(24, 7, 30), note="Before the backup")
    daily_backup(store, date(2026, 11, 24))
    add_session(store, plan, at(25, 7), note="After the backup")
    return plan


def test_lists_todays_backup_made_at_start(ui, data_dir):
    assert backup_names(data_dir) == ["smileback-2026-11-25.sqlite3"]  # open_store made it
    open_backups(ui)
    assert [r.title_text for r in rows(ui)] == ["Today, Wed 25 Nov"]
    detail = rows(ui)[0].detail_text
    assert detail.startswith("Daily copy, ") and detail.endswith(" KB")
    assert rows(ui)[0].ids.restore_button.height >= dp(48)
    assert "stays on this device" in ui.text("privacy_label")
    assert ui.text("empty_label") == ""


def test_backups_are_newest_first_and_say_what_they_are(ui):
    seed_yesterday_backup(ui)
    open_backups(ui)
    assert [r.title_text for r in rows(ui)] == ["Today, Wed 25 Nov", "Yesterday, Tue 24 Nov"]


def test_restore_after_confirmation_brings_back_the_old_record(ui, data_dir):
    seed_yesterday_backup(ui)
    assert len(sessions(ui)) == 2
    old_store = ui.app.core.store
    open_backups(ui)
    ui.tap(rows(ui)[1].ids.restore_button)
    dialog = ui.button_with_text("Yes, restore it").parent.parent
    assert dialog.message == ("Restore the record from yesterday, Tue 24 Nov? Your record as it is now is saved "
                              "first, so this can be undone.")
    ui.tap_text("Yes, restore it")
    assert ui.app.core.store is not old_store  # restore_backup closed it: the app moved on
    assert sessions(ui) == [("2026-11-24", "completed")]
    safety = data_dir / "backups" / "smileback-2026-11-25-pre-restore.sqlite3"
    assert sessions_in_file(safety) == 2  # the record as it was, kept to undo the restore
    message = ui.text("backups_message_label")
    assert message.startswith("Restored the record from yesterday, Tue 24 Nov.") and "safety copy" in message
    assert [r.title_text for r in rows(ui)][:2] == ["Today, Wed 25 Nov"] * 2
    assert rows(ui)[0].detail_text.startswith("Safety copy from ") and rows(ui)[0].line.path == safety

    # the app goes on with the restored record: a new session is recorded in it
    ui.app.go("home")
    ui.settle()
    ui.tap("start_button")
    assert ui.screen.name == "session"
    ui.tap("main_button")
    assert [s for s in sessions(ui)] == [("2026-11-24", "completed"), ("2026-11-25", "in_progress")]


def test_saying_no_keeps_the_record_as_it_is(ui, data_dir):
    seed_yesterday_backup(ui)
    open_backups(ui)
    before = backup_names(data_dir)
    ui.tap(rows(ui)[1].ids.restore_button)
    ui.tap_text("No, keep my record as it is")
    assert len(sessions(ui)) == 2
    assert backup_names(data_dir) == before
    assert ui.text("backups_message_label") == ""


def test_a_damaged_backup_is_refused_plainly_and_nothing_is_lost(ui, data_dir):
    seed_yesterday_backup(ui)
    (data_dir / "backups" / "smileback-2026-11-20.sqlite3").write_bytes(b"this is not a database" * 100)
    open_backups(ui)
    damaged = next(r for r in rows(ui) if r.title_text == "Fri 20 Nov")
    ui.tap(damaged.ids.restore_button)
    ui.tap_text("Yes, restore it")
    message = ui.text("backups_message_label")
    assert "cannot be used" in message and "Nothing was changed" in message
    assert len(sessions(ui)) == 2
    ui.app.go("home")
    ui.settle()
    ui.tap("start_button")
    assert ui.screen.name == "session" and ui.app.core.runner.session_id is not None


def test_a_restore_failing_half_way_keeps_the_record_and_the_app_going(ui, monkeypatch):
    import app.storage.backup as backup

    def fail(source, db_path):
        raise backup.StoreError(f"SmileBack could not restore the backup {source.name}: disk I/O error.")

    seed_yesterday_backup(ui)
    old_store = ui.app.core.store
    monkeypatch.setattr(backup, "_copy_into_live_database", fail)
    open_backups(ui)
    ui.tap(rows(ui)[1].ids.restore_button)
    ui.tap_text("Yes, restore it")
    assert "could not restore" in ui.text("backups_message_label")
    assert ui.app.core.store is not old_store  # the closed handle is not used again
    assert len(sessions(ui)) == 2
    ui.app.go("home")
    ui.settle()
    ui.tap("start_button")
    ui.tap("main_button")
    assert len(sessions(ui)) == 3


def test_restore_is_refused_while_a_session_is_open(ui, data_dir):
    seed_yesterday_backup(ui)
    ui.app.screen("home").refresh()
    ui.tap("start_button")
    ui.tap("main_button")
    ui.advance(30)
    ui.tap("leave_button")
    before = backup_names(data_dir)
    open_backups(ui)
    ui.tap(rows(ui)[1].ids.restore_button)
    no_dialog(ui, "Yes, restore it")
    assert "session is still open" in ui.text("backups_message_label")
    assert len(sessions(ui)) == 3 and backup_names(data_dir) == before


def test_restore_is_allowed_once_the_open_session_is_closed(ui):
    seed_yesterday_backup(ui)
    ui.app.screen("home").refresh()
    ui.tap("start_button")
    ui.tap("main_button")
    ui.tap("leave_button")
    ui.tap("close_button")  # Home: close it as partly done
    open_backups(ui)
    ui.tap(rows(ui)[1].ids.restore_button)
    ui.tap_text("Yes, restore it")
    assert sessions(ui) == [("2026-11-24", "completed")]


def test_back_up_now_makes_a_fresh_copy_every_time(ui, data_dir):
    """Issue 11.5: it said "today's copy already exists", and the latest sessions were in no backup."""
    import sqlite3
    from contextlib import closing

    open_backups(ui)
    add_session(ui.app.core.store, ui.app.core.store.current_plan(), at(25, 9))  # after the morning copy
    ui.tap("backup_now_button")
    assert "Done" in ui.text("backups_message_label")
    assert backup_names(data_dir) == ["smileback-2026-11-25.sqlite3"]
    with closing(sqlite3.connect(data_dir / "backups" / "smileback-2026-11-25.sqlite3")) as conn:
        assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (1,)
    assert [r.title_text for r in rows(ui)] == ["Today, Wed 25 Nov"]


def test_export_writes_a_file_an_empty_record_can_import(ui, tmp_path):
    seed_yesterday_backup(ui)
    open_backups(ui)
    folder = tmp_path / "exports" / "new folder"
    ui.type_into("folder_input", str(folder))
    ui.tap("export_button")
    exported = folder / "smileback-record-2026-11-25.json"
    assert exported.is_file()
    assert str(exported) in ui.text("export_message_label")
    other = Store(tmp_path / "other")
    try:
        report = import_json(other, exported, ui.app.core.routine)
    finally:
        other.close()
    assert report.added_sessions == 2


def test_export_to_an_impossible_folder_says_so(ui, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    open_backups(ui)
    ui.type_into("folder_input", str(blocker / "exports"))
    ui.tap("export_button")
    assert "could not" in ui.text("export_message_label") and ui.screen.name == "backups"
    assert blocker.read_text() == "not a folder"


def test_export_without_a_folder_asks_for_one(ui, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # an empty folder must not mean "wherever the app runs"
    open_backups(ui)
    ui.type_into("folder_input", "  ")
    ui.tap("export_button")
    assert "Type the folder" in ui.text("export_message_label")
    assert list(tmp_path.glob("*.json")) == []


def test_importing_a_broken_file_says_so_and_changes_nothing(ui, data_dir, tmp_path):
    seed_yesterday_backup(ui)
    broken = tmp_path / "smileback-record-2026-11-20.json"
    broken.write_text('{"format": "smileback-health-record", "version": 1, "plans": [')
    before = backup_names(data_dir)
    open_backups(ui)
    ui.type_into("file_input", str(broken))
    ui.tap("import_button")
    message = ui.text("import_message_label")
    assert "not a SmileBack export" in message and "Nothing was imported" in message
    assert len(sessions(ui)) == 2 and backup_names(data_dir) == before


def test_import_adds_new_sessions_after_a_safety_copy(ui, data_dir, tmp_path):
    plan = seed_yesterday_backup(ui)
    other = Store(tmp_path / "other")
    try:
        other_plan = save_plan(other, ui.app.core.routine, date(2026, 11, 1), now=at(1, 6))
        add_session(other, other_plan, at(20, 8))
        add_session(other, other_plan, at(24, 7, 30))  # the same session as already in the record
        export_json(other, tmp_path / "from-the-tablet.json")
    finally:
        other.close()
    assert plan is not None
    open_backups(ui)
    ui.type_into("file_input", str(tmp_path / "from-the-tablet.json"))
    ui.tap("import_button")
    message = ui.text("import_message_label")
    assert message.startswith("Added 1 session; 1 was already here")
    assert [d for d, _ in sessions(ui)] == ["2026-11-20", "2026-11-24", "2026-11-25"]
    safety = data_dir / "backups" / "smileback-2026-11-25-pre-restore.sqlite3"
    assert sessions_in_file(safety) == 2 and "safety copy" in message
    assert any(r.line.path == safety for r in rows(ui))  # the list was refreshed
    before = backup_names(data_dir)
    ui.tap("import_button")  # the same file again adds nothing, so needs no safety copy
    assert ui.text("import_message_label") == "Nothing new: all 2 sessions were already here."
    assert backup_names(data_dir) == before


def test_import_without_a_path_asks_for_one(ui):
    open_backups(ui)
    ui.tap("import_button")
    assert "full path" in ui.text("import_message_label")


def test_back_returns_to_where_it_was_reached_from(ui):
    open_backups(ui)
    ui.tap("back_button")
    assert ui.screen.name == "settings"

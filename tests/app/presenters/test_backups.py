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

"""Your record: the daily backups (and restoring one), backing up now, export and import."""
from __future__ import annotations

import importlib.util

from kivy.app import App
from kivy.clock import Clock
from kivy.metrics import dp
from kivy.properties import ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.screenmanager import Screen

from app import record_copies
from app.runner import State
from app.storage.errors import StoreError
from app.storage.transfer import ImportFileError
from app.caregiver.export import default_export_folder
from screens import load_kv_beside
from screens.smileback import SCREENS
from screens.widgets import ConfirmDialog

load_kv_beside(__file__)

SESSION_OPEN = ("A session is still open. Finish it, or close it from Home, before restoring a backup: "
                "a restore would lose it.")


def back_target() -> str:
    """Settings, where this screen is reached from, once that screen exists; else Home."""
    module = SCREENS.get("settings", "").split(":")[0]
    return "settings" if module and importlib.util.find_spec(module) else "home"


class BackupRow(BoxLayout):
    """One backup: when and what it is, and a Restore button."""

    line = ObjectProperty(None, allownone=True)
    title_text = StringProperty("")
    detail_text = StringProperty("")
    screen = ObjectProperty(None, allownone=True)


class BackupsScreen(Screen):
    backups_message = StringProperty("")
    export_message = StringProperty("")
    import_message = StringProperty("")
    empty_text = StringProperty("")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rows: list[BackupRow] = []
        self._dialog = None

    @staticmethod
    def _app():
        return App.get_running_app()

    def on_pre_enter(self, *_):
        if not self.ids.folder_input.text:
            self.ids.folder_input.text = str(default_export_folder())
        self.backups_message = self.export_message = self.import_message = ""
        self.refresh()

    def refresh(self) -> None:
        companion = self._app().companion
        lines = record_copies.backup_lines(companion.store.data_dir, companion.today())
        box = self.ids.backups_box
        box.clear_widgets()
        self.rows = [BackupRow(line=line, title_text=line.title, detail_text=line.detail, screen=self)
                     for line in lines]
        for row in self.rows:
            box.add_widget(row)
        self.empty_text = "" if lines else "No backups yet. SmileBack makes one each day it opens."

    def back(self) -> None:
        self._app().go(back_target())

    def on_key(self, name: str) -> bool:
        if name == "escape":
            self.back()
            return True
        return False

    # --- backups ------------------------------------------------------------------------

    def back_up_now(self) -> None:
        companion = self._app().companion
        try:
            self.backups_message = record_copies.back_up_now(companion.store, companion.today())
        except StoreError as error:
            self.backups_message = str(error)
        self.refresh()

    def session_open(self) -> bool:
        """A session is under way: restoring now would throw its steps away."""
        app = self._app()
        runner = app.runner
        if runner is None or runner.state in (State.IDLE, State.SESSION_FINISHED):
            return False
        open_session = app.companion.store.interrupted_session()
        return open_session is not None and open_session.id == runner.session_id

    def ask_restore(self, line: record_copies.BackupLine) -> None:
        if self.session_open():
            self._say(SESSION_OPEN)
            return
        self._dialog = ConfirmDialog(
            message=(f"Restore the record from {line.when}? Your record as it is now is saved first, "
                     "so this can be undone."),
            yes_text="Yes, restore it", no_text="No, keep my record as it is",
            when_yes=lambda: self.restore(line))
        self._dialog.open()

    def restore(self, line: record_copies.BackupLine) -> None:
        app = self._app()
        if self.session_open():
            self._say(SESSION_OPEN)
            return
        store = app.companion.store
        try:
            restored = record_copies.restore(store, line, app.companion.today())
        except StoreError as error:
            self._reopen(store)
            self._say(str(error))
            return
        app.replace_store(restored.store)
        self._say(restored.message)

    def _reopen(self, store) -> None:
        """A failed restore may have closed the record: carry on with a fresh handle on it."""
        try:
            self._app().replace_store(record_copies.reopen_after_failure(store))
        except StoreError:
            pass  # the old handle still reads the unchanged file; the message says what failed

    def _say(self, message: str) -> None:
        self.refresh()
        self.backups_message = message
        # once the message has its height: bring it into view (a restore is confirmed in a dialog)
        Clock.schedule_once(lambda _dt: self.ids.scroller.scroll_to(
            self.ids.backups_message_label, padding=dp(12), animate=False), 0)

    # --- export and import ------------------------------------------------------------------

    def export(self) -> None:
        companion = self._app().companion
        try:
            self.export_message = record_copies.export_record(
                companion.store, self.ids.folder_input.text.strip(), companion.today())
        except StoreError as error:
            self.export_message = str(error)

    def import_file(self) -> None:
        companion = self._app().companion
        try:
            self.import_message = record_copies.import_record(
                companion.store, self.ids.file_input.text, companion.today())
        except (ImportFileError, StoreError) as error:
            self.import_message = str(error)
        self.refresh()

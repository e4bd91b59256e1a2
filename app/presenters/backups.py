"""Your record: the backups (and restoring one), backing up now, export and import.

A restore never happens while a session is open: it would throw the session's steps away.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .. import record_copies
from ..caregiver.export import default_export_folder
from ..core import Core
from ..storage.errors import StoreError
from ..storage.transfer import ImportFileError
from .base import Asks, EscapeGoesBack, Navigator, Question, Shows

SESSION_OPEN = ("A session is still open. Finish it, or close it from Home, before restoring a backup: "
                "a restore would lose it.")
NO_BACKUPS = "No backups yet. SmileBack makes one each day it opens."


@dataclass(frozen=True)
class BackupsModel:
    lines: tuple[record_copies.BackupLine, ...]
    empty_text: str
    backups_message: str = ""
    export_message: str = ""
    import_message: str = ""
    show_backups_message: bool = False  # bring the message into view (it answers a dialog)


class BackupsView(Shows, Asks, Protocol):
    pass


class BackupsPresenter(EscapeGoesBack):
    def __init__(self, core: Core, navigator: Navigator, view: BackupsView):
        self.core, self.navigator, self.view = core, navigator, view
        self.default_folder = str(default_export_folder())
        self.messages: dict[str, str] = {}  # each section's last word, kept until the screen is left

    def enter(self) -> None:
        self.messages = {}
        self._show()

    def _show(self, scroll: bool = False, **messages) -> None:
        self.messages.update(messages)
        lines = tuple(record_copies.backup_lines(self.core.store.data_dir, self.core.today()))
        self.view.show(BackupsModel(lines, "" if lines else NO_BACKUPS, show_backups_message=scroll,
                                    **self.messages))

    def back(self) -> None:
        self.navigator.go("caregiver" if self.core.caregiver_unlocked() else "settings")


    def back_up_now(self) -> None:
        try:
            message = record_copies.back_up_now(self.core.store, self.core.today())
        except StoreError as error:
            message = str(error)
        self._show(backups_message=message)

    def ask_restore(self, line: record_copies.BackupLine) -> None:
        if self.core.session_open():
            self._say(SESSION_OPEN)
            return
        question = (f"Restore the record from {line.when}? Your record as it is now is saved first, "
                    "so this can be undone.")
        if self.core.caregiver_unlocked():
            question += " The caregiver PIN and plan will be as they were in that backup."
        self.view.ask(Question(question, "Yes, restore it", "No, keep my record as it is"),
                      lambda: self.restore(line))

    def restore(self, line: record_copies.BackupLine) -> None:
        if self.core.session_open():
            self._say(SESSION_OPEN)
            return
        store = self.core.store
        try:
            restored = record_copies.restore(store, line, self.core.clock.now(),
                                             caregiver_unlocked=self.core.caregiver_unlocked())
        except StoreError as error:
            self._reopen(store)
            self._say(str(error))
            return
        self.core.use_store(restored.store)
        self._say(restored.message)

    def _reopen(self, store) -> None:
        """A failed restore may have closed the record: carry on with a fresh handle on it."""
        try:
            self.core.use_store(record_copies.reopen_after_failure(store))
        except StoreError:
            pass  # the old handle still reads the unchanged file; the message says what failed

    def _say(self, message: str) -> None:
        self._show(scroll=True, backups_message=message)

    def export(self, folder_text: str) -> None:
        try:
            message = record_copies.export_record(self.core.store, folder_text.strip(), self.core.today())
        except StoreError as error:
            message = str(error)
        self._show(export_message=message)

    def import_file(self, path_text: str) -> None:
        try:
            message = record_copies.import_record(self.core.store, path_text, self.core.today(), self.core.routine,
                                                  caregiver_unlocked=self.core.caregiver_unlocked())
        except (ImportFileError, StoreError) as error:
            message = str(error)
        self._show(import_message=message)

"""Your record: the daily backups (and restoring one), backing up now, export and import."""
from __future__ import annotations

from kivy.clock import Clock
from kivy.metrics import dp
from kivy.properties import ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from screens import load_kv_beside
from screens.widgets import PresentedScreen

load_kv_beside(__file__)

class BackupRow(BoxLayout):
    """One backup: when and what it is, and a Restore button."""

    line = ObjectProperty(None, allownone=True)
    title_text = StringProperty("")
    detail_text = StringProperty("")
    screen = ObjectProperty(None, allownone=True)


class BackupsScreen(PresentedScreen):
    backups_message = StringProperty("")
    export_message = StringProperty("")
    import_message = StringProperty("")
    empty_text = StringProperty("")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rows: list[BackupRow] = []

    def on_pre_enter(self, *_):
        if not self.ids.folder_input.text:
            self.ids.folder_input.text = self.presenter.default_folder
        self.presenter.enter()

    def show(self, model) -> None:
        self.backups_message, self.empty_text = model.backups_message, model.empty_text
        self.export_message, self.import_message = model.export_message, model.import_message
        box = self.ids.backups_box
        box.clear_widgets()
        self.rows = [BackupRow(line=line, title_text=line.title, detail_text=line.detail, screen=self)
                     for line in model.lines]
        for row in self.rows:
            box.add_widget(row)
        if model.show_backups_message:  # once the message has its height, bring it into view
            Clock.schedule_once(lambda _dt: self.ids.scroller.scroll_to(
                self.ids.backups_message_label, padding=dp(12), animate=False), 0)

    def export(self) -> None:
        self.presenter.export(self.ids.folder_input.text)

    def import_file(self) -> None:
        self.presenter.import_file(self.ids.file_input.text)

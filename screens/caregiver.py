"""The caregiver review: adherence, missed days, each step, ratings, notes, and export."""
from __future__ import annotations

from pathlib import Path

from kivy.app import App
from kivy.properties import ListProperty, StringProperty
from kivy.uix.screenmanager import Screen

from app.caregiver.dashboard import dashboard
from app.caregiver.export import ExportError, default_export_folder, export_all
from app.formatting import clock_face
from screens import load_kv_beside
from screens.widgets import WrapLabel

load_kv_beside(__file__)


class CaregiverScreen(Screen):
    status_text = StringProperty("")
    reason_text = StringProperty("")
    adherence_text = StringProperty("")
    missed_text = StringProperty("")
    ratings_caption = StringProperty("")
    ratings = ListProperty([])
    export_message = StringProperty("")

    def on_pre_enter(self, *_):
        companion = App.get_running_app().companion
        board = dashboard(companion.store, companion.routine, companion.today())
        self.status_text = board.status.capitalize()
        self.reason_text = board.status_reason
        a = board.adherence
        self.adherence_text = f"Last 7 days: {a[7]:.0f} %    30 days: {a[30]:.0f} %    90 days: {a[90]:.0f} %"
        missed = board.missed_days[:14]
        self.missed_text = (", ".join(f"{d:%a %d %b}" for d in missed) + (" and earlier" if len(board.missed_days) > 14 else "")
                            if missed else "No missed days in the last 90 days.")
        self.ratings = [r for _, r in board.ratings[-30:]]
        self.ratings_caption = (f"How sessions felt (1 to 5), last {len(self.ratings)} ratings, oldest on the left"
                                if self.ratings else "No ratings yet.")
        self._fill(self.ids.steps_box, [self._step_line(s) for s in board.steps] or ["No steps recorded yet."])
        self._fill(self.ids.notes_box, [f"[b]{d:%a %d %b}[/b]  {text}" for d, text in board.notes[:20]]
                   or ["No notes yet."])
        if not self.ids.folder_input.text:
            self.ids.folder_input.text = str(default_export_folder())
        self.export_message = ""

    @staticmethod
    def _step_line(step) -> str:
        line = f"[b]{step.title}[/b]: done {step.done} of {step.done + step.skipped} ({step.done_percent:.0f} %)"
        if step.avg_planned_seconds:  # an untimed step has no time to compare
            line += f", on average {clock_face(step.avg_done_seconds)} of {clock_face(step.avg_planned_seconds)}"
        return line

    @staticmethod
    def _fill(box, lines: list[str]) -> None:
        box.clear_widgets()
        for line in lines:
            box.add_widget(WrapLabel(text=line))

    def export(self) -> None:
        companion = App.get_running_app().companion
        folder = Path(self.ids.folder_input.text.strip()).expanduser()
        try:
            result = export_all(companion.store, companion.routine, folder, companion.today())
        except ExportError as error:
            self.export_message = str(error)
            return
        self.export_message = result.message

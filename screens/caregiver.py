"""The caregiver review: adherence, missed days, each step, ratings, notes, and export."""
from __future__ import annotations

from kivy.properties import ObjectProperty, StringProperty

from screens import load_kv_beside
import screens.face_widgets  # noqa: F401  (the face measures' table in caregiver.kv)
import screens.treatment_cards  # noqa: F401  (the treatment section in caregiver.kv)
from screens.widgets import PresentedScreen, fill

load_kv_beside(__file__)


def outcome_text(outcomes) -> list[str]:
    """The ratings against the injections, what is worth mentioning, and each clinician score."""
    if outcomes is None:
        return []
    scores = ["[b]Clinician scores[/b]", *outcomes.scores] if outcomes.scores else ["No clinician score recorded yet."]
    return [*outcomes.standings, *outcomes.changes, *scores]


class CaregiverScreen(PresentedScreen):
    status_text = StringProperty("")
    reason_text = StringProperty("")
    adherence_text = StringProperty("")
    missed_text = StringProperty("")
    ratings_caption = StringProperty("")
    ratings_chart = ObjectProperty(None, allownone=True)
    steps_chart = ObjectProperty(None, allownone=True)
    export_message = StringProperty("")
    pin_reset_text = StringProperty("")

    def on_pre_enter(self, *_):
        if not self.ids.folder_input.text:
            self.ids.folder_input.text = self.presenter.default_folder
        self.presenter.enter()

    def show(self, model) -> None:
        self.status_text, self.reason_text = model.status_text, model.reason_text
        self.adherence_text, self.missed_text = model.adherence_text, model.missed_text
        self.ratings_chart, self.ratings_caption = model.ratings_chart, model.ratings_caption
        self.steps_chart = model.steps_chart
        self.export_message = model.export_message
        self.pin_reset_text = model.pin_reset_text
        fill(self.ids.steps_box, model.steps)
        fill(self.ids.notes_box, model.notes)
        fill(self.ids.outcomes_box, outcome_text(model.outcomes))
        self.ids.treatment_section.refresh()  # read afresh with the dashboard
        if model.face is not None:
            self.ids.face_section.show_table(model.face)

    def export(self) -> None:
        self.presenter.export(self.ids.folder_input.text)

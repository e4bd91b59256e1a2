"""Summary: what was done and skipped, the total time, a note and a 1 to 5 rating."""
from __future__ import annotations

from kivy.properties import NumericProperty, StringProperty

from screens import load_kv_beside
from screens.widgets import PresentedScreen, WrapLabel

load_kv_beside(__file__)


class SummaryScreen(PresentedScreen):
    heading = StringProperty("")
    total_text = StringProperty("")
    rating = NumericProperty(0)
    error_text = StringProperty("")

    def on_kv_post(self, *_):
        self.ids.note_input.bind(text=lambda _box, text: self.presenter and self.presenter.keep_draft(text))

    def on_pre_enter(self, *_):
        self.presenter.enter()

    def show(self, model) -> None:
        if model.note is not None and self.ids.note_input.text != model.note:
            self.ids.note_input.text = model.note
        self.heading, self.total_text = model.heading, model.total_text
        self.rating, self.error_text = model.rating, model.error_text
        box = self.ids.steps_box
        box.clear_widgets()
        for line in model.steps:
            box.add_widget(WrapLabel(text=line))

    def save(self) -> None:
        self.presenter.save(self.ids.note_input.text)

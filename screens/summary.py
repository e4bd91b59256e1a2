"""Summary: the finish moment, what was done and skipped, the total time, a note and a 1 to 5 rating."""
from __future__ import annotations

from kivy.properties import NumericProperty, StringProperty

from screens import load_kv_beside
from screens.finish_moment import FinishMoment  # noqa: F401  (registered for kv)
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

    def on_enter(self, *_):
        self.ids.finish_moment.play()  # after the fade in, so the fill is seen

    def show(self, model) -> None:
        if model.note is not None and self.ids.note_input.text != model.note:
            self.ids.note_input.text = model.note
        self.heading, self.total_text = model.heading, model.total_text
        self.rating, self.error_text = model.rating, model.error_text
        if model.finish is not None:
            self.ids.finish_moment.show(model.finish)
        box = self.ids.steps_box
        box.clear_widgets()
        for line in model.steps:
            box.add_widget(WrapLabel(text=line))

    def save(self) -> None:
        self.presenter.save(self.ids.note_input.text)

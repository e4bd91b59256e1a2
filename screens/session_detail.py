"""One session in detail: when, how it ended, each step planned against done, the note and rating."""
from __future__ import annotations

from kivy.properties import StringProperty
from kivy.utils import escape_markup

from screens import load_kv_beside
from screens.widgets import PresentedScreen, WrapLabel


class SessionDetailScreen(PresentedScreen):
    date_text = StringProperty("")
    started_text = StringProperty("")
    status_text = StringProperty("")
    total_text = StringProperty("")
    note_text = StringProperty("")
    rating_text = StringProperty("")

    def on_pre_enter(self, *_):
        self.presenter.enter()

    def show(self, model) -> None:
        self.date_text, self.started_text = model.date_text, model.started_text
        self.status_text, self.total_text, self.rating_text = model.status_text, model.total_text, model.rating_text
        self.note_text = escape_markup(model.note_text) if model.note_text else "No note was written."
        box = self.ids.steps_box
        box.clear_widgets()
        for step in model.steps:
            status = step.status_words if step.done else f"[b]{step.status_words.upper()}[/b]"  # what was not done stands out
            box.add_widget(WrapLabel(text=f"[b]{step.title}[/b]: {status}\n{step.timing}"))
        if not model.steps:
            box.add_widget(WrapLabel(text="No step was started."))


load_kv_beside(__file__)

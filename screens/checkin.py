"""The side-effect check-in: "Nothing new" in one tap, or a short checklist with a note.
A red flag opens the full-screen get-help page (the presenter decides)."""
from __future__ import annotations

from kivy.properties import StringProperty

from app.vocabulary import SideEffect
from screens import load_kv_beside
import screens.journal_widgets  # noqa: F401  (JournalInput and the journal's labels)
from screens.widgets import TickButton
from screens.widgets import PresentedScreen


class AnswerTick(TickButton):
    answer = StringProperty("")


class CheckInScreen(PresentedScreen):
    title = StringProperty("")
    message = StringProperty("")

    def on_kv_post(self, *_):
        self.ids.note_input.bind(text=lambda _box, text: self.presenter and self.presenter.type_note(text))

    def on_pre_enter(self, *_):
        self.presenter.enter()
        self.ids.scroller.scroll_y = 1

    def go_back(self) -> None:
        self.presenter.back()

    def show(self, model) -> None:
        self.title, self.message = model.title, model.message
        if self.ids.note_input.text != model.note:
            self.ids.note_input.text = model.note
        box = self.ids.answers_box
        box.clear_widgets()
        for item in model.items:
            tick = AnswerTick(text=item.words, checked=item.chosen, answer=item.answer.value)
            tick.bind(on_release=lambda t: self.presenter.toggle(SideEffect(t.answer)))
            box.add_widget(tick)


load_kv_beside(__file__)

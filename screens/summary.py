"""Summary: what was done and skipped, the total time, a note and a 1 to 5 rating."""
from __future__ import annotations

from kivy.app import App
from kivy.properties import NumericProperty, StringProperty
from kivy.uix.screenmanager import Screen

from app.formatting import clock_face, duration_words
from screens import load_kv_beside
from screens.widgets import WrapLabel

load_kv_beside(__file__)

STATUS_WORDS = {"completed": "Session complete", "partial": "Session partly done",
                "abandoned": "Session closed", "in_progress": "Session in progress"}


class SummaryScreen(Screen):
    heading = StringProperty("")
    total_text = StringProperty("")
    rating = NumericProperty(0)
    error_text = StringProperty("")

    def on_pre_enter(self, *_):
        app = App.get_running_app()
        session = app.companion.store.session(app.runner.session_id)
        self.session_id = session.id
        self.heading = STATUS_WORDS[session.status]
        self.total_text = f"Time practised: {duration_words(session.done_seconds)}"
        self.rating, self.error_text = session.rating or 0, ""
        self.ids.note_input.text = session.note or ""
        box = self.ids.steps_box
        box.clear_widgets()
        routine = app.companion.routine
        for step in session.steps:
            title = routine.step(step.step_key).title
            done = step.status == "done"
            mark = "[b]Done[/b]" if done else "[b]Skipped[/b]"
            timing = (f"{clock_face(step.done_seconds)} of {clock_face(step.planned_seconds)}"
                      if step.planned_seconds else "")
            box.add_widget(WrapLabel(text=f"{mark}  {title}   {timing}"))

    def choose_rating(self, value: int) -> None:
        self.rating = 0 if self.rating == value else value

    def save(self) -> None:
        app = App.get_running_app()
        try:
            app.companion.annotate(self.session_id, self.ids.note_input.text, self.rating or None)
        except ValueError as error:
            self.error_text = str(error)  # the note stays in the box, nothing is lost
            return
        app.runner = None
        app.go("home")

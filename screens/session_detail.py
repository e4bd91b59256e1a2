"""One session in detail: when, how it ended, each step planned against done, the note and rating."""
from __future__ import annotations

from datetime import timedelta, timezone

from kivy.app import App
from kivy.properties import NumericProperty, StringProperty
from kivy.uix.screenmanager import Screen
from kivy.utils import escape_markup

from app.formatting import clock_face, duration_words, long_date
from screens import load_kv_beside
from screens.history import SESSION_WORDS
from screens.widgets import WrapLabel

STEP_WORDS = {"done": "done", "skipped": "skipped", "running": "not finished"}


class SessionDetailScreen(Screen):
    session_id = NumericProperty(0)
    date_text = StringProperty("")
    started_text = StringProperty("")
    status_text = StringProperty("")
    total_text = StringProperty("")
    note_text = StringProperty("")
    rating_text = StringProperty("")

    def on_pre_enter(self, *_):
        self.refresh()

    def refresh(self) -> None:
        companion = App.get_running_app().companion
        if companion is None or not self.session_id:
            return
        session = companion.store.session(int(self.session_id))
        # The start as the patient's clock showed it then, wherever they are now.
        started = session.started_at.astimezone(timezone(timedelta(minutes=session.utc_offset_minutes)))
        self.date_text = long_date(session.local_date)
        self.started_text = f"Started at {started:%H:%M}"
        self.status_text = SESSION_WORDS.get(session.status, session.status)
        done = session.done_seconds
        self.total_text = f"Time practised: {duration_words(done) if done >= 0.5 else 'none'}"
        self.note_text = escape_markup(session.note) if session.note else "No note was written."
        self.rating_text = f"{session.rating} of 5" if session.rating else "Not rated."
        box = self.ids.steps_box
        box.clear_widgets()
        for step in sorted(session.steps, key=lambda s: s.position):
            try:
                title = companion.routine.step(step.step_key).title
            except KeyError:
                title = step.step_key
            words = STEP_WORDS.get(step.status, step.status)
            if step.status != "done":
                words = f"[b]{words.upper()}[/b]"
            timing = (f"{clock_face(step.planned_seconds)} planned, {clock_face(step.done_seconds)} done"
                      if step.planned_seconds else "No timer")
            box.add_widget(WrapLabel(text=f"[b]{title}[/b]: {words}\n{timing}"))
        if not session.steps:
            box.add_widget(WrapLabel(text="No step was started."))


load_kv_beside(__file__)

"""Clinician scores, behind the caregiver PIN: a score a clinician gave, recorded as given
(the scale, the number, the day, who rated, a note), and the scores over time.
A number the scale cannot take is said beside its box."""
from __future__ import annotations

from kivy.properties import BooleanProperty, NumericProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from screens import load_kv_beside
from screens.widgets import PresentedScreen, RoundedButton

FIELD_MESSAGES = ("value", "date", "name", "rated_by", "note", "every_days")


class ScaleButton(RoundedButton):
    scale = StringProperty("")


class ScoreRow(BoxLayout):
    score_id = NumericProperty(0)
    text = StringProperty("")
    note = StringProperty("")
    screen = None


class ClinicianScoresScreen(PresentedScreen):
    needs_name = BooleanProperty(False)
    range_text = StringProperty("")
    scale_words = StringProperty("")
    message = StringProperty("")
    value_message = StringProperty("")
    date_message = StringProperty("")
    name_message = StringProperty("")
    rated_by_message = StringProperty("")
    note_message = StringProperty("")
    every_days_message = StringProperty("")
    empty = BooleanProperty(True)

    def on_pre_enter(self, *_):
        self.presenter.prepare()
        self.presenter.enter()
        self.ids.scroller.scroll_y = 1

    def show(self, model) -> None:
        chosen = next(s for s in model.scales if s.chosen)
        self.needs_name, self.range_text, self.scale_words = model.needs_name, chosen.range_text, chosen.words
        for field in FIELD_MESSAGES:  # a refusal goes beside its box; anything else under the form
            setattr(self, f"{field}_message", model.message if model.message_field == field else "")
        self.message = "" if model.message_field else model.message
        self.ids.date_input.text = model.date_text
        self.ids.every_days_input.text = str(model.every_days)
        if model.clear_form:
            for box in ("value_input", "name_input", "rated_by_input", "note_input"):
                self.ids[box].text = ""
        scales = self.ids.scales_box
        scales.clear_widgets()
        for option in model.scales:
            button = ScaleButton(text=f"{option.words}: {option.range_text}", scale=option.scale,
                                 role="primary" if option.chosen else "secondary")
            button.bind(on_release=lambda b: self.presenter.choose_scale(b.scale))
            scales.add_widget(button)
        self.empty = not model.scores
        rows = self.ids.scores_box
        rows.clear_widgets()
        for line in model.scores:
            row = ScoreRow(score_id=line.score_id, text=line.text, note=line.note)
            row.screen = self
            rows.add_widget(row)

    def save(self) -> None:
        ids = self.ids
        self.presenter.save(ids.value_input.text, ids.date_input.text, scale_name=ids.name_input.text,
                            rated_by=ids.rated_by_input.text, note=ids.note_input.text)


load_kv_beside(__file__)

"""Home's treatment cards, each with its own presenter (app/presenters/treatment.py): the
injection cycle (week, the estimate, the booking prompt, one-tap marks, the check-in when
due), the prompt for a rating that is due, and supportive care's quick ticks with the mood faces, after the routine and never
part of its streak; and the caregiver dashboard's treatment section."""
from __future__ import annotations

from kivy.properties import BooleanProperty, ListProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout

from app.vocabulary import CareKind, EffectMark, Mood
from screens import load_kv_beside
from screens.journal_widgets import CollapsibleCard, PresentedPart
from screens.widgets import TickButton
from screens.widgets import Card, WrapLabel


class CycleCard(PresentedPart, Card):
    week_text = StringProperty("")
    forecast_text = StringProperty("")
    hint_text = StringProperty("")
    booking_text = StringProperty("")
    can_mark_started = BooleanProperty(False)
    can_mark_fading = BooleanProperty(False)
    checkin_text = StringProperty("")
    message = StringProperty("")

    def mark_started(self) -> None:
        self.presenter.mark(EffectMark.STARTED)

    def mark_fading(self) -> None:
        self.presenter.mark(EffectMark.FADING)


class CareTick(TickButton):
    kind = StringProperty("")


class MoodButton(ButtonBehavior, BoxLayout):
    """One of the five faces, with its words: the face alone would not say enough."""

    mood = NumericProperty(3)
    words = StringProperty("")
    chosen = BooleanProperty(False)
    card = ObjectProperty(None)


class CareCard(PresentedPart, CollapsibleCard):
    has_items = BooleanProperty(False)
    has_moods = BooleanProperty(False)
    asks_minutes = BooleanProperty(False)
    mood_words = StringProperty("")  # today's mood in words, "" before it is given
    message = StringProperty("")

    def show(self, model) -> None:
        self.has_items, self.has_moods, self.message = bool(model.items), bool(model.moods), model.message
        self.mood_words = model.mood_today.words if model.mood_today else ""
        # the minutes box asks while aerobic exercise is still to tick: what is typed there stays
        # (through a refusal, a mood or another tick) until aerobic exercise is ticked
        self.asks_minutes = any(line.asks_minutes and not line.done for line in model.items)
        if not self.asks_minutes:
            self.ids.minutes_input.text = ""
        ticks = self.ids.ticks_box
        ticks.clear_widgets()
        for line in model.items:
            said = ", ".join(t for t in (line.done_minutes_text, line.minutes_text) if t)
            words = f"{line.words}   ({said})" if said else line.words
            tick = CareTick(text=words, checked=line.done, kind=line.kind.value)
            tick.bind(on_release=self._toggle)
            ticks.add_widget(tick)
        faces = self.ids.moods_box
        faces.clear_widgets()
        for mood, words in model.moods:
            faces.add_widget(MoodButton(mood=int(mood), words=words, chosen=mood == model.mood_today, card=self))

    def _toggle(self, tick: CareTick) -> None:
        kind = CareKind(tick.kind)
        if tick.checked:
            self.presenter.untick(kind)
        else:
            self.presenter.tick(kind, self.ids.minutes_input.text)

    def choose_mood(self, mood: int) -> None:
        self.presenter.record_mood(Mood(mood), self.ids.mood_note.text.strip() or None)


class RatingPromptCard(PresentedPart, CollapsibleCard):
    """Home's prompt when a rating is due (its presenter decides when): one tap to the rating screen."""

    text = StringProperty("")

    def show(self, model) -> None:
        self.text, self.shown = model.text, bool(model.text)


class CaregiverTreatmentCard(PresentedPart, Card):
    cycle_text = StringProperty("")
    forecast_text = StringProperty("")
    last_cycle_text = StringProperty("")
    red_flag_text = StringProperty("")
    moods = ListProperty([])
    mood_caption = StringProperty("")
    has_side_effects = BooleanProperty(False)
    has_care = BooleanProperty(False)

    def show(self, model) -> None:
        self.cycle_text, self.forecast_text = model.cycle_text, model.forecast_text
        self.last_cycle_text, self.red_flag_text = model.last_cycle_text, model.red_flag_text
        self.moods, self.mood_caption = list(model.moods), model.mood_caption
        self.has_side_effects, self.has_care = bool(model.side_effects), bool(model.care)
        for box, lines in ((self.ids.side_effects_box, model.side_effects), (self.ids.care_box, model.care)):
            box.clear_widgets()
            for line in lines:
                box.add_widget(WrapLabel(text=line))


load_kv_beside(__file__)

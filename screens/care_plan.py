"""The caregiver's supportive care (default none) and the expected cycle length, beside the
plan editor. Every decision is CarePlanPresenter's; this screen draws its model and forwards
the taps and the typed text."""
from __future__ import annotations

from kivy.factory import Factory
from kivy.properties import StringProperty

from screens import load_kv_beside
import screens.journal_widgets  # noqa: F401  (Collapsible)
from screens.widgets import PresentedScreen


class CarePlanScreen(PresentedScreen):
    cycle_hint = StringProperty("")
    problems_text = StringProperty("")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rows = {}  # CareKind value -> its row, made once and updated on each show

    def on_pre_enter(self, *_):
        self.presenter.enter()
        self.ids.scroller.scroll_y = 1

    def show(self, model) -> None:
        self.cycle_hint = model.cycle_hint
        self.problems_text = "\n".join(model.problems)
        if [k for k in self.rows] != [line.kind.value for line in model.lines]:
            self._build(model.lines)
        for line in model.lines:
            row = self.rows[line.kind.value]
            row.on, row.cadence = line.on, line.cadence.value
            _set_text(row.ids.minutes_input, line.minutes_text)
            _set_text(row.ids.doses_input, line.doses_text)
        _set_text(self.ids.cycle_weeks_input, model.cycle_weeks_text)

    def _build(self, lines) -> None:
        box = self.ids.items_box
        box.clear_widgets()
        self.rows = {}
        for line in lines:
            row = Factory.CareItemRow()  # kv-declared properties are set after creation
            row.kind, row.words = line.kind.value, line.words
            kind = line.kind
            row.ids.on_tick.bind(on_release=lambda _b, k=kind: self.presenter.toggle(k))
            row.ids.daily_button.bind(on_release=lambda _b, k=kind: self.presenter.set_cadence(k, "daily"))
            row.ids.weekly_button.bind(on_release=lambda _b, k=kind: self.presenter.set_cadence(k, "weekly"))
            row.ids.minutes_input.bind(text=lambda _i, text, k=kind: self.presenter.type(k, minutes=text))
            row.ids.doses_input.bind(text=lambda _i, text, k=kind: self.presenter.type(k, doses=text))
            box.add_widget(row)
            self.rows[line.kind.value] = row

    def type_cycle_weeks(self, text: str) -> None:
        if self.presenter is not None:
            self.presenter.type(cycle_weeks=text)


def _set_text(field, text: str) -> None:
    """Only when it differs: setting the same text would move the cursor as the caregiver types."""
    if field.text != text:
        field.text = text


load_kv_beside(__file__)

"""Shared widgets: buttons with 48dp+ targets, wrapping labels, cards, a confirm dialog (charts in charts.py)."""
from __future__ import annotations

from kivy.properties import BooleanProperty, ListProperty, ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label
from kivy.uix.modalview import ModalView
from kivy.uix.screenmanager import Screen

from screens import load_kv_beside
from screens.charts import BarChart, RateChart  # noqa: F401  (registered for kv)
from screens.face_diagram import FaceDiagram  # noqa: F401  (registered for kv)


class WrapLabel(Label):
    """A label that wraps to its width and grows to fit its text."""


class RoundedButton(ButtonBehavior, Label):
    """A flat, rounded button; `role` picks its colours from the theme."""

    role = StringProperty("primary")
    disabled_look = BooleanProperty(False)


class DemoBanner(Label):
    """Says so while timers run faster than real time (--time-scale)."""


class Card(BoxLayout):
    pass


class ConfirmDialog(ModalView):
    """A presenter's Question as a dialog: its two answers call back `when_yes` or `when_no`."""

    message = StringProperty("")
    yes_text = StringProperty("Yes")
    no_text = StringProperty("No")
    when_yes = ObjectProperty(None, allownone=True)
    when_no = ObjectProperty(None, allownone=True)

    @classmethod
    def for_question(cls, question, on_yes, on_no=None) -> "ConfirmDialog":
        return cls(message=question.message, yes_text=question.yes, no_text=question.no,
                   when_yes=on_yes, when_no=on_no)

    def answer(self, yes: bool) -> None:
        self.dismiss()
        then = self.when_yes if yes else self.when_no
        if then:
            then()


class PresentedScreen(Screen):
    """A screen driven by its presenter (set by the App): it shows view models and asks questions.

    `show(model)` copies each field of the frozen view model onto the Kivy property of the
    same name, which the screen's kv binds to.
    """

    presenter = None

    def show(self, model) -> None:
        for name, value in vars(model).items():
            setattr(self, name, value)

    def ask(self, question, on_yes, on_no=None) -> None:
        ConfirmDialog.for_question(question, on_yes, on_no).open()

    def refresh(self) -> None:
        """Show it afresh: the presenter reads the record again."""
        if self.presenter is not None:
            self.presenter.enter()

    def on_key(self, name: str) -> bool:
        handler = getattr(self.presenter, "on_key", None)
        return bool(handler and handler(name))


class ChoiceRow(BoxLayout):
    """A row of toggle-like buttons, one of which is chosen (e.g. a 1 to 5 rating)."""

    options = ListProperty([])
    chosen = StringProperty("")


load_kv_beside(__file__)

"""Shared widgets: buttons with 48dp+ targets, wrapping labels, cards, a confirm dialog."""
from __future__ import annotations

from kivy.properties import BooleanProperty, ListProperty, ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label
from kivy.uix.modalview import ModalView

from screens import load_kv_beside
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
    message = StringProperty("")
    yes_text = StringProperty("Yes")
    no_text = StringProperty("No")
    when_yes = ObjectProperty(None, allownone=True)

    def answer(self, yes: bool) -> None:
        self.dismiss()
        if yes and self.when_yes:
            self.when_yes()


class ChoiceRow(BoxLayout):
    """A row of toggle-like buttons, one of which is chosen (e.g. a 1 to 5 rating)."""

    options = ListProperty([])
    chosen = StringProperty("")


load_kv_beside(__file__)

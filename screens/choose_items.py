"""Choosing what to rate: up to five things from the list, or the patient's own words."""
from __future__ import annotations

from kivy.properties import BooleanProperty, StringProperty

from screens import load_kv_beside
from screens.widgets import TickButton
from screens.widgets import PresentedScreen, RoundedButton


class ItemTick(TickButton):
    key = StringProperty("")


class OwnItemButton(RoundedButton):
    """One of the patient's own items; a tap takes it off the list."""

    words = StringProperty("")


class ChooseItemsScreen(PresentedScreen):
    count_text = StringProperty("")
    message = StringProperty("")
    can_choose_more = BooleanProperty(True)
    can_save = BooleanProperty(False)

    def on_pre_enter(self, *_):
        self.presenter.prepare()
        self.presenter.enter()
        self.ids.scroller.scroll_y = 1

    def show(self, model) -> None:
        self.count_text, self.message = model.count_text, model.message
        self.can_choose_more, self.can_save = model.can_choose_more, model.can_save
        options = self.ids.options_box
        options.clear_widgets()
        for option in model.options:
            tick = ItemTick(text=option.words, checked=option.chosen, key=option.key)
            tick.bind(on_release=lambda t: self.presenter.toggle(t.key))
            options.add_widget(tick)
        own = self.ids.own_box
        own.clear_widgets()
        for words in model.own:
            button = OwnItemButton(text=f"Take off: {words}", words=words)
            button.bind(on_release=lambda b: self.presenter.remove_own(b.words))
            own.add_widget(button)

    def add_own(self) -> None:
        box = self.ids.own_input
        before = len(self.ids.own_box.children)
        self.presenter.add_own(box.text)
        if len(self.ids.own_box.children) > before:
            box.text = ""


load_kv_beside(__file__)

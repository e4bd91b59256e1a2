"""The one rating screen: each chosen item with a large 0-to-10 slider, − and + beside it
for anyone who cannot drag, and Save."""
from __future__ import annotations

from kivy.properties import BooleanProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.slider import Slider

from screens import load_kv_beside
from screens.widgets import PresentedScreen


class RatingSlider(Slider):
    """Kivy's Slider with a track and thumb large enough for an unsteady hand (drawn in kv)."""

    rated = BooleanProperty(False)


class RatingRow(BoxLayout):
    """One item: its words, what 0 and 10 mean, the slider with − and +, and the value."""

    item_id = NumericProperty(0)
    words = StringProperty("")
    ends_text = StringProperty("")
    value_text = StringProperty("")
    rated = BooleanProperty(False)
    screen = ObjectProperty(None)

    _showing = False  # the slider moved by show(), not by a finger

    def show(self, slider) -> None:
        self.words, self.rated = slider.words, slider.value is not None
        self.ends_text = f"0 = {slider.low}, 10 = {slider.high}"
        self.value_text = f"{slider.value} out of 10" if self.rated else "Not rated yet"
        self._showing = True
        self.ids.slider.value = slider.value if self.rated else 0
        self._showing = False

    def slid(self, value: float) -> None:
        if not self._showing and self.screen is not None:
            self.screen.presenter.set_value(self.item_id, value)

    def step(self, by: int) -> None:
        """+ on an item not rated yet gives 1, − gives 0: one tap always says something."""
        start = round(self.ids.slider.value) if self.rated else (0 if by > 0 else 1)
        self.screen.presenter.set_value(self.item_id, start + by)


class RateScreen(PresentedScreen):
    title = StringProperty("")
    message = StringProperty("")
    can_save = BooleanProperty(False)
    nothing_chosen = BooleanProperty(False)

    def on_pre_enter(self, *_):
        self.presenter.enter()
        self.ids.scroller.scroll_y = 1

    def show(self, model) -> None:
        self.title, self.message = model.title, model.message
        self.can_save, self.nothing_chosen = model.can_save, model.nothing_chosen
        box = self.ids.sliders_box
        rows = list(reversed(box.children))
        if [r.item_id for r in rows] != [s.item_id for s in model.sliders]:  # kept while a finger drags one
            box.clear_widgets()
            rows = [RatingRow(item_id=s.item_id, screen=self) for s in model.sliders]
            for row in rows:
                box.add_widget(row)
        for row, slider in zip(rows, model.sliders):
            row.show(slider)


load_kv_beside(__file__)

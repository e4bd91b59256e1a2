"""The photo sets, the newest first: each with its date and week of the injection's cycle,
complete or not, the baseline marked; choosing the baseline, adding to a set, comparing,
and deleting a photo or a set (asked twice)."""
from __future__ import annotations

from kivy.properties import BooleanProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from screens import load_kv_beside
import screens.face_widgets  # noqa: F401  (the measuring card in photo_sets.kv)
from screens.widgets import Card, PresentedScreen


class PhotoThumb(BoxLayout):
    """One photo of a set, small, with its expression's words and a way to delete it."""

    photo_id = NumericProperty(0)
    words = StringProperty("")
    path = StringProperty("")
    screen = ObjectProperty(None)


class SetCard(Card):
    set_id = NumericProperty(0)
    title = StringProperty("")
    status = StringProperty("")
    baseline = BooleanProperty(False)
    can_compare = BooleanProperty(False)
    complete = BooleanProperty(False)
    screen = ObjectProperty(None)

    def fill(self, line) -> None:
        box = self.ids.thumbs_box
        box.clear_widgets()
        for thumb in line.thumbs:
            box.add_widget(PhotoThumb(photo_id=thumb.photo_id, words=thumb.words, path=thumb.path, screen=self.screen))


class PhotoSetsScreen(PresentedScreen):
    baseline_text = StringProperty("")
    message = StringProperty("")
    empty = BooleanProperty(True)

    def on_pre_enter(self, *_):
        self.presenter.enter()
        self.ids.measuring.refresh()  # the set being measured, if any: its progress goes on here

    def on_leave(self, *_):
        self.ids.measuring.stop_polling()

    def measure(self, set_id: int) -> None:
        self.ids.measuring.presenter.measure(set_id)

    def show(self, model) -> None:
        self.baseline_text, self.message, self.empty = model.baseline_text, model.message, not model.sets
        box = self.ids.sets_box
        box.clear_widgets()
        for line in model.sets:
            card = SetCard(set_id=line.set_id, title=line.title, status=line.status, baseline=line.baseline,
                           can_compare=line.can_compare, complete=line.complete, screen=self)
            card.fill(line)
            box.add_widget(card)


load_kv_beside(__file__)

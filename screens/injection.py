"""Log an injection, or correct or delete one: the drawn face with a tappable region for each
area, and a labelled button for every area too (a picture alone is not enough), each chosen
area with its side and, if known, its units; the date, who gave it, the product."""
from __future__ import annotations

from kivy.graphics import Color, Ellipse, Line, RoundedRectangle
from kivy.metrics import dp
from kivy.properties import BooleanProperty, DictProperty, ListProperty, ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from app.face_marks import HALVES
from app.theme import face_colours
from app.vocabulary import InjectionArea, InjectionSide
from screens import load_kv_beside
import screens.journal_widgets  # noqa: F401  (JournalInput and the journal's labels)
from screens.widgets import PresentedScreen

# Each region in face units (0, 0 the face's centre, 1 the face's height), on the picture's
# right; the areas on both sides of the face have a mirrored region on the left too.
# Sized so that every region is at least 48 dp on the face as drawn (about 300 dp tall).
REGIONS = {
    InjectionArea.BROW: ((0.02, 0.18, 0.32, 0.36), True),
    InjectionArea.AROUND_EYE: ((0.02, 0.0, 0.32, 0.18), True),
    InjectionArea.CHEEK: ((0.14, -0.2, 0.38, 0.0), True),
    InjectionArea.MOUTH_CORNER: ((0.04, -0.37, 0.28, -0.2), True),
    InjectionArea.CHIN: ((-0.14, -0.54, 0.14, -0.37), False),
    InjectionArea.NECK: ((-0.22, -0.78, 0.22, -0.56), False),
}
FACE_SPAN = (0.9, 1.3)  # face units the drawing needs across and down (the neck included)
FACE_MIDDLE = -0.13  # the face unit at the widget's middle: the neck is below the face


class FaceRegion(ButtonBehavior, Widget):
    """One tappable region of the drawn face; both of a pair choose the same area."""

    area = StringProperty("")


class InjectionFace(Widget):
    """The face drawn as in a mirror (the patient's left on the left), each chosen area
    highlighted on its side. A tap on a region calls `on_choose(area)`."""

    chosen = DictProperty({})  # area -> side
    # Fixed colours, as the routine's face diagram has: the face is skin in either theme.
    line_color = ListProperty([0.2, 0.25, 0.3, 1])
    highlight = ListProperty([0.95, 0.55, 0.2, 1])
    chosen_outline = ListProperty([0.75, 0.3, 0.0, 1])  # 3.6:1 on the skin
    on_choose = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.regions: list[tuple[FaceRegion, tuple[float, float, float, float]]] = []
        for area, (box, paired) in REGIONS.items():
            for sign in ((-1, 1) if paired else (1,)):
                region = FaceRegion(area=area.value, size_hint=(None, None))
                region.bind(on_release=lambda r: self.on_choose and self.on_choose(InjectionArea(r.area)))
                self.add_widget(region)
                x0, y0, x1, y1 = box
                self.regions.append((region, (x0, y0, x1, y1) if sign > 0 else (-x1, y0, -x0, y1)))
        self.bind(pos=self._redraw, size=self._redraw, chosen=self._redraw, line_color=self._redraw,
                  highlight=self._redraw)

    def _scale(self) -> float:
        return min(self.width / FACE_SPAN[0], self.height / FACE_SPAN[1])

    def _at(self, x: float, y: float) -> tuple[float, float]:
        s = self._scale()
        return self.center_x + x * s, self.center_y + (y - FACE_MIDDLE) * s

    def _redraw(self, *_):
        self.canvas.before.clear()
        s = self._scale()
        if s <= 0:
            return
        for region, (x0, y0, x1, y1) in self.regions:
            region.pos = self._at(x0, y0)
            region.size = ((x1 - x0) * s, (y1 - y0) * s)
        with self.canvas.before:
            self._draw_face(s)
            for region, (x0, _y0, x1, _y1) in self.regions:
                self._draw_region(region, (x0 + x1) / 2)

    def _draw_face(self, s: float) -> None:
        Color(*face_colours(high_contrast=False).skin)  # the face is skin in either theme
        Ellipse(pos=self._at(-0.38, -0.5), size=(0.76 * s, 1.0 * s))
        Color(*self.line_color)
        for sign in (-1, 1):  # the neck
            Line(points=[*self._at(sign * 0.15, -0.46), *self._at(sign * 0.18, -0.78)], width=dp(1.5))
        Line(ellipse=(*self._at(-0.38, -0.5), 0.76 * s, 1.0 * s), width=dp(1.5))
        for sign in (-1, 1):
            Line(ellipse=(*self._at(sign * 0.15 - 0.06, 0.08), 0.12 * s, 0.05 * s), width=dp(1.3))
            Line(points=[*self._at(sign * 0.25, 0.24), *self._at(sign * 0.07, 0.25)], width=dp(1.5))
        Line(points=[*self._at(0, 0.08), *self._at(-0.04, -0.08), *self._at(0.04, -0.08)], width=dp(1.3))
        Line(bezier=[*self._at(-0.12, -0.24), *self._at(0, -0.3), *self._at(0.12, -0.24)], width=dp(1.5))

    def _draw_region(self, region: FaceRegion, middle: float) -> None:
        """A thin outline shows where to tap; a chosen area is filled on its side (or sides)."""
        side = self.chosen.get(region.area)
        on_its_side = side is not None and (middle == 0 or (-1 if middle < 0 else 1) in HALVES[side])
        if on_its_side:
            Color(*self.highlight[:3], 0.5)
            RoundedRectangle(pos=region.pos, size=region.size, radius=[dp(10)])
        Color(*(self.chosen_outline if on_its_side else (*self.line_color[:3], 0.35)))
        Line(rounded_rectangle=(*region.pos, *region.size, dp(10)), width=dp(2.5) if on_its_side else dp(1))


class AreaRow(BoxLayout):
    """One area as a labelled tick box; once chosen, its side and its units below."""

    area = StringProperty("")
    words = StringProperty("")
    chosen = BooleanProperty(False)
    side = StringProperty("")
    side_words = StringProperty("")
    units_text = StringProperty("")
    screen = ObjectProperty(None)
    sides = tuple((side.value, side.words) for side in InjectionSide)


class EarlierRow(BoxLayout):
    injection_id = ObjectProperty(None)
    words = StringProperty("")
    screen = ObjectProperty(None)


class InjectionScreen(PresentedScreen):
    title = StringProperty("Log an injection")
    date_words = StringProperty("")
    can_delete = BooleanProperty(False)
    message = StringProperty("")
    has_earlier = BooleanProperty(False)
    _filling = False  # True while the boxes take the model's text

    def on_kv_post(self, *_):
        ids = self.ids
        ids.face.on_choose = self.choose
        ids.date_input.bind(text=lambda _box, text: self._typed(date_text=text))
        ids.given_by_input.bind(text=lambda _box, text: self._typed(given_by=text))
        ids.product_input.bind(text=lambda _box, text: self._typed(product=text))

    def on_pre_enter(self, *_):
        self.presenter.enter()
        self.ids.scroller.scroll_y = 1

    def go_back(self) -> None:
        self.presenter.back()

    def _typed(self, **typed) -> None:
        if self.presenter is not None and not self._filling:
            self.presenter.type(**typed)

    def show(self, model) -> None:
        self.title, self.date_words, self.message = model.title, model.date_words, model.message
        self.can_delete, self.has_earlier = model.can_delete, bool(model.earlier)
        self._filling = True
        for box, text in (("date_input", model.date_text), ("given_by_input", model.given_by),
                          ("product_input", model.product)):
            if self.ids[box].text != text:
                self.ids[box].text = text
        self._filling = False
        self.ids.face.chosen = {a.area.value: a.side.value for a in model.areas if a.chosen}
        self._fill(self.ids.areas_box, [AreaRow(area=a.area.value, words=a.words, chosen=a.chosen, side=a.side.value,
                                                side_words=a.side_words, units_text=a.units_text, screen=self)
                                        for a in model.areas])
        self._fill(self.ids.earlier_box, [EarlierRow(injection_id=e.id, words=e.words, screen=self)
                                          for e in model.earlier])

    @staticmethod
    def _fill(box, rows) -> None:
        box.clear_widgets()
        for row in rows:
            box.add_widget(row)

    # --- what the rows send -------------------------------------------------------------------

    def choose(self, area) -> None:
        self.presenter.toggle_area(InjectionArea(area))

    def choose_side(self, area: str, side: str) -> None:
        self.presenter.set_side(InjectionArea(area), InjectionSide(side))

    def type_units(self, area: str, text: str) -> None:
        self.presenter.type(units={InjectionArea(area): text})

    def correct(self, injection_id) -> None:
        self.presenter.correct(injection_id)
        self.ids.scroller.scroll_y = 1


load_kv_beside(__file__)

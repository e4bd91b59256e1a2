"""A set beside the baseline, expression by expression: the two photos side by side, or one
over the other with a line to drag across (the baseline left of it, this set right of it:
the same sides as side by side)."""
from __future__ import annotations

from kivy.core.image import Image as CoreImage
from kivy.graphics import Color, Line, Rectangle
from kivy.metrics import dp
from kivy.properties import BooleanProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from screens import load_kv_beside
from screens.widgets import PresentedScreen, fill


def fitted(texture_size, box_pos, box_size):
    """Where a picture goes to fill the box without stretching: (x, y, width, height)."""
    (tw, th), (bx, by), (bw, bh) = texture_size, box_pos, box_size
    scale = min(bw / tw, bh / th) if tw and th else 0
    w, h = tw * scale, th * scale
    return bx + (bw - w) / 2, by + (bh - h) / 2, w, h


def texture_of(path: str):
    try:
        return CoreImage(path).texture if path else None
    except Exception:  # the presenter already checked it; a file gone since shows as none
        return None


class SplitView(Widget):
    """Both photos in one frame: the baseline left of the line, this set right of it (the same
    sides as side by side). A finger moves the line; the presenter is told where it was left."""

    baseline_path = StringProperty("")
    other_path = StringProperty("")
    at = NumericProperty(0.5)  # 0: all this set, 1: all the baseline
    moved = ObjectProperty(None, allownone=True)  # called with the new place when the finger lifts

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._textures = {}
        self.bind(pos=self._redraw, size=self._redraw, at=self._redraw, baseline_path=self._redraw,
                  other_path=self._redraw)

    def _texture(self, path):
        if path not in self._textures:
            self._textures = {kept: t for kept, t in self._textures.items() if kept in (self.baseline_path, self.other_path)}
            self._textures[path] = texture_of(path)
        return self._textures[path]

    def _redraw(self, *_):
        from kivy.app import App

        theme = App.get_running_app().theme
        split = self.x + self.width * self.at
        self.canvas.clear()
        with self.canvas:
            Color(rgba=theme["field"])
            Rectangle(pos=self.pos, size=self.size)
            Color(1, 1, 1, 1)
            self._part(self._texture(self.baseline_path), self.x, split)
            self._part(self._texture(self.other_path), split, self.right)
            Color(rgba=theme["primary"])
            Line(points=[split, self.y, split, self.top], width=dp(2.5))
            Line(circle=(split, self.center_y, dp(22)), width=dp(2.5))

    def _part(self, texture, left, right):
        """The picture fitted to the whole frame, drawn only between `left` and `right`."""
        if texture is None:
            return
        x, y, w, h = fitted(texture.size, self.pos, self.size)
        left, right = max(left, x), min(right, x + w)
        if right <= left or w <= 0:
            return
        u0, u1 = (left - x) / w, (right - x) / w
        u, v, uw, vh = texture.uvpos[0], texture.uvpos[1], texture.uvsize[0], texture.uvsize[1]
        a, b = u + uw * u0, u + uw * u1
        Rectangle(texture=texture, pos=(left, y), size=(right - left, h),
                  tex_coords=(a, v, b, v, b, v + vh, a, v + vh))

    def _place(self, touch) -> None:
        self.at = max(0.0, min(1.0, (touch.x - self.x) / self.width)) if self.width else 0.5

    def on_touch_down(self, touch):
        if not self.collide_point(*touch.pos):
            return False
        touch.grab(self)
        self._place(touch)
        return True

    def on_touch_move(self, touch):
        if touch.grab_current is not self:
            return False
        self._place(touch)
        return True

    def on_touch_up(self, touch):
        if touch.grab_current is not self:
            return False
        touch.ungrab(self)
        self._place(touch)
        if self.moved:
            self.moved(self.at)
        return True


class SideBySide(BoxLayout):
    baseline_path = StringProperty("")
    other_path = StringProperty("")


class SliderPair(BoxLayout):
    baseline_path = StringProperty("")
    other_path = StringProperty("")
    at = NumericProperty(0.5)
    moved = ObjectProperty(None, allownone=True)


class PhotoCompareScreen(PresentedScreen):
    baseline_text = StringProperty("")
    other_text = StringProperty("")
    words = StringProperty("")  # the expression shown
    step_text = StringProperty("")
    baseline_path = StringProperty("")
    other_path = StringProperty("")
    pair_note = StringProperty("")  # a line under the pair: a photo file missing (room for more per pair)
    slider = BooleanProperty(False)
    slider_at = NumericProperty(0.5)
    has_previous = BooleanProperty(False)
    has_next = BooleanProperty(False)
    has_pairs = BooleanProperty(False)
    message = StringProperty("")
    measures_note = StringProperty("")  # the not-a-grade line beside the measures

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.side_by_side = SideBySide()
        self.slider_pair = SliderPair(moved=self.slid)

    def on_pre_enter(self, *_):
        self.presenter.enter()
        self.ids.scroller.scroll_y = 1

    def show(self, model) -> None:
        self.baseline_text, self.other_text, self.message = model.baseline_text, model.other_text, model.message
        self.slider, self.slider_at = model.slider, model.slider_at
        self.has_pairs = bool(model.pairs)
        pair = model.pairs[model.current] if model.pairs else None
        self.words = pair.words if pair else ""
        self.step_text = f"{model.current + 1} of {len(model.pairs)}" if pair else ""
        self.baseline_path = pair.baseline_path if pair else ""
        self.other_path = pair.other_path if pair else ""
        self.pair_note = pair.problem if pair else ""
        self.show_measures(pair.measures if pair else None)
        for view in (self.side_by_side, self.slider_pair):
            view.baseline_path, view.other_path = self.baseline_path, self.other_path
        self.slider_pair.at = model.slider_at
        shown = (self.slider_pair if model.slider else self.side_by_side) if pair else None
        box = self.ids.view_box
        if list(box.children) != ([shown] if shown else []):
            box.clear_widgets()
            if shown:
                box.add_widget(shown)
        self.has_previous = model.current > 0
        self.has_next = model.current < len(model.pairs) - 1

    def show_measures(self, measures) -> None:
        """This expression's measures against the baseline, each side's change in words."""
        lines = [f"[b]{m.measure}[/b]\nChange since the baseline: right {m.right}, left {m.left}.\n"
                 f"Baseline {m.baseline}; this set {m.latest} (noise {m.noise})." for m in measures.lines] \
            if measures else []
        if measures and not lines and measures.empty_text:
            lines = [measures.empty_text]
        fill(self.ids.measures_box, lines, markup=True)
        self.measures_note = measures.note if measures else ""

    def slid(self, at: float) -> None:
        self.presenter.slide(at)


load_kv_beside(__file__)

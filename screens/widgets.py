"""The design system's widgets: text styles, buttons, text boxes, cards, the top bar, the week strip (charts in charts.py).

Sizes, spacing and colours come from app/theme.py (via screens/palette.py for colours);
the kv rules beside this file draw them. Every screen builds from these.
"""
from __future__ import annotations

from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.graphics import Color, Ellipse, Line, Rectangle
from kivy.graphics.texture import Texture
from kivy.metrics import dp, sp
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.widget import Widget
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label
from kivy.uix.modalview import ModalView
from kivy.uix.progressbar import ProgressBar
from kivy.uix.screenmanager import Screen
from kivy.uix.scrollview import ScrollView
from kivy.uix.textinput import TextInput

from app.theme import RADIUS, SIZE
from screens import load_kv_beside
from screens.charts import BarChart, RateChart  # noqa: F401  (registered for kv)
from screens.face_diagram import FaceDiagram  # noqa: F401  (registered for kv)
from screens.icons import FONT_NAME, glyph, register_icon_font

register_icon_font()

ICON_GAP_DP = 10


class WrapLabel(Label):
    """A label that wraps to its width and grows to fit its text."""


def fill(box, lines, **options) -> None:
    """`box` holds one WrapLabel per line, in order, and nothing else."""
    box.clear_widgets()
    for line in lines:
        box.add_widget(WrapLabel(text=line, **options))


class IconLabel(Label):
    """One icon glyph, square, in the text's colour; always beside words that say the same."""

    icon = StringProperty("")


def icon_texture(name: str, size_px: float):
    """The glyph drawn white (a Color before it tints it), or None for no icon."""
    if not name:
        return None
    label = CoreLabel(text=glyph(name), font_name=FONT_NAME, font_size=size_px)
    label.refresh()
    return label.texture


class RoundedButton(ButtonBehavior, Label):
    """A rounded button. `role`: 'primary' (filled), 'secondary' (outlined), 'tile' (a flat
    surface, for ways to other screens) or 'quiet' (words only); `icon`: a name from
    screens/icons.py, drawn before the words."""

    role = StringProperty("primary")
    disabled_look = BooleanProperty(False)
    icon = StringProperty("")
    fit_text = BooleanProperty(False)       # as wide as its words (one line), not as its container
    full_width = BooleanProperty(False)     # as wide as its container, even on a desktop window
    icon_size = NumericProperty(0)          # px; set by the kv rule from the text size
    icon_room = NumericProperty(0)          # px taken by the icon and its gap
    icon_pos = ListProperty([0, 0])
    icon_image = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Placed once the frame's layout has settled (a row may size its buttons after them).
        self._place_soon = Clock.create_trigger(self._place_icon, -1)
        self.bind(icon=self._make_icon, icon_size=self._make_icon, texture=self._place_soon,
                  text=self._place_soon, pos=self._place_soon, size=self._place_soon)
        self._make_icon()
        self._column = None

    def on_parent(self, _button, parent):
        if self._column is not None:
            self._column.unbind(width=self._cap_width, padding=self._cap_width)
        self._column = parent if isinstance(parent, BoxLayout) and parent.orientation == "vertical" else None
        if self._column is not None:
            self._column.bind(width=self._cap_width, padding=self._cap_width)
            self._cap_width()

    def on_full_width(self, *_):
        self._cap_width()

    def _cap_width(self, *_):
        """In a column, at most SIZE.button_max_width wide (a vertical BoxLayout ignores
        size_hint_max_x across its axis); a button given its own width keeps it."""
        if self._column is None or self.size_hint_x is None:
            return
        inner = self._column.width - self._column.padding[0] - self._column.padding[2]
        cap = dp(SIZE.button_max_width)
        self.size_hint_x = 1 if self.full_width or inner <= cap else cap / inner

    def _make_icon(self, *_):
        self.icon_image = icon_texture(self.icon, self.icon_size) if self.icon_size else None
        self.icon_room = (self.icon_size + dp(ICON_GAP_DP)) if self.icon_image else 0
        self._place_icon()

    def _place_icon(self, *_):
        """Just left of the words' widest line, so icon and words are centred as one."""
        if not self.icon_image:
            return
        words = self._label.get_extents(self.text)[0] if self.text else 0
        if self.text_size[0]:  # wrapped: its widest line is about the box's width
            words = min(words, self.text_size[0])
        if self.halign == "center":
            left = self.center_x + self.icon_room / 2 - words / 2 - self.icon_room
        else:
            left = self.center_x - self.texture_size[0] / 2
        self.icon_pos = [left, self.center_y - self.icon_size / 2]


class TickButton(ButtonBehavior, Label):
    """A large tick box and its words, the whole row one touch target."""

    checked = BooleanProperty(False)


class BackButton(RoundedButton):
    """The top bar's way back: a quiet button with an arrow and its word, as wide as they are."""


class TopBar(BoxLayout):
    """Every screen's header: the demo-speed banner (when on), then a row with the way back
    (a BackButton or other button declared inside it in the screen's kv), the title and,
    on Home, a line under it. Widgets declared inside go into the row: a BackButton before
    the title, anything else after it."""

    title = StringProperty("")
    subtitle = StringProperty("")

    def add_widget(self, widget, *args, **kwargs):
        row = next((child for child in self.children if isinstance(child, TopBarRow)), None)
        if row is None or isinstance(widget, TopBarRow):
            return super().add_widget(widget, *args, **kwargs)
        if isinstance(widget, BackButton) or getattr(widget, "leading", False):
            return row.add_widget(widget, index=len(row.children))
        return row.add_widget(widget)


class TopBarRow(BoxLayout):
    pass


class FadingScrollView(ScrollView):
    """A scroll area whose edges fade into the page where there is more to see, so a line
    cut at the edge reads as 'more this way' rather than as something broken."""

    _textures = None

    fade_colour = ListProperty([1, 1, 1, 1])
    fade_top = NumericProperty(0)      # 0 (no fade) to 1, from where the content is
    fade_bottom = NumericProperty(0)
    fade_up = ObjectProperty(None, allownone=True)     # textures, made once a GL context exists
    fade_down = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs):
        if FadingScrollView._textures is None:
            FadingScrollView._textures = (self.gradient(True), self.gradient(False))
        self.fade_up, self.fade_down = FadingScrollView._textures
        super().__init__(**kwargs)
        self.bind(scroll_y=self._update_fades, size=self._update_fades)
        self.fbind("children", self._watch_content)

    def _watch_content(self, *_):
        for child in self.children:
            child.fbind("height", self._update_fades)
        self._update_fades()

    def _update_fades(self, *_):
        content = self.children[0].height if self.children else 0
        scrollable = content > self.height + 1
        self.fade_top = 1 if scrollable and self.scroll_y < 0.999 else 0
        self.fade_bottom = 1 if scrollable and self.scroll_y > 0.001 else 0

    @staticmethod
    def gradient(upwards: bool):
        """A 1x2 white texture, opaque at one end: tinted with the page's colour by a Color."""
        texture = Texture.create(size=(1, 2), colorfmt="rgba")
        ends = [b"\xff\xff\xff\xff", b"\xff\xff\xff\x00"]  # bottom row first
        texture.blit_buffer(b"".join(ends if upwards else ends[::-1]), colorfmt="rgba", bufferfmt="ubyte")
        texture.mag_filter = "linear"
        return texture


class TextField(TextInput):
    """A one-line text box in the theme's colours: an outline that thickens in the focus
    colour while typing and turns to the error colour while `has_error`.
    Its label sits above it (FieldLabel) and its error text just below (FieldMessage)."""

    has_error = BooleanProperty(False)


class ThemedProgressBar(ProgressBar):
    """A thick rounded bar in the theme's colours (the fill stands out 3:1 from its track)."""


class Card(BoxLayout):
    """A flat group on the page: a surface without an outline (outlined in high contrast)."""


class HeroCard(Card):
    """The one card that matters most on a screen: tinted and raised."""


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


class DayMark(Widget):
    """One day of the week as a shape, so the state never rests on colour alone:
    filled = done, half = partly done, thin ring = missed, dash = rest, bold ring = today."""

    status = StringProperty("future")
    colors = ListProperty([(0, 0, 0, 1), (0, 0.4, 0.4, 1)])  # line, fill
    sweep = NumericProperty(-1.0)  # degrees of the circle filled, clockwise from the top; -1: as the status says

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.bind(pos=self._redraw, size=self._redraw, status=self._redraw, colors=self._redraw,
                  sweep=self._redraw)

    def _redraw(self, *_):
        self.canvas.clear()
        r = min(self.width, self.height) / 2 - dp(3)
        cx, cy = self.center
        line, fill = self.colors
        with self.canvas:
            Color(*line)
            if self.status == "rest":
                Line(points=[cx - r * 0.6, cy, cx + r * 0.6, cy], width=dp(2.5))
                return
            filled = self.sweep if self.sweep >= 0 else {"done": 360, "partial": 180}.get(self.status, 0)
            if filled > 0:
                Color(*fill)
                Ellipse(pos=(cx - r, cy - r), size=(2 * r, 2 * r), angle_start=0, angle_end=filled)
                Color(*line)
            width = {"today": dp(2.5), "missed": dp(1.5)}.get(self.status, dp(1))
            Line(circle=(cx, cy, r), width=width)


class WeekStrip(BoxLayout):
    """Monday to Sunday: the day letters over a DayMark each (Home, and the finish moment)."""

    statuses = ListProperty(["future"] * 7)  # seven DayStatus values, Monday first

    def on_statuses(self, _strip, statuses):
        for mark, status in zip(self.marks(), statuses):
            mark.status = status

    def marks(self) -> list:
        return self.ids.marks.children[::-1]  # kv adds them Monday first


load_kv_beside(__file__)

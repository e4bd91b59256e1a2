"""History: every session, newest first, in a list that stays smooth over years of use."""
from __future__ import annotations

from kivy.app import App
from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.metrics import dp, sp
from kivy.properties import BooleanProperty, NumericProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.recycleview import RecycleView

from screens import load_kv_beside
from screens.widgets import PresentedScreen

# The row's text, as history.kv draws it: (font size in sp, bold).
DATE_FONT, DETAIL_FONT = (18, True), (17, False)
ROW_PADDING_X = 16 + 44  # dp: left, and right beside the chevron
ROW_PADDING_Y = 12 + 12 + 3 * 4  # dp: top, bottom and the spacing between the four children
ROW_MIN_HEIGHT = 76  # dp


class TextMeasure:
    """How many lines a text wraps to at a width, with word widths from the font (no drawing)."""

    def __init__(self, font_sp: float, bold: bool):
        self._label = CoreLabel(font_size=sp(font_sp), bold=bold)
        self._widths: dict[str, float] = {}
        self.space = self.width(" ")
        self.line_height = self._label.get_extents("Ag")[1]

    def width(self, word: str) -> float:
        if word not in self._widths:
            self._widths[word] = self._label.get_extents(word)[0]
        return self._widths[word]

    def lines(self, text: str, width: float) -> int:
        count, line = 1, 0.0
        for word in text.split(" "):
            wide = self.width(word)
            if line and line + self.space + wide > width:
                count, line = count + 1, wide
            else:
                line += (self.space if line else 0.0) + wide
        return count


class HistoryRowView(ButtonBehavior, BoxLayout):
    """One session in the list; tapping it opens the session's details."""

    session_id = NumericProperty(0)
    date_text = StringProperty("")
    detail_text = StringProperty("")

    def on_release(self):
        App.get_running_app().screen("history").presenter.open(self.session_id)


class HistoryList(RecycleView):
    """The list of sessions. Only a screenful of rows exists at a time, whatever the years of data."""

    def scroll_to(self, widget, padding=10, animate=True):
        """Bring a row fully into view (Kivy's own scroll_to trips over a RecycleView's layout)."""
        viewport = self._viewport
        if viewport is None or viewport.height <= self.height:
            return
        scrollable = viewport.height - self.height
        _, bottom = viewport.to_widget(*widget.to_window(widget.x, widget.y), relative=True)
        top = bottom + widget.height
        view_bottom = self.scroll_y * scrollable
        if bottom - padding < view_bottom:
            view_bottom = bottom - padding
        elif top + padding > view_bottom + self.height:
            view_bottom = top + padding - self.height
        self.scroll_y = min(1.0, max(0.0, view_bottom / scrollable))


class HistoryScreen(PresentedScreen):
    is_empty = BooleanProperty(False)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._rows: list[dict] = []
        self._fit_later = Clock.create_trigger(lambda _dt: self._fit_rows())
        self.ids.history_list.bind(width=lambda *_: self._fit_later())

    def on_pre_enter(self, *_):
        if self.presenter is not None:
            self.presenter.enter()

    def show(self, rows) -> None:
        self.is_empty = not rows
        self._rows = [vars(row) for row in rows]
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Each row as tall as its text needs at this width and text size, so nothing is cut off."""
        rv = self.ids.history_list
        layout = rv.layout_manager
        text_width = max(dp(40), rv.width - layout.padding[0] - layout.padding[2] - dp(ROW_PADDING_X))
        date, detail = TextMeasure(*DATE_FONT), TextMeasure(*DETAIL_FONT)
        least = dp(ROW_MIN_HEIGHT)
        # new dicts: the view compares the data, and would not notice rows changed in place
        rv.data = [{**row, "height": max(least, date.lines(row["date_text"], text_width) * date.line_height
                                         + detail.lines(row["detail_text"], text_width) * detail.line_height
                                         + dp(ROW_PADDING_Y))}
                   for row in self._rows]


load_kv_beside(__file__)

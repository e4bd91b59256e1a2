"""Drive the real SmileBack app in-process: real widgets, real SQLite, a clock we move.

Used by the UI tests and by `make screenshots`. Kivy must be configured (environment
variables in tests/conftest.py) before this module is imported.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kivy.base import EventLoop
from kivy.clock import Clock
from kivy.core.window import Window
from kivy.tests.common import UnitTestTouch
from kivy.uix.widget import Widget

from app.clock import FakeClock
from app.cues import RecordingCues
from screens.smileback import SmileBackApp
from tests.records import new_record

PHONE = (400, 800)
DESKTOP = (1280, 800)


_LANDMARKER = []


def shared_landmarker():
    """The device's face landmarker, built once for the whole test run (on the app's builder
    thread, the first time a screen asks): every app in the run measures with it."""
    if not _LANDMARKER:
        from app.face.port import available_landmarker

        _LANDMARKER.append(available_landmarker())
    return _LANDMARKER[0]


class RecordingNotifier:
    def __init__(self):
        self.sent: list[tuple[str, str]] = []

    def notify(self, title: str, message: str) -> None:
        self.sent.append((title, message))


def mark_first_run_done(data_dir: Path) -> None:
    """Most tests start where a returning patient does: past the first-run screens."""
    from app.profile import load_profile, save_profile
    from app.storage import Store

    new_record(data_dir)
    store = Store(data_dir)
    profile = load_profile(store)
    if profile.needs_first_run:
        save_profile(store, replace(profile, safety_confirmed=True, first_run_done=True))
    store.close()


class Driver:
    """One running app, and the hands and eyes of a patient using it."""

    def __init__(self, data_dir: Path, clock: FakeClock | None = None, size=PHONE, time_scale: float = 1.0,
                 first_run_done: bool = True, **app_options):
        self.clock = clock or FakeClock()
        self.cues = RecordingCues()
        self.notices = RecordingNotifier()
        self.closed = False
        if first_run_done:
            mark_first_run_done(data_dir)
        Window.size = size
        self._kivy_time = Clock.time()
        Clock.time = lambda: self._kivy_time  # Kivy's clock follows ours, so repaints are due
        Clock._max_fps = 0
        app_options.setdefault("face_landmarker", shared_landmarker)
        self.app = SmileBackApp(data_dir=data_dir, clock=self.clock, cue_sink=self.cues, time_scale=time_scale,
                                notifier=self.notices, **app_options)
        self.app._run_prepare()
        EventLoop.start()
        for _ in range(20):  # the record opens just after the first frame
            self.frames(1)
            if self.app.core is not None or self.app.manager.current != "home":
                break
        self.settle()

    # --- time -------------------------------------------------------------------------

    def frames(self, count: int = 2) -> None:
        for _ in range(count):
            self._kivy_time += 0.05
            EventLoop.idle()

    def advance(self, seconds: float, stall: bool = False) -> None:
        """Let time pass. With stall, no frame is drawn meanwhile (a frozen UI thread)."""
        step = seconds if stall else min(seconds, 1.0)
        remaining = seconds
        while remaining > 1e-9:
            delta = min(step, remaining)
            self.clock.advance(delta)
            # Kivy's own frame time moves at most 0.25 s a frame: its scroll effects
            # integrate step by step and fly off on a minute-long frame.
            self._kivy_time += min(delta, 0.25)
            remaining -= delta
            EventLoop.idle()
        self.frames(2)
        self.settle()

    def jump_to_end_of_step(self, seconds_before: float = 3.0) -> None:
        """Skip to `seconds_before` the running timed step's end in one stalled frame.

        The runner reads time from the monotonic clock, so a long frozen frame loses no
        time; nothing is cued or drawn for the seconds jumped over, only what is due after.
        """
        remaining = self.app.core.runner.remaining()
        if remaining > seconds_before:
            self.advance(remaining - seconds_before, stall=True)

    def finish_step(self, past: float = 0.5, seconds_before: float = 3.0) -> None:
        """Live through the running timed step to `past` seconds after its end: most of it in
        one jump, the last `seconds_before` seconds frame by frame, as a patient would."""
        self.jump_to_end_of_step(seconds_before)
        self.advance(self.app.core.runner.remaining() + past)

    # --- looking ------------------------------------------------------------------------

    @property
    def screen(self):
        return self.app.manager.current_screen

    def widget(self, widget_id: str) -> Widget:
        return self.screen.ids[widget_id]

    def text(self, widget_id: str) -> str:
        return self.widget(widget_id).text

    def visible_texts(self) -> list[str]:
        return [w.text for w in self.screen.walk() if getattr(w, "text", "") and w.opacity > 0]

    def button_with_text(self, text: str) -> Widget:
        self.frames(4)  # let a dialog finish opening
        for widget in (w for top in reversed(Window.children) for w in top.walk()):
            if getattr(widget, "text", None) == text and hasattr(widget, "trigger_action"):
                return widget
        raise LookupError(f"no button reads {text!r}; visible: {self.visible_texts()}")

    # --- touching -------------------------------------------------------------------------

    def tap(self, target: Widget | str) -> None:
        """A finger down and up on the widget's centre, as a patient would tap it."""
        widget = self.widget(target) if isinstance(target, str) else target
        self.frames(2)  # a layout still settling (a new text size) would move it after the scroll
        self._scroll_into_view(widget)
        self.frames(1)
        x, y = widget.to_window(*widget.center)
        touch = UnitTestTouch(x, y)
        touch.touch_down()
        self.frames(1)
        touch.touch_up()
        self.frames(2)
        self.settle()

    def settle(self) -> None:
        """Let a screen transition finish: touches are ignored while one runs."""
        self.frames(4)  # dialogs open and close over 0.1 s
        for _ in range(100):
            if not self.app.manager.transition.is_active:
                break
            self.frames(1)

    def _scroll_into_view(self, widget: Widget) -> None:
        """Scroll as a patient would, so that a button below the fold can be reached."""
        from kivy.uix.scrollview import ScrollView

        parent = widget.parent
        for _ in range(50):  # the Window is its own parent: stop climbing there
            if parent is None or isinstance(parent, ScrollView) or parent is parent.parent:
                break
            parent = parent.parent
        if isinstance(parent, ScrollView):
            parent.scroll_to(widget, padding=10, animate=False)
            self.frames(2)

    def press_key(self, name: str) -> None:
        code = {"space": 32, "enter": 13, "escape": 27}[name]
        Window.dispatch("on_keyboard", code, 0, None, [])
        self.frames(2)
        self.settle()

    def tap_text(self, text: str) -> None:
        self.tap(self.button_with_text(text))

    def type_into(self, widget_id: str, text: str) -> None:
        self.widget(widget_id).text = text
        self.frames(1)

    def type_and_enter(self, widget_id: str, text: str) -> None:
        """Type into a one-line box as with a keyboard, then press Enter.

        The box is focused (it takes the window's keyboard), what it held is selected and
        typed over, and Enter reaches it as SDL delivers a key: on_key_down to the focused
        box, then on_keyboard if nobody took it. TextInput's own key handling then fires
        on_text_validate, as for a patient at a keyboard.
        """
        field = self.widget(widget_id)
        self._scroll_into_view(field)
        field.focus = True
        self.frames(1)
        assert field.focus, f"{widget_id} did not take the keyboard"
        field.select_all()
        if field.selection_text:
            field.delete_selection()
        if text:
            Window.dispatch("on_textinput", text)
        self.frames(1)
        enter, scancode = 13, 40
        if not Window.dispatch("on_key_down", enter, scancode, None, []):
            Window.dispatch("on_keyboard", enter, scancode, None, [])
        Window.dispatch("on_key_up", enter, scancode)
        self.frames(2)
        self.settle()

    def screenshot(self, path: Path) -> Path:
        """The app's widgets rendered off-screen at exactly the window's logical size.

        (The offscreen GL surface keeps the size it was created with, so a
        Window.screenshot after a resize would show stale pixels.)
        """
        self.frames(3)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.app.root.export_to_png(str(path))
        return path

    # --- ending ---------------------------------------------------------------------------

    def close(self) -> None:
        """Leave the app normally: on_stop saves the running step's progress."""
        if self.closed:
            return
        self.app.stop()
        self._restore_clock()

    def kill(self) -> None:
        """Drop the app as a kill would: nothing more is written than already was."""
        self.app.core.runner = None
        self.app.stop()
        self._restore_clock()

    def _restore_clock(self) -> None:
        if self.closed:
            return
        self.closed = True
        for child in list(Window.children):
            Window.remove_widget(child)
        del Clock.time
        Clock._last_tick = Clock.time()

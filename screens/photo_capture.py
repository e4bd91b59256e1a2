"""The guided capture of a photo set: six expressions, one at a time, with dots for the steps,
an oval to line the face up over the camera's preview, and a photo file wherever there is no
camera (or the patient prefers one)."""
from __future__ import annotations

from kivy.app import App
from kivy.clock import Clock
from kivy.utils import platform
from kivy.properties import BooleanProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.label import Label

from screens import load_kv_beside
from screens.photo_files_dialog import PICTURE_ENDINGS, PhotoFileDialog
from screens.widgets import PresentedScreen


PICTURE_PATTERNS = tuple(f"*{ending}" for ending in PICTURE_ENDINGS)


class StepDot(ButtonBehavior, Label):
    """One expression of the set: its number in a ring, filled once taken, bold ring when current;
    a tap takes (or retakes) that one. The step's words are said beside the dots."""

    expression = StringProperty("")
    done = BooleanProperty(False)
    current = BooleanProperty(False)


class PhotoCaptureScreen(PresentedScreen):
    title = StringProperty("")
    guide_text = StringProperty("")
    line_up_text = StringProperty("")
    step_text = StringProperty("")
    camera_available = BooleanProperty(False)
    import_text = StringProperty("")
    complete = BooleanProperty(False)
    message = StringProperty("")

    dialog = None

    def on_pre_enter(self, *_):
        self.presenter.enter()
        self.ids.scroller.scroll_y = 1

    def on_enter(self, *_):
        self._camera_port("play", True)

    def on_leave(self, *_):
        self._camera_port("play", False)

    @staticmethod
    def _camera_port(action: str, *args):
        """The device's own preview: only the real camera has one (a test's StillCamera does not)."""
        camera = App.get_running_app().camera
        method = getattr(camera, action, None)
        return method(*args) if method else None

    def show(self, model) -> None:
        self.title, self.guide_text, self.line_up_text = model.title, model.guide_text, model.line_up_text
        self.camera_available, self.import_text = model.camera_available, model.import_text
        self.complete, self.message = model.complete, model.message
        done = sum(step.done for step in model.steps)
        self.step_text = f"{done} of {len(model.steps)} photos in this set"
        dots = self.ids.dots_box
        dots.clear_widgets()
        for number, step in enumerate(model.steps, start=1):
            dot = StepDot(text=str(number), expression=step.expression, done=step.done, current=step.current)
            dot.bind(on_release=lambda d: self.presenter.choose(d.expression))
            dots.add_widget(dot)
        self._show_preview()

    def _show_preview(self) -> None:
        frame = self.ids.preview_frame
        preview = self._camera_port("preview") if self.camera_available else None
        if preview is not None and preview.parent is not frame:
            if preview.parent is not None:
                preview.parent.remove_widget(preview)
            frame.add_widget(preview, index=len(frame.children))  # under the oval

    def choose_file(self) -> None:
        """The phone's own picker where plyer has one that works (Android); Kivy's file list elsewhere
        (plyer's desktop pickers start zenity or kdialog, which may be missing or hang)."""
        if platform == "android" and self._system_picker():
            return
        self.dialog = PhotoFileDialog(when_chosen=self.presenter.import_file)
        self.dialog.open()

    def _system_picker(self) -> bool:
        try:
            from plyer import filechooser

            filechooser.open_file(on_selection=self._picked, filters=[("Photos", *PICTURE_PATTERNS)])
        except Exception:  # no picker after all: the file list still works
            return False
        return True

    def _picked(self, selection) -> None:
        """Called from the picker's thread: the import runs on the UI's."""
        if selection:
            Clock.schedule_once(lambda _dt: self.presenter.import_file(selection[0]), 0)


load_kv_beside(__file__)

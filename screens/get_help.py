"""Get help now: full screen, after a red flag in the check-in. Whom to call, with the
stored numbers shown large, and a call button where the device can dial."""
from __future__ import annotations

import logging

from kivy.properties import BooleanProperty, StringProperty
from kivy.utils import platform

from screens import load_kv_beside
import screens.journal_widgets  # noqa: F401  (the journal's labels)
from screens.widgets import PresentedScreen

log = logging.getLogger(__name__)


def can_dial() -> bool:
    """Only a phone dials; elsewhere the number is there to read out."""
    return platform == "android"


def dial(number: str) -> None:
    """Open the phone's dialler with the number filled in; the patient presses call. (ACTION_DIAL
    needs no permission, unlike a call placed by the app.) If it fails, the number is on the screen."""
    try:
        from jnius import autoclass  # present only inside an Android build

        intent_class, uri = autoclass("android.content.Intent"), autoclass("android.net.Uri")
        activity = autoclass("org.kivy.android.PythonActivity").mActivity
        activity.startActivity(intent_class(intent_class.ACTION_DIAL, uri.parse("tel:" + number.replace(" ", ""))))
    except Exception:  # noqa: BLE001  (whatever the platform raises, the page and its number stay)
        log.exception("the dialler could not be opened")


class GetHelpScreen(PresentedScreen):
    title = StringProperty("")
    what_to_do = StringProperty("")
    because = StringProperty("")
    emergency_number = StringProperty("")
    clinician_number = StringProperty("")
    call_emergency_first = BooleanProperty(True)
    dials = BooleanProperty(can_dial())

    def on_kv_post(self, *_):
        self._cards = (self.ids.emergency_card.__self__, self.ids.clinician_card.__self__)  # strong refs

    def on_pre_enter(self, *_):
        self.presenter.enter()
        self.ids.scroller.scroll_y = 1

    def show(self, model) -> None:
        """The number to call first is on top."""
        super().show(model)
        box, (first, second) = self.ids.numbers_box, self._cards
        if not model.call_emergency_first:
            first, second = second, first
        box.clear_widgets()
        box.add_widget(first)
        box.add_widget(second)

    def call(self, number: str) -> None:
        dial(number)


load_kv_beside(__file__)

"""Said before anything else when the record had to be mended at start: what happened,
what was brought back, and where the damaged file is kept."""
from kivy.properties import StringProperty

from screens import load_kv_beside
from screens.widgets import PresentedScreen

load_kv_beside(__file__)


class RepairNoticeScreen(PresentedScreen):
    message = StringProperty("")

    def on_pre_enter(self, *_):
        self.presenter.enter()

"""Shown instead of Home when start-up cannot go on: says what is wrong and where.

It has no presenter: there is no record to present, only the message.
"""
from kivy.properties import StringProperty

from screens import load_kv_beside
from screens.widgets import PresentedScreen

load_kv_beside(__file__)


class StartupErrorScreen(PresentedScreen):
    message = StringProperty("")

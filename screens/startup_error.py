"""Shown instead of Home when start-up cannot go on: says what is wrong and where."""
from kivy.properties import StringProperty
from kivy.uix.screenmanager import Screen

from screens import load_kv_beside

load_kv_beside(__file__)


class StartupErrorScreen(Screen):
    message = StringProperty("")

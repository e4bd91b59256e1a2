"""The desktop window: phone-shaped at first, then where and how big the patient left it.

Kept in window.json beside the database (it is not health data). Must run before
Kivy creates its window, so main.py calls it before the app starts. No-op on Android.
"""
from __future__ import annotations

import json
from pathlib import Path

from app.atomic import write_atomically

PHONE_SHAPE = (420, 860)
FILE_NAME = "window.json"


def restore_window(data_dir: Path) -> None:
    from kivy.config import Config
    from kivy.utils import platform

    if platform in ("android", "ios"):
        return
    state = _read(data_dir / FILE_NAME)
    width, height = state.get("size", PHONE_SHAPE)
    Config.set("graphics", "width", str(width))
    Config.set("graphics", "height", str(height))
    if "left" in state and "top" in state:
        Config.set("graphics", "position", "custom")
        Config.set("graphics", "left", str(state["left"]))
        Config.set("graphics", "top", str(state["top"]))


def remember_window(data_dir: Path) -> None:
    from kivy.core.window import Window
    from kivy.utils import platform

    if platform in ("android", "ios"):
        return
    # Window.size is in pixels; Config takes the same on desktop.
    state = {"size": [int(v) for v in Window.system_size], "left": int(Window.left), "top": int(Window.top)}
    try:
        write_atomically(data_dir / FILE_NAME, json.dumps(state).encode())
    except OSError:
        pass  # a window that forgets its place is no reason to fail on exit


def _read(path: Path) -> dict:
    try:
        state = json.loads(path.read_text())
        width, height = state["size"]
        if not (200 <= int(width) <= 10000 and 200 <= int(height) <= 10000):
            raise ValueError("implausible size")
        return state
    except (OSError, ValueError, KeyError, TypeError):
        return {}

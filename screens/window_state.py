"""The desktop window: phone-shaped at first, then where and how big the patient left it.

Kept in window.json beside the database (it is not health data). restore_window must
run before Kivy creates its window, so main.py calls it before the app starts; Kivy
cannot tell the screen's size until then, so keep_window_on_screen fits the window to
the screen once it exists. No-op on Android.
"""
from __future__ import annotations

import ctypes
import json
from pathlib import Path
from typing import NamedTuple

from app.atomic import write_atomically

PHONE_SHAPE = (420, 860)
FILE_NAME = "window.json"
TITLE_BAR = 40  # pixels left above the window for the system's title bar


class Box(NamedTuple):
    left: int
    top: int
    width: int
    height: int


def fit_to_screen(window: Box, screen: Box) -> Box:
    """The window made no larger than the screen's usable area and moved wholly onto it."""
    width = min(window.width, screen.width)
    height = min(window.height, screen.height - TITLE_BAR)
    left = min(max(window.left, screen.left), screen.left + screen.width - width)
    top = min(max(window.top, screen.top + TITLE_BAR), screen.top + screen.height - height)
    return Box(left, top, width, height)


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


def keep_window_on_screen() -> None:
    """Shrink and move the open window so that all of it, title bar included, is visible."""
    from kivy.core.window import Window
    from kivy.utils import platform

    if platform in ("android", "ios"):
        return
    screen = usable_screen()
    if screen is None:
        return
    now = Box(int(Window.left), int(Window.top), *(int(v) for v in Window.system_size))
    fitted = fit_to_screen(now, screen)
    if fitted != now:
        Window.system_size = (fitted.width, fitted.height)
        Window.left, Window.top = fitted.left, fitted.top


def usable_screen() -> Box | None:
    """The first display's area without task bars, from the SDL2 library Kivy runs on.

    Kivy 2.3 does not expose it, so it is asked of SDL directly; None where that library
    cannot be found (the window then stays as restored).
    """
    library = _loaded_sdl2()
    if library is None:
        return None

    class Rect(ctypes.Structure):
        _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("w", ctypes.c_int), ("h", ctypes.c_int)]

    rect = Rect()
    if library.SDL_GetDisplayUsableBounds(0, ctypes.byref(rect)) != 0 or rect.w <= 0 or rect.h <= 0:
        return None
    return Box(rect.x, rect.y, rect.w, rect.h)


def _loaded_sdl2():
    import kivy

    wheel_libs = Path(kivy.__file__).parent.parent / "Kivy.libs"
    for candidate in [*sorted(wheel_libs.glob("libSDL2-2*")), "libSDL2-2.0.so.0", "SDL2.dll", "libSDL2.dylib"]:
        try:
            return ctypes.CDLL(str(candidate))  # the copy already loaded, so SDL is initialised
        except OSError:
            continue
    return None


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

"""Kivy's camera behind app.camera.Camera, for the desktop (and wherever Kivy has a camera provider).

Looked for only when the photo capture opens, and only once. With no camera provider (no
OpenCV, no GStreamer) or no device, it says it is unavailable and the capture falls back to
importing a file: it never raises, and never waits on a device that is not there.
"""
from __future__ import annotations

import glob
import io
import logging

from kivy.utils import platform

log = logging.getLogger(__name__)
PREVIEW_SIZE = (640, 480)  # asked of the camera; each provider gives what it can


def devices_present() -> bool:
    """On Linux a camera is a /dev/video* node: none means none to open (opening one would wait)."""
    if platform == "linux":
        return bool(glob.glob("/dev/video*"))
    return platform in ("macosx", "win", "android", "ios")


def core_provider():
    """Kivy's camera class for this platform, or None when no provider loads."""
    try:
        from kivy.core.camera import Camera as CoreCamera
    except Exception:  # a broken provider library: as if there were none
        log.warning("camera: no provider could be loaded", exc_info=True)
        return None
    return CoreCamera


def open_preview(find_devices=devices_present, find_provider=core_provider):
    """A kivy.uix.camera.Camera widget, stopped, or None where there is no camera to show."""
    if not find_devices() or find_provider() is None:
        return None
    try:
        from kivy.uix.camera import Camera as CameraWidget

        widget = CameraWidget(play=False, resolution=PREVIEW_SIZE, allow_stretch=True)
    except Exception:  # a provider that loads but finds no working device
        log.warning("camera: none could be opened", exc_info=True)
        return None
    return widget if getattr(widget, "_camera", None) is not None else None


def png_of(widget) -> bytes | None:
    """The frame the widget shows now, as PNG bytes: the camera's own texture at its full size,
    not the widget's pixels on screen (smaller, and with the letterbox bars around it)."""
    texture = getattr(widget, "texture", None)
    if texture is None:
        return None
    try:
        from PIL import Image

        frame = Image.frombytes("RGBA", texture.size, texture.pixels)
        # Texture data starts at the bottom row; a texture drawn flipped (uvsize < 0) holds it top row first.
        if texture.uvsize[1] > 0:
            frame = frame.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
        out = io.BytesIO()
        frame.save(out, "PNG")
    except Exception:
        log.warning("camera: the frame could not be read", exc_info=True)
        return None
    return out.getvalue() or None


class KivyCamera:
    """The Camera port over Kivy's camera widget; the capture screen shows `preview()` and
    starts or stops it as it opens and closes."""

    def __init__(self, find_devices=devices_present, find_provider=core_provider):
        self._find = (find_devices, find_provider)
        self._widget = None
        self._looked = False

    def preview(self):
        if not self._looked:
            self._looked = True
            self._widget = open_preview(*self._find)
        return self._widget

    def available(self) -> bool:
        return self.preview() is not None

    def play(self, on: bool) -> None:
        widget = self.preview()
        if widget is not None:
            try:
                widget.play = on
            except Exception:  # the device went away: the file import still works
                log.warning("camera: could not %s", "start" if on else "stop", exc_info=True)
                self._widget = None

    def capture(self) -> bytes | None:
        return png_of(self.preview())

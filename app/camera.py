"""The camera as a port, like the cue ports: the presenters ask it for a picture, and a
machine without one gets NoCamera, so the photo flow falls back to importing a file.

The screens supply the real one (Kivy's Camera on desktop, Android's camera on a phone);
the app never imports either.
"""
from __future__ import annotations

from typing import Protocol


class Camera(Protocol):
    def available(self) -> bool:
        """True when a picture can be taken on this device now."""

    def capture(self) -> bytes | None:
        """The picture's encoded bytes (JPEG or PNG), or None if none was taken."""


class NoCamera:
    """A device without a camera (or one SmileBack may not use): photos come from files."""

    def available(self) -> bool:
        return False

    def capture(self) -> bytes | None:
        return None


class StillCamera:
    """A camera that gives the same picture each time: for tests and screenshots."""

    def __init__(self, picture: bytes):
        self.picture, self.taken = picture, 0

    def available(self) -> bool:
        return True

    def capture(self) -> bytes | None:
        self.taken += 1
        return self.picture

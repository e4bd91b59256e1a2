"""The app's one face landmarker, built once when first asked for, on a thread of its own.

Building the real one imports numpy and the TFLite runtime and loads three models (about
half a second): never at start-up, never on the UI thread. The screens ask `ready()` from
their clock until it is there. Tests inject a landmarker made once for the whole run, or
UnavailableLandmarker, through Core(face_landmarker=...).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from .face.port import FaceLandmarker, UnavailableLandmarker, available_landmarker

log = logging.getLogger(__name__)


class LandmarkerSource:
    def __init__(self, given: FaceLandmarker | Callable[[], FaceLandmarker] | None = None):
        """`given`: a landmarker, a function that builds one, or None for the device's own."""
        if given is None:
            given = available_landmarker
        self._built: FaceLandmarker | None = None if callable(given) and not hasattr(given, "landmarks") else given
        self._build = given if self._built is None else None
        self._lock, self._ready = threading.Lock(), threading.Event()
        self._thread: threading.Thread | None = None
        if self._built is not None:
            self._ready.set()

    def ready(self) -> FaceLandmarker | None:
        """The landmarker once built; None while it is being built (the first call starts it)."""
        with self._lock:
            if self._built is None and self._thread is None:
                self._thread = threading.Thread(target=self._make, name="face-landmarker", daemon=True)
                self._thread.start()
        return self._built if self._ready.is_set() else None

    def wait(self, timeout: float | None = None) -> FaceLandmarker | None:
        """For tests and the bench: start building if needed and wait for it."""
        self.ready()
        self._ready.wait(timeout)
        return self._built if self._ready.is_set() else None

    def _make(self) -> None:
        try:
            self._built = self._build()
        except Exception as error:  # noqa: BLE001 - a broken install turns the measures off, said in the log
            log.error("face measures unavailable: %s: %s", type(error).__name__, error)
            self._built = UnavailableLandmarker(f"{type(error).__name__}: {error}")
        finally:
            self._ready.set()

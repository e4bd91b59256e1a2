"""Cues for a patient who cannot look at the screen: voice, sound, vibration, notice.

The runner emits `Cue` values; a `CuePlayer` routes each to small ports. Each port has
a plyer implementation that falls silent for good after its first failure, so a
missing backend (no espeak, no vibrator on a desktop) never stops a session.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable, Protocol

log = logging.getLogger(__name__)

# The moments of a session that get a cue; each has its own sound.
CUE_KINDS = ("step_start", "part_change", "halfway", "countdown", "time_up", "session_done",
             "session_ended", "paused", "resumed", "not_saved", "saved_again")


@dataclass(frozen=True)
class Cue:
    kind: str
    text: str
    vibrate: bool = False


class Speech(Protocol):
    def speak(self, text: str) -> None: ...


class SoundPlayer(Protocol):
    def play(self, kind: str) -> None: ...


class Vibrator(Protocol):
    def vibrate(self, seconds: float) -> None: ...


class Notifier(Protocol):
    def notify(self, title: str, message: str) -> None: ...


class _PlyerPort:
    """Calls a plyer facade; after the first failure it stays silent."""

    def __init__(self, facade_name: str):
        self._facade_name = facade_name
        self.available = True

    def _call(self, method: str, **kwargs) -> None:
        if not self.available:
            return
        try:
            import plyer

            getattr(getattr(plyer, self._facade_name), method)(**kwargs)
        except Exception as error:  # plyer raises NotImplementedError, OSError, ... by platform
            self.available = False
            log.info("%s unavailable, falling back: %s", self._facade_name, error)


class PlyerSpeech(_PlyerPort):
    """Text-to-speech off the UI thread: plyer's desktop backends block until spoken."""

    def __init__(self):
        super().__init__("tts")
        self._lock = threading.Lock()

    def speak(self, text: str) -> None:
        if self.available:
            threading.Thread(target=self._speak, args=(text,), daemon=True).start()

    def _speak(self, text: str) -> None:
        with self._lock:  # one utterance at a time, in order
            self._call("speak", message=text)


class PlyerVibrator(_PlyerPort):
    def __init__(self):
        super().__init__("vibrator")

    def vibrate(self, seconds: float) -> None:
        self._call("vibrate", time=seconds)


class PlyerNotifier(_PlyerPort):
    def __init__(self, fallback: Callable[[str, str], None] | None = None):
        super().__init__("notification")
        self._fallback = fallback

    def notify(self, title: str, message: str) -> None:
        self._call("notify", title=title, message=message, app_name="SmileBack", timeout=10)
        if not self.available and self._fallback:
            self._fallback(title, message)


@dataclass
class CuePreferences:
    voice: bool = True
    sounds: bool = True
    vibration: bool = True


class CuePlayer:
    """Routes a cue to voice, sound and vibration, as the patient's settings allow.

    Where speech is off or missing, the sound still marks the moment, so every cue is
    heard one way or another.
    """

    def __init__(self, speech: Speech, sound: SoundPlayer, vibrator: Vibrator,
                 prefs: CuePreferences | None = None):
        self.speech, self.sound, self.vibrator = speech, sound, vibrator
        self.prefs = prefs or CuePreferences()

    def working(self) -> dict[str, bool]:
        """Which ways of giving a cue still work here (a port that failed says so)."""
        return {name: getattr(port, "available", True)
                for name, port in (("voice", self.speech), ("sounds", self.sound), ("vibration", self.vibrator))}

    def __call__(self, cue: Cue) -> None:
        if self.prefs.sounds:
            self.sound.play(cue.kind)
        if self.prefs.voice and cue.text:
            self.speech.speak(cue.text)
        if self.prefs.vibration and cue.vibrate:
            self.vibrator.vibrate(0.6)


class RecordingCues:
    """Keeps every cue in order; for tests and for the screen's caption of the last cue."""

    def __init__(self):
        self.cues: list[Cue] = []

    def __call__(self, cue: Cue) -> None:
        self.cues.append(cue)

    def kinds(self) -> list[str]:
        return [c.kind for c in self.cues]

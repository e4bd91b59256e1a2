"""The sound port on Kivy's audio: one short WAV per cue kind, from assets/sounds."""
from __future__ import annotations

import logging
from pathlib import Path

SOUNDS = Path(__file__).resolve().parent.parent / "assets" / "sounds"
log = logging.getLogger(__name__)


class KivySound:
    def __init__(self, folder: Path = SOUNDS):
        self.folder = folder
        self._cache: dict[str, object] = {}
        self.available = True  # False once a sound that is there could not be loaded (no audio here)

    def play(self, kind: str) -> None:
        sound = self._load(kind)
        if sound is not None:
            sound.stop()
            sound.play()

    def _load(self, kind: str):
        if kind not in self._cache:
            path = self.folder / f"{kind}.wav"
            sound = None
            if path.exists():
                from kivy.core.audio import SoundLoader

                sound = SoundLoader.load(str(path))  # None where no audio backend exists
                self.available = self.available and sound is not None
            self._cache[kind] = sound
        return self._cache[kind]

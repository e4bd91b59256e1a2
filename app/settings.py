"""The patient's preferences: reminders, voice, sounds, vibration, text size, contrast.

A `Preferences` value is always valid: it checks and tidies its fields when built, so a
screen can try `dataclasses.replace(prefs, text_scale=1.5)` and show the
`PreferencesError` message if the input was wrong. Stored values are read forgivingly:
one bad field falls back to its default and never stops the app from starting.

Stored as text in the settings table, one key per field, each prefixed "pref.":
    pref.reminder_times  "08:30,19:00" (empty string = no reminders)
    pref.voice, pref.sounds, pref.vibration, pref.high_contrast, pref.auto_advance  "1" / "0"
    pref.voice_rate, pref.text_scale  decimal numbers, e.g. "1.25"
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Protocol

from .cues import CuePreferences

log = logging.getLogger(__name__)

PREFIX = "pref."
MAX_REMINDERS = 3
# A first-run screen may offer this time; nothing is scheduled until the patient agrees.
SUGGESTED_REMINDER_TIME = "09:00"

# Speech rate is a multiplier of the speech engine's normal pace (1.0), the same unit
# as Android's TextToSpeech.setSpeechRate, so it passes straight through.
VOICE_RATE_MIN, VOICE_RATE_MAX = 0.5, 2.0
VOICE_RATE_STEP = 0.1

# Text scale multiplies every font size: 1.0 is 100 %, 2.0 is 200 %.
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)

_TIME = re.compile(r"^\s*(\d{1,2})\s*[:.hH]\s*(\d{2})\s*$")
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


class SettingsStore(Protocol):
    """The settings table's two methods (Store has them; tests use tests.fakes.MemorySettings)."""

    def settings(self) -> dict[str, str]: ...
    def put_setting(self, key: str, value: str) -> None: ...


class PreferencesError(ValueError):
    """A preference the patient entered cannot be used; `message` says how to fix it."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def validate_reminder_time(text: str, position: int | None = None) -> str:
    """'8:30', '08.30' or '08:30' -> '08:30'. `position` (1-based) names the reminder in errors."""
    label = f"Reminder {position}" if position else "Reminder"
    match = _TIME.match(text or "")
    if not match:
        raise PreferencesError("reminder_times", f"{label}: use hours and minutes like 08:30")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        raise PreferencesError(
            "reminder_times",
            f"{label}: {text.strip()} is not a time of day; hours go from 00 to 23 and minutes from 00 to 59")
    return f"{hours:02d}:{minutes:02d}"


def parse_reminder_times(texts: Iterable[str]) -> tuple[str, ...]:
    """Up to three reminder times, checked, without repeats, earliest first; blanks are skipped.

    Positions in error messages count every entry, blank or not, so they match the
    fields the patient sees on screen.
    """
    times = {validate_reminder_time(text, i) for i, text in enumerate(texts, start=1) if text and text.strip()}
    if len(times) > MAX_REMINDERS:
        raise PreferencesError("reminder_times", f"Reminders: at most {MAX_REMINDERS} a day")
    return tuple(sorted(times))


def validate_voice_rate(value: float) -> float:
    rate = _number(value, "voice_rate", "Speaking speed")
    if not VOICE_RATE_MIN <= rate <= VOICE_RATE_MAX:
        raise PreferencesError(
            "voice_rate", f"Speaking speed: choose from {VOICE_RATE_MIN:g} (slower) to {VOICE_RATE_MAX:g} (faster)")
    return round(rate, 2)


def validate_text_scale(value: float) -> float:
    """Any scale from 100 % to 200 %, snapped to the nearest offered step."""
    scale = _number(value, "text_scale", "Text size")
    if not TEXT_SCALES[0] <= scale <= TEXT_SCALES[-1]:
        raise PreferencesError("text_scale", "Text size: choose from 100 % to 200 %")
    return min(TEXT_SCALES, key=lambda step: abs(step - scale))


def _number(value, field: str, label: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int too big for a float, e.g. 10**400
        raise PreferencesError(field, f"{label}: expected a number, got {value!r}") from None
    if number != number:  # NaN compares unequal to itself and would slip past range checks
        raise PreferencesError(field, f"{label}: expected a number, got {value!r}")
    return number


@dataclass(frozen=True)
class Preferences:
    # No reminder until the patient asks for one: an unexpected notification about a
    # health condition is not a kindness.
    reminder_times: tuple[str, ...] = ()
    voice: bool = True
    voice_rate: float = 1.0
    sounds: bool = True
    vibration: bool = True
    text_scale: float = 1.0
    high_contrast: bool = False
    # False: when a step's time is up the patient confirms before the next step begins.
    auto_advance: bool = False

    def __post_init__(self):
        # Frozen, so tidied values are set through object.__setattr__.
        tidy = {
            "reminder_times": parse_reminder_times(
                (self.reminder_times,) if isinstance(self.reminder_times, str) else self.reminder_times),
            "voice_rate": validate_voice_rate(self.voice_rate),
            "text_scale": validate_text_scale(self.text_scale),
        }
        for name in ("voice", "sounds", "vibration", "high_contrast", "auto_advance"):
            tidy[name] = _require_bool(name, getattr(self, name))
        for name, value in tidy.items():
            object.__setattr__(self, name, value)

    def cue_preferences(self) -> CuePreferences:
        """The subset the CuePlayer needs; hand it a fresh one after every change."""
        return CuePreferences(voice=self.voice, sounds=self.sounds, vibration=self.vibration)


def _require_bool(name: str, value) -> bool:
    if not isinstance(value, bool):
        raise PreferencesError(name, f"{name.replace('_', ' ').capitalize()}: expected on or off, got {value!r}")
    return value


# --- reading and writing the store ---------------------------------------------------

def _to_text(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, tuple):
        return ",".join(value)
    return repr(float(value))


def _from_text(name: str, text: str):
    """The stored text as the field's type; raises ValueError or PreferencesError if unusable."""
    if name == "reminder_times":
        return _forgiving_times(text)
    if name in ("voice_rate", "text_scale"):
        return float(text)
    word = text.strip().lower()
    if word in _TRUE or word in _FALSE:
        return word in _TRUE
    raise ValueError(f"not on or off: {text!r}")


def _forgiving_times(text: str) -> tuple[str, ...]:
    """Keeps every readable time, so one damaged entry does not silence the others."""
    good = []
    for part in text.split(","):
        try:
            if part.strip():
                good.append(validate_reminder_time(part))
        except PreferencesError:
            log.warning("ignoring stored reminder time %r", part)
    return tuple(sorted(set(good)))[:MAX_REMINDERS]


def load_preferences(store: SettingsStore) -> Preferences:
    stored = store.settings()
    defaults = Preferences()
    chosen = {}
    for field in fields(Preferences):
        text = stored.get(PREFIX + field.name)
        if text is None:
            continue
        try:
            value = _from_text(field.name, text)
            Preferences(**{field.name: value})  # validates this one field alone
            chosen[field.name] = value
        except (ValueError, TypeError) as error:  # PreferencesError is a ValueError
            log.warning("stored preference %s=%r unusable, using the default %r: %s",
                        field.name, text, getattr(defaults, field.name), error)
    return Preferences(**chosen)


def save_preferences(store: SettingsStore, prefs: Preferences) -> None:
    for field in fields(Preferences):
        store.put_setting(PREFIX + field.name, _to_text(getattr(prefs, field.name)))

"""The patient's profile, set at first run and editable later: name, side, onset date.

Stored in the settings table, one key per field:
    profile.name              display name, absent when not given
    profile.side              "unknown" | "left" | "right" | "both"  (read by Companion.side)
    profile.onset             "YYYY-MM-DD", absent when not given
    profile.safety_confirmed  "1" / "0"
    profile.first_run_done    "1" / "0"
Everything is optional except the safety confirmation, which first run asks for.
"""
from __future__ import annotations

import calendar
import logging
from dataclasses import dataclass, replace
from datetime import date

from .settings import SettingsStore
from .vocabulary import SIDES

log = logging.getLogger(__name__)

NAME_KEY, SIDE_KEY, ONSET_KEY = "profile.name", "profile.side", "profile.onset"
SAFETY_KEY, FIRST_RUN_KEY = "profile.safety_confirmed", "profile.first_run_done"

# "Left" is the patient's own left, as they feel it, not as it looks in a mirror.
SIDE_LABELS = {"unknown": "Not sure", "left": "Left side", "right": "Right side", "both": "Both sides"}
NAME_MAX = 40
# From three calendar months after onset the phrase names a longer-term phase.
LONGER_TERM_MONTHS = 3


class ProfileError(ValueError):
    """A profile entry that cannot be used; `message` is shown to the patient as is."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def clean_display_name(text: str | None) -> str | None:
    """Trimmed, inner spaces collapsed; None when empty. At most 40 characters."""
    name = " ".join((text or "").split())
    if len(name) > NAME_MAX:
        raise ProfileError("display_name", f"Name: please keep it to {NAME_MAX} characters or fewer")
    return name or None


def parse_onset_date(text: str | None, today: date) -> date | None:
    """'2026-03-14' -> date; empty -> None (not known). Not in the future."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        onset = date.fromisoformat(text)
    except ValueError:
        raise ProfileError("onset_date", "Start date: use year-month-day like 2026-03-14") from None
    if len(text) != 10:  # fromisoformat also takes 20260314; one written form avoids confusion
        raise ProfileError("onset_date", "Start date: use year-month-day like 2026-03-14")
    return validate_onset(onset, today)


def validate_onset(onset: date | None, today: date) -> date | None:
    if onset is not None and onset > today:
        raise ProfileError("onset_date", "Start date: this date is still to come; please choose today or earlier")
    return onset


@dataclass(frozen=True)
class Profile:
    display_name: str | None = None
    affected_side: str = "unknown"
    onset_date: date | None = None
    safety_confirmed: bool = False
    first_run_done: bool = False

    def __post_init__(self):
        object.__setattr__(self, "display_name", clean_display_name(self.display_name))
        if self.affected_side not in SIDES:
            raise ProfileError("affected_side", f"Affected side: choose one of {', '.join(SIDES)}")

    @property
    def needs_first_run(self) -> bool:
        return not self.first_run_done


def load_profile(store: SettingsStore) -> Profile:
    """The stored profile; a damaged field reads as not given, never as an error."""
    stored = store.settings()
    name = _forgiving(lambda: clean_display_name(stored.get(NAME_KEY)), None, NAME_KEY)
    side = stored.get(SIDE_KEY, "unknown")
    if side not in SIDES:
        log.warning("stored %s=%r unknown, using 'unknown'", SIDE_KEY, side)
        side = "unknown"
    onset = _forgiving(lambda: date.fromisoformat(stored[ONSET_KEY]) if stored.get(ONSET_KEY) else None,
                       None, ONSET_KEY)
    return Profile(name, side, onset, stored.get(SAFETY_KEY) == "1", stored.get(FIRST_RUN_KEY) == "1")


def _forgiving(read, fallback, key: str):
    try:
        return read()
    except ValueError as error:  # ProfileError is a ValueError
        log.warning("stored %s unusable, treated as not given: %s", key, error)
        return fallback


def save_profile(store: SettingsStore, profile: Profile) -> None:
    # An absent name or date is stored as an empty string: the table has no delete.
    store.put_setting(NAME_KEY, profile.display_name or "")
    store.put_setting(SIDE_KEY, profile.affected_side)
    store.put_setting(ONSET_KEY, profile.onset_date.isoformat() if profile.onset_date else "")
    store.put_setting(SAFETY_KEY, "1" if profile.safety_confirmed else "0")
    store.put_setting(FIRST_RUN_KEY, "1" if profile.first_run_done else "0")


# --- time since onset ------------------------------------------------------------------

def week_number(onset: date, today: date) -> int:
    """Week 1 is the onset day and the six days after it. A future onset counts as week 1."""
    return max(0, (today - onset).days) // 7 + 1


def add_months(day: date, months: int) -> date:
    """Same day of the month, `months` later; the 31st becomes the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_longer_term(onset: date, today: date) -> bool:
    """From the same date three calendar months on (30 Nov -> 28/29 Feb), not a count of days:
    it is what "three months since" means to the patient."""
    return today >= add_months(onset, LONGER_TERM_MONTHS)


def recovery_phrase(onset: date, today: date) -> str:
    """'Week 9 since it began', or 'Week 15 · longer-term recovery' from three months on.

    Only a description of time passed: no prognosis and no advice.
    """
    week = week_number(onset, today)
    if is_longer_term(onset, today):
        return f"Week {week} · longer-term recovery"
    return f"Week {week} since it began"


def profile_from_entries(profile: Profile, name_text: str, onset_text: str, side: str,
                         today: date) -> tuple[Profile, dict[str, str]]:
    """The profile with a form's entries applied, and a message for each field that cannot be used.

    Usable entries are applied even when another field is wrong, so nothing typed is lost.
    """
    profile = replace(profile, affected_side=side)
    messages = {"display_name": "", "onset_date": ""}
    try:
        profile = replace(profile, display_name=clean_display_name(name_text))
    except ProfileError as error:
        messages[error.field] = error.message
    try:
        profile = replace(profile, onset_date=parse_onset_date(onset_text, today))
    except ProfileError as error:
        messages[error.field] = error.message
    return profile, messages

"""What the reminders add for the treatment journal: the day's check-in while its window is
open, and the booking prompt from two weeks before the wear-off window; neither once answered."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .checkins import checkin_due
from .cycle import booking_prompt_due, current_forecast
from .entries import CheckIn, Injection, Mark

CHECKIN_NUDGE = "How are you since your injection? Today's check-in takes one tap."
BOOKING_NUDGE = ("The effect of your injection may start to wear off in the coming weeks, by the estimate "
                 "from your record: a good time to book your next appointment, if you have not.")


def treatment_nudge(day: date, injections: Sequence[Injection], checkins: Sequence[CheckIn], marks: Sequence[Mark],
                    booked_for: str | None = None, clinician_weeks: int | None = None) -> str | None:
    """The words to add to `day`'s reminder, or None. `booked_for`: the injection date (ISO)
    whose booking prompt the patient answered."""
    parts = []
    if checkin_due(injections, checkins, day):
        parts.append(CHECKIN_NUDGE)
    window = current_forecast(injections, marks, day, clinician_weeks)
    if window is not None and booking_prompt_due(window, day, booked_for == window.injection.given_on.isoformat()):
        parts.append(BOOKING_NUDGE)
    return " ".join(parts) or None

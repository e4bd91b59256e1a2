"""What an outcome entry must be before the record takes it, with the field named.

The range of each clinician scale is the range that scale's score can take, to catch a slip
of the finger; the app records the number the clinician gave and never computes one.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from ..treatment.validation import TreatmentError, checked_text, not_after_today
from ..vocabulary import ClinicianScale, RatingMoment

MAX_ITEMS = 5
MAX_OWN_WORDS = 120
MAX_SCALE_NAME = 80
MAX_RATED_BY = 120
MAX_NOTE = 10_000
LOWEST, HIGHEST = 0, 10
OTHER_LIMIT = 100_000  # a named score of any kind: only a number too long to be one is refused


class OutcomeError(TreatmentError):
    """An entry the record cannot take; the message names the field, for the patient."""


@dataclass(frozen=True)
class ScaleRange:
    low: float
    high: float
    whole: bool  # only whole numbers are scores on this scale

    def words(self) -> str:
        kind = "a whole number" if self.whole else "a number"
        return f"{kind} from {_number(self.low)} to {_number(self.high)}"


SCALE_RANGES = {
    ClinicianScale.SAQ_TOTAL: ScaleRange(20, 100, False),  # its total is scaled to 20..100
    ClinicianScale.FACE_TOTAL: ScaleRange(0, 100, False),
    ClinicianScale.SUNNYBROOK_COMPOSITE: ScaleRange(-15, 100, True),  # voluntary 20..100 less resting and synkinesis
    ClinicianScale.HOUSE_BRACKMANN: ScaleRange(1, 6, True),  # grade I to VI
    ClinicianScale.EFACE_TOTAL: ScaleRange(0, 100, False),
    ClinicianScale.OTHER: ScaleRange(-OTHER_LIMIT, OTHER_LIMIT, False),
}
ROMAN = ("I", "II", "III", "IV", "V", "VI")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def score_words(scale: ClinicianScale, value: float) -> str:
    """The score as the clinician would write it: 'IV' for a House-Brackmann grade."""
    if scale is ClinicianScale.HOUSE_BRACKMANN and float(value).is_integer() and 1 <= value <= 6:
        return ROMAN[int(value) - 1]
    return _number(value)


def member(field: str, kind, value):
    try:
        return kind(value)
    except (ValueError, TypeError):
        options = ", ".join(str(m.value) for m in kind)
        raise OutcomeError(field, f"must be one of {options}, got {value!r}"[:160]) from None


def checked_rating(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not LOWEST <= value <= HIGHEST:
        raise OutcomeError("rating", f"must be a whole number from {LOWEST} to {HIGHEST}, got {value!r}"[:120])
    return value


def checked_own_words(words) -> str:
    text = _text("your own words", words, MAX_OWN_WORDS)
    if text is None:
        raise OutcomeError("your own words", "write what you want to rate, or choose one from the list")
    return text


def _text(field: str, value, longest: int) -> str | None:
    try:
        return checked_text(field, value, longest)
    except TreatmentError as error:
        raise OutcomeError(field, str(error).removeprefix(f"{field}: ")) from None


def check_item_count(count: int) -> None:
    if count > MAX_ITEMS:
        raise OutcomeError("items", f"choose at most {MAX_ITEMS} things to rate, got {count}")


def check_moment(moment) -> RatingMoment:
    return member("moment", RatingMoment, moment)


def checked_day(field: str, day, today: date, what: str) -> date:
    try:
        not_after_today(field, day, today, what)
    except TreatmentError as error:
        raise OutcomeError(field, str(error).removeprefix(f"{field}: ")) from None
    return day


@dataclass(frozen=True)
class CheckedScore:
    scale: ClinicianScale
    value: float
    scale_name: str | None
    rated_by: str | None
    note: str | None


def check_score(scale, value, scale_name=None, rated_by=None, note=None) -> CheckedScore:
    """The score as the record will keep it, or OutcomeError naming the field."""
    scale = member("scale", ClinicianScale, scale)
    name = _text("name of the score", scale_name, MAX_SCALE_NAME)
    if scale is ClinicianScale.OTHER and name is None:
        raise OutcomeError("name of the score", "say which score this is")
    if scale is not ClinicianScale.OTHER:
        name = None  # a named scale carries its own name
    span = SCALE_RANGES[scale]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or not span.low <= value <= span.high or (span.whole and not float(value).is_integer()):
        what = "a grade from I to VI (1 to 6)" if scale is ClinicianScale.HOUSE_BRACKMANN else span.words()
        raise OutcomeError("score", f"a {scale.words} is {what}; got {value!r}"[:160])
    return CheckedScore(scale, float(value), name, _text("rated by", rated_by, MAX_RATED_BY),
                        _text("note", note, MAX_NOTE))

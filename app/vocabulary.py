"""One word per concept: the statuses SmileBack stores and shows, and the words for each.

Each status is a `StrEnum` whose value is what the record stores (unchanged since the
first schema); `.words` is what a person reads, on screen, in History, in the CSV and in
the PDF alike. A status compares equal to its stored text, so rows read back as plain
strings still match.
"""
from __future__ import annotations

from enum import IntEnum, StrEnum

# The patient's affected side, as stored; "left" is their own left, as they feel it.
SIDES = ("unknown", "left", "right", "both")


class TodayStatus(StrEnum):
    """How today stands, on Home."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    PARTIAL = "partial"

    @property
    def words(self) -> str:
        return _TODAY_WORDS[self]


class DayStatus(StrEnum):
    """One calendar day judged by the plan in force that day (the rules are in app/stats.py)."""

    DONE = "done"
    PARTIAL = "partial"
    MISSED = "missed"
    REST = "rest"
    TODAY = "today"  # today, not done yet: it ends no streak
    FUTURE = "future"
    NO_DATA = "none"  # before the first plan and the first session: nothing was asked yet

    @property
    def words(self) -> str:
        return _DAY_WORDS[self]


class SessionStatus(StrEnum):
    """How one session ended."""

    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"  # every required step done
    PARTIAL = "partial"  # something done, not every required step
    ABANDONED = "abandoned"  # closed with nothing done

    @property
    def words(self) -> str:
        return _SESSION_WORDS[self]


class StepStatus(StrEnum):
    """One step of one session."""

    RUNNING = "running"
    DONE = "done"
    SKIPPED = "skipped"

    @property
    def words(self) -> str:
        return _STEP_WORDS[self]


class DashboardStatus(StrEnum):
    """The caregiver's one-line reading of the last days."""

    ON_TRACK = "on track"
    SLIPPING = "slipping"
    NEEDS_ATTENTION = "needs attention"
    NOT_STARTED = "not started"  # no session yet, or the first routine day is not over: nothing to judge

    @property
    def words(self) -> str:
        return "Not started yet" if self is DashboardStatus.NOT_STARTED else self.value.capitalize()


class FaceStatus(StrEnum):
    """What measuring one photo came to; stored with the photo's measures."""

    MEASURED = "measured"
    NO_FACE = "no_face"
    TWO_FACES = "two_faces"
    TURNED = "turned"                  # the face turned too far to one side
    EYES_HIDDEN = "eyes_hidden"        # eyes closed or covered where they should be open
    TOO_FAR = "too_far"                # the iris too small to scale by
    UNREADABLE = "unreadable"          # the file is not an image we can open
    UNAVAILABLE = "unavailable"        # no runtime on this device


_TODAY_WORDS = {
    TodayStatus.NOT_STARTED: "Not started yet today.",
    TodayStatus.IN_PROGRESS: "Today's session is in progress.",
    TodayStatus.DONE: "Done for today. Well done.",
    TodayStatus.PARTIAL: "Partly done today.",
}
_DAY_WORDS = {
    DayStatus.DONE: "Done", DayStatus.PARTIAL: "Partly done", DayStatus.MISSED: "Missed",
    DayStatus.REST: "Rest day", DayStatus.TODAY: "Today", DayStatus.FUTURE: "To come",
    DayStatus.NO_DATA: "Before you started",
}
_SESSION_WORDS = {
    SessionStatus.IN_PROGRESS: "Not finished", SessionStatus.COMPLETED: "Complete",
    SessionStatus.PARTIAL: "Partly done", SessionStatus.ABANDONED: "Stopped early",
}
_STEP_WORDS = {StepStatus.RUNNING: "Not finished", StepStatus.DONE: "Done", StepStatus.SKIPPED: "Skipped"}


def session_words(stored: str) -> str:
    """The words for a stored session status; an unknown value is shown as stored."""
    try:
        return SessionStatus(stored).words
    except ValueError:
        return stored


def step_words(stored: str) -> str:
    try:
        return StepStatus(stored).words
    except ValueError:
        return stored


# --- the treatment journal --------------------------------------------------------------------

class JournalEntry(StrEnum):
    """A kind of entry in the treatment journal, as the CSV's "entry" column and the timeline name it."""

    INJECTION = "injection"
    EFFECT = "effect"
    CHECK_IN = "check_in"
    CARE = "care"
    MOOD = "mood"

    @property
    def words(self) -> str:
        return _ENTRY_WORDS[self]


class InjectionArea(StrEnum):
    """Where on the face an injection was given, as on the drawn face."""

    BROW = "brow"
    AROUND_EYE = "around_eye"
    CHEEK = "cheek"
    MOUTH_CORNER = "mouth_corner"
    CHIN = "chin"
    NECK = "neck"  # the platysma, the broad muscle of the neck
    OTHER = "other"

    @property
    def words(self) -> str:
        return _AREA_WORDS[self]


class InjectionSide(StrEnum):
    """Which side of the face an area was injected on: the patient's own side, as they feel it."""

    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"

    @property
    def words(self) -> str:
        return _INJECTION_SIDE_WORDS[self]


class EffectMark(StrEnum):
    """What the patient noticed of an injection's effect, on the day they noticed it."""

    STARTED = "started"
    FADING = "fading"

    @property
    def words(self) -> str:
        return _MARK_WORDS[self]


class SideEffect(StrEnum):
    """One answer of the side-effect check-in, in the patient's plain words."""

    SORE_WHERE_INJECTED = "sore_where_injected"
    HEADACHE = "headache"
    LID_OR_BROW_LOWER = "lid_or_brow_lower"
    EYE_DRY_OR_WATERY = "eye_dry_or_watery"
    DOUBLE_VISION = "double_vision"
    SWALLOWING = "swallowing"
    BREATHING_OR_SPEAKING = "breathing_or_speaking"
    WEAKNESS_ELSEWHERE = "weakness_elsewhere"
    OTHER = "other"

    @property
    def words(self) -> str:
        return _SIDE_EFFECT_WORDS[self]


class HelpNeeded(StrEnum):
    """How soon an answer of the check-in needs someone else (the rule is in app/treatment/checkins.py)."""

    NONE = "none"
    CLINICIAN_TODAY = "clinician_today"
    EMERGENCY = "emergency"

    @property
    def words(self) -> str:
        return _HELP_WORDS[self]


class CareKind(StrEnum):
    """An item of supportive care the plan can add beside the exercises."""

    B_VITAMIN_COURSE = "b_vitamin_course"
    AEROBIC = "aerobic"
    FOOT_SOAK = "foot_soak"
    MOOD = "mood"

    @property
    def words(self) -> str:
        return _CARE_WORDS[self]


class Cadence(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"

    @property
    def words(self) -> str:
        return self.value.capitalize()


class Mood(IntEnum):
    """The five faces of the mood check, saddest first; stored as their number."""

    VERY_LOW = 1
    LOW = 2
    MIDDLING = 3
    GOOD = 4
    VERY_GOOD = 5

    @property
    def words(self) -> str:
        return _MOOD_WORDS[self]


_ENTRY_WORDS = {JournalEntry.INJECTION: "Injection", JournalEntry.EFFECT: "Effect", JournalEntry.CHECK_IN: "Check-in",
                JournalEntry.CARE: "Supportive care", JournalEntry.MOOD: "Mood"}
_AREA_WORDS = {
    InjectionArea.BROW: "Brow", InjectionArea.AROUND_EYE: "Around the eye", InjectionArea.CHEEK: "Cheek",
    InjectionArea.MOUTH_CORNER: "Corner of the mouth", InjectionArea.CHIN: "Chin",
    InjectionArea.NECK: "Neck (platysma)", InjectionArea.OTHER: "Somewhere else",
}
_INJECTION_SIDE_WORDS = {InjectionSide.LEFT: "Left", InjectionSide.RIGHT: "Right", InjectionSide.BOTH: "Both sides"}
_MARK_WORDS = {EffectMark.STARTED: "The effect started", EffectMark.FADING: "The effect is fading"}
_SIDE_EFFECT_WORDS = {
    SideEffect.SORE_WHERE_INJECTED: "Bruising or soreness where the needle went in",
    SideEffect.HEADACHE: "A headache",
    SideEffect.LID_OR_BROW_LOWER: "The eyelid or brow sits lower",
    SideEffect.EYE_DRY_OR_WATERY: "The eye is drier or waters more",
    SideEffect.DOUBLE_VISION: "Seeing double",
    SideEffect.SWALLOWING: "Trouble swallowing",
    SideEffect.BREATHING_OR_SPEAKING: "Trouble breathing or speaking",
    SideEffect.WEAKNESS_ELSEWHERE: "Weakness somewhere other than the face",
    SideEffect.OTHER: "Something else",
}
_HELP_WORDS = {
    HelpNeeded.NONE: "Nothing urgent",
    HelpNeeded.CLINICIAN_TODAY: "Contact your clinician today",
    HelpNeeded.EMERGENCY: "Call emergency services now",
}
_CARE_WORDS = {
    CareKind.B_VITAMIN_COURSE: "Vitamin B1/B12 injection", CareKind.AEROBIC: "Aerobic exercise",
    CareKind.FOOT_SOAK: "Warm foot soak", CareKind.MOOD: "Mood check",
}
_MOOD_WORDS = {Mood.VERY_LOW: "Very low", Mood.LOW: "Low", Mood.MIDDLING: "So-so", Mood.GOOD: "Good",
               Mood.VERY_GOOD: "Very good"}


# --- outcomes: self-ratings, clinician scores, progress photos ----------------------------------

class RatingMoment(StrEnum):
    """When a self-rating was asked: the routine one, or a moment of the Botox cycle."""

    ROUTINE = "routine"
    BEFORE_INJECTION = "before_injection"
    TWO_WEEKS_AFTER = "two_weeks_after"
    SIX_WEEKS_AFTER = "six_weeks_after"
    EFFECT_FADING = "effect_fading"

    @property
    def words(self) -> str:
        return _MOMENT_WORDS[self]


class ClinicianScale(StrEnum):
    """A score a clinician gave, recorded as they gave it; the app never computes one."""

    SAQ_TOTAL = "saq_total"
    FACE_TOTAL = "face_total"
    SUNNYBROOK_COMPOSITE = "sunnybrook_composite"
    HOUSE_BRACKMANN = "house_brackmann"
    EFACE_TOTAL = "eface_total"
    OTHER = "other"  # another score, named by whoever records it

    @property
    def words(self) -> str:
        return _SCALE_WORDS[self]


class Expression(StrEnum):
    """The expressions of a progress photo set, in the order they are taken."""

    AT_REST = "at_rest"
    GENTLE_SMILE = "gentle_smile"
    BIG_SMILE = "big_smile"
    EYES_CLOSED = "eyes_closed"
    BROWS_RAISED = "brows_raised"
    LIPS_PURSED = "lips_pursed"

    @property
    def words(self) -> str:
        return _EXPRESSION_WORDS[self]


class PhotoSource(StrEnum):
    CAMERA = "camera"
    FILE = "file"

    @property
    def words(self) -> str:
        return "Taken with the camera" if self is PhotoSource.CAMERA else "Imported from a file"


_MOMENT_WORDS = {
    RatingMoment.ROUTINE: "Regular rating",
    RatingMoment.BEFORE_INJECTION: "Just before the next injection",
    RatingMoment.TWO_WEEKS_AFTER: "About 2 weeks after the injection",
    RatingMoment.SIX_WEEKS_AFTER: "About 6 weeks after the injection",
    RatingMoment.EFFECT_FADING: "When the effect fades",
}
_SCALE_WORDS = {
    ClinicianScale.SAQ_TOTAL: "SAQ total", ClinicianScale.FACE_TOTAL: "FaCE total",
    ClinicianScale.SUNNYBROOK_COMPOSITE: "Sunnybrook composite", ClinicianScale.HOUSE_BRACKMANN: "House-Brackmann grade",
    ClinicianScale.EFACE_TOTAL: "eFACE total", ClinicianScale.OTHER: "Another score",
}
_EXPRESSION_WORDS = {
    Expression.AT_REST: "At rest", Expression.GENTLE_SMILE: "Gentle smile", Expression.BIG_SMILE: "Big smile",
    Expression.EYES_CLOSED: "Eyes gently closed", Expression.BROWS_RAISED: "Brows raised",
    Expression.LIPS_PURSED: "Lips pursed",
}


class OutcomeEntry(StrEnum):
    """A kind of outcome row, as the outcomes CSV's "entry" column names it."""

    SELF_RATING = "self_rating"
    CLINICIAN_SCORE = "clinician_score"

    @property
    def words(self) -> str:
        return "Self-rating" if self is OutcomeEntry.SELF_RATING else "Clinician score"

"""Summary: what was done and skipped, the time practised, a note and a 1 to 5 rating.

Everything shown comes from the runner that has just finished; the note and the rating
are written when the patient saves. Until then they are kept as a draft, as typed, so a
kill on this screen loses nothing: the next start offers the summary again. A session the
record refused to close (a full disk, a read-only file) is said to be not saved yet, and
Save writes it first.

Above all that, the finish moment: the session's day filling in in the week strip Home
shows, the streak, and one spoken line with a sound. What it says follows the day rules
(app/stats.py) worked out twice, without this session and with it, so a partly done
session is not celebrated as a completed one, and a day already done does not "grow" the
streak a second time. It is told once: a summary offered again after a kill shows the
moment as it ended, silently.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from ..core import Core
from ..cues import Cue
from ..formatting import clock_face, duration_words, streak_words
from ..routine import Voice
from ..runner import CannotResume, SessionRunner
from ..stats import Logbook, current_streak, week_of
from ..storage import queries
from ..storage.errors import WriteFailed
from ..vocabulary import DayStatus, StepStatus
from .base import Navigator, Shows


class Finish(StrEnum):
    """How a session left its day."""

    DAY_DONE = "day_done"  # this session made the day done
    ALREADY_DONE = "already_done"  # the day was done before it
    PARTLY = "partly"  # something done, the day not done
    NOTHING = "nothing"  # no step done


# How much of a day's circle is filled, by the mark it shows.
FILLED = {DayStatus.DONE: 1.0, DayStatus.PARTIAL: 0.5}


@dataclass(frozen=True)
class DayChange:
    """The session's day before and after this session, as marks in its week."""

    day: date
    week: tuple[str, ...]  # the marks after this session, Monday first
    before: str  # the day's mark without this session
    streak: int  # done days in a row, with this session
    anything_done: bool  # this session did at least one step

    @property
    def after(self) -> str:
        return self.week[self.day.weekday()]

    @property
    def kind(self) -> Finish:
        if self.before == DayStatus.DONE:
            return Finish.ALREADY_DONE
        if self.after == DayStatus.DONE:
            return Finish.DAY_DONE
        return Finish.PARTLY if self.anything_done else Finish.NOTHING


@dataclass(frozen=True)
class FinishView:
    headline: str  # "Today's routine is done"
    streak_text: str  # "3 days in a row", or "" with no streak
    detail: str
    week: tuple[str, ...]  # the marks after this session, Monday first
    marked: int  # the session's day in the week, 0 = Monday
    fill_from: float  # how much of its circle was filled before this session: 0, 0.5 or 1
    fill_to: float  # and after it
    animate: bool  # False when the moment was had already: drawn as it ended


@dataclass(frozen=True)
class SummaryModel:
    heading: str
    total_text: str
    steps: tuple[str, ...]
    rating: int = 0  # 0: none chosen
    error_text: str = ""
    note: str | None = None  # text for the note box; None leaves it as typed
    finish: FinishView | None = None


def with_day(book: Logbook, day: date, done: frozenset[str] | None) -> Logbook:
    """The logbook with the day's pooled done steps replaced (None: no session that day)."""
    days = dict(book.done_steps)
    days.pop(day, None)
    if done is not None:
        days[day] = done
    return replace(book, done_steps=days)


def day_change(book: Logbook, day: date, today: date, others: frozenset[str] | None,
               mine: frozenset[str]) -> DayChange:
    """`others`: the steps done in the day's other sessions (None when there is none);
    `mine`: the steps this session did."""
    before = with_day(book, day, others)
    after = with_day(book, day, (others or frozenset()) | mine)
    # The same window Home's streak is counted over: from the first day to just after today.
    history = after.statuses(min(after.start or today, today), today + queries.AHEAD_DAYS, today)
    return DayChange(day, tuple(after.mark(d, today) for d in week_of(day)),
                     before.mark(day, today), current_streak(history, today), bool(mine))


# The finish moment's headline and the line under it; {day} is "today" or a weekday's name.
FINISH_WORDS = {
    Finish.DAY_DONE: ("{Day}'s routine is done", ""),
    Finish.ALREADY_DONE: ("{Day}'s routine was already done", "This session is extra practice."),
    Finish.PARTLY: ("Part of {day}'s routine is done",
                    "The day counts as done once every step your plan asks for is done, in one session or several."),
    Finish.NOTHING: ("No step was done this time", "That is all right. You can start again whenever you are ready."),
}
REST_DAY_WORDS = "It is a rest day in your plan: nothing more is asked of it."


def finish_view(change: DayChange, today: date, animate: bool) -> FinishView:
    name = "today" if change.day == today else f"{change.day:%A}"
    headline, detail = (words.format(day=name, Day=name[0].upper() + name[1:]) for words in FINISH_WORDS[change.kind])
    if change.after == DayStatus.REST and change.kind in (Finish.PARTLY, Finish.NOTHING):
        detail = REST_DAY_WORDS
    streak = streak_words(change.streak) if change.streak else ""
    if streak and change.after != DayStatus.DONE and change.day == today:
        streak += " up to yesterday"  # today is not in it: not praise for a day not done
    return FinishView(headline, streak, detail, change.week, change.day.weekday(),
                      FILLED.get(change.before, 0.0), FILLED.get(change.after, 0.0), animate)


def finish_cue(change: DayChange, voice: Voice) -> Cue:
    """One sound and one spoken line; only a day just done says how the streak has grown."""
    kind = change.kind
    if kind == Finish.DAY_DONE:
        text = f"{voice.session_done} {voice.streak_grows.format(streak=streak_words(change.streak))}"
    else:
        text = {Finish.ALREADY_DONE: voice.already_done, Finish.PARTLY: voice.session_partial,
                Finish.NOTHING: voice.nothing_done}[kind]
    sound = "session_done" if kind in (Finish.DAY_DONE, Finish.ALREADY_DONE) else "session_ended"
    return Cue(sound, text, vibrate=True)


def read_day_change(core: Core, runner: SessionRunner) -> DayChange:
    """The session's day (its stored date; today if the record has not taken it yet), read afresh."""
    today = core.today()
    day = core.store.session(runner.session_id).local_date if runner.session_id is not None else today
    others = [s for s in core.store.sessions_between(day, day) if s.id != runner.session_id]
    pooled = frozenset(step.step_key for s in others for step in s.steps if step.status == StepStatus.DONE)
    mine = frozenset(o.step_key for o in runner.outcomes if o.status == StepStatus.DONE)
    return day_change(queries.whole_logbook(core.store, core.routine), day, today,
                      pooled if others else None, mine)


DRAFT_KEY = "summary.draft"


def load_draft(core: Core) -> dict | None:
    """The note and rating typed on a summary not yet saved: {"session", "note", "rating"}."""
    try:
        draft = json.loads(core.store.settings().get(DRAFT_KEY) or "null")
        return draft if isinstance(draft, dict) and isinstance(draft.get("session"), int) else None
    except ValueError:
        return None


def resume_unsaved_summary(core: Core) -> bool:
    """After a kill on the summary: the finished session in hand again, to show its summary."""
    draft = load_draft(core)
    if draft is None:
        return False
    try:
        session = core.store.session(draft["session"])
    except Exception:  # the session is gone (a restore, an import elsewhere): nothing to offer
        return False
    if session.note or session.rating:
        return False
    try:
        core.runner = core.practice.resume_runner(session)
    except CannotResume:  # its steps no longer fit its plan (an import): Home shows the session as it is
        return False
    return True


def unsaved_words(core: Core) -> str:
    runner = core.runner
    if not runner.unsaved:
        return ""
    return (f"This session is not saved yet: {runner.write_error}. Keep SmileBack open, "
            "and tap Save to try again.")


class SummaryPresenter:
    def __init__(self, core: Core, navigator: Navigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view
        self.rating, self.note = 0, ""
        self.finish: FinishView | None = None
        self._told: SessionRunner | None = None  # whose finish moment was told

    def enter(self) -> None:
        runner = self.core.runner
        draft = load_draft(self.core)
        mine = draft is not None and draft["session"] == runner.session_id
        self.rating = int(draft.get("rating") or 0) if mine else 0
        self.note = str(draft.get("note") or "") if mine else ""
        # A draft of its own means this summary was shown before a kill: the moment was had.
        fresh = not mine and runner is not self._told
        self._told = runner
        change = read_day_change(self.core, runner)
        self.finish = finish_view(change, self.core.today(), animate=fresh)
        self.view.show(self._model(unsaved_words(self.core), note=self.note))
        if fresh and self.core.cues is not None:
            self.core.cues(finish_cue(change, self.core.routine.voice))

    def keep_draft(self, note: str) -> None:
        """Called as the note is typed: what is typed is on disk at once (while the record takes it)."""
        self.note = note
        try:
            self.core.store.put_setting(DRAFT_KEY, json.dumps(
                {"session": self.core.runner.session_id, "note": note, "rating": self.rating}))
        except WriteFailed as error:
            self.view.show(self._model(f"Your note is not saved yet: {error.reason}. It stays here; "
                                       "tap Save to try again."))

    def _model(self, error: str = "", note: str | None = None) -> SummaryModel:
        runner = self.core.runner
        lines = []
        for outcome in runner.outcomes:
            timing = (f"{clock_face(outcome.done_seconds)} of {clock_face(outcome.planned_seconds)}"
                      if outcome.planned_seconds else "")
            lines.append(f"[b]{StepStatus(outcome.status).words}[/b]  {outcome.title}   {timing}")
        practised = sum(o.done_seconds for o in runner.outcomes)
        return SummaryModel(f"Session {runner.status().words.lower()}",
                            f"Time practised: {duration_words(practised)}", tuple(lines), self.rating, error, note,
                            self.finish)

    def choose_rating(self, value: int) -> None:
        """A second tap on the chosen rating takes it back."""
        self.rating = 0 if self.rating == value else value
        self.view.show(self._model())
        self.keep_draft(self.note)

    def save(self, note: str) -> None:
        runner = self.core.runner
        runner.checkpoint()  # what the record refused before is written first
        if runner.unsaved:
            self.view.show(self._model(unsaved_words(self.core)))  # the note stays in its box
            return
        try:
            self.core.practice.annotate(runner.session_id, note, self.rating or None)
            self.core.store.put_setting(DRAFT_KEY, "")
        except (ValueError, WriteFailed) as error:
            self.view.show(self._model(str(error)))  # the note stays in its box: nothing is lost
            return
        self.core.runner = None
        self.navigator.go("home")

"""The caregiver's three screens: the PIN, the dashboard with its export, and the plan editor."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..caregiver.dashboard import Dashboard, StepSummary, dashboard
from ..caregiver.export import ExportError, default_export_folder, export_all
from ..caregiver.outcomes_report import OutcomeLines, outcome_lines
from ..caregiver.pin import CaregiverLock, PinError, locked_message
from ..caregiver.plan_edit import WEEKDAY_NAMES, PlanDraft, PlanEditError
from ..charts import BarChartModel, rates_chart, ratings_over_time
from ..outcomes.items import load_items
from ..core import Core
from ..face_words import FaceTable, face_table
from ..formatting import clock_face
from ..storage.errors import StoreError
from .base import Asks, Navigator, Question, Shows


# Caregiver mode holds while the caregiver moves among these; going anywhere else ends it.
CAREGIVER_SCREENS = frozenset({"caregiver", "plan_edit", "care_plan", "backups", "clinician_scores", "photo_sets", "photo_capture", "photo_compare"})


def ends_caregiver_mode(screen_name: str) -> bool:
    return screen_name not in CAREGIVER_SCREENS


class CaregiverNavigator(Navigator, Protocol):
    def start_caregiver_mode(self) -> None:
        """Open caregiver mode (timed by the core; the window reports touches) and show the dashboard."""


@dataclass(frozen=True)
class EntryModel:
    setting_pin: bool  # no PIN yet: it is chosen, typed twice
    message: str = ""
    clear_entries: bool = False
    can_reset: bool = False  # "Forgot the PIN?" is offered: a PIN is set and entry is not locked out
    can_submit: bool = True  # False while locked out: the submit button waits for the lock's end
    locked_seconds: int = 0  # seconds until entry opens again; the message counts them down


class EntryView(Shows, Asks, Protocol):
    pass


class CaregiverEntryPresenter:
    """The PIN screen. While entry is locked out the screen's clock calls `tick()` a few times
    a second; the lock (on the monotonic clock) says how long is left, and the screen is shown
    again only when a whole second has passed."""

    def __init__(self, core: Core, navigator: CaregiverNavigator, view: EntryView):
        self.core, self.navigator, self.view = core, navigator, view
        self._locked_shown = 0  # the seconds left in the model last shown; 0 when not locked

    @property
    def lock(self) -> CaregiverLock:
        """The app's one lock (the core swaps it with the record on a restore)."""
        return self.core.caregiver_lock

    def _show(self, message: str = "", clear_entries: bool = False) -> None:
        has_pin = self.lock.has_pin()
        left = self.lock.locked_for_seconds() if has_pin else 0
        if left:
            message = locked_message(left)  # counted down by tick()
        self._locked_shown = left
        self.view.show(EntryModel(not has_pin, message, clear_entries, can_reset=has_pin and not left,
                                  can_submit=not left, locked_seconds=left))

    def enter(self) -> None:
        self._show(clear_entries=True)

    def tick(self) -> None:
        """The screen's clock: count a lockout down, and open the submit button at its end."""
        if not self._locked_shown:
            return  # nothing is counting down (a lockout begins only with a submit here)
        left = self.lock.locked_for_seconds()
        if left == self._locked_shown:
            return
        self._show("You can try again now." if not left else "")

    def submit(self, pin: str, repeat: str) -> None:
        pin, repeat = pin.strip(), repeat.strip()
        if not self.lock.has_pin():
            try:
                self.lock.set_pin(pin, repeat)
            except PinError as error:
                self._show(str(error))
                return
        else:
            result = self.lock.check(pin)
            if not result.ok:
                self._show(result.message, clear_entries=True)
                return
        self.navigator.start_caregiver_mode()

    def _refuse_reset_while_locked(self) -> bool:
        """A reset sets a new PIN: offered during a lockout it would walk round the lock."""
        if self.lock.has_pin() and self.lock.locked_for_seconds():
            self._show()
            return True
        return False

    def ask_reset(self) -> None:
        if self._refuse_reset_while_locked():
            return
        self.view.ask(Question("Reset the caregiver PIN? Only the PIN is cleared: every session, note and "
                               "the plan are kept. A new PIN is set straight after.",
                               "Yes, reset the PIN", "No, keep it"), self.reset)

    def reset(self) -> None:
        if self._refuse_reset_while_locked():
            return
        self.lock.reset(confirmed=True)
        self._show("The PIN was reset. Choose a new one.")

    def back(self) -> None:
        self.navigator.go("home")


@dataclass(frozen=True)
class DashboardModel:
    status_text: str
    reason_text: str
    adherence_text: str
    missed_text: str
    ratings_chart: BarChartModel
    ratings_caption: str
    steps_chart: BarChartModel
    steps: tuple[str, ...]  # each step's figures in words, under the chart
    notes: tuple[str, ...]
    export_message: str = ""
    pin_reset_text: str = ""  # "PIN reset on 25 November 2026", or empty if never reset
    outcomes: OutcomeLines | None = None  # self-ratings against the injections, clinician scores
    face: FaceTable | None = None  # the latest photo set's face measures against the baseline


MISSED_SHOWN, RATINGS_SHOWN, NOTES_SHOWN = 14, 30, 20
NO_RATINGS_TEXT = "No session was rated in the last 90 days, so there is nothing to chart yet."
NO_STEPS_TEXT = "No steps recorded yet."


def step_line(step: StepSummary) -> str:
    line = f"[b]{step.title}[/b]: done {step.done} of {step.done + step.skipped} ({step.done_percent:.0f} %)"
    if step.avg_planned_seconds:  # an untimed step has no time to compare
        line += f", on average {clock_face(step.avg_done_seconds)} of {clock_face(step.avg_planned_seconds)}"
    return line


def adherence_text(board: Dashboard) -> str:
    """Each window's figure; a window with no routine day judged yet says so rather than 100 %."""
    judged = {n: board.routine_days.get(n, 1) for n in board.adherence}
    if not any(judged.values()):
        return "No routine day is over yet, so there is no adherence to show."
    figures = [f"{n} days: " + (f"{percent:.0f} %" if judged[n] else "none yet")
               for n, percent in board.adherence.items()]
    return "Last " + "    ".join(figures)


def dashboard_model(board: Dashboard, export_message: str = "", outcomes: OutcomeLines | None = None,
                    face: FaceTable | None = None) -> DashboardModel:
    missed = board.missed_days[:MISSED_SHOWN]
    missed_text = (", ".join(f"{d:%a %d %b}" for d in missed)
                   + (" and earlier" if len(board.missed_days) > MISSED_SHOWN else "")
                   if missed else "No missed days in the last 90 days.")
    ratings = board.ratings[-RATINGS_SHOWN:]
    return DashboardModel(
        status_text=board.status.words, reason_text=board.status_reason,
        adherence_text=adherence_text(board),
        missed_text=missed_text,
        ratings_chart=ratings_over_time(ratings, NO_RATINGS_TEXT),
        ratings_caption=(f"How sessions felt, from 1 to 5, the last {len(ratings)} rated sessions, oldest on the left."
                         if ratings else ""),
        steps_chart=rates_chart([(s.title, s.done, s.skipped) for s in board.steps], NO_STEPS_TEXT),
        steps=tuple(step_line(s) for s in board.steps),
        notes=tuple(f"[b]{d:%a %d %b}[/b]  {text}" for d, text in board.notes[:NOTES_SHOWN]) or ("No notes yet.",),
        export_message=export_message,
        pin_reset_text=f"PIN reset on {board.pin_reset_on.day} {board.pin_reset_on:%B %Y}" if board.pin_reset_on else "",
        outcomes=outcomes, face=face)


class CaregiverModeNavigator(Navigator, Protocol):
    def end_caregiver_mode(self) -> None: ...


class DashboardPresenter:
    def __init__(self, core: Core, navigator: CaregiverModeNavigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view
        self.default_folder = str(default_export_folder())

    def _board(self) -> Dashboard:
        return dashboard(self.core.store, self.core.routine, self.core.today())

    def enter(self) -> None:
        self.view.show(dashboard_model(self._board(), outcomes=outcome_lines(self.core.store, load_items()),
                                       face=face_table(self.core.store)))

    def export(self, folder_text: str) -> None:
        folder = Path(folder_text.strip()).expanduser()
        try:
            message = export_all(self.core.store, self.core.routine, folder, self.core.today()).message
        except ExportError as error:
            message = str(error)
        self.view.show(dashboard_model(self._board(), message, outcome_lines(self.core.store, load_items()),
                                       face_table(self.core.store)))

    def clinician_scores(self) -> None:
        self.navigator.go("clinician_scores")

    def photos(self) -> None:
        """The photo sets and their comparison, in caregiver mode."""
        self.navigator.go("photo_sets")

    def edit_plan(self) -> None:
        self.navigator.go("plan_edit")

    def edit_care_plan(self) -> None:
        """Supportive care and the expected cycle length, the treatment journal's part of the plan."""
        self.navigator.go("care_plan")

    def open_record_copies(self) -> None:
        """Your record, in caregiver mode: a restore is taken whole, an imported plan adopted."""
        self.navigator.go("backups")

    def leave(self) -> None:
        self.navigator.end_caregiver_mode()


@dataclass(frozen=True)
class PlanRow:
    key: str
    title: str
    bounds: str
    timed: bool
    minutes_text: str
    included: bool


@dataclass(frozen=True)
class PlanEditModel:
    rows: tuple[PlanRow, ...]
    weekdays: tuple[tuple[int, str, bool], ...]  # (weekday, short name, resting)
    message: str = ""
    rebuild: bool = True  # False: only the included/resting marks changed; typed minutes stay


class PlanEditPresenter:
    """Steps included, their minutes within safe bounds, rest weekdays. A saved change applies
    from the next session and is kept with its date."""

    def __init__(self, core: Core, navigator: Navigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view
        self.draft: PlanDraft | None = None

    def enter(self) -> None:
        self.draft = PlanDraft.from_plan(self.core.practice.ensure_plan(), self.core.routine)
        self._show()

    def _show(self, message: str = "", rebuild: bool = True) -> None:
        rows = tuple(PlanRow(s.key, s.title,
                             f"{s.min_minutes} to {s.max_minutes} minutes" if s.timed else "no timer", s.timed,
                             str(s.minutes) if s.timed and s.minutes is not None else "", s.included)
                     for s in self.draft.editable_steps())
        days = tuple((day, name[:3], day in self.draft.rest_weekdays) for day, name in enumerate(WEEKDAY_NAMES))
        self.view.show(PlanEditModel(rows, days, message, rebuild))

    def toggle(self, key: str) -> None:
        self.draft.toggle(key)
        self._show(rebuild=False)

    def toggle_day(self, weekday: int) -> None:
        self.draft.toggle_rest_weekday(weekday)
        self._show(rebuild=False)

    def save(self, minutes: dict[str, str]) -> None:
        """`minutes`: the typed minutes of each timed step, by key."""
        for key, text in minutes.items():
            if self.draft.step(key).timed:
                self.draft.set_minutes(key, text.strip())
        try:
            self.draft.save(self.core.store, self.core.clock)
        except PlanEditError as error:
            self._show("\n".join(error.problems), rebuild=False)  # the entries stay as typed
            return
        except StoreError as error:  # a wrong clock, or a record that cannot be written
            self._show(str(error), rebuild=False)
            return
        self.navigator.go("caregiver")

    def back(self) -> None:
        self.navigator.go("caregiver")

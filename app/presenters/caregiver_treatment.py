"""The treatment section of the caregiver's dashboard: the cycle and its estimate, side effects
since the last injection with red flags first, supportive care done against asked, and mood
over 30 days. A part of the dashboard with a presenter of its own."""
from __future__ import annotations

from dataclasses import dataclass

from ..caregiver.treatment_report import MOOD_DAYS, treatment_dashboard
from ..core import Core
from ..formatting import plural
from ..treatment.cycle import clinician_weeks
from ..vocabulary import HelpNeeded


@dataclass(frozen=True)
class CaregiverTreatmentModel:
    cycle_text: str  # "Week 6 since the injection on 21 October", or that there is none yet
    forecast_text: str  # labelled an estimate; "" before any injection
    last_cycle_text: str  # "" until a cycle has been marked from start to fade
    red_flag_text: str  # "" unless a red flag was answered since the last injection
    side_effects: tuple[str, ...]  # one line each, red flags first
    care: tuple[str, ...]  # "Aerobic exercise: 12 of 30 asked"
    moods: tuple[int, ...]  # 1 (saddest) to 5, oldest first
    mood_caption: str


class CaregiverTreatmentPresenter:
    def __init__(self, core: Core, view):
        self.core, self.view = core, view

    def enter(self) -> None:
        store = self.core.store
        board = treatment_dashboard(store.treatment, self.core.today(), store.rest_days(),
                                    clinician_weeks(store.settings()))
        flags = [line for line in board.side_effects if line.help is not HelpNeeded.NONE]
        lines = tuple(f"[b]{line.day:%a %d %b}[/b]  "
                      + (f"RED FLAG ({line.help.words.lower()}): " if line.help is not HelpNeeded.NONE else "")
                      + line.words + (f" ({line.note})" if line.note else "")
                      for line in board.side_effects)
        self.view.show(CaregiverTreatmentModel(
            cycle_text=board.cycle_text or "No injection in the journal yet.",
            forecast_text=board.forecast_text,
            last_cycle_text=f"The last marked cycle lasted {board.last_cycle_days} days." if board.last_cycle_days else "",
            red_flag_text=(f"Red flag since the last injection: {len(flags)} check-in"
                           f"{'s' if len(flags) > 1 else ''} needed help." if flags else ""),
            side_effects=lines or (("No side effects since the last injection.",) if board.last_injection else ()),
            care=tuple(f"{words}: {done} of {asked} asked" for words, done, asked in board.care),
            moods=tuple(mood for _day, mood in board.moods),
            mood_caption=(f"Mood (1 to 5, 5 the happiest face): {plural(len(board.moods), 'check-in')} over the "
                          f"last {MOOD_DAYS} days, oldest on the left" if board.moods else "")))

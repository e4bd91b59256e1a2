"""The treatment journal on the time axis of Progress: one event per day and kind, so the
weeks after an injection can be read beside the routine's adherence."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..vocabulary import EffectMark, HelpNeeded, JournalEntry, SideEffect
from .checkins import help_needed, red_flags
from .entries import CareTick, CheckIn, Injection, Mark, MoodEntry

SPANS_MONTHS = (6, 12)  # the timeline's two lengths


@dataclass(frozen=True)
class TimelineEvent:
    day: date
    kind: JournalEntry
    words: str  # what a tap on it says
    red_flag: bool = False
    mark: EffectMark | None = None  # for an effect mark: started or fading (drawn as different shapes)


def _in(day: date, first: date, last: date) -> bool:
    return first <= day <= last


def timeline(first: date, last: date, injections: Sequence[Injection] = (), marks: Sequence[Mark] = (),
             checkins: Sequence[CheckIn] = (), ticks: Sequence[CareTick] = (),
             moods: Sequence[MoodEntry] = ()) -> list[TimelineEvent]:
    """Every event from `first` to `last`, in date order (within a day: as the kinds are listed)."""
    events = [TimelineEvent(i.given_on, JournalEntry.INJECTION,
                            "Injection: " + _listing([a.words for a in i.areas]))
              for i in injections if _in(i.given_on, first, last)]
    events += [TimelineEvent(m.local_date, JournalEntry.EFFECT, m.kind.words, mark=m.kind) for m in marks
               if _in(m.local_date, first, last)]
    for checkin in checkins:
        if _in(checkin.local_date, first, last) and checkin.answers:
            flagged = red_flags(checkin.answers)
            named = flagged + [a for a in SideEffect if a in checkin.answers and a not in flagged]
            events.append(TimelineEvent(checkin.local_date, JournalEntry.CHECK_IN,
                                        _listing([a.words for a in named]),
                                        help_needed(checkin.answers) is not HelpNeeded.NONE))
    by_day: dict[date, list[str]] = {}
    for tick in ticks:
        if _in(tick.local_date, first, last):
            by_day.setdefault(tick.local_date, []).append(tick.kind.words)
    events += [TimelineEvent(day, JournalEntry.CARE, _listing(words)) for day, words in by_day.items()]
    events += [TimelineEvent(m.local_date, JournalEntry.MOOD, f"Mood: {m.mood.words.lower()}") for m in moods
               if _in(m.local_date, first, last)]
    order = list(JournalEntry)
    return sorted(events, key=lambda e: (e.day, order.index(e.kind)))


def _listing(words: list[str]) -> str:
    """"Trouble swallowing, a headache": one sentence, capitalised once."""
    return ", ".join([words[0]] + [w[0].lower() + w[1:] for w in words[1:]])

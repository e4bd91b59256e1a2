"""Self-ratings: choosing up to five things to rate, the one rating screen, and the trend.

The rating screen is one screen: each chosen item with a 0-to-10 slider, its two ends in
words, and Save. It says which moment it is (the routine rating, or a moment of the cycle)
and nothing about what a number means for the face.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..core import Core
from ..outcomes.due import every_days, moment_due
from ..outcomes.entries import ChosenItem, ItemPick
from ..outcomes.items import ItemChoice, item_words, load_items
from ..outcomes.trends import standing_words, standings, trend
from ..outcomes.validation import MAX_ITEMS, MAX_OWN_WORDS, OutcomeError
from ..storage.errors import StoreError
from ..treatment.cycle import clinician_weeks, current_forecast
from ..vocabulary import RatingMoment
from .base import EscapeGoesBack, Navigator
from .face import FaceTrendsModel, face_trends_model

OWN_WORDS_ENDS = ("Not at all", "Very much")  # the two ends of an item in the patient's own words


def due_moment(core: Core) -> RatingMoment | None:
    """The rating to ask for today (Home shows its prompt), or None; none before any item is chosen."""
    outcomes, journal = core.store.outcomes, core.store.treatment
    if not outcomes.chosen_items():
        return None
    today = core.today()
    injections, marks = journal.injections(), journal.marks()
    settings = core.store.settings()
    window, interval = current_forecast(injections, marks, today, clinician_weeks(settings)), every_days(settings)
    # Only the ratings the rules look at: those of the interval, and of the cycle today is in.
    first = today - timedelta(days=interval - 1)
    if window is not None:
        first = min(first, window.injection.given_on)
    return moment_due(outcomes.ratings(first, today), injections, marks, window, today, interval)


def prompt_words(moment: RatingMoment | None) -> str:
    if moment is None:
        return ""
    if moment is RatingMoment.ROUTINE:
        return "Time for your ratings: under a minute."
    return f"{moment.words}: a good moment for your ratings (under a minute)."


@dataclass(frozen=True)
class RatingPromptModel:
    text: str  # "" when no rating is due
    moment: RatingMoment | None


class RatingPromptPresenter:
    """Home's card for a rating that is due; Home's screen shows `model()` and sends the tap here."""

    def __init__(self, core: Core, navigator: Navigator, view):
        self.core, self.navigator, self.view = core, navigator, view

    def model(self) -> RatingPromptModel:
        moment = due_moment(self.core)
        return RatingPromptModel(prompt_words(moment), moment)

    def enter(self) -> None:
        self.view.show(self.model())

    def open(self) -> None:
        self.navigator.go("rate", moment=due_moment(self.core))


# --- choosing what to rate ------------------------------------------------------------------------

@dataclass(frozen=True)
class ItemOption:
    key: str
    words: str
    ends_text: str  # "0 = None, 10 = Very strong"
    chosen: bool


@dataclass(frozen=True)
class ChooseItemsModel:
    options: tuple[ItemOption, ...]
    own: tuple[str, ...]  # the patient's own items, in order
    count_text: str
    can_choose_more: bool
    can_save: bool
    message: str


class ChooseItemsPresenter(EscapeGoesBack):
    def __init__(self, core: Core, navigator: Navigator, view, choices: tuple[ItemChoice, ...] | None = None):
        self.core, self.navigator, self.view = core, navigator, view
        self.choices = choices if choices is not None else load_items()
        self.picks: list[ItemPick] = []

    def prepare(self) -> None:
        self.picks = [ItemPick(i.key, i.own_words) for i in self.core.store.outcomes.chosen_items()]

    def enter(self, message: str = "") -> None:
        keys = {p.key for p in self.picks}
        options = tuple(ItemOption(c.key, c.words, f"0 = {c.low}, 10 = {c.high}", c.key in keys) for c in self.choices)
        own = tuple(p.own_words for p in self.picks if p.own_words is not None)
        self.view.show(ChooseItemsModel(options, own, f"{len(self.picks)} of {MAX_ITEMS} chosen",
                                        len(self.picks) < MAX_ITEMS, bool(self.picks), message))

    def toggle(self, key: str) -> None:
        pick = ItemPick(key=key)
        if pick in self.picks:
            self.picks.remove(pick)
        elif len(self.picks) >= MAX_ITEMS:
            self.enter(f"You can rate up to {MAX_ITEMS} things: take one away first.")
            return
        else:
            self.picks.append(pick)
        self.enter()

    def add_own(self, words: str) -> None:
        words = (words or "").strip()
        if not words:
            self.enter("Write what you want to rate, in your own words.")
        elif len(words) > MAX_OWN_WORDS:
            self.enter(f"Please keep it to {MAX_OWN_WORDS} characters (this is {len(words)}).")
        elif len(self.picks) >= MAX_ITEMS:
            self.enter(f"You can rate up to {MAX_ITEMS} things: take one away first.")
        elif ItemPick(own_words=words) in self.picks:
            self.enter("That one is already on your list.")
        else:
            self.picks.append(ItemPick(own_words=words))
            self.enter()

    def remove_own(self, words: str) -> None:
        self.picks = [p for p in self.picks if p.own_words != words]
        self.enter()

    def save(self) -> None:
        try:
            self.core.store.outcomes.choose_items(self.picks, {c.key for c in self.choices}, self.core.clock.now())
        except (OutcomeError, StoreError) as error:
            self.enter(str(error))
            return
        self.navigator.go("rate", moment=None)  # prepared afresh: no value kept for an item taken off

    def back(self) -> None:
        self.navigator.go("progress")


# --- the rating screen -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Slider:
    item_id: int
    words: str
    low: str
    high: str
    value: int | None  # None until the patient moves it


@dataclass(frozen=True)
class RateModel:
    title: str
    sliders: tuple[Slider, ...]
    can_save: bool
    message: str
    nothing_chosen: bool  # offer to choose what to rate instead


def ends_of(item: ChosenItem, choices: tuple[ItemChoice, ...]) -> tuple[str, str]:
    choice = next((c for c in choices if c.key == item.key), None)
    return (choice.low, choice.high) if choice else OWN_WORDS_ENDS


class RatePresenter(EscapeGoesBack):
    def __init__(self, core: Core, navigator: Navigator, view, choices: tuple[ItemChoice, ...] | None = None):
        self.core, self.navigator, self.view = core, navigator, view
        self.choices = choices if choices is not None else load_items()
        self.moment = RatingMoment.ROUTINE
        self.values: dict[int, int] = {}

    def prepare(self, moment: RatingMoment | None = None) -> None:
        self.moment = moment or due_moment(self.core) or RatingMoment.ROUTINE
        today = self.core.today()
        chosen = {i.id for i in self.core.store.outcomes.chosen_items()}
        earlier = [r for r in self.core.store.outcomes.ratings(today, today)
                   if r.moment is self.moment and r.item_id in chosen]
        self.values = {r.item_id: r.value for r in earlier}  # rating again today starts from what was said

    def enter(self, message: str = "") -> None:
        items = self.core.store.outcomes.chosen_items()
        sliders = tuple(Slider(i.id, item_words(i.key, i.own_words, self.choices), *ends_of(i, self.choices),
                               self.values.get(i.id)) for i in items)
        self.view.show(RateModel(self.moment.words, sliders, any(s.value is not None for s in sliders), message,
                                 not items))

    def set_value(self, item_id: int, value: float) -> None:
        self.values[item_id] = max(0, min(10, round(value)))
        self.enter()

    def save(self) -> None:
        try:
            self.core.store.outcomes.rate(self.core.today(), self.moment, self.values, self.core.clock.now())
        except (OutcomeError, StoreError) as error:
            self.enter(str(error))
            return
        self.navigator.go("trends")

    def choose_items(self) -> None:
        self.navigator.go("choose_items")

    def back(self) -> None:
        self.navigator.go("home")


# --- the trend chart -------------------------------------------------------------------------------

@dataclass(frozen=True)
class LineModel:
    words: str
    points: tuple[tuple[int, int], ...]  # (day on the axis from 0, rating 0-10)
    change_text: str  # "" unless a change is worth mentioning


@dataclass(frozen=True)
class TrendsModel:
    axis_days: int  # the axis runs from day 0 to this
    first_text: str
    last_text: str
    lines: tuple[LineModel, ...]
    minutes: tuple[tuple[int, float], ...]  # (day on the axis of the week's Monday, minutes that week)
    injection_days: tuple[int, ...]
    injections_text: str  # the dashed lines' dates in words, "" without an injection on the axis
    standing_lines: tuple[str, ...]  # latest against the first and the last injection
    empty_text: str  # "" when there is a chart
    axis_text: str = ""  # how to read the charts, with the scale of the minutes' bars
    face: FaceTrendsModel | None = None  # the face measures of the photo sets, right and left


def axis_words(first: date, last: date, weekly_minutes) -> str:
    """How to read an item's chart: the bars have no axis of their own, so their tallest is named."""
    busiest = max(weekly_minutes, key=lambda week: week[1], default=None)
    bars = (f"Pale bars: minutes practised each week; the tallest, {busiest[1]:.0f} min, is the week of "
            f"{busiest[0].day} {busiest[0]:%B}." if busiest and busiest[1] > 0 else "No minutes practised in these weeks.")
    return f"From {_day_words(first)} to {_day_words(last)}. Line: your rating, 0 to 10. {bars} Dashed lines: injections."


def _day_words(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def injections_words(days: tuple[date, ...]) -> str:
    if not days:
        return ""
    return ("Injection" if len(days) == 1 else "Injections") + ": " + ", ".join(_day_words(d) for d in days) + "."


def minutes_by_day(core: Core, first: date, last: date) -> dict[date, float]:
    totals: dict[date, float] = {}
    for session in core.store.sessions_between(first, last):
        totals[session.local_date] = totals.get(session.local_date, 0.0) + session.done_seconds / 60
    return totals


class TrendsPresenter(EscapeGoesBack):
    def __init__(self, core: Core, navigator: Navigator, view, choices: tuple[ItemChoice, ...] | None = None):
        self.core, self.navigator, self.view = core, navigator, view
        self.choices = choices if choices is not None else load_items()

    def enter(self) -> None:
        self.view.show(self.model())

    def model(self) -> TrendsModel:
        injections = tuple(i.given_on for i in self.core.store.treatment.injections())
        return replace(self._ratings_model(), face=face_trends_model(self.core, self.core.today(), injections))

    def _ratings_model(self) -> TrendsModel:
        outcomes, today = self.core.store.outcomes, self.core.today()
        items = outcomes.chosen_items()
        words = {i.id: item_words(i.key, i.own_words, self.choices) for i in items}
        ratings, injections = outcomes.ratings(), self.core.store.treatment.injections()
        first_rated = min((r.local_date for r in ratings), default=today)
        shown = trend(words, ratings, minutes_by_day(self.core, first_rated - timedelta(days=7), today),
                      injections, today)
        if shown is None:
            return TrendsModel(0, "", "", (), (), (), "", (), "Your ratings will show here over time, beside the "
                                                          "minutes you practise and your injections.")
        lines = tuple(LineModel(s.words, tuple(((d - shown.first).days, v) for d, v in s.points),
                                s.change.words(s.words) if s.change else "") for s in shown.items)
        return TrendsModel(
            axis_days=(shown.last - shown.first).days, first_text=_day_words(shown.first),
            last_text=_day_words(shown.last), lines=lines,
            minutes=tuple(((monday - shown.first).days, m) for monday, m in shown.weekly_minutes),
            injection_days=tuple((d - shown.first).days for d in shown.injections),
            injections_text=injections_words(shown.injections),
            standing_lines=tuple(standing_words(words[s.item_id], s)
                                 for s in standings(list(words), ratings, injections)),
            empty_text="", axis_text=axis_words(shown.first, shown.last, shown.weekly_minutes))

    def back(self) -> None:
        self.navigator.go("progress")


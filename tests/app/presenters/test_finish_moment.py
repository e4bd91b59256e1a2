"""The finish moment's decisions: which mark fills, what is said, whether the streak grew.

The day rules run on a hand-made logbook (milliseconds); a few tests go through the
summary presenter with a real record, to see the moment told once, with one cue.
"""
from datetime import date, timedelta

import pytest

from app.presenters.summary import Finish, SummaryPresenter, day_change, finish_cue, finish_view
from app.stats import Logbook, PlanHistory, PlanRules
from app.vocabulary import DayStatus

WEDNESDAY = date(2026, 11, 25)  # the fake clock's today
REQUIRED = frozenset({"heat", "massage", "eyes"})
EVERYTHING = REQUIRED | {"preparation"}
SUNDAYS_OFF = PlanHistory([PlanRules(date(2026, 11, 1), REQUIRED, frozenset({6}))])


def book(**done_by_offset) -> Logbook:
    """A logbook whose days are given as days_ago=steps, e.g. book(d1=REQUIRED)."""
    done = {WEDNESDAY - timedelta(days=int(key[1:])): frozenset(steps) for key, steps in done_by_offset.items()}
    return Logbook(SUNDAYS_OFF, done, start=date(2026, 11, 1))


def change(logbook, mine, others=None, day=WEDNESDAY):
    return day_change(logbook, day, WEDNESDAY, others, frozenset(mine))


# --- which mark, and whether the streak grew ---------------------------------------------------

def test_a_whole_session_fills_todays_mark_from_empty_and_grows_the_streak():
    moment = change(book(d1=REQUIRED, d2=REQUIRED), EVERYTHING)
    assert moment.kind == Finish.DAY_DONE and moment.streak == 3
    assert (moment.before, moment.after) == (DayStatus.TODAY, DayStatus.DONE)
    assert moment.week[:3] == (DayStatus.DONE, DayStatus.DONE, DayStatus.DONE)
    view = finish_view(moment, WEDNESDAY, animate=True)
    assert (view.marked, view.fill_from, view.fill_to) == (2, 0.0, 1.0)
    assert (view.headline, view.streak_text) == ("Today's routine is done", "3 days in a row")


def test_a_partly_done_session_fills_half_the_mark_and_is_not_called_done():
    moment = change(book(d1=REQUIRED), {"preparation", "heat"})
    assert moment.kind == Finish.PARTLY and moment.after == DayStatus.PARTIAL
    view = finish_view(moment, WEDNESDAY, animate=True)
    assert (view.fill_from, view.fill_to) == (0.0, 0.5)
    assert view.headline == "Part of today's routine is done" and "every step your plan asks for" in view.detail
    assert view.streak_text == "1 day in a row up to yesterday"  # the run stands, without today


def test_a_day_already_done_keeps_its_full_mark_and_its_streak():
    moment = change(book(d1=REQUIRED), {"massage"}, others=REQUIRED)
    assert moment.kind == Finish.ALREADY_DONE and moment.streak == 2
    view = finish_view(moment, WEDNESDAY, animate=True)
    assert (view.fill_from, view.fill_to) == (1.0, 1.0)
    assert view.headline == "Today's routine was already done"


def test_a_second_session_that_completes_the_day_fills_the_other_half():
    moment = change(book(), {"massage", "eyes"}, others={"heat"})
    assert moment.kind == Finish.DAY_DONE and moment.before == DayStatus.PARTIAL
    view = finish_view(moment, WEDNESDAY, animate=True)
    assert (view.fill_from, view.fill_to) == (0.5, 1.0)


def test_a_session_with_nothing_done_changes_no_mark_and_says_so_kindly():
    moment = change(book(), set())
    assert moment.kind == Finish.NOTHING and moment.after == DayStatus.TODAY
    view = finish_view(moment, WEDNESDAY, animate=True)
    assert (view.fill_from, view.fill_to) == (0.0, 0.0)
    assert view.headline == "No step was done this time" and view.streak_text == ""


def test_part_of_a_rest_day_asks_for_nothing_more():
    sunday = date(2026, 11, 22)
    moment = day_change(book(), sunday, sunday, None, frozenset({"heat"}))
    assert moment.kind == Finish.PARTLY and moment.after == DayStatus.REST
    assert "rest day" in finish_view(moment, sunday, animate=True).detail


def test_a_session_begun_before_midnight_names_its_own_day():
    tuesday = WEDNESDAY - timedelta(days=1)
    moment = change(book(), REQUIRED, day=tuesday)
    view = finish_view(moment, WEDNESDAY, animate=True)
    assert view.headline == "Tuesday's routine is done" and view.marked == 1 and moment.streak == 1


def test_today_shows_half_only_once_a_required_step_is_done():
    assert book(d0={"preparation"}).mark(WEDNESDAY, WEDNESDAY) == DayStatus.TODAY
    assert book(d0={"heat"}).mark(WEDNESDAY, WEDNESDAY) == DayStatus.PARTIAL


# --- what is said --------------------------------------------------------------------------------

def test_only_a_day_just_done_says_how_the_streak_grew(routine):
    voice = routine.voice
    grew = finish_cue(change(book(d1=REQUIRED), EVERYTHING), voice)
    assert (grew.kind, grew.vibrate) == ("session_done", True)
    assert grew.text == f"{voice.session_done} That makes 2 days in a row."
    again = finish_cue(change(book(d1=REQUIRED), REQUIRED, others=REQUIRED), voice)
    assert again.text == voice.already_done and "row" not in again.text


@pytest.mark.parametrize("mine, line", [({"heat"}, "session_partial"), (set(), "nothing_done")])
def test_a_session_that_leaves_the_day_undone_ends_calmly_without_praise_for_completion(routine, mine, line):
    cue = finish_cue(change(book(), mine), routine.voice)
    assert (cue.kind, cue.text) == ("session_ended", getattr(routine.voice, line))
    assert "Well done" not in cue.text


# --- through the summary presenter, with a real record ------------------------------------------

def run_session(core, clock, skip_towel=False):
    runner = core.runner = core.practice.new_runner()
    runner.start()
    runner.confirm()  # preparation
    if skip_towel:
        runner.skip()
    for _ in range(3 - skip_towel):
        clock.advance(runner.remaining() + 0.5)
        runner.tick()
        runner.confirm()
    return runner


def test_the_moment_is_told_once_with_one_sound_and_one_line(core, navigator, screen, clock, cues):
    run_session(core, clock)
    summary = SummaryPresenter(core, navigator, screen)
    summary.enter()
    finish = screen.model.finish
    assert finish.animate and finish.headline == "Today's routine is done" and finish.week[2] == DayStatus.DONE
    assert cues.kinds().count("session_done") == 1 and cues.cues[-1].text.endswith("That makes 1 day in a row.")
    summary.choose_rating(4)
    summary.enter()  # shown afresh (the app comes back to the front)
    assert cues.kinds().count("session_done") == 1 and not screen.model.finish.animate


def test_a_streak_built_over_days_is_counted_with_todays_session(core, navigator, screen, clock):
    summary = SummaryPresenter(core, navigator, screen)
    for _ in range(3):
        run_session(core, clock)
        summary.enter()
        summary.save("")
        clock.advance(24 * 3600)
    run_session(core, clock, skip_towel=True)
    summary.enter()
    assert screen.model.finish.streak_text == "3 days in a row up to yesterday"  # partly done ends nothing yet
    assert screen.model.finish.headline == "Part of today's routine is done"


def test_a_summary_offered_again_after_a_kill_is_drawn_as_it_ended_and_silent(
        core, navigator, screen, clock, store, routine, cues):
    from app.core import Core
    from app.presenters.summary import resume_unsaved_summary

    run_session(core, clock)
    SummaryPresenter(core, navigator, screen).enter()
    SummaryPresenter(core, navigator, screen).keep_draft("Cheek looser")
    told = len(cues.cues)
    again = Core(store, routine, clock, cues)  # killed here; the next start:
    assert resume_unsaved_summary(again)
    SummaryPresenter(again, navigator, screen).enter()
    finish = screen.model.finish
    assert not finish.animate and finish.fill_to == 1.0 and len(cues.cues) == told


def test_the_moment_follows_what_was_done_while_the_record_refuses(core, navigator, screen, clock, store, cues):
    from tests.faults import RefusedWrites

    record = RefusedWrites(store)
    runner = core.runner = core.practice.new_runner()
    runner.start()
    record.refuse()
    runner.confirm()
    for _ in range(3):
        clock.advance(runner.remaining() + 0.5)
        runner.tick()
        runner.confirm()
    SummaryPresenter(core, navigator, screen).enter()
    assert "not saved yet" in screen.model.error_text
    assert screen.model.finish.headline == "Today's routine is done" and cues.cues[-1].kind == "session_done"


class Heard:
    """The three ports of a CuePlayer, keeping what reached each."""

    def __init__(self):
        self.spoken, self.played, self.vibrated = [], [], []

    def speak(self, text):
        self.spoken.append(text)

    def play(self, kind):
        self.played.append(kind)

    def vibrate(self, seconds):
        self.vibrated.append(seconds)


def test_the_moment_follows_the_cue_settings(store, routine, clock, navigator, screen):
    from dataclasses import replace

    from app.core import Core
    from app.cues import CuePlayer

    heard = Heard()
    core = Core(store, routine, clock, CuePlayer(heard, heard, heard))
    core.apply_preferences(replace(core.preferences, voice=False, vibration=False))
    run_session(core, clock)
    heard.played.clear()
    SummaryPresenter(core, navigator, screen).enter()
    assert (heard.played, heard.spoken, heard.vibrated) == (["session_done"], [], [])

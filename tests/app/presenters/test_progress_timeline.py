"""Progress's treatment timeline: the journal's events and the routine's days on one axis, for
the last 6 or 12 months, each mark also said in words (red flags as such)."""
from datetime import date, timedelta

from hypothesis import given, strategies as st

from app.presenters.progress import ProgressPresenter
from app.presenters.timeline import EMPTY_TEXT, LANES, first_day, timeline_model
from app.treatment.entries import AreaDose
from app.vocabulary import CareKind, EffectMark, InjectionArea, InjectionSide, Mood, SideEffect
from tests.seed import seed_two_months

EYE = [AreaDose(InjectionArea.AROUND_EYE, InjectionSide.LEFT, 2.5)]


def keep_a_journal(core, shot_days_ago: int = 40):
    journal, today, now = core.store.treatment, core.today(), core.clock.now()
    shot = today - timedelta(days=shot_days_ago)
    journal.log_injection(shot, EYE, now)
    journal.mark_effect(EffectMark.STARTED, shot + timedelta(days=5), now)
    journal.check_in(shot + timedelta(days=1), {SideEffect.HEADACHE}, now)
    journal.check_in(shot + timedelta(days=2), {SideEffect.SWALLOWING}, now)
    journal.check_in(shot + timedelta(days=3), set(), now)  # nothing new: nothing to draw
    journal.tick_care(CareKind.AEROBIC, today - timedelta(days=1), now, 20)
    journal.record_mood(today, Mood.GOOD, now)
    return shot


def test_with_no_journal_the_six_months_say_so_and_offer_twelve(core, navigator, screen):
    presenter = ProgressPresenter(core, navigator, screen)
    presenter.enter()
    model = screen.model.timeline
    assert core.today() == date(2026, 11, 25)
    assert model.months == 6 and model.toggle_text == "Show 12 months" and model.lanes == LANES
    assert model.days == (core.today() - date(2026, 6, 1)).days + 1
    assert [label for _, label in model.month_ticks] == ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
    assert model.marks == () and model.events == () and model.empty_text == EMPTY_TEXT


def test_every_kind_is_drawn_in_its_lane_with_its_own_shape_and_said_in_words(core, navigator, screen):
    shot = keep_a_journal(core)
    presenter = ProgressPresenter(core, navigator, screen)
    presenter.enter()
    model = screen.model.timeline
    first = date(2026, 6, 1)
    assert [(m.offset, LANES[m.lane], m.shape) for m in model.marks] == [
        ((shot - first).days, "Injections and effect", "injection"),
        ((shot - first).days + 1, "Side effects", "side_effect"),
        ((shot - first).days + 2, "Side effects", "red_flag"),
        ((shot - first).days + 5, "Injections and effect", "started"),
        (model.days - 2, "Supportive care", "care"),
        (model.days - 1, "Mood", "mood")]
    assert model.events == (
        "21 October 2026: The effect started",
        "18 October 2026: RED FLAG: Side effect: Trouble swallowing",
        "17 October 2026: Side effect: A headache",
        "16 October 2026: Injection: Around the eye (left, 2.5 units)")
    assert model.months_text[0] == ("November 2026: no routine day planned; supportive care on 1 day; "
                                    "mood given on 1 day.")
    assert model.empty_text == ""


def test_the_toggle_shows_twelve_months_and_back(core, navigator, screen):
    keep_a_journal(core, shot_days_ago=8 * 30)  # about eight months ago: only in the longer span
    presenter = ProgressPresenter(core, navigator, screen)
    presenter.enter()
    assert not any(m.shape == "injection" for m in screen.model.timeline.marks)
    presenter.toggle_timeline()
    model = screen.model.timeline
    assert model.months == 12 and model.toggle_text == "Show 6 months" and len(model.month_ticks) == 12
    assert [m.shape for m in model.marks][0] == "injection"
    presenter.toggle_timeline()
    assert screen.model.timeline.months == 6


def test_the_routine_lies_on_the_same_axis_and_is_compared_after_the_injection(core, navigator, screen):
    seed_two_months(core.store, core.routine, core.today() - timedelta(days=1))
    shot = keep_a_journal(core, shot_days_ago=30)
    model = timeline_model(core.store, core.routine, core.today(), 6)
    first = first_day(core.today(), 6)
    days = dict(model.routine)
    assert days[(core.today() - timedelta(days=1) - first).days] == "done"  # the seed ends with a done day
    assert "rest" in days.values() and "missed" in days.values()
    assert all(0 <= offset < model.days for offset in days)
    assert model.after_text.startswith("In the 4 weeks after an injection you did your routine on ")
    assert "routine done on" in model.months_text[0] and shot.month == 10


@given(st.dates(date(2001, 1, 1), date(2090, 12, 31)), st.sampled_from([6, 12]))
def test_the_span_starts_on_a_first_of_the_month_and_holds_whole_months(today, months):
    first = first_day(today, months)
    assert first.day == 1 and first <= today
    assert (today.year * 12 + today.month) - (first.year * 12 + first.month) == months - 1

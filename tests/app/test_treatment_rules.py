"""The treatment journal's rules, as properties: cycle week, wear-off forecast, booking prompt,
check-in window, red flags and the help they need, supportive care asked and done."""
from datetime import date, timedelta

from hypothesis import given, settings, strategies as st

from app.treatment.checkins import (CHECKIN_DAYS, RED_FLAGS, checkin_due, checkins_first_red, help_needed,
                                    in_window, red_flags)
from app.treatment.cycle import (BOOKING_LEAD_DAYS, DEFAULT_WEEKS, ForecastSource, booking_prompt_due,
                                 current_forecast, cycle_lengths, cycle_words, forecast, forecast_hint, forecast_words,
                                 week_of_cycle)
from app.treatment.entries import AreaDose, CareItem, CareTick, CheckIn, Injection, Mark
from app.treatment.supportive import asked_today, tally
from app.vocabulary import (Cadence, CareKind, EffectMark, HelpNeeded, InjectionArea, InjectionSide, SideEffect)

FAST = settings(max_examples=200, deadline=None)
days = st.dates(min_value=date(2021, 1, 1), max_value=date(2035, 12, 31))
lengths = st.lists(st.integers(0, 400), max_size=12)
realistic_lengths = st.lists(st.integers(30, 300), min_size=2, max_size=12)
answers = st.sets(st.sampled_from(list(SideEffect)))


def injection(given_on: date, id: int = 1) -> Injection:
    return Injection(id, given_on, (AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT),))


def midpoint(window) -> float:
    return (window.opens.toordinal() + window.closes.toordinal()) / 2


# --- the cycle ------------------------------------------------------------------------------------

def test_cycle_words_name_the_week_and_the_day():
    assert cycle_words(injection(date(2026, 10, 21)), date(2026, 11, 27)) == "Week 6 since your injection on 21 October"
    assert cycle_words(injection(date(2025, 12, 1)), date(2026, 1, 5)).endswith("on 1 December 2025")


@FAST
@given(days, st.integers(0, 2000))
def test_the_week_of_the_cycle_starts_at_one_and_steps_every_seven_days(given_on, elapsed):
    today = given_on + timedelta(days=elapsed)
    assert week_of_cycle(given_on, today) == elapsed // 7 + 1
    assert week_of_cycle(given_on, today + timedelta(days=7)) == week_of_cycle(given_on, today) + 1


@FAST
@given(days, lengths, st.one_of(st.none(), st.integers(1, 52)))
def test_the_forecast_never_precedes_the_injection(given_on, cycles, clinician_weeks):
    window = forecast(injection(given_on), cycles, clinician_weeks)
    assert given_on <= window.opens <= window.closes


@FAST
@given(days, st.lists(st.integers(0, 400), max_size=1))
def test_with_fewer_than_two_own_cycles_the_forecast_is_the_usual_window(given_on, cycles):
    window = forecast(injection(given_on), cycles)
    assert window.source is ForecastSource.USUAL
    assert (window.opens - given_on, window.closes - given_on) == tuple(timedelta(weeks=w) for w in DEFAULT_WEEKS)


@FAST
@given(days, realistic_lengths, st.integers(30, 300))
def test_adding_a_cycle_moves_the_forecast_towards_it(given_on, cycles, new_length):
    before = forecast(injection(given_on), cycles)
    after = forecast(injection(given_on), cycles + [new_length])
    target = (given_on + timedelta(days=new_length)).toordinal()
    assert abs(midpoint(after) - target) <= abs(midpoint(before) - target) + 1  # a day for rounding
    assert after.source is ForecastSource.OWN_CYCLES and after.cycles == len(cycles) + 1


@FAST
@given(days, st.lists(st.integers(40, 200), min_size=0, max_size=5), st.booleans())
def test_the_record_teaches_the_forecast_once_two_cycles_have_faded(first, cycles, mark_started_too):
    """Injections one after another, each cycle's fading marked; the last is the cycle of today."""
    injections, marks, day = [], [], first
    for index, length in enumerate(cycles):
        injections.append(injection(day, index + 1))
        if mark_started_too:
            marks.append(Mark(100 + index, day + timedelta(days=5), EffectMark.STARTED))
        marks.append(Mark(200 + index, day + timedelta(days=length), EffectMark.FADING))
        day += timedelta(days=length + 10)
    injections.append(injection(day, 99))
    window = current_forecast(injections, marks, day + timedelta(days=3))
    assert cycle_lengths(injections, marks, before=day) == cycles
    assert window.injection.id == 99
    assert window.source is (ForecastSource.OWN_CYCLES if len(cycles) >= 2 else ForecastSource.USUAL)
    assert "estimate" in forecast_words(window, day).lower()
    assert (forecast_hint(window) is None) == (window.source is ForecastSource.OWN_CYCLES)


def test_no_forecast_before_any_injection_and_the_clinicians_length_replaces_the_usual_one():
    assert current_forecast([], [], date(2026, 11, 1)) is None
    window = current_forecast([injection(date(2026, 1, 1))], [], date(2026, 2, 1), clinician_weeks=10)
    assert window.source is ForecastSource.CLINICIAN
    assert (window.opens, window.closes) == (date(2026, 2, 26), date(2026, 3, 26))  # 8 and 12 weeks


@FAST
@given(days, st.integers(-60, 60), st.booleans())
def test_the_booking_prompt_shows_from_two_weeks_before_the_window_until_answered(given_on, offset, answered):
    window = forecast(injection(given_on), [])
    today = window.opens - timedelta(days=BOOKING_LEAD_DAYS) + timedelta(days=offset)
    assert booking_prompt_due(window, today, answered) == (offset >= 0 and not answered)


# --- check-ins ------------------------------------------------------------------------------------

@FAST
@given(answers)
def test_breathing_or_swallowing_trouble_needs_emergency_services_and_other_red_flags_the_clinician(chosen):
    emergency = {SideEffect.BREATHING_OR_SPEAKING, SideEffect.SWALLOWING}
    expected = (HelpNeeded.EMERGENCY if chosen & emergency else
                HelpNeeded.CLINICIAN_TODAY if chosen & RED_FLAGS else HelpNeeded.NONE)
    assert help_needed(chosen) is expected
    flagged = red_flags(chosen)
    assert set(flagged) == chosen & RED_FLAGS
    assert [help_needed([f]) for f in flagged] == sorted((help_needed([f]) for f in flagged),
                                                         key=[HelpNeeded.EMERGENCY, HelpNeeded.CLINICIAN_TODAY].index)


def test_the_red_flags_are_those_a_clinician_names():
    assert RED_FLAGS == {SideEffect.BREATHING_OR_SPEAKING, SideEffect.SWALLOWING, SideEffect.DOUBLE_VISION,
                         SideEffect.LID_OR_BROW_LOWER, SideEffect.WEAKNESS_ELSEWHERE}
    assert help_needed([]) is HelpNeeded.NONE and help_needed([SideEffect.HEADACHE]) is HelpNeeded.NONE


@FAST
@given(days, st.integers(-5, 40))
def test_the_check_in_is_asked_daily_from_the_injection_to_fourteen_days_after(given_on, offset):
    day = given_on + timedelta(days=offset)
    assert in_window([injection(given_on)], day) == (0 <= offset <= CHECKIN_DAYS)


@FAST
@given(days, st.integers(0, CHECKIN_DAYS))
def test_a_check_in_answered_today_is_not_asked_again(given_on, offset):
    today = given_on + timedelta(days=offset)
    assert checkin_due([injection(given_on)], [], today)
    assert not checkin_due([injection(given_on)], [CheckIn(1, today, frozenset())], today)


def test_a_new_injection_opens_a_new_window():
    shots = [injection(date(2026, 1, 1), 1), injection(date(2026, 4, 20), 2)]
    assert not in_window(shots, date(2026, 4, 19)) and in_window(shots, date(2026, 4, 25))


@FAST
@given(st.lists(answers, max_size=8))
def test_check_ins_with_red_flags_come_first(answer_sets):
    checkins = [CheckIn(i, date(2026, 1, 1) + timedelta(days=i), frozenset(a)) for i, a in enumerate(answer_sets)]
    urgency = [help_needed(c.answers) for c in checkins_first_red(checkins)]
    order = [HelpNeeded.EMERGENCY, HelpNeeded.CLINICIAN_TODAY, HelpNeeded.NONE]
    assert urgency == sorted(urgency, key=order.index)


# --- supportive care ------------------------------------------------------------------------------

START = date(2026, 11, 2)  # a Monday


def test_a_daily_item_is_asked_every_day_but_rest_days_and_a_weekly_one_counts_once_a_week():
    soak = CareItem(1, CareKind.FOOT_SOAK, Cadence.DAILY, START)
    run = CareItem(2, CareKind.AEROBIC, Cadence.WEEKLY, START, target_minutes=30)
    rest = {START + timedelta(days=6)}
    ticks = [CareTick(1, START, CareKind.FOOT_SOAK), CareTick(2, START + timedelta(days=3), CareKind.AEROBIC)]
    assert asked_today([soak, run], START + timedelta(days=6), ticks, rest) == []
    assert asked_today([soak, run], START + timedelta(days=1), ticks, rest) == [(soak, False), (run, True)]
    soak_tally, run_tally = tally([soak, run], ticks, START, START + timedelta(days=13), rest)
    assert (soak_tally.done, soak_tally.planned) == (1, 13)
    assert (run_tally.done, run_tally.planned) == (1, 2)


def test_a_vitamin_course_is_asked_on_its_dose_days_only():
    doses = (START, START + timedelta(days=7))
    course = CareItem(1, CareKind.B_VITAMIN_COURSE, Cadence.WEEKLY, START, dose_dates=doses)
    assert [item for item, _ in asked_today([course], START, [])] == [course]
    assert asked_today([course], START + timedelta(days=1), []) == []
    assert tally([course], [], START, START + timedelta(days=30))[0].planned == 2


@FAST
@given(st.sampled_from(list(CareKind)), st.sampled_from(list(Cadence)), st.sets(st.integers(0, 40)),
       st.sets(st.integers(0, 40)), st.integers(0, 40))
def test_done_never_exceeds_planned(kind, cadence, ticked, resting, span):
    item = CareItem(1, kind, cadence, START, dose_dates=(START, START + timedelta(days=14)))
    ticks = [CareTick(i, START + timedelta(days=d), kind) for i, d in enumerate(ticked)]
    rest = {START + timedelta(days=d) for d in resting}
    result = tally([item], ticks, START, START + timedelta(days=span), rest)[0]
    assert 0 <= result.done <= result.planned

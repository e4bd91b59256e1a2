"""The outcome rules as pure functions: when a rating is due, what change is worth mentioning,
which photos make a set, the trend series and the latest ratings against the injections."""
from datetime import date, datetime, timedelta, timezone

from hypothesis import given, settings, strategies as st

from app.outcomes.changes import NOTABLE_POINTS, WORTH_MENTIONING, notable_change, notable_changes
from app.outcomes.due import (DEFAULT_EVERY_DAYS, EVERY_DAYS_SETTING, cycle_windows, every_days, moment_due,
                              routine_due)
from app.outcomes.entries import Photo, PhotoSet, Rating
from app.outcomes.items import item_words, load_items
from app.outcomes.photos import baseline_of, cycle_week, is_complete, missing, next_expression, pairs
from app.outcomes.trends import standings, trend
from app.treatment.cycle import forecast
from app.treatment.entries import AreaDose, Injection, Mark
from app.vocabulary import EffectMark, Expression, InjectionArea, InjectionSide, PhotoSource, RatingMoment

PROPERTY = settings(max_examples=200, deadline=None)
DAY = date(2026, 9, 1)
days = st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31))
values = st.integers(0, 10)


def injection(on: date, id_: int = 1) -> Injection:
    return Injection(id_, on, (AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT, 2.5),))


def ratings_of(values_by_day, item_id=1, moment=RatingMoment.ROUTINE) -> list[Rating]:
    return [Rating(n, item_id, day, moment, value) for n, (day, value) in enumerate(values_by_day)]


# --- when a rating is due ---------------------------------------------------------------------------

def test_the_interval_is_the_caregivers_setting_or_three_days():
    assert every_days({}) == DEFAULT_EVERY_DAYS == 3
    assert every_days({EVERY_DAYS_SETTING: "7"}) == 7
    assert [every_days({EVERY_DAYS_SETTING: bad}) for bad in ("0", "31", "-2", "٣", "three")] == [3] * 5


@PROPERTY
@given(st.lists(days, max_size=6), days, st.integers(1, 30))
def test_the_routine_rating_is_due_exactly_when_the_last_is_interval_days_old(rated, today, interval):
    ratings = ratings_of([(d, 5) for d in rated])
    past = [d for d in rated if d <= today]
    assert routine_due(ratings, today, interval) == (not past or (today - max(past)).days >= interval)


def test_a_rating_today_is_never_due_again_today():
    assert not routine_due(ratings_of([(DAY, 4)]), DAY, 1)
    assert routine_due(ratings_of([(DAY, 4)]), DAY + timedelta(days=3), 3)


def test_the_cycle_moments_are_asked_in_their_windows_once_per_cycle():
    given = [injection(DAY)]
    rated_yesterday = ratings_of([(DAY + timedelta(days=11), 5)])
    assert moment_due(rated_yesterday, given, [], None, DAY + timedelta(days=12)) is RatingMoment.TWO_WEEKS_AFTER
    answered = rated_yesterday + ratings_of([(DAY + timedelta(days=12), 6)], moment=RatingMoment.TWO_WEEKS_AFTER)
    assert moment_due(answered, given, [], None, DAY + timedelta(days=13)) is None
    assert moment_due(answered, given, [], None, DAY + timedelta(days=40)) is RatingMoment.SIX_WEEKS_AFTER


def test_a_fading_mark_asks_for_a_rating_that_week_and_before_the_next_injection_after_it():
    given = [injection(DAY)]
    fading = [Mark(1, DAY + timedelta(days=80), EffectMark.FADING)]
    window = forecast(given[0], [])
    today = DAY + timedelta(days=81)
    assert moment_due([], given, fading, window, today) is RatingMoment.EFFECT_FADING
    done = ratings_of([(today, 5)], moment=RatingMoment.EFFECT_FADING)
    assert moment_due(done, given, fading, window, today + timedelta(days=1)) is RatingMoment.BEFORE_INJECTION


@PROPERTY
@given(st.lists(days, min_size=1, max_size=4, unique=True), days, st.lists(st.tuples(days, st.sampled_from(
    list(RatingMoment))), max_size=8))
def test_a_moment_due_is_routine_or_open_today_and_not_yet_answered_in_the_cycle(given_on, today, rated):
    injections = [injection(d, n) for n, d in enumerate(given_on)]
    ratings = [Rating(n, 1, d, m, 5) for n, (d, m) in enumerate(rated)]
    due = moment_due(ratings, injections, [], None, today)
    if due in (None, RatingMoment.ROUTINE):
        assert (due is RatingMoment.ROUTINE) == routine_due(ratings, today)
        return
    current = max((i for i in injections if i.given_on <= today), key=lambda i: i.given_on)
    first, last = cycle_windows(current, [], injections, None)[due]
    assert first <= today <= last
    assert not any(r.moment is due and current.given_on <= r.local_date <= today for r in ratings)


# --- notable change ---------------------------------------------------------------------------------

@PROPERTY
@given(st.lists(values, min_size=0, max_size=8))
def test_a_change_is_notable_exactly_when_the_last_two_moved_two_points_the_same_way(series):
    ratings = ratings_of([(DAY + timedelta(days=3 * n), v) for n, v in enumerate(series)])
    change = notable_change(ratings)
    if len(series) < 3:
        assert change is None
        return
    before, a, b = series[-3:]
    up = a - before >= NOTABLE_POINTS and b - before >= NOTABLE_POINTS
    down = before - a >= NOTABLE_POINTS and before - b >= NOTABLE_POINTS
    assert (change is not None) == (up or down)
    if change is not None:
        assert change.rose == up


def test_one_jump_alone_is_noise_and_is_not_pointed_out():
    assert notable_change(ratings_of([(DAY, 5), (DAY + timedelta(days=3), 8), (DAY + timedelta(days=6), 5)])) is None


def test_a_notable_change_is_worded_without_saying_better_or_worse():
    change = notable_change(ratings_of([(DAY, 7), (DAY + timedelta(days=3), 4), (DAY + timedelta(days=6), 5)]))
    words = change.words("Stiffness or pulling in my face")
    assert WORTH_MENTIONING in words and "lower" in words
    assert not any(judgement in words.lower() for judgement in ("better", "worse", "improv", "declin"))


def test_changes_are_found_per_item():
    mixed = ratings_of([(DAY, 2), (DAY + timedelta(days=3), 6), (DAY + timedelta(days=6), 7)], item_id=2) + \
        ratings_of([(DAY, 2), (DAY + timedelta(days=3), 3), (DAY + timedelta(days=6), 2)], item_id=1)
    assert [c.item_id for c in notable_changes(mixed)] == [2]


# --- photo sets ---------------------------------------------------------------------------------------

def photo(expression: Expression, set_id: int = 1) -> Photo:
    return Photo(list(Expression).index(expression), set_id, expression, "x.jpg", "0" * 64, 10, 10,
                 datetime(2026, 9, 1, tzinfo=timezone.utc), PhotoSource.FILE)


@PROPERTY
@given(st.sets(st.sampled_from(list(Expression))))
def test_a_set_is_complete_exactly_with_all_six_expressions(taken):
    photo_set = PhotoSet(1, DAY, False, tuple(photo(e) for e in taken))
    assert is_complete(photo_set) == (taken == set(Expression))
    assert set(missing(photo_set)) == set(Expression) - taken
    assert next_expression(photo_set) == (missing(photo_set)[0] if missing(photo_set) else None)


def test_the_six_expressions_are_the_standard_set_in_capture_order():
    assert [e.words for e in Expression] == ["At rest", "Gentle smile", "Big smile", "Eyes gently closed",
                                            "Brows raised", "Lips pursed"]


def test_a_set_beside_the_baseline_pairs_expression_by_expression_with_the_cycle_week():
    first = PhotoSet(1, DAY, True, (photo(Expression.AT_REST), photo(Expression.BIG_SMILE)))
    later = PhotoSet(2, DAY + timedelta(days=20), False, (photo(Expression.AT_REST, 2), photo(Expression.LIPS_PURSED, 2)))
    assert baseline_of([later, first]) == first
    assert [(p.expression, p.baseline is not None, p.other is not None) for p in pairs(first, later)] == [
        (Expression.AT_REST, True, True), (Expression.BIG_SMILE, True, False), (Expression.LIPS_PURSED, False, True)]
    assert cycle_week([injection(DAY + timedelta(days=6))], later.taken_on) == 3
    assert cycle_week([injection(DAY + timedelta(days=6))], first.taken_on) is None


# --- trends and standings --------------------------------------------------------------------------------

def test_the_trend_puts_ratings_weekly_minutes_and_injections_on_one_axis():
    ratings = ratings_of([(date(2026, 9, 2), 3), (date(2026, 9, 9), 6), (date(2026, 9, 12), 7)])
    minutes = {date(2026, 9, 1): 20.0, date(2026, 9, 3): 15.5, date(2026, 9, 8): 30.0, date(2026, 8, 25): 99.0}
    shown = trend({1: "Stiffness", 2: "Drinking"}, ratings, minutes, [injection(date(2026, 9, 4)),
                                                                     injection(date(2026, 6, 1), 2)],
                  date(2026, 9, 14))
    assert (shown.first, shown.last) == (date(2026, 8, 31), date(2026, 9, 14))  # from the Monday of the first rating
    assert shown.weekly_minutes == ((date(2026, 8, 31), 35.5), (date(2026, 9, 7), 30.0), (date(2026, 9, 14), 0.0))
    assert shown.injections == (date(2026, 9, 4),)
    assert [len(s.points) for s in shown.items] == [3, 0]
    assert shown.items[0].change is not None and shown.items[1].change is None


def test_no_trend_before_the_first_rating():
    assert trend({1: "Stiffness"}, [], {DAY: 10.0}, [], DAY) is None


@PROPERTY
@given(st.lists(st.tuples(days, values), max_size=8), st.lists(days, max_size=3))
def test_the_standing_at_an_injection_is_the_latest_rating_on_or_before_its_day(rated, given_on):
    ratings = ratings_of(sorted(rated))
    (standing,) = standings([1], ratings, [injection(d, n) for n, d in enumerate(given_on)])
    for at, day in ((standing.at_first, min(given_on, default=None)), (standing.at_last, max(given_on, default=None))):
        if day is None or not any(r.local_date <= day for r in ratings):
            assert at is None
        else:
            assert at.local_date == max(r.local_date for r in ratings if r.local_date <= day)
    assert (standing.latest is None) == (not ratings)


def test_an_item_is_shown_with_its_list_words_or_the_patients_own():
    choices = load_items()
    assert item_words("drinking", None, choices) == "How easily I drink from a cup"
    assert item_words(None, "Siffler", choices) == "Siffler"
    assert item_words("taken_off_the_list", None, choices) == "taken_off_the_list"

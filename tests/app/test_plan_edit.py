"""Editing the plan: bounds from the routine, clear messages, history kept."""
from datetime import timedelta

import pytest

from app.caregiver.plan_edit import PlanDraft, PlanEditError
from app.storage.repository import PlanStepView


@pytest.fixture
def plan(store, routine, clock):
    steps = [PlanStepView(s.key, True, s.seconds) for s in routine.steps]
    return store.save_plan(steps, set(), clock.now().date() - timedelta(days=30), clock.now() - timedelta(days=30))


@pytest.fixture
def draft(plan, routine):
    return PlanDraft.from_plan(plan, routine)


def test_draft_mirrors_the_plan(draft, routine):
    assert [s.key for s in draft.steps] == [s.key for s in routine.steps]
    heat = draft.step("heat")
    assert (heat.title, heat.minutes, heat.min_minutes, heat.max_minutes) == ("Warm towel", 10, 5, 20)
    assert draft.validate() == []
    assert not draft.has_changes()


@pytest.mark.parametrize("minutes", [4, 21, 0, -3])
def test_duration_out_of_bounds_names_the_step(draft, minutes):
    draft.set_minutes("heat", minutes)
    assert draft.validate() == ["Warm towel: duration must be between 5 and 20 minutes."]


@pytest.mark.parametrize("minutes", [5, 20, "12", " 7 "])
def test_durations_at_and_within_the_bounds_are_fine(draft, minutes):
    draft.set_minutes("heat", minutes)
    assert draft.validate() == []


@pytest.mark.parametrize("text", ["ten", "7.5", "", "٧"])
def test_unreadable_minutes_are_reported(draft, text):
    draft.set_minutes("massage", text)
    [problem] = draft.validate()
    assert problem.startswith("Facial massage: duration must be a whole number of minutes between 2 and 10")


def test_every_problem_is_listed(draft):
    draft.set_minutes("heat", 30)
    draft.set_minutes("eyes", 0)
    problems = draft.validate()
    assert len(problems) == 2
    assert problems[0].startswith("Warm towel") and problems[1].startswith("Eyelid and eye-socket circles")


def test_an_excluded_step_is_not_held_to_its_bounds(draft):
    draft.set_minutes("heat", 99)
    draft.set_included("heat", False)
    assert draft.validate() == []


def test_at_least_one_timed_step_stays_included(draft):
    for key in ("heat", "massage", "eyes"):
        draft.set_included(key, False)
    [problem] = draft.validate()
    assert "at least one timed step" in problem
    # The untimed preparation step alone does not count.
    assert draft.step("preparation").included
    draft.toggle("eyes")
    assert draft.validate() == []


def test_rest_weekdays(draft):
    draft.set_rest_weekdays({5, 6})
    assert draft.validate() == []
    draft.set_rest_weekdays(set(range(7)))
    assert draft.validate() == ["At least one day a week must be a routine day, not a rest day."]
    draft.set_rest_weekdays({7})
    assert "Monday (0) to Sunday (6)" in draft.validate()[0]
    draft.set_rest_weekdays(set())
    draft.toggle_rest_weekday(2)
    draft.toggle_rest_weekday(3)
    draft.toggle_rest_weekday(2)
    assert draft.rest_weekdays == {3}


def test_invalid_draft_is_not_saved(store, draft, clock):
    draft.set_minutes("heat", 25)
    with pytest.raises(PlanEditError) as raised:
        draft.save(store, clock)
    assert raised.value.problems == ["Warm towel: duration must be between 5 and 20 minutes."]
    assert len(store.plans()) == 1


def test_save_adds_a_version_effective_today_and_keeps_the_old_one(store, draft, plan, clock):
    draft.set_minutes("heat", 15)
    draft.set_included("eyes", False)
    draft.set_rest_weekdays({6})
    saved = draft.save(store, clock)

    old, new = store.plans()
    assert old == plan
    assert new == saved == store.current_plan()
    assert new.effective_from == clock.now().date()
    assert new.rest_weekdays == frozenset({6})
    by_key = {s.step_key: s for s in new.steps}
    assert by_key["heat"].seconds == 900
    assert not by_key["eyes"].included
    assert [s.step_key for s in new.steps] == [s.step_key for s in plan.steps]


def test_session_already_started_keeps_its_plan(store, draft, plan, clock):
    session_id = store.begin_session(plan.id, clock.now())
    draft.set_minutes("heat", 6)
    saved = draft.save(store, clock)
    assert saved.id != plan.id
    assert store.session(session_id).plan_id == plan.id


def test_saving_without_changes_adds_no_version(store, draft, clock):
    assert draft.save(store, clock) == draft.original
    assert len(store.plans()) == 1


def test_routine_steps_missing_from_the_plan_are_offered_excluded(store, routine, clock):
    plan = store.save_plan([PlanStepView("heat", True, 600)], set(), clock.now().date(), clock.now())
    draft = PlanDraft.from_plan(plan, routine)
    assert draft.step("heat").included
    assert [s.key for s in draft.steps if not s.included] == ["preparation", "massage", "eyes"]


def test_steps_unknown_to_the_routine_are_kept_untouched(store, routine, clock):
    plan = store.save_plan([PlanStepView("retired", True, 90), PlanStepView("heat", True, 600)],
                           set(), clock.now().date(), clock.now())
    draft = PlanDraft.from_plan(plan, routine)
    assert "retired" not in [s.key for s in draft.editable_steps()]
    draft.set_minutes("heat", 8)
    saved = draft.save(store, clock)
    assert saved.steps[0] == PlanStepView("retired", True, 90)


def test_a_very_long_digit_run_is_reported_briefly(draft):
    draft.set_minutes("massage", "1" * 5000)  # int() itself refuses more than 4300 digits
    [problem] = draft.validate()
    assert problem.endswith(f"between 2 and 10 minutes (got '{'1' * 20}...').")


def test_a_seven_digit_number_is_refused_before_it_is_read(draft):
    draft.set_minutes("massage", "9" * 7)
    [problem] = draft.validate()
    assert problem.endswith("(got '9999999').")

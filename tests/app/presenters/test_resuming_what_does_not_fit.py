"""Issue 11.10: a stored session whose steps do not fit its plan (a JSON import, an older
routine) is not resumed; Home says why and offers to close it. Written through the real Store."""
from datetime import datetime, timezone

import pytest

from app.presenters.home import HomePresenter
from app.presenters.summary import DRAFT_KEY, resume_unsaved_summary
from app.runner import CannotResume
from app.storage.repository import PlanStepView
from app.vocabulary import SessionStatus, StepStatus

AT = datetime(2026, 11, 25, 7, 30, tzinfo=timezone.utc)
KEYS = ("preparation", "heat", "massage", "eyes")


def stored_session(store, plan_id, steps, status=SessionStatus.IN_PROGRESS):
    """A session as an import leaves it: (position, step key) pairs, all done but a running last one."""
    session_id = store.begin_session(plan_id, AT)
    for number, (position, key) in enumerate(steps):
        log_id = store.start_step(session_id, position, key, 60, AT)
        if number < len(steps) - 1 or status != SessionStatus.IN_PROGRESS:
            store.finish_step(log_id, StepStatus.DONE, 60, AT)
    if status != SessionStatus.IN_PROGRESS:
        store.finish_session(session_id, status, AT)
    return store.session(session_id)


def eight_steps_on_a_four_step_plan(store, practice):
    return stored_session(store, practice.ensure_plan().id, [(n, KEYS[n % 4]) for n in range(8)])


def test_positions_beyond_the_plan_are_refused_plainly_and_nothing_is_written(store, practice):
    session = eight_steps_on_a_four_step_plan(store, practice)
    with pytest.raises(CannotResume, match="cannot be resumed: its steps do not match"):
        practice.resume_runner(session)
    assert store.session(session.id) == session


def test_a_step_the_routine_does_not_know_is_refused(store, practice):
    session = stored_session(store, practice.ensure_plan().id, [(0, "preparation"), (1, "mirror_work")])
    with pytest.raises(CannotResume):
        practice.resume_runner(session)


def test_a_plan_of_steps_the_routine_does_not_know_is_refused(store, practice, clock):
    plan = store.save_plan([PlanStepView("mirror_work", True, 300)], set(), clock.now().date(), clock.now())
    session = stored_session(store, plan.id, [(0, "mirror_work")])
    with pytest.raises(CannotResume):
        practice.resume_runner(session)


def test_home_says_it_cannot_be_resumed_and_offers_to_close_it(core, navigator, screen, store):
    old = eight_steps_on_a_four_step_plan(store, core.practice)
    presenter = HomePresenter(core, navigator, screen)
    presenter.enter()
    assert "cannot be resumed" in screen.model.interrupted_text
    assert screen.model.close_text == "Close it as partly done"
    assert screen.model.start_text == "Start a new session"
    presenter.start_or_resume()
    question = screen.questions[-1][0]
    assert "cannot be resumed" in question.message and question.yes == "Close it as partly done and start"
    screen.answer(yes=False)
    assert navigator.current is None and store.session(old.id).status == "in_progress"
    presenter.start_or_resume()
    screen.answer(yes=True)
    assert store.session(old.id).status == "partial" and navigator.current == "session"
    assert core.runner.session_id != old.id and core.runner.current.step.key == "preparation"


def test_the_close_button_closes_it_as_before(core, navigator, screen, store):
    old = eight_steps_on_a_four_step_plan(store, core.practice)
    presenter = HomePresenter(core, navigator, screen)
    presenter.enter()
    presenter.close_interrupted()
    assert store.session(old.id).status == "partial" and screen.model.interrupted_text == ""


def test_an_unsaved_summary_of_a_session_that_does_not_fit_is_not_offered(core, store):
    finished = stored_session(store, core.practice.ensure_plan().id, [(n, KEYS[n % 4]) for n in range(8)],
                              status=SessionStatus.PARTIAL)
    store.put_setting(DRAFT_KEY, f'{{"session": {finished.id}, "note": "", "rating": 0}}')
    assert resume_unsaved_summary(core) is False and core.runner is None

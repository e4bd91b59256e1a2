"""The caregiver's supportive care screen (aerobic exercise and the mood check planned, with
minutes and the expected cycle length) and Progress's treatment timeline, on a phone and a
desktop, in high contrast, and on a phone at 200 % text with high contrast.
Files: care-plan.png, care-plan-lower.png, progress-timeline.png, progress-timeline-words.png, with -contrast, -200-contrast."""
from dataclasses import replace
from datetime import timedelta

from app.vocabulary import CareKind, EffectMark, Mood, SideEffect
from tests.harness import DESKTOP, PHONE
from tests.scenes.treatment import VARIANTS, scroll_to
from tests.seed import seed_treatment, seed_two_months


def keep_a_journal(core, days_since: int) -> None:
    """A check-in with a red flag, one without, the effect's start, and a fortnight of care and mood."""
    journal, today, now = core.store.treatment, core.today(), core.clock.now()
    shot = today - timedelta(days=days_since)
    journal.check_in(shot + timedelta(days=1), {SideEffect.HEADACHE}, now)
    journal.check_in(shot + timedelta(days=2), {SideEffect.DOUBLE_VISION}, now)
    journal.mark_effect(EffectMark.STARTED, shot + timedelta(days=6), now)
    for days_ago in range(1, 15, 2):
        journal.tick_care(CareKind.AEROBIC, today - timedelta(days=days_ago), now, 30)
        journal.record_mood(today - timedelta(days=days_ago), Mood.GOOD if days_ago % 4 else Mood.MIDDLING, now)


def care_plan(suffix: str):
    def scene(driver, out, prefix):
        app, core = driver.app, driver.app.core
        app.core.apply_preferences(replace(core.preferences, **VARIANTS[suffix]))
        seed_two_months(core.store, core.routine, core.today() - timedelta(days=1))
        seed_treatment(core.store, core.today(), core.clock.now(), days_since=40)
        keep_a_journal(core, days_since=40)
        name = lambda what: out / f"{prefix}{what}{suffix}.png"  # noqa: E731
        app.start_caregiver_mode()
        driver.settle()
        app.go("care_plan")
        driver.settle()
        driver.screenshot(name("care-plan"))
        driver.widget("scroller").scroll_y = 0
        driver.frames(3)
        driver.screenshot(name("care-plan-lower"))
        app.end_caregiver_mode()
        timeline = getattr(app.screen("progress").ids, "timeline_card", None)
        if timeline is not None:
            app.go("progress")
            driver.settle()
            scroll_to(driver, driver.widget("timeline_chart"))
            driver.screenshot(name("progress-timeline"))
            scroll_to(driver, driver.widget("timeline_events_box"))
            driver.screenshot(name("progress-timeline-words"))
    return scene


SCENES = [("care plan", PHONE, care_plan("")), ("care plan, desktop", DESKTOP, care_plan("")),
          ("care plan, desktop, high contrast", DESKTOP, care_plan("-contrast")),
          ("care plan, 200 % text and high contrast", PHONE, care_plan("-200-contrast"))]

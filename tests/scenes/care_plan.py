"""The caregiver's supportive care screen (aerobic exercise and the mood check planned, with
minutes and the expected cycle length) and Progress's treatment timeline, on a phone and a
desktop, in high contrast, and on a phone at 200 % text with high contrast.
Files: care-plan.png, care-plan-lower.png, progress-timeline.png, with -contrast, -200-contrast."""
from dataclasses import replace
from datetime import timedelta

from tests.harness import DESKTOP, PHONE
from tests.scenes.treatment import VARIANTS, scroll_to
from tests.seed import seed_treatment, seed_two_months


def care_plan(suffix: str):
    def scene(driver, out, prefix):
        app, core = driver.app, driver.app.core
        app.core.apply_preferences(replace(core.preferences, **VARIANTS[suffix]))
        seed_two_months(core.store, core.routine, core.today() - timedelta(days=1))
        seed_treatment(core.store, core.today(), core.clock.now(), days_since=40)
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
            scroll_to(driver, timeline)
            driver.screenshot(name("progress-timeline"))
    return scene


SCENES = [("care plan", PHONE, care_plan("")), ("care plan, desktop", DESKTOP, care_plan("")),
          ("care plan, desktop, high contrast", DESKTOP, care_plan("-contrast")),
          ("care plan, 200 % text and high contrast", PHONE, care_plan("-200-contrast"))]

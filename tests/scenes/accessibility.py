"""The main screens on a phone as a patient with low vision sets them up: 200 % text,
high contrast, and both at once. Files: home-200.png, home-contrast.png, home-200-contrast.png, ...

Judge them at 400x800: nothing may be cut off or overlap at 200 %.
"""
from dataclasses import replace
from datetime import timedelta

from app.runner import State
from tests.harness import PHONE
from tests.seed import seed_two_months

VARIANTS = {"200": dict(text_scale=2.0), "contrast": dict(high_contrast=True),
            "200-contrast": dict(text_scale=2.0, high_contrast=True)}


def _seed(driver) -> None:
    core = driver.app.core
    seed_two_months(core.store, core.routine, core.today() - timedelta(days=1))


def _finish_session(driver) -> None:
    """The session in hand run to its end on the domain clock, then its summary."""
    app = driver.app
    runner = app.core.runner
    for _ in range(50):
        if runner.state == State.SESSION_FINISHED:
            break
        if runner.state == State.RUNNING and runner.current.step.timed:
            driver.clock.advance(runner.remaining() + 0.5)
            runner.tick()
        else:
            runner.confirm()
    app.go("summary")
    driver.settle()
    driver.frames(20)  # the finish moment's fill has ended


def variant(suffix: str):
    def scene(driver, out, prefix):
        app = driver.app
        app.core.apply_preferences(replace(app.core.preferences, **VARIANTS[suffix]))
        _seed(driver)  # up to yesterday: today is still to do, as a patient usually finds it
        app.go("home")
        driver.settle()
        driver.screen.refresh()
        driver.frames(4)
        driver.screenshot(out / f"{prefix}home-{suffix}.png")
        driver.tap("start_button")
        driver.tap("main_button")
        driver.advance(200)
        driver.screenshot(out / f"{prefix}session-{suffix}.png")
        _finish_session(driver)
        driver.screenshot(out / f"{prefix}summary-{suffix}.png")
        driver.tap(driver.widget("rating_row").children[1])
        driver.type_into("note_input", "Cheek felt a little looser today.")
        driver.screenshot(out / f"{prefix}summary-{suffix}-lower.png")
        app.go("progress")
        driver.settle()
        driver.screenshot(out / f"{prefix}progress-{suffix}.png")
        app.go("settings")
        driver.settle()
        driver.screenshot(out / f"{prefix}settings-{suffix}.png")
        driver.widget("scroller").scroll_to(driver.widget("size_200"), padding=10, animate=False)
        driver.frames(3)
        driver.screenshot(out / f"{prefix}settings-{suffix}-lower.png")
        driver.widget("scroller").scroll_to(driver.widget("save_profile_button"), padding=10, animate=False)
        driver.frames(3)
        driver.screenshot(out / f"{prefix}settings-{suffix}-about-you.png")
        app.core.apply_preferences(replace(app.core.preferences, text_scale=1.0, high_contrast=False))

    return scene


SCENES = [(f"phone, {suffix}", PHONE, variant(suffix)) for suffix in VARIANTS]

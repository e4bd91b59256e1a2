"""Home, the guided session mid-step, the summary with its finish moment; the face diagram at every step and part."""
from dataclasses import replace
from datetime import timedelta

from app.profile import load_profile, save_profile
from tests.harness import DESKTOP, PHONE
from tests.seed import seed_two_months


def guided_session(driver, out, prefix):
    driver.screenshot(out / f"{prefix}home.png")
    driver.tap("start_button")
    driver.tap("main_button")
    driver.advance(200)
    driver.screenshot(out / f"{prefix}session-heat.png")
    driver.advance(401)
    driver.tap("main_button")
    driver.advance(150)
    driver.screenshot(out / f"{prefix}session-massage.png")
    driver.advance(91)
    driver.tap("main_button")
    driver.advance(80)
    driver.screenshot(out / f"{prefix}session-eyes.png")
    driver.advance(41)
    driver.tap("main_button")
    driver.screenshot(out / f"{prefix}summary-filling.png")  # the day's mark part way through its fill
    driver.frames(20)
    driver.tap(driver.widget("rating_row").children[1])
    driver.type_into("note_input", "Cheek felt a little looser today.")
    driver.screenshot(out / f"{prefix}summary.png")


def finish_after_weeks(driver, out, prefix, timed_steps_done=3, name="summary-streak"):
    """Two months of use up to yesterday, then today's session: the week mostly filled in."""
    core = driver.app.core
    seed_two_months(core.store, core.routine, core.today() - timedelta(days=1))
    driver.screen.refresh()
    driver.tap("start_button")
    driver.tap("main_button")
    for _ in range(timed_steps_done):
        driver.finish_step()
        driver.tap("main_button")
    for _ in range(3 - timed_steps_done):
        driver.tap("skip_button")
        driver.tap_text("Yes, skip this step")
    driver.frames(20)
    driver.screenshot(out / f"{prefix}{name}.png")


def finish_partly(driver, out, prefix):
    finish_after_weeks(driver, out, prefix, timed_steps_done=1, name="summary-partly")


SCENES = [("guided session", PHONE, guided_session), ("guided session, desktop", DESKTOP, guided_session),
          ("finish after weeks", PHONE, finish_after_weeks), ("finish after weeks, desktop", DESKTOP, finish_after_weeks),
          ("finish partly", PHONE, finish_partly)]


def face_diagram_steps(high_contrast: bool):
    """The session's face diagram at every step and part, for a patient whose left side is affected.
    Files: session-face-heat.png ... session-face-counter.png, and -contrast for high contrast."""
    def scene(driver, out, prefix):
        core = driver.app.core
        save_profile(core.store, replace(load_profile(core.store), affected_side="left"))
        core.apply_preferences(replace(core.preferences, high_contrast=high_contrast))
        suffix = "-contrast" if high_contrast else ""

        def shot(name: str) -> None:
            driver.screenshot(out / f"{prefix}session-face-{name}{suffix}.png")

        driver.app.go("home")
        driver.settle()
        driver.tap("start_button")
        driver.tap("main_button")  # nothing prescribed to prepare
        driver.advance(5)
        shot("heat")
        driver.advance(600)
        driver.tap("main_button")
        for seconds, part in ((30, "upward"), (120, "nostril"), (60, "mouth")):  # 240 s: 2, 1 and 1 shares
            driver.advance(seconds)
            shot(part)
        driver.advance(31)
        driver.tap("main_button")
        for seconds, part in ((20, "clockwise"), (60, "counter")):  # 120 s, half each way
            driver.advance(seconds)
            shot(part)
    return scene


SCENES += [(f"face diagram{', high contrast' if contrast else ''}{', desktop' if size == DESKTOP else ''}", size,
            face_diagram_steps(contrast)) for size in (PHONE, DESKTOP) for contrast in (False, True)]

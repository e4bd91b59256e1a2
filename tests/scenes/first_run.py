"""The first run: welcome, the safety note, about you (Left chosen) and the plan."""
from dataclasses import replace

from app.profile import Profile, load_profile, save_profile
from tests.harness import DESKTOP, PHONE


def first_run(driver, out, prefix):
    # The screenshot runner opens every scene past the first run; undo that for this one.
    store = driver.app.core.store
    save_profile(store, replace(load_profile(store), safety_confirmed=False, first_run_done=False))
    assert load_profile(store) == Profile()
    driver.app.go("welcome")
    driver.settle()
    driver.screenshot(out / f"{prefix}first-run-welcome.png")
    driver.tap("next_button")
    driver.screenshot(out / f"{prefix}first-run-safety.png")
    driver.tap("confirm_button")
    driver.screenshot(out / f"{prefix}first-run-safety-confirmed.png")
    driver.tap("continue_button")
    driver.type_into("name_input", "Sam")
    driver.tap("side_left")
    driver.screenshot(out / f"{prefix}first-run-about-you.png")
    driver.widget("scroller").scroll_y = 0
    driver.type_into("onset_input", "14/03/2026")
    driver.tap("next_button")  # refused: the message shows beside the date
    driver.widget("scroller").scroll_y = 0
    driver.frames(3)
    driver.screenshot(out / f"{prefix}first-run-about-you-lower.png")
    driver.type_into("onset_input", "2026-09-14")
    driver.tap("next_button")
    driver.screenshot(out / f"{prefix}first-run-your-plan.png")
    driver.widget("scroller").scroll_y = 0
    driver.frames(3)
    driver.screenshot(out / f"{prefix}first-run-your-plan-lower.png")
    driver.tap("finish_button")
    driver.app.go("safety", from_home=True)
    driver.settle()
    driver.screenshot(out / f"{prefix}safety-from-home.png")


SCENES = [("first run", PHONE, first_run), ("first run, desktop", DESKTOP, first_run)]

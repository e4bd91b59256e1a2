"""Progress (streaks, calendar, adherence, minutes, steps), History and one session's details,
on a phone and a desktop, and on a phone with 200 % text (files ending in -200)."""
from dataclasses import replace

from tests.harness import DESKTOP, PHONE
from tests.seed import seed_two_months


def progress(driver, out, prefix, suffix=""):
    core = driver.app.core
    seed_two_months(core.store, core.routine, core.today())
    driver.screen.refresh()
    driver.tap("progress_button")
    if not suffix:  # the 200 % top of this screen is the accessibility scene's
        driver.screenshot(out / f"{prefix}progress.png")
    scroller = driver.widget("scroller")
    for name, position in (("calendar", 0.55), ("lower", 0)):
        if suffix or name == "lower":
            scroller.scroll_y = position
            driver.frames(3)
            driver.screenshot(out / f"{prefix}progress{suffix}-{name}.png")
    driver.tap("back_button")
    driver.tap("history_button")
    driver.screenshot(out / f"{prefix}history{suffix}.png")
    partly = next(row for row in driver.widget("history_list").data if "Partly" in row["detail_text"])
    driver.app.go("session_detail", session_id=partly["session_id"])  # further down the list than a screen
    driver.settle()
    driver.screenshot(out / f"{prefix}session-detail{suffix}.png")


def large_text(driver, out, prefix):
    app = driver.app
    app.core.apply_preferences(replace(app.core.preferences, text_scale=2.0))
    try:
        progress(driver, out, prefix, suffix="-200")
    finally:
        app.core.apply_preferences(replace(app.core.preferences, text_scale=1.0))


SCENES = [("progress and history", PHONE, progress), ("progress and history, desktop", DESKTOP, progress),
          ("progress and history, 200 % text", PHONE, large_text)]

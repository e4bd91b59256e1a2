"""Settings: the top of the page, further down, "about you", the end, and a wrong entry explained."""
from tests.harness import DESKTOP, PHONE


def scroll_to(driver, widget_id):
    driver.widget("scroller").scroll_to(driver.widget(widget_id), padding=10, animate=False)
    driver.frames(3)


def settings(driver, out, prefix):
    driver.app.go("settings")
    driver.settle()
    driver.type_into("reminder_1", "08:30")
    driver.type_into("reminder_2", "19:00")
    driver.tap("save_reminders_button")
    driver.widget("scroller").scroll_y = 1
    driver.frames(3)
    driver.screenshot(out / f"{prefix}settings.png")
    scroll_to(driver, "size_200")
    driver.screenshot(out / f"{prefix}settings-middle.png")
    driver.type_into("name_input", "Sam")
    driver.tap("side_left")
    driver.type_into("onset_input", "2026-14-03")
    driver.tap("save_profile_button")
    scroll_to(driver, "profile_message")
    driver.screenshot(out / f"{prefix}settings-about-you.png")
    driver.widget("scroller").scroll_y = 0
    driver.frames(3)
    driver.screenshot(out / f"{prefix}settings-lower.png")
    driver.widget("scroller").scroll_y = 1
    driver.type_into("reminder_3", "25:00")
    driver.tap("save_reminders_button")
    driver.widget("scroller").scroll_y = 1
    driver.frames(3)
    driver.screenshot(out / f"{prefix}settings-wrong-time.png")


SCENES = [("settings", PHONE, settings), ("settings, desktop", DESKTOP, settings)]

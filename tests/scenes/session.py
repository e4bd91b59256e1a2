"""Home, the guided session mid-step, and the summary."""
from tests.harness import DESKTOP, PHONE


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
    driver.tap(driver.widget("rating_row").children[1])
    driver.type_into("note_input", "Cheek felt a little looser today.")
    driver.screenshot(out / f"{prefix}summary.png")


SCENES = [("guided session", PHONE, guided_session), ("guided session, desktop", DESKTOP, guided_session)]

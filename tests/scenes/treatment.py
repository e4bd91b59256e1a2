"""The treatment journal: Home's cycle and supportive care cards, logging an injection on the
drawn face, the check-in, the get-help page (clinician first, and emergency first), and the
numbers to call, and the caregiver dashboard's treatment section. On a phone and a desktop (also in high contrast), and on a phone at 200 % text
with high contrast.
Files: home-journal.png, home-care-minutes.png, injection.png, checkin.png, get-help-now.png, ... with -200, -contrast."""
from dataclasses import replace
from datetime import timedelta

from kivy.uix.scrollview import ScrollView

from app.vocabulary import InjectionArea, SideEffect
from tests.harness import DESKTOP, PHONE
from tests.seed import seed_treatment, seed_two_months

VARIANTS = {"": {}, "-contrast": dict(high_contrast=True), "-200-contrast": dict(text_scale=2.0, high_contrast=True)}


def scroll_to(driver, widget):
    parent = widget.parent
    while not isinstance(parent, ScrollView):
        parent = parent.parent
    parent.scroll_to(widget, padding=10, animate=False)
    driver.frames(3)


def journal(suffix: str):
    def scene(driver, out, prefix):
        app, core = driver.app, driver.app.core
        app.core.apply_preferences(replace(core.preferences, **VARIANTS[suffix]))
        seed_two_months(core.store, core.routine, core.today() - timedelta(days=1))
        seed_treatment(core.store, core.today(), core.clock.now(), days_since=5)
        name = lambda what: out / f"{prefix}{what}{suffix}.png"  # noqa: E731
        app.go("home")
        home = app.screen("home")
        home.refresh()
        driver.settle()
        scroll_to(driver, home.ids.cycle_card)
        driver.screenshot(name("home-journal"))
        scroll_to(driver, home.ids.care_card)
        home.ids.care_card.ids.minutes_input.text = "30"  # aerobic exercise's minutes, typed before its tick
        scroll_to(driver, home.ids.care_card.ids.ticks_box)
        driver.screenshot(name("home-care-minutes"))
        driver.tap(home.ids.care_card.ids.ticks_box.children[0])
        driver.tap(home.ids.care_card.ids.moods_box.children[1])  # "Good"
        scroll_to(driver, home.ids.care_card)
        driver.screenshot(name("home-care"))

        app.go("injection", injection_id=None)
        driver.settle()
        face = driver.widget("face")
        for area in (InjectionArea.AROUND_EYE, InjectionArea.CHEEK):
            driver.tap(next(r for r, _box in face.regions if r.area == area.value))
        driver.widget("scroller").scroll_y = 1
        driver.frames(3)
        driver.screenshot(name("injection"))
        eye = next(row for row in driver.widget("areas_box").children if row.area == InjectionArea.AROUND_EYE.value)
        eye.ids.units_input.text = "2.5"
        scroll_to(driver, eye)
        driver.screenshot(name("injection-areas"))
        driver.widget("scroller").scroll_y = 0
        driver.frames(3)
        driver.screenshot(name("injection-lower"))

        app.go("checkin", day=None)
        driver.settle()
        driver.screenshot(name("checkin"))
        driver.tap_text(SideEffect.DOUBLE_VISION.words)
        driver.tap("submit_button")
        driver.screenshot(name("get-help-clinician"))
        app.go("checkin", day=None)
        driver.settle()
        driver.tap_text(SideEffect.SWALLOWING.words)
        driver.tap("submit_button")
        driver.screenshot(name("get-help-now"))
        driver.tap("numbers_button")
        driver.screenshot(name("help-numbers"))
        app.go("safety", from_home=True)
        driver.settle()
        scroll_to(driver, driver.widget("numbers_card"))
        driver.screenshot(name("safety-numbers"))
        app.start_caregiver_mode()
        driver.settle()
        scroll_to(driver, driver.widget("treatment_section"))
        driver.screenshot(name("caregiver-journal"))
        app.end_caregiver_mode()
    return scene


SCENES = [("journal", PHONE, journal("")), ("journal, desktop", DESKTOP, journal("")),
          ("journal, desktop, high contrast", DESKTOP, journal("-contrast")),
          ("journal, 200 % text and high contrast", PHONE, journal("-200-contrast"))]

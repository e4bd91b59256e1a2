"""Self-ratings: Home's prompt, choosing what to rate, the rating screen (one item set with
the slider) and the trends per item beside minutes and injections. On a phone and a desktop
(also in high contrast), and on a phone at 200 % text.
Files: home-rating-prompt.png, choose-items.png, rate.png, trends.png, ... with -contrast, -200."""
from dataclasses import replace
from datetime import timedelta

from tests.harness import DESKTOP, PHONE
from tests.scenes.treatment import scroll_to
from tests.seed import seed_ratings, seed_treatment, seed_two_months

VARIANTS = {"": {}, "-contrast": dict(high_contrast=True), "-200": dict(text_scale=2.0)}


def outcomes(suffix: str):
    def scene(driver, out, prefix):
        app, core = driver.app, driver.app.core
        app.core.apply_preferences(replace(core.preferences, **VARIANTS[suffix]))
        today, now = core.today(), core.clock.now()
        seed_two_months(core.store, core.routine, today - timedelta(days=1))
        seed_treatment(core.store, today, now, days_since=20)
        seed_ratings(core.store, today - timedelta(days=3), now)  # the last a few days ago: one is due
        name = lambda what: out / f"{prefix}{what}{suffix}.png"  # noqa: E731
        app.go("home")
        home = app.screen("home")
        home.refresh()
        driver.settle()
        scroll_to(driver, home.ids.rating_prompt)
        driver.screenshot(name("home-rating-prompt"))

        app.go("choose_items")
        driver.settle()
        driver.screenshot(name("choose-items"))

        app.go("rate", moment=None)
        driver.settle()
        first = list(reversed(driver.widget("sliders_box").children))[0]
        driver.tap(first.ids.plus_button)
        driver.screenshot(name("rate"))

        app.go("trends")
        driver.settle()
        driver.screenshot(name("trends"))
        driver.widget("scroller").scroll_y = 0
        driver.frames(3)
        driver.screenshot(name("trends-lower"))
    return scene


SCENES = [("outcomes", PHONE, outcomes("")), ("outcomes, desktop", DESKTOP, outcomes("")),
          ("outcomes, desktop, high contrast", DESKTOP, outcomes("-contrast")),
          ("outcomes, 200 % text", PHONE, outcomes("-200"))]

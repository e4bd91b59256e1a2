"""Self-ratings: Home's prompt, choosing what to rate, the rating screen (one item set with
the slider) and the trends per item beside minutes and injections. On a phone and a desktop
(also in high contrast), and on a phone at 200 % text.
Files: home-rating-prompt.png, choose-items.png, rate.png, trends.png, ... with -contrast, -200.
Photos and clinician scores (`photo_scenes`): photo-sets.png, photo-capture.png, photo-file.png,
photo-compare.png, photo-compare-slider.png, clinician-scores.png, clinician-scores-error.png."""
import tempfile
from dataclasses import replace
from pathlib import Path
from datetime import timedelta

from tests.harness import DESKTOP, PHONE
from tests.scenes.treatment import scroll_to
from tests.seed import face_picture, seed_photos, seed_ratings, seed_scores, seed_treatment, seed_two_months

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


def _pictures_folder() -> Path:
    """A folder as the file list finds one: photos, a sub-folder, and a file it leaves out."""
    folder = Path(tempfile.mkdtemp()) / "Pictures"
    (folder / "Holiday").mkdir(parents=True)
    for index, file_name in enumerate(("face-at-rest.jpg", "face-smile.png", "IMG_2044.JPG")):
        (folder / file_name).write_bytes(face_picture(index / 2))
    (folder / "notes.txt").write_text("not a picture")
    return folder


def photos_and_scores(suffix: str):
    def scene(driver, out, prefix):
        app, core = driver.app, driver.app.core
        app.core.apply_preferences(replace(core.preferences, **VARIANTS[suffix]))
        today, now = core.today(), core.clock.now()
        seed_treatment(core.store, today, now, days_since=20)
        _baseline, newer = seed_photos(core.store, today, now)
        seed_scores(core.store, today, now)
        name = lambda what: out / f"{prefix}{what}{suffix}.png"  # noqa: E731

        app.go("photo_sets")
        driver.settle()
        driver.screenshot(name("photo-sets"))

        app.go("photo_capture", set_id=newer)
        driver.settle()
        driver.screenshot(name("photo-capture"))
        driver.tap("import_button")
        dialog = driver.screen.dialog
        dialog.ids.chooser.path = str(_pictures_folder())
        driver.frames(6)
        dialog.export_to_png(str(name("photo-file")))  # a dialog is over the app, not in it
        dialog.dismiss()
        driver.settle()

        app.go("photo_compare", set_id=newer)
        driver.settle()
        driver.tap("next_button")
        driver.screenshot(name("photo-compare"))
        driver.tap("slider_button")
        driver.screen.presenter.slide(0.35)
        scroll_to(driver, driver.screen.slider_pair)
        driver.screenshot(name("photo-compare-slider"))

        app.start_caregiver_mode()
        driver.settle()
        app.go("clinician_scores")
        driver.settle()
        driver.screenshot(name("clinician-scores"))
        driver.tap(next(b for b in driver.widget("scales_box").children if b.text.startswith("House-Brackmann")))
        driver.type_into("value_input", "8")
        driver.tap("save_button")
        scroll_to(driver, driver.widget("value_input"))
        driver.screenshot(name("clinician-scores-error"))
        app.end_caregiver_mode()
        app.core.apply_preferences(replace(app.core.preferences, text_scale=1.0, high_contrast=False))
    return scene


PHOTO_SCENES = [("photos and scores", PHONE, photos_and_scores("")),
                ("photos and scores, desktop", DESKTOP, photos_and_scores("")),
                ("photos and scores, desktop, high contrast", DESKTOP, photos_and_scores("-contrast")),
                ("photos and scores, 200 % text", PHONE, photos_and_scores("-200"))]

SCENES = [("outcomes", PHONE, outcomes("")), ("outcomes, desktop", DESKTOP, outcomes("")),
          ("outcomes, desktop, high contrast", DESKTOP, outcomes("-contrast")),
          ("outcomes, 200 % text", PHONE, outcomes("-200"))] + PHOTO_SCENES

"""Face measures: a set being measured (the progress bar part way), the sets after it with a
retake asked for, the big smile's measures beside its pair, the trend under the ratings and
the caregiver's table. On a phone, at 200 % text and on a desktop in high contrast.
Files: face-measuring.png, face-measured.png, face-compare.png, face-trends.png,
face-caregiver.png, with -200 and desktop-...-contrast."""
from dataclasses import replace
from datetime import timedelta

from app.face_source import LandmarkerSource
from app.vocabulary import Expression
from tests.fakes import GatedLandmarker
from tests.harness import DESKTOP, PHONE
from tests.scenes.treatment import scroll_to
from tests.scenes.outcomes import VARIANTS
from tests.seed import measure_sets, seed_face_sets, seed_ratings, seed_treatment



def face(suffix: str):
    def scene(driver, out, prefix):
        app, core = driver.app, driver.app.core
        app.core.apply_preferences(replace(core.preferences, **VARIANTS[suffix]))
        today, now = core.today(), core.clock.now()
        seed_treatment(core.store, today - timedelta(days=20), now)
        seed_ratings(core.store, today, now, weeks=6)
        baseline, later = seed_face_sets(core.store, today, now, no_face=True)
        measure_sets(core, baseline)
        name = lambda what: out / f"{prefix}{what}{suffix}.png"  # noqa: E731

        app.go("photo_sets")
        driver.settle()
        gate = GatedLandmarker(core.face_landmarker.wait(30), after=1)
        core.face_landmarker = LandmarkerSource(gate)  # the second photo waits: the bar stays part way
        app.screen("photo_sets").measure(later)
        for _ in range(200):  # the worker is real: frames until the first photo is kept
            if core.measuring.state().done:
                break
            core.measuring.join(0.02)
            driver.frames(1)
        driver.frames(4)
        driver.screenshot(name("face-measuring"))
        gate.open()
        core.measuring.wait(60)
        driver.frames(6)
        driver.screenshot(name("face-measured"))

        app.go("photo_compare", set_id=later)
        driver.settle()
        while not driver.text("words_label").startswith(Expression.BIG_SMILE.words):
            driver.tap("next_button")
        scroll_to(driver, driver.widget("measures_box"))
        driver.screenshot(name("face-compare"))

        app.go("trends")
        driver.settle()
        scroll_to(driver, driver.widget("face_box").children[-1])  # the first measure's chart
        driver.screenshot(name("face-trends"))

        app.start_caregiver_mode()
        driver.settle()
        scroll_to(driver, driver.widget("face_section"))
        driver.screenshot(name("face-caregiver"))
        app.end_caregiver_mode()
        app.core.apply_preferences(replace(app.core.preferences, text_scale=1.0, high_contrast=False))
    return scene


SCENES = [("face measures", PHONE, face("")), ("face measures, 200 % text", PHONE, face("-200")),
          ("face measures, desktop, high contrast", DESKTOP, face("-contrast"))]

"""The caregiver's dashboard (and its ratings chart, also at 200 % text in high contrast),
the plan editor, and the clinician report's first page."""
import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from tests.harness import DESKTOP, PHONE
from tests.seed import seed_two_months


def caregiver(driver, out, prefix):
    core = driver.app.core
    seed_two_months(core.store, core.routine, core.today())
    driver.app.screen("home").refresh()
    driver.tap("caregiver_button")
    driver.type_into("pin_input", "2468")
    driver.type_into("repeat_input", "2468")
    driver.tap("submit_button")
    driver.screenshot(out / f"{prefix}caregiver.png")
    ratings_chart(driver, out, prefix)
    if not prefix:
        core.apply_preferences(replace(core.preferences, text_scale=2.0, high_contrast=True))
        try:
            ratings_chart(driver, out, prefix, "-200-contrast")
        finally:
            core.apply_preferences(replace(core.preferences, text_scale=1.0, high_contrast=False))
    driver.tap("plan_button")
    driver.screenshot(out / f"{prefix}plan-edit.png")
    if not prefix:
        report_page(driver, out)


def ratings_chart(driver, out, prefix, suffix=""):
    driver.frames(3)
    driver._scroll_into_view(driver.widget("ratings_chart"))
    driver.frames(3)
    driver.screenshot(out / f"{prefix}caregiver-ratings{suffix}.png")


def report_page(driver, out):
    """The PDF's first page as a PNG, where poppler's pdftoppm is installed."""
    if shutil.which("pdftoppm") is None:
        print("  (pdftoppm not found: report page not rendered)")
        return
    from app.caregiver.export import export_all

    core = driver.app.core
    folder = Path(tempfile.mkdtemp())
    result = export_all(core.store, core.routine, folder, core.today())
    pdf = next(p for p in result.paths if p.suffix == ".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(out / "report-page-1")], check=True)


SCENES = [("caregiver", PHONE, caregiver), ("caregiver, desktop", DESKTOP, caregiver)]

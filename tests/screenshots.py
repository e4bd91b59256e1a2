"""`make screenshots`: a PNG of every screen into docs/screenshots/, as a patient sees it.

Each scene drives the real app on a fresh database in a temporary folder.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import tests.conftest  # noqa: F401  (Kivy's environment, before Kivy loads)
from app.clock import FakeClock
from tests.harness import PHONE, Driver

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
DESKTOP = (1280, 800)


def session_scenes(driver: Driver, prefix: str) -> None:
    driver.screenshot(OUT / f"{prefix}home.png")
    driver.tap("start_button")
    driver.tap("main_button")
    driver.advance(200)
    driver.screenshot(OUT / f"{prefix}session-heat.png")
    driver.advance(401)
    driver.tap("main_button")
    driver.advance(150)
    driver.screenshot(OUT / f"{prefix}session-massage.png")
    driver.advance(91)
    driver.tap("main_button")
    driver.advance(80)
    driver.screenshot(OUT / f"{prefix}session-eyes.png")
    driver.advance(41)
    driver.tap("main_button")
    driver.tap(driver.widget("rating_row").children[1])
    driver.type_into("note_input", "Cheek felt a little looser today.")
    driver.screenshot(OUT / f"{prefix}summary.png")


def main() -> None:
    scenes = [("", PHONE, session_scenes), ("desktop-", DESKTOP, session_scenes)]
    for prefix, size, scene in scenes:
        driver = Driver(Path(tempfile.mkdtemp()) / "data", FakeClock(), size=size)
        try:
            scene(driver, prefix)
        finally:
            driver.close()
    print(f"screenshots written to {OUT}")


if __name__ == "__main__":
    sys.exit(main())

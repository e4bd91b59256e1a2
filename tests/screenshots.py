"""`make screenshots`: a PNG of every screen into docs/screenshots/, as a patient sees it.

Scenes live in tests/scenes/*.py; each runs on a fresh app and database. File names
start with "desktop-" for the wide window, and carry "-200" / "-contrast" for the
accessibility variants. `python -m tests.screenshots NAME...` runs only scene modules
whose name is given.
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
import tempfile
from pathlib import Path

import tests.conftest  # noqa: F401  (Kivy's environment, before Kivy loads)
import tests.scenes
from app.clock import FakeClock
from tests.harness import DESKTOP, Driver

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def scene_modules(only: list[str]):
    for info in pkgutil.iter_modules(tests.scenes.__path__):
        if not only or info.name in only:
            yield importlib.import_module(f"tests.scenes.{info.name}")


def main(only: list[str]) -> None:
    for module in scene_modules(only):
        for name, size, scene in module.SCENES:
            driver = Driver(Path(tempfile.mkdtemp()) / "data", FakeClock(), size=size)
            try:
                scene(driver, OUT, "desktop-" if size == DESKTOP else "")
            finally:
                driver.close()
            print(f"  {module.__name__.rsplit('.', 1)[-1]}: {name}")
    print(f"screenshots written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Shared fixtures. Kivy's environment is set before anything imports Kivy."""
import logging
import os
import tempfile

os.environ.setdefault("KIVY_NO_ARGS", "1")
os.environ.setdefault("KIVY_NO_CONSOLELOG", "1")
os.environ.setdefault("KIVY_NO_FILELOG", "1")
os.environ.setdefault("KIVY_USE_DEFAULTCONFIG", "1")
# A Kivy home of our own per process: pytest-xdist's workers inherit the environment of the
# process that started them, so a home made there (not one the caller set) is replaced.
if os.environ.get("PYTEST_XDIST_WORKER") and os.environ.get("KIVY_HOME") == os.environ.get("SMILEBACK_TEST_KIVY_HOME"):
    os.environ.pop("KIVY_HOME", None)
if "KIVY_HOME" not in os.environ:
    os.environ["KIVY_HOME"] = os.environ["SMILEBACK_TEST_KIVY_HOME"] = tempfile.mkdtemp(prefix="smileback-kivy-")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("KIVY_IMAGE", "tex,dds,sdl2")  # as main.py sets it: the app's image providers
# No multisampling on the window: with Mesa's software renderer 4x MSAA doubles the cost
# of every frame drawn. Nothing reads the window's pixels: screenshots and the diagram
# checks render widgets off-screen (export_to_png), and come out the same either way.
os.environ.setdefault("KCFG_GRAPHICS_MULTISAMPLES", "0")
os.environ.setdefault("KIVY_LOG_MODE", "PYTHON")  # keep tracebacks visible to pytest


class _KivyStartupNotes(logging.Filter):
    """Kivy's notes as it loads, on a fresh Kivy home and on a machine without libmtdev.

    They say nothing about the app. pytest captures them in its own process, but an
    xdist worker writes them past the summary line, so they are dropped here.
    """
    NOTES = ("Config: Older configuration version detected", "Config: Upgrading configuration",
             "Input: MTDev is not supported")

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self.NOTES)


logging.getLogger("kivy").addFilter(_KivyStartupNotes())

import pytest  # noqa: E402

from app.clock import FakeClock  # noqa: E402
from app.practice import DailyPractice  # noqa: E402
from app.cues import RecordingCues  # noqa: E402
from app.routine import load_routine  # noqa: E402
from app.storage import Store  # noqa: E402
from tests.records import new_record  # noqa: E402


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture(scope="session")
def routine():
    return load_routine()


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def store(data_dir):
    new_record(data_dir)
    store = Store(data_dir)
    yield store
    store.close()


@pytest.fixture
def cues():
    return RecordingCues()


@pytest.fixture
def practice(store, routine, clock, cues):
    return DailyPractice(store, routine, clock, cues)


SLOWEST_FIRST = ("test_every_step_reported_finished_survives_sigkill",)  # ~45 s: a worker starts it at once


def pytest_collection_modifyitems(items):
    """The longest test goes first, so one worker runs it while the other takes the rest,
    instead of one worker finishing it alone after everything else is done."""
    items.sort(key=lambda item: item.originalname not in SLOWEST_FIRST)


@pytest.fixture(scope="session")
def landmarker():
    """The device's face landmarker, built once for the run (about half a second)."""
    from app.face.port import available_landmarker

    return available_landmarker()

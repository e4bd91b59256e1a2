"""Shared fixtures. Kivy's environment is set before anything imports Kivy."""
import os
import tempfile

os.environ.setdefault("KIVY_NO_ARGS", "1")
os.environ.setdefault("KIVY_NO_CONSOLELOG", "1")
os.environ.setdefault("KIVY_NO_FILELOG", "1")
os.environ.setdefault("KIVY_USE_DEFAULTCONFIG", "1")
os.environ.setdefault("KIVY_HOME", tempfile.mkdtemp(prefix="smileback-kivy-"))
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("KIVY_LOG_MODE", "PYTHON")  # keep tracebacks visible to pytest

import pytest  # noqa: E402

from app.clock import FakeClock  # noqa: E402
from app.practice import DailyPractice  # noqa: E402
from app.cues import RecordingCues  # noqa: E402
from app.routine import load_routine  # noqa: E402
from app.storage import Store  # noqa: E402


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
    store = Store(data_dir)
    yield store
    store.close()


@pytest.fixture
def cues():
    return RecordingCues()


@pytest.fixture
def practice(store, routine, clock, cues):
    return DailyPractice(store, routine, clock, cues)

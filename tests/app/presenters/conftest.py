import pytest

from app.core import Core
from tests.fakes import FakeNavigator, FakeScreen


@pytest.fixture
def core(store, routine, clock, cues):
    return Core(store, routine, clock, cues)


@pytest.fixture
def navigator():
    return FakeNavigator()


@pytest.fixture
def screen():
    return FakeScreen()

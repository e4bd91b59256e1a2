import pytest

from tests.harness import Driver


@pytest.fixture
def ui(data_dir, clock):
    driver = Driver(data_dir, clock)
    yield driver
    driver.close()

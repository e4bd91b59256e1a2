import pytest

from tests.harness import Driver


@pytest.fixture
def ui(data_dir, clock):
    driver = Driver(data_dir, clock)
    yield driver
    if driver.app.manager is not None and driver.app.companion is not None:
        driver.close()

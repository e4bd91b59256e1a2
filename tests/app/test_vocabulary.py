"""One word per concept: stored values unchanged, and one distinct word for each status."""
import pytest

from app.storage.models import SESSION_STATUSES, STEP_STATUSES
from app.vocabulary import DashboardStatus, DayStatus, SessionStatus, StepStatus, TodayStatus, session_words


def test_stored_values_are_those_the_schema_allows():
    assert [s.value for s in SESSION_STATUSES] == ["in_progress", "completed", "partial", "abandoned"]
    assert [s.value for s in STEP_STATUSES] == ["running", "done", "skipped"]


@pytest.mark.parametrize("kind", [TodayStatus, DayStatus, SessionStatus, StepStatus, DashboardStatus])
def test_each_status_has_its_own_words(kind):
    words = [status.words for status in kind]
    assert all(words) and len(set(words)) == len(words)


def test_a_status_is_its_stored_text():
    assert SessionStatus.PARTIAL == "partial" and f"{DayStatus.NO_DATA}" == "none"


def test_an_unknown_stored_status_is_shown_as_it_is():
    assert session_words("completed") == "Complete" and session_words("mystery") == "mystery"

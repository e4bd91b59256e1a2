"""One word per concept: stored values unchanged, and one distinct word for each status."""
import pytest

from app.storage.models import SESSION_STATUSES, STEP_STATUSES
from app.vocabulary import (Cadence, CareKind, DashboardStatus, DayStatus, EffectMark, HelpNeeded, InjectionArea,
                            InjectionSide, JournalEntry, Mood, SessionStatus, SideEffect, StepStatus, TodayStatus,
                            session_words)


def test_stored_values_are_those_the_schema_allows():
    assert [s.value for s in SESSION_STATUSES] == ["in_progress", "completed", "partial", "abandoned"]
    assert [s.value for s in STEP_STATUSES] == ["running", "done", "skipped"]


@pytest.mark.parametrize("kind", [TodayStatus, DayStatus, SessionStatus, StepStatus, DashboardStatus, InjectionArea,
                                  JournalEntry, InjectionSide, EffectMark, SideEffect, HelpNeeded, CareKind, Cadence,
                                  Mood])
def test_each_status_has_its_own_words(kind):
    words = [status.words for status in kind]
    assert all(words) and len(set(words)) == len(words)


def test_a_status_is_its_stored_text():
    assert SessionStatus.PARTIAL == "partial" and f"{DayStatus.NO_DATA}" == "none"


def test_an_unknown_stored_status_is_shown_as_it_is():
    assert session_words("completed") == "Complete" and session_words("mystery") == "mystery"


def test_the_treatment_journals_stored_values_are_those_its_migration_allows():
    from importlib import import_module

    migration = import_module("app.storage.migrations.versions.0002_treatment_journal")
    for kind, allowed in ((InjectionArea, migration.AREAS), (InjectionSide, migration.SIDES),
                          (EffectMark, migration.MARKS), (SideEffect, migration.SIDE_EFFECTS),
                          (CareKind, migration.CARE_KINDS), (Cadence, migration.CADENCES)):
        assert allowed == ",".join(f"'{member.value}'" for member in kind)
    assert [int(m) for m in Mood] == [1, 2, 3, 4, 5]

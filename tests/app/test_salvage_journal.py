"""The treatment journal in a damaged record: found by the start-up check, read back by the salvage."""
import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

from app.storage import Store
from app.storage.backup import daily_backup
from app.storage.checks import record_problem
from app.storage.repository import DB_NAME
from app.treatment.entries import AreaDose
from app.vocabulary import InjectionArea, InjectionSide, Mood, SideEffect
from tests.app.test_salvage import backed_up_then, opened
from tests.app.test_opening import NOON, TODAY
from tests.app.test_unusable_record import tamper

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CHEEK = [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT, 2.0)]


def journal_after_the_backup(data_dir) -> None:
    """A backup from yesterday with one injection; after it, a correction, a check-in and two moods."""
    backed_up_then(data_dir)
    store = Store(data_dir)
    first = store.treatment.log_injection(date(2026, 11, 10), CHEEK, NOON - timedelta(days=15))
    store.close()
    daily_backup(data_dir, TODAY - timedelta(days=1), fresh=True)  # now holding the injection
    store = Store(data_dir)
    journal = store.treatment
    journal.log_injection(date(2026, 11, 11), CHEEK, NOON - timedelta(hours=3), replaces=first.id)
    journal.check_in(date(2026, 11, 24), [SideEffect.HEADACHE], NOON - timedelta(hours=2))
    journal.record_mood(date(2026, 11, 24), Mood.GOOD, NOON - timedelta(hours=2))
    journal.record_mood(date(2026, 11, 25), Mood.LOW, NOON - timedelta(hours=1), note="spoiled")
    store.close()


def test_a_record_from_before_the_journal_is_not_taken_for_a_damaged_one():
    with closing(sqlite3.connect(FIXTURES / "schema_0001.sqlite3")) as conn:
        assert record_problem(conn) is None
    with closing(sqlite3.connect(FIXTURES / "schema_0002.sqlite3")) as conn:
        assert record_problem(conn) is None


def test_a_journal_entry_that_cannot_be_read_is_found_and_the_rest_read_back(data_dir):
    journal_after_the_backup(data_dir)
    tamper(data_dir, "UPDATE mood_entries SET local_date = 'garbage' WHERE note = 'spoiled'")
    result = opened(data_dir)
    try:
        assert result.repaired
        assert "it holds 1 mood with a date or number that cannot be read" in result.notice
        assert "3 treatment journal entries recorded after that backup were read back" in result.notice
        assert "1 treatment journal entry recorded after it could not be read" in result.notice
        journal = result.store.treatment
        [shot] = journal.injections()
        assert shot.given_on == date(2026, 11, 11)  # the correction, joined to the backup's history
        assert [c.answers for c in journal.checkins()] == [frozenset({SideEffect.HEADACHE})]
        assert [m.mood for m in journal.moods()] == [Mood.GOOD]
    finally:
        result.store.close()


def test_a_dropped_journal_table_is_part_of_the_record_missing(data_dir):
    journal_after_the_backup(data_dir)
    tamper(data_dir, "DROP TABLE checkin_answers", "DROP TABLE checkins")
    result = opened(data_dir)
    try:
        assert "part of it is missing (the side-effect check-ins and the answers of each check-in)" in result.notice
        assert [i.given_on for i in result.store.treatment.injections()] == [date(2026, 11, 11)]
    finally:
        result.store.close()

"""The words the "Your record" screen shows, without a UI."""
from datetime import date

from app.record_copies import day_words, report_words, size_words
from app.storage.transfer import ImportReport

TODAY = date(2026, 11, 25)


def test_days_read_as_a_patient_says_them():
    assert day_words(TODAY, TODAY) == "Today, Wed 25 Nov"
    assert day_words(date(2026, 11, 24), TODAY) == "Yesterday, Tue 24 Nov"
    assert day_words(date(2026, 10, 31), TODAY) == "Sat 31 Oct"
    assert day_words(date(2025, 12, 31), TODAY) == "Wed 31 Dec 2025"


def test_sizes_in_whole_kilobytes_never_zero():
    assert size_words(90_112) == "88 KB"
    assert size_words(10) == "1 KB"


def test_import_reports_in_plain_words():
    assert report_words(ImportReport(added_sessions=12, skipped_duplicates=3)) == "Added 12 sessions; 3 were already here."
    assert report_words(ImportReport(added_sessions=1)) == "Added 1 session."
    assert report_words(ImportReport(skipped_duplicates=1)) == "Nothing new: the session was already here."
    assert report_words(ImportReport()) == "The file held no sessions."
    assert report_words(ImportReport(added_sessions=2, added_plans=1, added_rest_days=2)) == \
        "Added 2 sessions (and 1 plan version and 2 rest days)."

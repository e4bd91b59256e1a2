"""The outcomes in a damaged record: found by the start-up check, read back by the salvage,
the damaged file (the newer) winning where it and the backup differ."""
from datetime import date, timedelta

from app.outcomes.entries import ItemPick, StoredImage
from app.storage import Store
from app.storage.backup import daily_backup
from app.vocabulary import ClinicianScale, Expression, PhotoSource, RatingMoment
from tests.app.test_opening import NOON, TODAY
from tests.app.test_salvage import backed_up_then, opened
from tests.app.test_unusable_record import tamper

KEYS = {"stiffness", "drinking", "at_ease"}


def image(letter: str) -> StoredImage:
    return StoredImage(f"{letter * 64}.jpg", letter * 64, 30, 40)


def outcomes_after_the_backup(data_dir) -> None:
    """A backup with two items, a rating and a photo set; after it, a changed choice, a changed
    rating, new ratings, a score, a new baseline and a retaken photo."""
    backed_up_then(data_dir)
    store = Store(data_dir)
    earlier = NOON - timedelta(days=3)
    items = store.outcomes.choose_items([ItemPick(key="stiffness"), ItemPick(key="drinking")], KEYS, earlier)
    store.outcomes.rate(date(2026, 11, 22), RatingMoment.ROUTINE, {items[0].id: 4}, earlier)
    first = store.outcomes.new_photo_set(date(2026, 11, 22), earlier)
    store.outcomes.add_photo(first.id, Expression.AT_REST, image("a"), earlier, PhotoSource.FILE)
    store.outcomes.set_baseline(first.id)
    store.close()
    daily_backup(data_dir, TODAY - timedelta(days=1), fresh=True)
    store = Store(data_dir)
    later = NOON - timedelta(hours=2)
    items = store.outcomes.choose_items([ItemPick(key="stiffness"), ItemPick(key="at_ease")], KEYS, later)
    store.outcomes.rate(date(2026, 11, 22), RatingMoment.ROUTINE, {items[0].id: 6}, later)
    store.outcomes.rate(date(2026, 11, 25), RatingMoment.ROUTINE, {items[0].id: 7, items[1].id: 2}, later)
    store.outcomes.record_score(date(2026, 11, 24), ClinicianScale.EFACE_TOTAL, 71.5, later, note="spoiled")
    second = store.outcomes.new_photo_set(date(2026, 11, 25), later)
    store.outcomes.set_baseline(second.id)
    store.outcomes.add_photo(first.id, Expression.AT_REST, image("b"), later, PhotoSource.CAMERA)
    store.close()


def test_outcomes_after_the_backup_are_read_back_the_damaged_file_winning(data_dir):
    outcomes_after_the_backup(data_dir)
    tamper(data_dir, "UPDATE clinician_scores SET scored_on = 'garbage' WHERE note = 'spoiled'")
    result = opened(data_dir)
    try:
        assert result.repaired
        assert "it holds 1 clinician score with a date or number that cannot be read" in result.notice
        assert "could not be read" in result.notice
        outcomes = result.store.outcomes
        assert [i.key for i in outcomes.chosen_items()] == ["stiffness", "at_ease"]
        assert sorted((r.local_date.day, r.value) for r in outcomes.ratings()) == [(22, 6), (25, 2), (25, 7)]
        assert outcomes.scores() == []
        sets = outcomes.photo_sets()
        assert [s.baseline for s in sets] == [False, True]
        assert [p.sha256 for p in sets[0].photos] == ["b" * 64]
    finally:
        result.store.close()


def test_a_dropped_photos_table_is_part_of_the_record_missing(data_dir):
    outcomes_after_the_backup(data_dir)
    tamper(data_dir, "DROP TABLE photos")
    result = opened(data_dir)
    try:
        assert "part of it is missing (the progress photos)" in result.notice
        assert len(result.store.outcomes.ratings()) == 3
    finally:
        result.store.close()

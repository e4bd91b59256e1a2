"""The outcomes' store: items chosen, ratings, clinician scores and photo sets through the one write door."""
from datetime import date, datetime, timezone

import pytest

from app.outcomes.entries import ItemPick, StoredImage
from app.outcomes.items import load_items
from app.outcomes.validation import OutcomeError
from app.storage import StoreError
from app.vocabulary import ClinicianScale, Expression, PhotoSource, RatingMoment

NOW = datetime(2026, 11, 25, 9, tzinfo=timezone.utc)
KEYS = {choice.key for choice in load_items()}


def image(letter: str) -> StoredImage:
    return StoredImage(f"{letter * 64}.jpg", letter * 64, 640, 480)


def test_choosing_again_keeps_the_items_kept_and_sets_the_others_aside(store):
    first = store.outcomes.choose_items([ItemPick(key="stiffness"), ItemPick(own_words="  Whistling  ")], KEYS, NOW)
    assert [(i.key, i.own_words) for i in first] == [("stiffness", None), (None, "Whistling")]
    store.outcomes.rate(NOW.date(), RatingMoment.ROUTINE, {first[0].id: 4, first[1].id: 6}, NOW)
    again = store.outcomes.choose_items([ItemPick(own_words="Whistling"), ItemPick(key="drinking")], KEYS, NOW)
    assert again[0].id == first[1].id and again[0].position == 0
    assert [i.key for i in store.outcomes.every_item()] == ["stiffness", None, "drinking"]
    assert len(store.outcomes.ratings()) == 2  # the set-aside item's rating stays


@pytest.mark.parametrize("picks, field", [
    ([ItemPick(key=k) for k in sorted(KEYS)[:6]], "items"),
    ([ItemPick(key="stiffness"), ItemPick(key="stiffness")], "items"),
    ([ItemPick(key="not_on_the_list")], "items[0]"),
    ([ItemPick(own_words="   ")], "your own words"),
    ([ItemPick(key="stiffness", own_words="both")], "items[0]"),
])
def test_a_choice_that_cannot_be_kept_names_the_field_and_changes_nothing(store, picks, field):
    store.outcomes.choose_items([ItemPick(key="at_ease")], KEYS, NOW)
    with pytest.raises(OutcomeError) as raised:
        store.outcomes.choose_items(picks, KEYS, NOW)
    assert raised.value.field == field
    assert [i.key for i in store.outcomes.chosen_items()] == ["at_ease"]


def test_rating_again_the_same_day_and_moment_replaces_the_rating(store):
    (item,) = store.outcomes.choose_items([ItemPick(key="stiffness")], KEYS, NOW)
    store.outcomes.rate(NOW.date(), RatingMoment.ROUTINE, {item.id: 3}, NOW)
    store.outcomes.rate(NOW.date(), RatingMoment.ROUTINE, {item.id: 5}, NOW)
    store.outcomes.rate(NOW.date(), RatingMoment.TWO_WEEKS_AFTER, {item.id: 6}, NOW)
    assert [(str(r.moment), r.value) for r in store.outcomes.ratings()] == [("routine", 5), ("two_weeks_after", 6)]


@pytest.mark.parametrize("value", [-1, 11, 5.5, True, "7", None])
def test_a_rating_out_of_range_is_refused_and_nothing_is_saved(store, value):
    (item,) = store.outcomes.choose_items([ItemPick(key="stiffness")], KEYS, NOW)
    with pytest.raises(OutcomeError, match="rating: must be a whole number from 0 to 10"):
        store.outcomes.rate(NOW.date(), RatingMoment.ROUTINE, {item.id: value}, NOW)
    assert store.outcomes.ratings() == []


def test_ratings_on_a_day_to_come_or_from_a_wrong_clock_are_refused(store):
    (item,) = store.outcomes.choose_items([ItemPick(key="stiffness")], KEYS, NOW)
    with pytest.raises(OutcomeError, match="day still to come"):
        store.outcomes.rate(date(2026, 11, 26), RatingMoment.ROUTINE, {item.id: 3}, NOW)
    with pytest.raises(StoreError, match="cannot be right"):
        store.outcomes.rate(date(1970, 1, 1), RatingMoment.ROUTINE, {item.id: 3}, NOW)
    assert store.outcomes.ratings() == []


def test_a_rating_for_an_item_set_aside_is_refused(store):
    (item,) = store.outcomes.choose_items([ItemPick(key="stiffness")], KEYS, NOW)
    store.outcomes.choose_items([ItemPick(key="drinking")], KEYS, NOW)
    with pytest.raises(StoreError, match="no longer in the record"):
        store.outcomes.rate(NOW.date(), RatingMoment.ROUTINE, {item.id: 3}, NOW)


@pytest.mark.parametrize("scale, good, bad", [
    (ClinicianScale.SAQ_TOTAL, 62.2, 19), (ClinicianScale.FACE_TOTAL, 0, 100.5),
    (ClinicianScale.SUNNYBROOK_COMPOSITE, -15, 12.5), (ClinicianScale.HOUSE_BRACKMANN, 6, 7),
    (ClinicianScale.EFACE_TOTAL, 100, -1),
])
def test_clinician_scores_are_range_checked_per_scale(store, scale, good, bad):
    kept = store.outcomes.record_score(NOW.date(), scale, good, NOW, rated_by="Dr Okafor", note="at clinic")
    assert (kept.value, kept.rated_by, kept.note) == (good, "Dr Okafor", "at clinic")
    with pytest.raises(OutcomeError) as raised:
        store.outcomes.record_score(NOW.date(), scale, bad, NOW)
    assert raised.value.field == "score" and scale.words in str(raised.value)
    assert len(store.outcomes.scores()) == 1


def test_another_score_needs_its_name_and_keeps_it(store):
    with pytest.raises(OutcomeError) as raised:
        store.outcomes.record_score(NOW.date(), ClinicianScale.OTHER, 3, NOW)
    assert raised.value.field == "name of the score"
    score = store.outcomes.record_score(NOW.date(), ClinicianScale.OTHER, 3, NOW, scale_name="Clinic smile score")
    assert score.name == "Clinic smile score"
    store.outcomes.delete_score(score.id)
    assert store.outcomes.scores() == []


def test_one_photo_per_expression_a_retake_returns_the_file_it_replaced(store):
    photo_set = store.outcomes.new_photo_set(NOW.date(), NOW)
    _, replaced = store.outcomes.add_photo(photo_set.id, Expression.AT_REST, image("a"), NOW, PhotoSource.FILE)
    assert replaced is None
    _, replaced = store.outcomes.add_photo(photo_set.id, Expression.AT_REST, image("b"), NOW, PhotoSource.CAMERA)
    assert replaced == image("a").file_name
    (kept,) = store.outcomes.photo_set(photo_set.id).photos
    assert (kept.sha256, kept.source) == ("b" * 64, PhotoSource.CAMERA)
    assert store.outcomes.file_names() == {image("b").file_name}


def test_only_one_set_is_the_baseline(store):
    first = store.outcomes.new_photo_set(date(2026, 11, 1), NOW)
    second = store.outcomes.new_photo_set(date(2026, 11, 20), NOW)
    store.outcomes.set_baseline(first.id)
    store.outcomes.set_baseline(second.id)
    assert [s.baseline for s in store.outcomes.photo_sets()] == [False, True]


def test_deleting_a_set_returns_its_files_and_removes_its_photos(store):
    photo_set = store.outcomes.new_photo_set(NOW.date(), NOW)
    store.outcomes.add_photo(photo_set.id, Expression.AT_REST, image("a"), NOW, PhotoSource.FILE)
    store.outcomes.add_photo(photo_set.id, Expression.BIG_SMILE, image("c"), NOW, PhotoSource.FILE)
    assert sorted(store.outcomes.delete_photo_set(photo_set.id)) == [image("a").file_name, image("c").file_name]
    assert store.outcomes.photo_sets() == [] and store.outcomes.file_names() == set()
    with pytest.raises(StoreError):
        store.outcomes.delete_photo_set(photo_set.id)

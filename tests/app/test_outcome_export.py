"""The JSON export carries the outcomes, and the progress photos go in an archive beside it."""
import hashlib
import io
import json
import stat
import zipfile
from datetime import date, datetime, timezone

from PIL import Image

from app.outcomes.entries import ItemPick
from app.outcomes.items import load_items
from app.storage.outcome_transfer import archive_path
from app.storage.photo_files import import_photo, photos_dir
from app.storage.transfer import export_json
from app.vocabulary import ClinicianScale, Expression, RatingMoment

NOW = datetime(2026, 11, 25, 9, tzinfo=timezone.utc)


def a_picture(tmp_path, colour: str):
    path = tmp_path / f"{colour}.png"
    Image.new("RGB", (40, 30), colour).save(path)
    return path


def test_the_export_holds_every_outcome_and_the_archive_every_photo(store, tmp_path):
    keys = {choice.key for choice in load_items()}
    items = store.outcomes.choose_items([ItemPick(key="drinking"), ItemPick(own_words="Siffler")], keys, NOW)
    store.outcomes.rate(NOW.date(), RatingMoment.SIX_WEEKS_AFTER, {items[1].id: 8}, NOW)
    store.outcomes.record_score(NOW.date(), ClinicianScale.HOUSE_BRACKMANN, 3, NOW, rated_by="Dr Okafor")
    photo_set = store.outcomes.new_photo_set(NOW.date(), NOW)
    store.outcomes.set_baseline(photo_set.id)
    photos = [import_photo(store, photo_set.id, expression, a_picture(tmp_path, colour), NOW)
              for expression, colour in ((Expression.AT_REST, "red"), (Expression.BIG_SMILE, "blue"))]

    exported = export_json(store, tmp_path / "export.json")
    outcomes = json.loads(exported.read_text(encoding="utf-8"))["outcomes"]
    assert [(i["key"], i["own_words"]) for i in outcomes["items"]] == [("drinking", None), (None, "Siffler")]
    assert outcomes["ratings"] == [{"item": 1, "local_date": "2026-11-25", "moment": "six_weeks_after", "value": 8,
                                    "created_at": "2026-11-25T09:00:00+00:00"}]
    assert [(c["scale"], c["value"], c["rated_by"]) for c in outcomes["clinician_scores"]] == \
        [("house_brackmann", 3.0, "Dr Okafor")]
    (exported_set,) = outcomes["photo_sets"]
    assert exported_set["baseline"] is True
    assert [p["sha256"] for p in exported_set["photos"]] == [p.sha256 for p in photos]

    archive = archive_path(exported)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with zipfile.ZipFile(archive) as opened:
        assert sorted(opened.namelist()) == sorted(p.file_name for p in photos)
        for photo in photos:
            data = opened.read(photo.file_name)
            assert hashlib.sha256(data).hexdigest() == photo.sha256
            assert Image.open(io.BytesIO(data)).size == (40, 30)


def test_a_damaged_photo_is_left_out_of_the_archive(store, tmp_path):
    photo_set = store.outcomes.new_photo_set(NOW.date(), NOW)
    photo = import_photo(store, photo_set.id, Expression.AT_REST, a_picture(tmp_path, "red"), NOW)
    (photos_dir(store.data_dir) / photo.file_name).write_bytes(b"changed on disk")
    exported = export_json(store, tmp_path / "export.json")
    with zipfile.ZipFile(archive_path(exported)) as opened:
        assert opened.namelist() == []


def test_no_archive_without_photos(store, tmp_path):
    exported = export_json(store, tmp_path / "export.json")
    assert not archive_path(exported).exists()


# --- import ---------------------------------------------------------------------------------------

import pytest  # noqa: E402

from app.routine import load_routine  # noqa: E402
from app.storage import Store  # noqa: E402
from app.storage.fields import ImportFileError  # noqa: E402
from app.storage.transfer import import_json  # noqa: E402

ROUTINE = load_routine()


def a_full_record(store, tmp_path):
    keys = {choice.key for choice in load_items()}
    items = store.outcomes.choose_items([ItemPick(key="drinking"), ItemPick(own_words="Siffler")], keys, NOW)
    store.outcomes.rate(NOW.date(), RatingMoment.ROUTINE, {items[0].id: 3, items[1].id: 8}, NOW)
    store.outcomes.record_score(NOW.date(), ClinicianScale.OTHER, 12.5, NOW, scale_name="Clinic score", note="ok")
    photo_set = store.outcomes.new_photo_set(NOW.date(), NOW)
    store.outcomes.set_baseline(photo_set.id)
    for expression, colour in ((Expression.AT_REST, "red"), (Expression.LIPS_PURSED, "blue")):
        import_photo(store, photo_set.id, expression, a_picture(tmp_path, colour), NOW)
    return export_json(store, tmp_path / "export.json")


def outcomes_of(path):
    return json.loads(path.read_text(encoding="utf-8"))["outcomes"]


def test_the_outcomes_and_photos_round_trip_to_another_device_and_twice_adds_nothing(store, tmp_path):
    exported = a_full_record(store, tmp_path)
    other = Store(tmp_path / "other")
    try:
        report = import_json(other, exported, ROUTINE)
        assert (report.added_outcomes, report.photos_not_found) == (2 + 2 + 1 + 1 + 2, 0)
        again = export_json(other, tmp_path / "again.json")
        assert outcomes_of(again) == outcomes_of(exported)
        for photo in other.outcomes.photo_sets()[0].photos:
            assert (photos_dir(other.data_dir) / photo.file_name).read_bytes() == \
                (photos_dir(store.data_dir) / photo.file_name).read_bytes()
        assert import_json(other, exported, ROUTINE).added_outcomes == 0
        assert [i.own_words or i.key for i in other.outcomes.chosen_items()] == ["drinking", "Siffler"]
    finally:
        other.close()


def test_into_a_record_with_its_own_choice_and_baseline_those_stay(store, tmp_path):
    exported = a_full_record(store, tmp_path)
    other = Store(tmp_path / "other")
    try:
        keys = {choice.key for choice in load_items()}
        other.outcomes.choose_items([ItemPick(key="at_ease")], keys, NOW)
        mine = other.outcomes.new_photo_set(date(2026, 11, 24), datetime(2026, 11, 24, tzinfo=timezone.utc))
        other.outcomes.set_baseline(mine.id)
        import_json(other, exported, ROUTINE)
        assert [i.key for i in other.outcomes.chosen_items()] == ["at_ease"]
        assert len(other.outcomes.every_item()) == 3 and len(other.outcomes.ratings()) == 2
        assert [s.id for s in other.outcomes.photo_sets() if s.baseline] == [mine.id]
    finally:
        other.close()


def test_a_photo_without_its_picture_in_the_archive_is_counted_not_added(store, tmp_path):
    exported = a_full_record(store, tmp_path)
    archive_path(exported).write_bytes(b"not a zip")
    other = Store(tmp_path / "other")
    try:
        report = import_json(other, exported, ROUTINE)
        assert report.photos_not_found == 2
        assert other.outcomes.photo_sets()[0].photos == () and other.outcomes.file_names() == set()
    finally:
        other.close()


@pytest.mark.parametrize("change, field", [
    (lambda o: o["ratings"][0].update(value=11), "outcomes.ratings[0].value"),
    (lambda o: o["ratings"][0].update(item=7), "outcomes.ratings[0].item"),
    (lambda o: o["clinician_scores"][0].update(scale_name=None), "outcomes.clinician_scores[0].scale_name"),
    (lambda o: o["clinician_scores"][0].update(scale="house_brackmann"), "outcomes.clinician_scores[0].value"),
    (lambda o: o["items"][0].update(own_words="both"), "outcomes.items[0].key"),
    (lambda o: o["photo_sets"][0]["photos"][0].update(file_name="../../evil.jpg"),
     "outcomes.photo_sets[0].photos[0].file_name"),
    (lambda o: o["photo_sets"][0]["photos"][1].update(expression="at_rest"), "outcomes.photo_sets[0].photos"),
    (lambda o: o["photo_sets"].append(dict(o["photo_sets"][0])), "outcomes.photo_sets"),
])
def test_a_bad_outcome_field_is_named_and_nothing_is_imported(store, tmp_path, change, field):
    exported = a_full_record(store, tmp_path)
    document = json.loads(exported.read_text(encoding="utf-8"))
    change(document["outcomes"])
    exported.write_text(json.dumps(document), encoding="utf-8")
    other = Store(tmp_path / "other")
    try:
        with pytest.raises(ImportFileError, match=f"field '{field}'".replace("[", r"\[").replace("]", r"\]")):
            import_json(other, exported, ROUTINE)
        assert other.outcomes.every_item() == [] and other.outcomes.file_names() == set()
        assert not photos_dir(other.data_dir).exists()
    finally:
        other.close()


def test_the_0003_fixture_round_trips_all_but_the_photos_whose_pictures_it_never_had(tmp_path):
    import shutil
    from pathlib import Path

    from app.storage.repository import DB_NAME

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "schema_0003.sqlite3"
    (tmp_path / "fixture").mkdir()
    shutil.copyfile(fixture, tmp_path / "fixture" / DB_NAME)
    source, target = Store(tmp_path / "fixture"), Store(tmp_path / "target")
    try:
        first = export_json(source, tmp_path / "first.json")
        report = import_json(target, first, ROUTINE)
        second = export_json(target, tmp_path / "second.json")
    finally:
        source.close()
        target.close()
    before, after = outcomes_of(first), outcomes_of(second)
    assert report.photos_not_found == sum(len(s["photos"]) for s in before["photo_sets"]) == 9
    for part in ("items", "ratings", "clinician_scores"):
        assert after[part] == before[part]
    assert [{**s, "photos": []} for s in before["photo_sets"]] == after["photo_sets"]

"""The JSON export carries the outcomes, and the progress photos go in an archive beside it."""
import hashlib
import io
import json
import stat
import zipfile
from datetime import datetime, timezone

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

"""Progress photos as files: checked, normalised, private, named by checksum; in backups."""
import hashlib
import io
import stat
from datetime import date, datetime, timedelta, timezone

import pytest
from PIL import Image

import app.storage.photo_files as photo_files
from app.storage import StoreError
from app.storage.backup import daily_backup, list_backups, prune_backups, restore_backup
from app.storage.photo_backup import photo_backups_dir
from app.storage.photo_files import PhotoFileError, delete_photo, delete_photo_set, import_photo, photos_dir
from app.vocabulary import Expression, PhotoSource

NOW = datetime(2026, 11, 25, 9, tzinfo=timezone.utc)


def picture(size=(64, 48), mode="RGB", kind="PNG", colour="teal", **options) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, colour).save(out, kind, **options)
    return out.getvalue()


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture
def photo_set(store):
    return store.outcomes.new_photo_set(NOW.date(), NOW)


def mode_of(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_imported_picture_is_kept_as_a_private_jpeg_named_by_its_checksum(store, photo_set, tmp_path):
    source = write(tmp_path, "smile.png", picture(mode="RGBA", colour=(200, 40, 40, 128)))
    photo = import_photo(store, photo_set.id, Expression.GENTLE_SMILE, source, NOW)
    kept = photos_dir(store.data_dir) / photo.file_name
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == photo.sha256 and photo.file_name == f"{photo.sha256}.jpg"
    assert (photo.width, photo.height, photo.source) == (64, 48, PhotoSource.FILE)
    assert Image.open(kept).format == "JPEG"
    assert mode_of(kept) == 0o600 and mode_of(photos_dir(store.data_dir)) == 0o700
    assert photo_files.is_intact(store.data_dir, photo)


def test_a_large_picture_is_made_smaller_and_the_cameras_metadata_is_not_kept(store, photo_set, tmp_path):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    source = write(tmp_path, "big.jpg", picture(size=(4000, 1000), kind="JPEG", exif=exif))
    photo = import_photo(store, photo_set.id, Expression.AT_REST, source, NOW)
    assert (photo.width, photo.height) == (photo_files.LONGEST_EDGE, 512)
    assert not Image.open(photos_dir(store.data_dir) / photo.file_name).getexif()


def test_a_sideways_phone_photo_is_turned_upright(store, photo_set, tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 degrees to view
    source = write(tmp_path, "sideways.jpg", picture(size=(80, 40), kind="JPEG", exif=exif))
    photo = import_photo(store, photo_set.id, Expression.AT_REST, source, NOW)
    assert (photo.width, photo.height) == (40, 80)


@pytest.mark.parametrize("data, words", [
    (b"", r"empty \(0 bytes\)"),
    (b"%PDF-1.4 not a picture at all", "not a picture SmileBack can open"),
    (picture(kind="JPEG")[:200], "damaged or incomplete"),
])
def test_a_file_that_is_not_a_whole_picture_is_refused_and_nothing_changes(store, photo_set, tmp_path, data, words):
    with pytest.raises(PhotoFileError, match=words):
        import_photo(store, photo_set.id, Expression.AT_REST, write(tmp_path, "x.jpg", data), NOW)
    assert store.outcomes.photo_set(photo_set.id).photos == ()
    assert not photos_dir(store.data_dir).exists() or not any(photos_dir(store.data_dir).iterdir())


def test_too_many_pixels_or_bytes_is_refused_and_nothing_changes(store, photo_set, tmp_path, monkeypatch):
    source = write(tmp_path, "x.png", picture(size=(30, 30)))
    monkeypatch.setattr(photo_files, "MAX_PIXELS", 899)
    with pytest.raises(PhotoFileError, match="30 x 30 pixels"):
        import_photo(store, photo_set.id, Expression.AT_REST, source, NOW)
    monkeypatch.setattr(photo_files, "MAX_PIXELS", 10_000)
    monkeypatch.setattr(photo_files, "MAX_BYTES", source.stat().st_size - 1)
    with pytest.raises(PhotoFileError, match="a photo can be at most"):
        import_photo(store, photo_set.id, Expression.AT_REST, source, NOW)
    assert store.outcomes.photo_set(photo_set.id).photos == ()


def test_a_file_that_cannot_be_read_is_said_so(store, photo_set, tmp_path):
    with pytest.raises(PhotoFileError, match="missing.jpg cannot be read"):
        import_photo(store, photo_set.id, Expression.AT_REST, tmp_path / "missing.jpg", NOW)


def test_a_photo_the_record_refuses_leaves_no_file_behind(store, photo_set, tmp_path):
    store.outcomes.delete_photo_set(photo_set.id)
    with pytest.raises(StoreError, match="no longer in the record"):
        import_photo(store, photo_set.id, Expression.AT_REST, write(tmp_path, "a.png", picture()), NOW)
    assert not any(photos_dir(store.data_dir).iterdir())


def test_a_retake_removes_the_file_it_replaced(store, photo_set, tmp_path):
    first = import_photo(store, photo_set.id, Expression.AT_REST, write(tmp_path, "a.png", picture()), NOW)
    second = import_photo(store, photo_set.id, Expression.AT_REST,
                          write(tmp_path, "b.png", picture(colour="navy")), NOW)
    assert sorted(p.name for p in photos_dir(store.data_dir).iterdir()) == [second.file_name]
    assert first.file_name != second.file_name


def test_deleting_removes_the_file_once_no_photo_names_it(store, photo_set, tmp_path):
    source = write(tmp_path, "a.png", picture())
    other_set = store.outcomes.new_photo_set(NOW.date(), NOW)
    first = import_photo(store, photo_set.id, Expression.AT_REST, source, NOW)
    same = import_photo(store, other_set.id, Expression.AT_REST, source, NOW)
    assert first.file_name == same.file_name
    delete_photo(store, first.id)
    assert (photos_dir(store.data_dir) / same.file_name).exists()  # still the other set's photo
    delete_photo_set(store, other_set.id)
    assert not (photos_dir(store.data_dir) / same.file_name).exists()


def test_a_backup_keeps_the_photos_and_a_restore_brings_them_back(store, photo_set, tmp_path):
    photo = import_photo(store, photo_set.id, Expression.BIG_SMILE, write(tmp_path, "a.png", picture()), NOW)
    backup = daily_backup(store, date(2026, 11, 24))
    backed_up = photo_backups_dir(backup.parent) / photo.file_name
    assert backed_up.read_bytes() == (photos_dir(store.data_dir) / photo.file_name).read_bytes()
    assert mode_of(backed_up) == 0o600
    delete_photo(store, photo.id)
    assert not (photos_dir(store.data_dir) / photo.file_name).exists()

    result = restore_backup(store, backup, date(2026, 11, 25))
    try:
        (restored,) = result.store.outcomes.photo_set(photo_set.id).photos
        assert photo_files.is_intact(result.store.data_dir, restored) and result.missing_photos == ()
    finally:
        result.store.close()


def test_pruning_takes_away_the_photos_no_kept_backup_names(store, photo_set, tmp_path):
    photo = import_photo(store, photo_set.id, Expression.BIG_SMILE, write(tmp_path, "a.png", picture()), NOW)
    daily_backup(store, date(2026, 10, 1))
    delete_photo(store, photo.id)
    for day in range(8):
        daily_backup(store, date(2026, 11, 1) + timedelta(days=day))
    prune_backups(store.data_dir, keep_recent=7)
    folder = photo_backups_dir(list_backups(store.data_dir)[0].path.parent)
    assert (folder / photo.file_name).exists()  # October's backup is kept, as the newest of its month
    prune_backups(store.data_dir, keep_recent=0)
    for backup in list_backups(store.data_dir):
        backup.path.unlink()
    prune_backups(store.data_dir)
    assert not (folder / photo.file_name).exists()

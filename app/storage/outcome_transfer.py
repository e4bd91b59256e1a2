"""The outcomes in the JSON export, and the progress photos in an archive beside it.

The document's "outcomes" holds the items chosen (each rating names its item by index in
that list), the ratings, the clinician scores and the photo sets with each photo's file name
and checksum. The pictures themselves go in `<export>.photos.zip` beside the JSON file, each
under its file name, so the JSON stays small and readable; a picture whose bytes no longer
match its checksum is left out of the archive rather than passed on damaged.

Import checks every field first (a field at fault is named; nothing is written), then merges
without doubling: an item by what it is and when it was chosen, a rating by item, day and
moment (this device's rating stays), a score by all its values, a set by its day and when it
was made, a photo by set and expression. Items from the file come in set aside unless this
device has chosen none (never more than five are rated at once); this device's baseline
stays. A photo comes in only with its picture from the archive, checked against its checksum;
one without is counted, not added.
"""
from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..atomic import remove_quietly, write_atomically
from ..outcomes.items import KEY_CHARS, MAX_KEY
from ..outcomes.validation import MAX_OWN_WORDS, OutcomeError, check_score, checked_own_words
from ..vocabulary import Expression, PhotoSource, RatingMoment
from .db import prepare_data_dir
from .fields import Fields, kind_of
from .models import ClinicianScoreRecord, PhotoRecord, PhotoSetRecord, RatingItemRecord, RatingRecord
from .photo_files import MAX_BYTES, photos_dir


def _instant(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(timezone.utc).isoformat()


def export_outcomes(s) -> dict[str, list[dict[str, Any]]]:
    items = list(s.scalars(select(RatingItemRecord).order_by(RatingItemRecord.id)))
    index = {item.id: position for position, item in enumerate(items)}
    sets = s.scalars(select(PhotoSetRecord).options(selectinload(PhotoSetRecord.photos)).order_by(PhotoSetRecord.id))
    return {
        "items": [{"key": i.item_key, "own_words": i.own_words, "position": i.position,
                   "chosen_at": _instant(i.chosen_at), "retired_at": _instant(i.retired_at)} for i in items],
        "ratings": [{"item": index[r.item_id], "local_date": r.local_date.isoformat(), "moment": r.moment,
                     "value": r.value, "created_at": _instant(r.created_at)}
                    for r in s.scalars(select(RatingRecord).order_by(RatingRecord.local_date, RatingRecord.id))],
        "clinician_scores": [{"scale": c.scale, "scale_name": c.scale_name, "value": c.value,
                              "scored_on": c.scored_on.isoformat(), "rated_by": c.rated_by, "note": c.note,
                              "created_at": _instant(c.created_at)}
                             for c in s.scalars(select(ClinicianScoreRecord).order_by(ClinicianScoreRecord.id))],
        "photo_sets": [{"taken_on": p.taken_on.isoformat(), "baseline": p.baseline, "created_at": _instant(p.created_at),
                        "photos": [{"expression": f.expression, "file_name": f.file_name, "sha256": f.sha256,
                                    "width": f.width, "height": f.height, "taken_at": _instant(f.taken_at),
                                    "source": f.source} for f in p.photos]} for p in sets],
    }


def archive_path(export_path: Path) -> Path:
    return export_path.with_name(export_path.stem + ".photos.zip")


def write_photo_archive(data_dir: Path, outcomes: dict[str, Any], export_path: Path) -> Path | None:
    """The archive of the photos the document names, beside it (atomically, private); None
    when there is no photo. Raises OSError when it cannot be written."""
    names = sorted({photo["file_name"]: photo["sha256"] for photo_set in outcomes["photo_sets"]
                    for photo in photo_set["photos"]}.items())
    if not names:
        return None
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:  # JPEG does not compress further
        for name, checksum in names:
            try:
                data = (photos_dir(data_dir) / name).read_bytes()
            except OSError:
                continue
            if hashlib.sha256(data).hexdigest() == checksum:
                archive.writestr(name, data)
    target = archive_path(export_path)
    write_atomically(target, buffer.getvalue(), private=True)
    return target


# --- reading the file ----------------------------------------------------------------------------

MAX_ROWS = 100_000
MAX_SIDE = 100_000  # pixels
HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class OutcomesIn:
    items: tuple[dict[str, Any], ...] = ()
    ratings: tuple[dict[str, Any], ...] = ()  # "item" is the index into items
    scores: tuple[dict[str, Any], ...] = ()
    sets: tuple[tuple[dict[str, Any], tuple[dict[str, Any], ...]], ...] = ()  # (set, its photos)


def _only(entry: Fields, names: tuple[str, ...]) -> None:
    extra = sorted(set(entry.table) - set(names))
    if extra:
        raise entry.fail(extra[0], "is not a field of this entry")


def _list(part: Fields, name: str) -> list[Fields]:
    entries = part.items(name)
    if len(entries) > MAX_ROWS:
        raise part.fail(name, f"holds more than {MAX_ROWS} entries")
    return entries


def parse_outcomes(top: Fields) -> OutcomesIn:
    """The outcomes' part of the file; an export from before them has none."""
    if "outcomes" not in top.table:
        return OutcomesIn()
    part = Fields(top.source, top.table["outcomes"], "outcomes")
    _only(part, ("items", "ratings", "clinician_scores", "photo_sets"))
    items = tuple(_parse_item(entry) for entry in _list(part, "items"))
    ratings = tuple(_parse_rating(entry, len(items)) for entry in _list(part, "ratings"))
    sets = tuple(_parse_set(entry) for entry in _list(part, "photo_sets"))
    if sum(photo_set["baseline"] for photo_set, _photos in sets) > 1:
        raise part.fail("photo_sets", "has more than one baseline set")
    return OutcomesIn(items, ratings, tuple(_parse_score(entry) for entry in _list(part, "clinician_scores")), sets)


def _parse_item(entry: Fields) -> dict[str, Any]:
    _only(entry, ("key", "own_words", "position", "chosen_at", "retired_at"))
    key = entry.text("key", MAX_KEY, optional=True)
    words = entry.text("own_words", MAX_OWN_WORDS, optional=True)
    if (key is None) == (words is None):
        raise entry.fail("key", "or own_words must be given, and not both")
    if key is not None and not set(key) <= KEY_CHARS:
        raise entry.fail("key", f"must be lower-case letters, digits and '_', got {kind_of(key)}")
    if words is not None:
        try:
            words = checked_own_words(words)
        except OutcomeError as error:
            raise entry.fail("own_words", str(error).removeprefix(f"{error.field}: ")) from None
    return {"item_key": key, "own_words": words, "position": entry.integer("position", 0, MAX_ROWS),
            "chosen_at": entry.instant("chosen_at"), "retired_at": entry.instant("retired_at", optional=True)}


def _parse_rating(entry: Fields, item_count: int) -> dict[str, Any]:
    _only(entry, ("item", "local_date", "moment", "value", "created_at"))
    if item_count == 0:
        raise entry.fail("item", "names an item, but the file has none")
    return {"item": entry.integer("item", 0, item_count - 1), "local_date": entry.day("local_date"),
            "moment": entry.choice("moment", tuple(RatingMoment)), "value": entry.integer("value", 0, 10),
            "created_at": entry.instant("created_at")}


def _parse_score(entry: Fields) -> dict[str, Any]:
    _only(entry, ("scale", "scale_name", "value", "scored_on", "rated_by", "note", "created_at"))
    try:
        checked = check_score(entry.raw("scale"), entry.raw("value"), entry.raw("scale_name"),
                              entry.raw("rated_by"), entry.raw("note"))
    except OutcomeError as error:
        where = {"score": "value", "name of the score": "scale_name", "rated by": "rated_by"}.get(error.field,
                                                                                                  error.field)
        raise entry.fail(where, str(error).removeprefix(f"{error.field}: ")) from None
    return {"scale": checked.scale.value, "scale_name": checked.scale_name, "value": checked.value,
            "scored_on": entry.day("scored_on"), "rated_by": checked.rated_by, "note": checked.note,
            "created_at": entry.instant("created_at")}


def _parse_set(entry: Fields) -> tuple[dict[str, Any], tuple[dict[str, Any], ...]]:
    _only(entry, ("taken_on", "baseline", "created_at", "photos"))
    photos = tuple(_parse_photo(photo) for photo in entry.items("photos"))
    expressions = [photo["expression"] for photo in photos]
    if len(set(expressions)) != len(expressions):
        raise entry.fail("photos", "has two photos of the same expression")
    return ({"taken_on": entry.day("taken_on"), "baseline": entry.flag("baseline"),
             "created_at": entry.instant("created_at")}, photos)


def _parse_photo(entry: Fields) -> dict[str, Any]:
    _only(entry, ("expression", "file_name", "sha256", "width", "height", "taken_at", "source"))
    checksum = entry.text("sha256", 64)
    if len(checksum) != 64 or not set(checksum) <= HEX:
        raise entry.fail("sha256", f"must be 64 lower-case hexadecimal digits, got {kind_of(checksum)}")
    if entry.raw("file_name") != f"{checksum}.jpg":
        raise entry.fail("file_name", f"must be the checksum with .jpg, got {kind_of(entry.raw('file_name'))}")
    return {"expression": entry.choice("expression", tuple(Expression)), "file_name": f"{checksum}.jpg",
            "sha256": checksum, "width": entry.integer("width", 1, MAX_SIDE),
            "height": entry.integer("height", 1, MAX_SIDE), "taken_at": entry.instant("taken_at"),
            "source": entry.choice("source", tuple(PhotoSource))}


# --- merging -------------------------------------------------------------------------------------

@dataclass
class PhotoArrivals:
    """The pictures an import wrote into photos/, to take away again if the import is undone."""

    written: list[Path] = field(default_factory=list)

    def undo(self) -> None:
        for path in self.written:
            remove_quietly(path)


def _picture(archive: zipfile.ZipFile | None, name: str, checksum: str) -> bytes | None:
    if archive is None:
        return None
    try:
        info = archive.getinfo(name)
        if info.file_size > MAX_BYTES:
            return None
        data = archive.read(info)
    except (KeyError, OSError, zipfile.BadZipFile, EOFError):
        return None
    return data if hashlib.sha256(data).hexdigest() == checksum else None


def open_archive(export_path: Path) -> zipfile.ZipFile | None:
    """The photo archive beside the export, if there is one that opens."""
    try:
        return zipfile.ZipFile(archive_path(export_path))
    except (OSError, zipfile.BadZipFile):
        return None


def merge_outcomes(s, contents: OutcomesIn, report, data_dir: Path, archive: zipfile.ZipFile | None,
                   arrivals: PhotoArrivals) -> None:
    item_ids = _merge_items(s, contents.items, report)
    rated = {(r.item_id, r.local_date, r.moment) for r in s.scalars(select(RatingRecord))}
    for rating in contents.ratings:
        values = {**rating, "item_id": item_ids[rating["item"]]}
        del values["item"]
        if (values["item_id"], values["local_date"], values["moment"]) not in rated:
            s.add(RatingRecord(**values))
            rated.add((values["item_id"], values["local_date"], values["moment"]))
            report.added_outcomes += 1
    columns = ("scale", "scale_name", "value", "scored_on", "rated_by", "note", "created_at")
    scored = {tuple(getattr(row, c) for c in columns) for row in s.scalars(select(ClinicianScoreRecord))}
    for score in contents.scores:
        if tuple(score[c] for c in columns) not in scored:
            s.add(ClinicianScoreRecord(**score))
            scored.add(tuple(score[c] for c in columns))
            report.added_outcomes += 1
    _merge_sets(s, contents.sets, report, data_dir, archive, arrivals)


def _merge_items(s, items: tuple[dict[str, Any], ...], report) -> list[int]:
    rows = list(s.scalars(select(RatingItemRecord)))
    existing = {(row.item_key, row.own_words, row.chosen_at): row.id for row in rows}
    keep_active = not any(row.retired_at is None for row in rows)  # this device's choice stands, if it has one
    ids = []
    for item in items:
        known = existing.get((item["item_key"], item["own_words"], item["chosen_at"]))
        if known is None:
            retired = item["retired_at"] if keep_active else (item["retired_at"] or item["chosen_at"])
            row = RatingItemRecord(**{**item, "retired_at": retired})
            s.add(row)
            s.flush()
            known = existing[(item["item_key"], item["own_words"], item["chosen_at"])] = row.id
            report.added_outcomes += 1
        ids.append(known)
    return ids


def _merge_sets(s, sets, report, data_dir: Path, archive, arrivals: PhotoArrivals) -> None:
    rows = list(s.scalars(select(PhotoSetRecord).options(selectinload(PhotoSetRecord.photos))))
    existing = {(row.taken_on, row.created_at): row for row in rows}
    has_baseline = any(row.baseline for row in rows)
    for photo_set, photos in sets:
        row = existing.get((photo_set["taken_on"], photo_set["created_at"]))
        if row is None:
            row = PhotoSetRecord(**{**photo_set, "baseline": photo_set["baseline"] and not has_baseline})
            s.add(row)
            s.flush()
            has_baseline = has_baseline or row.baseline
            report.added_outcomes += 1
        taken = {photo.expression for photo in row.photos}
        for photo in photos:
            if photo["expression"] in taken:
                continue
            if not _bring_picture(data_dir, archive, photo, arrivals):
                report.photos_not_found += 1
                continue
            s.add(PhotoRecord(set_id=row.id, **photo))
            taken.add(photo["expression"])
            report.added_outcomes += 1


def _bring_picture(data_dir: Path, archive, photo: dict[str, Any], arrivals: PhotoArrivals) -> bool:
    target = photos_dir(data_dir) / photo["file_name"]
    if target.exists():
        return hashlib.sha256(target.read_bytes()).hexdigest() == photo["sha256"]
    data = _picture(archive, photo["file_name"], photo["sha256"])
    if data is None:
        return False
    prepare_data_dir(target.parent)
    write_atomically(target, data, private=True)
    arrivals.written.append(target)
    return True

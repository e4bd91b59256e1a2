"""The outcomes in the JSON export, and the progress photos in an archive beside it.

The document's "outcomes" holds the items chosen (each rating names its item by index in
that list), the ratings, the clinician scores and the photo sets with each photo's file name
and checksum. The pictures themselves go in `<export>.photos.zip` beside the JSON file, each
under its file name, so the JSON stays small and readable; a picture whose bytes no longer
match its checksum is left out of the archive rather than passed on damaged.
Reading these back on import is not done yet: a file with them imports the rest as before.
"""
from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..atomic import write_atomically
from .models import ClinicianScoreRecord, PhotoSetRecord, RatingItemRecord, RatingRecord
from .photo_files import photos_dir


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

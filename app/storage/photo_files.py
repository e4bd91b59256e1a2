"""Progress photos as files in the data folder: photos/ (0700), each file 0600, named by the
SHA-256 of its bytes, which the record keeps beside the name.

An image is read with Pillow before anything is kept: a file that is not an image, is empty,
or is too large (in bytes or in pixels) is refused in plain words and nothing changes. What
is kept is normalised: turned upright, at most LONGEST_EDGE pixels on its longer side, saved
as JPEG without the metadata the camera wrote (which can hold where it was taken).
"""
from __future__ import annotations

import hashlib
import io
import warnings
from datetime import datetime
from pathlib import Path

from ..atomic import remove_quietly, write_atomically
from ..outcomes.entries import Photo, StoredImage
from ..vocabulary import Expression, PhotoSource
from .db import prepare_data_dir
from .errors import StoreError

PHOTOS_DIR = "photos"
MAX_BYTES = 40 * 1024 * 1024  # a phone's largest photos are well under this
MAX_PIXELS = 60_000_000  # below Pillow's own bomb limit: larger is not a photo of a face
LONGEST_EDGE = 2048
JPEG_QUALITY = 90
FORMATS = ("JPEG", "PNG", "WEBP")  # what phones and cameras write; fewer decoders, fewer surprises


class PhotoFileError(StoreError):
    """A file that cannot be kept as a photo, said for the patient; nothing was changed."""


def photos_dir(data_dir: Path | str) -> Path:
    return Path(data_dir) / PHOTOS_DIR


def photo_path(data_dir: Path | str, photo: Photo | StoredImage) -> Path:
    return photos_dir(data_dir) / photo.file_name


def normalised(data: bytes) -> tuple[bytes, int, int]:
    """The image in `data` as the record keeps it (JPEG bytes, width, height), or PhotoFileError."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if not data:
        raise PhotoFileError("Nothing was kept: the file is empty (0 bytes).")
    if len(data) > MAX_BYTES:
        raise PhotoFileError(f"Nothing was kept: the file is {len(data) // (1024 * 1024)} MB; "
                             f"a photo can be at most {MAX_BYTES // (1024 * 1024)} MB.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # Pillow warns of a truncated or odd file, then reads on: refuse it
            with Image.open(io.BytesIO(data), formats=FORMATS) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise PhotoFileError(f"Nothing was kept: the picture is {width} x {height} pixels; a photo can "
                                         f"have at most {MAX_PIXELS // 1_000_000} million pixels.")
                image.load()
                upright = ImageOps.exif_transpose(image)
                return _as_jpeg(upright)
    except PhotoFileError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoFileError("Nothing was kept: this file is not a picture SmileBack can open "
                             "(a photo as JPEG, PNG or WEBP is).") from None
    except (OSError, ValueError, SyntaxError, EOFError, Warning):  # a truncated or damaged image
        raise PhotoFileError("Nothing was kept: the picture in this file is damaged or incomplete.") from None


def _as_jpeg(image) -> tuple[bytes, int, int]:
    from PIL import Image

    if image.mode not in ("RGB", "L"):
        rgba = image.convert("RGBA")
        image = Image.new("RGB", rgba.size, "white")
        image.paste(rgba, mask=rgba.getchannel("A"))
    image.thumbnail((LONGEST_EDGE, LONGEST_EDGE))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY)  # no exif= : the camera's metadata is not kept
    return out.getvalue(), image.width, image.height


def keep_image(data_dir: Path | str, data: bytes) -> StoredImage:
    """Normalise the image and write it, atomically and private, into photos/."""
    jpeg, width, height = normalised(data)
    checksum = hashlib.sha256(jpeg).hexdigest()
    image = StoredImage(f"{checksum}.jpg", checksum, width, height)
    folder = photos_dir(data_dir)
    try:
        prepare_data_dir(folder)
        write_atomically(folder / image.file_name, jpeg, private=True)
    except OSError as error:
        raise StoreError(f"Nothing was kept: the photo could not be written ({error.strerror or error}).") from error
    return image


def read_file(source: Path | str) -> bytes:
    """A file's bytes for import, refusing one too large before reading it."""
    source = Path(source)
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise PhotoFileError(f"Nothing was kept: the file is {size // (1024 * 1024)} MB; "
                                 f"a photo can be at most {MAX_BYTES // (1024 * 1024)} MB.")
        return source.read_bytes()
    except OSError as error:
        raise PhotoFileError(f"Nothing was kept: {source.name} cannot be read ({error.strerror or error}).") from None


def add_photo(store, set_id: int, expression: Expression, data: bytes, taken_at: datetime,
              source: PhotoSource) -> Photo:
    """Keep `data` as the set's photo of `expression`: the file first, then the record; a refused
    record write takes the new file away again, a replaced photo's file goes once unnamed."""
    image = keep_image(store.data_dir, data)
    had = store.outcomes.file_names()
    try:
        photo, replaced = store.outcomes.add_photo(set_id, expression, image, taken_at, source)
    except Exception:
        if image.file_name not in had:
            remove_quietly(photo_path(store.data_dir, image))
        raise
    if replaced is not None:
        forget_files(store, [replaced])
    return photo


def import_photo(store, set_id: int, expression: Expression, source: Path | str, taken_at: datetime) -> Photo:
    return add_photo(store, set_id, expression, read_file(source), taken_at, PhotoSource.FILE)


def delete_photo(store, photo_id: int) -> None:
    forget_files(store, [store.outcomes.delete_photo(photo_id)])


def delete_photo_set(store, set_id: int) -> None:
    forget_files(store, store.outcomes.delete_photo_set(set_id))


def forget_files(store, names) -> None:
    """Remove the files no photo of the record names any more (the same picture can be in two sets)."""
    named = store.outcomes.file_names()
    for name in set(names) - named:
        remove_quietly(photos_dir(store.data_dir) / name)


def is_intact(data_dir: Path | str, photo: Photo) -> bool:
    """The photo's file is there and its bytes are the ones the record's checksum names."""
    try:
        return hashlib.sha256(photo_path(data_dir, photo).read_bytes()).hexdigest() == photo.sha256
    except OSError:
        return False

"""A write the record refuses (a full disk, a read-only file), said in the patient's words.

Every write of the Store goes through `refusal_told()`, which turns a refusal that may
pass into WriteFailed. A mistake in our own SQL (an integrity or programming error) is
not a refusal, and still raises as itself.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from sqlalchemy.exc import DatabaseError, OperationalError

from .errors import WriteFailed

REASONS = {
    "SQLITE_FULL": "the device's storage is full",
    "SQLITE_READONLY": "the record is read-only",
    "SQLITE_IOERR": "the device could not write the file",
    "SQLITE_BUSY": "the record is busy",
    "SQLITE_LOCKED": "the record is busy",
    "SQLITE_CANTOPEN": "the record's file cannot be opened",
    "SQLITE_CORRUPT": "the record's file is damaged",
    "SQLITE_NOTADB": "the record's file is damaged",
}


def reason_words(error: BaseException) -> str:
    """Why a write was refused, from SQLite's own error name where it gives one."""
    name = getattr(getattr(error, "orig", error), "sqlite_errorname", "") or ""
    for prefix, words in REASONS.items():  # SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, ...
        if name.startswith(prefix):
            return words
    if isinstance(error, OSError):
        return error.strerror or "the device could not write the file"
    return "the record could not be written"


@contextmanager
def refusal_told() -> Iterator[None]:
    """Raise WriteFailed, with the reason in plain words, when the record refuses a write."""
    try:
        yield
    except (OperationalError, OSError) as error:
        raise WriteFailed(reason_words(error)) from error
    except DatabaseError as error:
        if type(error) is not DatabaseError:  # IntegrityError and the like: our mistake, not the disk's
            raise
        raise WriteFailed(reason_words(error)) from error

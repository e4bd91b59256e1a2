"""The patient's own copies of the record: backups listed in words, restore, export and import.

The "Your record" screen shows what these return; every message here is meant to be read
by the patient as it is. Nothing here imports Kivy.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from .caregiver.pin import CAREGIVER_KEYS, pin_is_set
from .formatting import plural
from .routine import Routine
from .storage.backup import (PRE_RESTORE, BackupInfo, safety_copy_target, daily_backup, list_backups,
                             restore_backup, write_verified_copy)
from .storage.errors import StoreError
from .storage.repository import PlanView, Store
from .storage.transfer import ImportFileError, ImportReport, export_json, import_json, parse_document, read_document


# --- the list of backups ------------------------------------------------------------------

def day_words(day: date, today: date) -> str:
    """'Tue 24 Nov', with 'Today, ' / 'Yesterday, ' before it, and the year when not this one."""
    words = f"{day:%a} {day.day} {day:%b}" + (f" {day.year}" if day.year != today.year else "")
    if day == today:
        return f"Today, {words}"
    if day == today - timedelta(days=1):
        return f"Yesterday, {words}"
    return words


def size_words(size: int) -> str:
    return f"{max(1, round(size / 1024))} KB"


@dataclass(frozen=True)
class BackupLine:
    """One backup as the patient reads it."""

    info: BackupInfo
    title: str  # "Today, Wed 25 Nov"
    detail: str  # "Daily copy, 48 KB"
    when: str  # what "Restore the record from ...?" names

    @property
    def path(self) -> Path:
        return self.info.path


def describe(info: BackupInfo, today: date) -> BackupLine:
    day = day_words(info.day, today)
    if info.kind == PRE_RESTORE:
        made = f"{info.created:%H:%M}"
        return BackupLine(info, day, f"Safety copy from {made}, {size_words(info.size)}",
                          f"the safety copy of {_lower(day)} at {made}")
    return BackupLine(info, day, f"Daily copy, {size_words(info.size)}",
                      _lower(day) if day.startswith(("Today", "Yesterday")) else day)


def _lower(words: str) -> str:
    return words[0].lower() + words[1:]


def backup_lines(data_dir: Path | str, today: date) -> list[BackupLine]:
    """Every backup, newest first."""
    return [describe(info, today) for info in list_backups(data_dir)]


# --- backing up now and restoring ------------------------------------------------------------

def back_up_now(store: Store, today: date) -> str:
    """Make today's copy afresh, from the record as it is now; say so. Raises StoreError."""
    made = daily_backup(store, today, fresh=True)
    return f"Done: today's copy now holds everything recorded so far ({made.name})."


@dataclass(frozen=True)
class Restored:
    store: Store  # the reopened record; the one passed in is closed
    message: str


CAREGIVER_KEPT = "Your caregiver PIN and current plan were kept."
CAREGIVER_RESTORED = "The caregiver PIN and plan are now as they were in that backup."


@dataclass(frozen=True)
class CaregiverChoices:
    """What only the caregiver may change, as the record holds it before a restore."""

    settings: dict[str, str]  # every CAREGIVER_KEYS setting, "" where unset
    plan: PlanView | None  # the current plan, carried only when there is a caregiver (a PIN)

    @classmethod
    def of(cls, store: Store) -> CaregiverChoices:
        settings = store.settings()
        plan = store.current_plan() if pin_is_set(settings) else None
        return cls({key: settings.get(key, "") for key in CAREGIVER_KEYS}, plan)

    def carry_into(self, restored: Store, now: datetime) -> None:
        """Put these back into the restored record; a different plan becomes a new version from
        today, so the days before stay judged by the plans the backup holds."""
        for key, value in self.settings.items():
            restored.put_setting(key, value)  # "" unsets: a backup's old PIN does not come back
        if self.plan is not None and not _same_plan(self.plan, restored.current_plan()):
            restored.save_plan(list(self.plan.steps), set(self.plan.rest_weekdays), now.date(), now)


def _same_plan(plan: PlanView, other: PlanView | None) -> bool:
    return other is not None and (plan.steps, plan.rest_weekdays) == (other.steps, other.rest_weekdays)


def restore(store: Store, line: BackupLine, now: datetime, *, caregiver_unlocked: bool) -> Restored:
    """Put a backup in place of the record, after a safety copy of it. Raises StoreError.

    The caregiver PIN, its lock state and (when a PIN is set) the current plan are kept as
    they are, unless the caregiver is in caregiver mode: then the backup is taken whole."""
    kept = None if caregiver_unlocked else CaregiverChoices.of(store)
    adjust = (lambda restored: kept.carry_into(restored, now)) if kept else None
    result = restore_backup(store, line.path, now.date(), adjust)
    message = (f"Restored the record from {line.when}. Your record from just before is kept as "
               f"today's safety copy, listed below: restore it to undo this.")
    if caregiver_unlocked:
        message += " " + CAREGIVER_RESTORED
    elif kept.plan is not None:
        message += " " + CAREGIVER_KEPT
    return Restored(result.store, message)


def reopen_after_failure(store: Store) -> Store:
    """After a restore failed part-way, a fresh handle on the record (the old one may be closed)."""
    return Store(store.data_dir)


# --- export and import -------------------------------------------------------------------------

def export_file_name(today: date) -> str:
    return f"smileback-record-{today.isoformat()}.json"


def export_record(store: Store, folder: Path | str, today: date) -> str:
    """Write the whole record as one JSON file into folder; say where. Raises StoreError."""
    if not str(folder).strip():
        raise StoreError("Type the folder to save the file in first. Nothing was saved.")
    folder = Path(str(folder).strip()).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"SmileBack could not use the folder {folder}: {error.strerror or error}. "
                         "Nothing was saved.") from error
    path = export_json(store, folder / export_file_name(today))
    return (f"Saved your whole record to {path}. The file is not protected by a password: "
            "keep it somewhere private.")


def safety_copy(store: Store, today: date) -> Path:
    """A checked copy of the record as it is now, listed with the backups. Raises StoreError."""
    return write_verified_copy(store.path, safety_copy_target(store.data_dir, today))


def changed(report: ImportReport) -> bool:
    return bool(report.added_sessions or report.added_plans or report.added_rest_days or report.added_settings
                or report.added_outcomes)


def report_words(report: ImportReport) -> str:
    """'Added 12 sessions; 3 were already here.'"""
    added, skipped = report.added_sessions, report.skipped_duplicates
    if added == 0 and skipped == 0:
        text = "The file held no sessions"
    elif added == 0:
        text = f"Nothing new: {'the session was' if skipped == 1 else f'all {skipped} sessions were'} already here"
    else:
        text = f"Added {plural(added, 'session')}"
        if skipped:
            text += f"; {skipped} {'was' if skipped == 1 else 'were'} already here"
    extras = []
    if report.added_plans:
        extras.append(plural(report.added_plans, "plan version"))
    if report.added_rest_days:
        extras.append(plural(report.added_rest_days, "rest day"))
    if report.added_outcomes:
        extras.append(plural(report.added_outcomes, "rating, score or photo entry", "rating, score or photo entries"))
    if extras:
        text += f" (and {' and '.join(extras)})"
    text += "."
    if report.photos_not_found:
        text += (f" {plural(report.photos_not_found, 'photo')} could not be added: the photo archive beside the "
                 "file (its name ending in .photos.zip) was missing or did not hold it whole.")
    return text


PLAN_NOT_MADE_CURRENT = ("The plan in the file was not made current: a caregiver can import it again in "
                         "caregiver mode.")


def plan_guarded(store: Store, caregiver_unlocked: bool) -> bool:
    """A caregiver has a PIN and has not unlocked caregiver mode: their plan stays current."""
    return pin_is_set(store.settings()) and not caregiver_unlocked


def import_record(store: Store, path: Path | str, today: date, routine: Routine, *,
                  caregiver_unlocked: bool) -> str:
    """Merge an export file into the record; say what happened.

    The file is checked first: a bad one changes nothing and makes no copy. Into a record
    that already holds sessions, a safety copy is saved first so the import can be undone.
    A plan from the file that would become current is left out unless the caregiver is in
    (or there is no caregiver); the sessions are merged all the same.
    Raises ImportFileError (a bad file) or StoreError (the record could not be written).
    """
    text = str(path).strip()
    if not text:
        raise ImportFileError("Type the full path of a SmileBack export file first, for example "
                              f"{Path('~/Documents').expanduser() / export_file_name(today)}.")
    path = Path(text).expanduser()
    parse_document(read_document(path), routine, path.name)  # refuse a bad file before anything is written
    safety = safety_copy(store, today) if store.session_count() else None
    try:
        report = import_json(store, path, routine, keep_current_plan=plan_guarded(store, caregiver_unlocked))
    except (ImportFileError, StoreError):
        if safety is not None:
            safety.unlink(missing_ok=True)  # nothing was written: nothing to undo
        raise
    message = report_words(report)
    if safety is not None and not changed(report):
        safety.unlink(missing_ok=True)  # the record is as it was: nothing to undo
        safety = None
    if report.held_back_plans:
        message += " " + PLAN_NOT_MADE_CURRENT
    if safety is not None:
        message += " Your record from just before is kept as a safety copy, listed with the backups above."
    return message

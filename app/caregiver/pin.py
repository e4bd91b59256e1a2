"""The caregiver PIN: salted hash only, lockout after wrong tries, and a mode timeout.

The PIN keeps a curious hand out of the plan editor; it is not encryption of the
record. It is stored only as a PBKDF2 hash with a random salt (settings key
"caregiver.pin_hash"), so the digits never reach the database or a backup.

After MAX_FREE_TRIES wrong tries entry locks for 60 s, doubling with each further
failure. The failure count and the lock's wall-clock end (UTC ISO) live in settings so
a restart does not reset them; while the app runs the lock keeps time on the monotonic
clock. The app holds one lock per record (`Core.caregiver_lock`), so leaving and
re-entering the PIN screen keeps that monotonic time.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from ..clock import Clock
from ..storage import Store

HASH_KEY = "caregiver.pin_hash"
FAILURES_KEY = "caregiver.failures"
LOCKED_UNTIL_KEY = "caregiver.locked_until"
RESET_ON_KEY = "caregiver.pin_reset_on"  # the local date (ISO) of the last reset, shown on the dashboard
# Everything that says who may enter caregiver mode: a restore keeps these as they are.
CAREGIVER_KEYS = (HASH_KEY, FAILURES_KEY, LOCKED_UNTIL_KEY, RESET_ON_KEY)

MIN_DIGITS, MAX_DIGITS = 4, 8
MAX_FREE_TRIES = 5
FIRST_LOCK_SECONDS = 60
# Capped so a long run of failures cannot overflow datetime arithmetic.
MAX_LOCK_SECONDS = 24 * 3600
ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 200_000  # about 50 ms here; kept in each hash so it can be raised later
# A stored count above this is taken as damage: checking it would freeze the screen
# (or overflow hashlib), and room to raise ITERATIONS tenfold is plenty.
MAX_ITERATIONS = 10 * ITERATIONS
SESSION_TIMEOUT_SECONDS = 5 * 60

_DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() also accepts other scripts' digits


class PinError(ValueError):
    """A PIN could not be set or reset; the message is meant for the caregiver."""


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    message: str
    locked_for_seconds: int = 0


def pin_problem(pin: str) -> str | None:
    """Why this text cannot be a PIN, or None if it can."""
    if not _DIGITS.fullmatch(pin):
        return "The PIN can contain only the digits 0 to 9 (no letters, spaces or symbols)."
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return f"The PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits long."
    return None


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("ascii"), salt, iterations)
    return f"{ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """False for a wrong PIN and for any damaged hash: a damaged hash never opens the
    lock; reset is the way out."""
    if not stored.isascii():  # hash_pin writes ASCII only, and compare_digest refuses other text
        return False
    try:
        algorithm, iterations, salt, _ = stored.split("$")
        count = int(iterations)
        if algorithm != ALGORITHM or not 1 <= count <= MAX_ITERATIONS:
            return False
        expected = hash_pin(pin, bytes.fromhex(salt), count)
    except ValueError:
        return False
    return hmac.compare_digest(expected, stored)


def lock_seconds(failures: int) -> int:
    """60 s at the fifth failure, then 120, 240, ... for each one after it."""
    if failures < MAX_FREE_TRIES:
        return 0
    return min(FIRST_LOCK_SECONDS * 2 ** min(failures - MAX_FREE_TRIES, 20), MAX_LOCK_SECONDS)


class CaregiverLock:
    def __init__(self, store: Store, clock: Clock):
        self.store, self.clock = store, clock
        # Monotonic end of a lock set in this run: moving the wall clock forward
        # must not open the lock early while the app keeps running.
        self._mono_until = 0.0

    # --- setting and resetting -------------------------------------------------

    def has_pin(self) -> bool:
        return pin_is_set(self.store.settings())

    def set_pin(self, pin: str, repeat: str) -> None:
        """First use: the PIN is typed twice and must match."""
        if self.has_pin():
            raise PinError("A caregiver PIN is already set. Use change PIN, or reset it if forgotten.")
        self._store_new_pin(pin, repeat)

    def change_pin(self, current: str, pin: str, repeat: str) -> None:
        result = self.check(current)
        if not result.ok:
            raise PinError(result.message)
        self._store_new_pin(pin, repeat)

    def reset(self, confirmed: bool) -> None:
        """Forget the PIN and the lock state; the patient's sessions and plan stay as they are."""
        if not confirmed:
            raise PinError("The PIN was not reset: please confirm that you want to reset it.")
        for key in (HASH_KEY, FAILURES_KEY, LOCKED_UNTIL_KEY):
            self.store.put_setting(key, "")  # the store has no delete; empty means unset
        self._mono_until = 0.0
        # Kept so the dashboard can say so: a reset is how someone without the PIN gets in.
        self.store.put_setting(RESET_ON_KEY, self.clock.now().date().isoformat())

    def _store_new_pin(self, pin: str, repeat: str) -> None:
        problem = pin_problem(pin)
        if problem:
            raise PinError(problem)
        if pin != repeat:
            raise PinError("The two PINs do not match. Please type the same PIN twice.")
        self.store.put_setting(HASH_KEY, hash_pin(pin))
        self._save_lock_state(0, None)

    # --- checking ----------------------------------------------------------------

    def check(self, pin: str) -> CheckResult:
        stored = self.store.settings().get(HASH_KEY)
        if not stored:
            return CheckResult(False, "No caregiver PIN is set yet.")
        remaining = self.locked_for_seconds()
        if remaining:
            return CheckResult(False, locked_message(remaining), remaining)
        if pin_problem(pin):
            # Not counted as a try: text that cannot be a PIN reveals nothing.
            return CheckResult(False, pin_problem(pin))
        if pin_matches(pin, stored):
            self._save_lock_state(0, None)
            self._mono_until = 0.0
            return CheckResult(True, "PIN accepted.")
        return self._record_failure()

    def locked_for_seconds(self) -> int:
        """Whole seconds until entry opens again; 0 when not locked."""
        failures, until = self._lock_state()
        if until is None:
            return 0
        if not self._mono_until:
            # After a restart only the stored wall-clock end is left; capped at the lock's own
            # length so a clock set back cannot lengthen it beyond that. From here on the
            # monotonic clock keeps the time, so a later jump of the wall clock cannot open it.
            left = min((until - self.clock.now()).total_seconds(), lock_seconds(failures))
            if left <= 0:
                return 0
            self._mono_until = self.clock.monotonic() + left
        # Monotonic time ignores the wall clock being moved either way.
        return max(0, _ceil(self._mono_until - self.clock.monotonic()))

    def failures(self) -> int:
        return self._lock_state()[0]

    def _record_failure(self) -> CheckResult:
        failures = self.failures() + 1
        seconds = lock_seconds(failures)
        if seconds:
            until = self.clock.now().astimezone(timezone.utc) + timedelta(seconds=seconds)
            self._mono_until = self.clock.monotonic() + seconds
            self._save_lock_state(failures, until)
            return CheckResult(False, f"Wrong PIN. {locked_message(seconds)}", seconds)
        self._save_lock_state(failures, None)
        left = MAX_FREE_TRIES - failures
        tries = "try" if left == 1 else "tries"
        return CheckResult(False, f"Wrong PIN. {left} {tries} left before entry is locked for a while.")

    # --- persisted lock state ----------------------------------------------------

    def _lock_state(self) -> tuple[int, datetime | None]:
        settings = self.store.settings()
        try:
            failures = int(settings.get(FAILURES_KEY) or 0)
        except ValueError:
            failures = MAX_FREE_TRIES  # damaged count: assume the worst rather than unlock
        if failures < 0:
            failures = MAX_FREE_TRIES  # damaged too; it would also promise more than five tries
        until_text = settings.get(LOCKED_UNTIL_KEY) or ""
        try:
            until = datetime.fromisoformat(until_text) if until_text else None
        except ValueError:
            until = self.clock.now() + timedelta(seconds=lock_seconds(max(failures, MAX_FREE_TRIES)))
        if until is not None and until.tzinfo is None:
            # Written as UTC with its offset, so a bare time has lost only the offset; read
            # it as UTC (an aware now cannot be compared with a naive time). The lock's own
            # length still caps what is left of it.
            until = until.replace(tzinfo=timezone.utc)
        return failures, until

    def _save_lock_state(self, failures: int, until: datetime | None) -> None:
        self.store.put_setting(FAILURES_KEY, str(failures))
        self.store.put_setting(LOCKED_UNTIL_KEY, until.isoformat() if until else "")


def pin_is_set(settings: dict[str, str]) -> bool:
    """Whether there is a caregiver: without a PIN anyone may open caregiver mode."""
    return bool(settings.get(HASH_KEY))


def last_reset(settings: dict[str, str]) -> date | None:
    """The local date of the last PIN reset; None if never reset (or the stored date is damaged)."""
    try:
        return date.fromisoformat(settings.get(RESET_ON_KEY) or "")
    except ValueError:
        return None


class CaregiverSession:
    """Caregiver mode ends after five minutes without a touch (monotonic, so clock changes don't matter)."""

    def __init__(self, clock: Clock, timeout_seconds: float = SESSION_TIMEOUT_SECONDS):
        self.clock, self.timeout_seconds = clock, timeout_seconds
        self._last_touch = clock.monotonic()
        self._ended = False

    def touch(self) -> None:
        if not self.expired():
            self._last_touch = self.clock.monotonic()

    def end(self) -> None:
        self._ended = True

    def expired(self) -> bool:
        if self._ended or self.clock.monotonic() - self._last_touch >= self.timeout_seconds:
            self._ended = True  # once over, a late touch must not reopen it
        return self._ended

    def seconds_left(self) -> float:
        return 0.0 if self.expired() else self.timeout_seconds - (self.clock.monotonic() - self._last_touch)


def _ceil(seconds: float) -> int:
    return int(-(-seconds // 1))


def locked_message(seconds: int) -> str:
    """What a locked-out caregiver reads; the entry screen shows it afresh as the seconds run down."""
    return f"Too many wrong tries. Please wait {_duration_text(seconds)} and try again."


def _duration_text(seconds: int) -> str:
    if seconds == 1:
        return "1 second"
    if seconds < 120:
        return f"{seconds} seconds"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest:02d} s"

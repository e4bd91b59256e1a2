"""The caregiver PIN: hash-only storage, lockout timing, persistence, reset."""
from datetime import datetime, timedelta, timezone

import pytest

from app.caregiver.pin import (
    FAILURES_KEY, HASH_KEY, ITERATIONS, LOCKED_UNTIL_KEY, MAX_ITERATIONS, RESET_ON_KEY, CaregiverLock,
    CaregiverSession, PinError, hash_pin, last_reset, lock_seconds, locked_message, pin_matches,
)
from app.clock import FakeClock

PIN = "480913"


@pytest.fixture
def lock(store, clock):
    lock = CaregiverLock(store, clock)
    lock.set_pin(PIN, PIN)
    return lock


def fail(lock, times):
    return [lock.check("000000") for _ in range(times)][-1]


# --- setting the PIN ------------------------------------------------------------------


def test_no_pin_until_set(store, clock):
    lock = CaregiverLock(store, clock)
    assert not lock.has_pin()
    assert not lock.check("1234").ok
    lock.set_pin("1234", "1234")
    assert lock.has_pin()
    assert lock.check("1234").ok


def test_only_a_salted_hash_is_stored(store, lock):
    settings = store.settings()
    assert settings[HASH_KEY].startswith("pbkdf2_sha256$")
    assert all(PIN not in value for value in settings.values())
    assert all(PIN not in key for key in settings)


def test_same_pin_gets_a_different_salt(store, clock, tmp_path):
    from app.storage import Store

    other = Store(tmp_path / "other")
    try:
        CaregiverLock(store, clock).set_pin("1111", "1111")
        CaregiverLock(other, clock).set_pin("1111", "1111")
        assert store.settings()[HASH_KEY] != other.settings()[HASH_KEY]
    finally:
        other.close()


@pytest.mark.parametrize("pin, words", [
    ("12a4", "only the digits"),
    ("abcd", "only the digits"),
    ("12 34", "only the digits"),
    ("١٢٣٤", "only the digits"),  # Arabic-Indic digits pass str.isdigit() but are not 0-9
    ("", "only the digits"),
    ("123", "4 to 8 digits"),
    ("123456789", "4 to 8 digits"),
])
def test_bad_pins_are_refused_with_a_clear_message(store, clock, pin, words):
    lock = CaregiverLock(store, clock)
    with pytest.raises(PinError, match=words):
        lock.set_pin(pin, pin)
    assert not lock.has_pin()


@pytest.mark.parametrize("pin", ["1234", "12345678"])
def test_four_and_eight_digits_are_accepted(store, clock, pin):
    lock = CaregiverLock(store, clock)
    lock.set_pin(pin, pin)
    assert lock.check(pin).ok


def test_pin_must_be_typed_the_same_twice(store, clock):
    lock = CaregiverLock(store, clock)
    with pytest.raises(PinError, match="do not match"):
        lock.set_pin("1234", "1243")
    assert not lock.has_pin()


def test_set_pin_does_not_overwrite_an_existing_pin(lock):
    with pytest.raises(PinError, match="already set"):
        lock.set_pin("9999", "9999")
    assert lock.check(PIN).ok


def test_change_pin_needs_the_current_one(lock):
    with pytest.raises(PinError, match="Wrong PIN"):
        lock.change_pin("0000", "9999", "9999")
    lock.change_pin(PIN, "9999", "9999")
    assert lock.check("9999").ok
    assert not lock.check(PIN).ok


# --- checking and locking ----------------------------------------------------------------


def test_wrong_pin_says_how_many_tries_are_left(lock):
    result = lock.check("111111")
    assert not result.ok
    assert "Wrong PIN" in result.message and "4 tries left" in result.message
    assert result.locked_for_seconds == 0


def test_letters_at_entry_get_a_message_and_do_not_count(lock):
    result = lock.check("12ab")
    assert not result.ok and "digits" in result.message
    assert lock.failures() == 0


def test_five_wrong_tries_lock_for_sixty_seconds(lock, clock):
    assert fail(lock, 4).locked_for_seconds == 0
    fifth = lock.check("000000")
    assert fifth.locked_for_seconds == 60
    clock.advance(59)
    # Even the right PIN is refused while locked.
    refused = lock.check(PIN)
    assert not refused.ok and refused.locked_for_seconds == 1
    clock.advance(1)
    assert lock.check(PIN).ok


def test_lock_doubles_after_each_further_failure(lock, clock):
    fail(lock, 5)
    for expected in (120, 240, 480):
        clock.advance(lock.locked_for_seconds())
        assert lock.check("000000").locked_for_seconds == expected


def test_tries_while_locked_do_not_extend_the_lock(lock, clock):
    fail(lock, 5)
    clock.advance(30)
    lock.check("000000")
    assert lock.failures() == 5
    assert lock.locked_for_seconds() == 30


def test_right_pin_clears_the_failure_count(lock, clock):
    fail(lock, 5)
    clock.advance(60)
    assert lock.check(PIN).ok
    assert lock.failures() == 0
    assert fail(lock, 4).locked_for_seconds == 0


def test_lock_survives_a_restart(store, lock, clock):
    fail(lock, 5)
    clock.advance(20)
    reopened = CaregiverLock(store, clock)
    result = reopened.check(PIN)
    assert not result.ok and result.locked_for_seconds == 40
    clock.advance(40)
    # The count survived too: one more failure doubles the lock.
    assert reopened.check("000000").locked_for_seconds == 120


def test_lock_end_is_stored_as_utc_iso(store, lock, clock):
    fail(lock, 5)
    until = datetime.fromisoformat(store.settings()[LOCKED_UNTIL_KEY])
    assert until.utcoffset() == timedelta(0)
    assert until == clock.now().astimezone(timezone.utc) + timedelta(seconds=60)
    assert store.settings()[FAILURES_KEY] == "5"


def test_moving_the_wall_clock_forward_does_not_open_a_running_lock(store, clock):
    lock = CaregiverLock(store, clock)
    lock.set_pin(PIN, PIN)
    fail(lock, 5)
    clock._utc += timedelta(hours=2)  # the wall clock jumps; monotonic time does not
    assert lock.check(PIN).locked_for_seconds == 60


def test_setting_the_clock_back_cannot_lengthen_a_lock_after_restart(store, lock):
    fail(lock, 5)
    earlier = FakeClock(lock.clock.now() - timedelta(days=3))
    assert CaregiverLock(store, earlier).locked_for_seconds() == 60


def test_the_wait_is_said_in_seconds_then_minutes_and_seconds():
    assert "1 second " in locked_message(1) and "119 seconds" in locked_message(119)
    assert "3 min 05 s" in locked_message(185)


def test_lock_lengths():
    assert [lock_seconds(n) for n in range(4, 9)] == [0, 60, 120, 240, 480]
    assert lock_seconds(10_000) == 24 * 3600


# --- reset ---------------------------------------------------------------------------------


def test_reset_needs_confirmation(lock):
    with pytest.raises(PinError, match="confirm"):
        lock.reset(confirmed=False)
    assert lock.has_pin()


def test_reset_clears_pin_and_lock_but_keeps_every_session(store, lock, clock):
    plan = store.save_plan([], set(), clock.now().date(), clock.now())
    for days_ago in range(3):
        sid = store.begin_session(plan.id, clock.now() - timedelta(days=days_ago))
        store.finish_session(sid, "completed", clock.now())
        store.annotate_session(sid, f"note {days_ago}", 4)
    store.put_setting("profile.name", "Ana")
    fail(lock, 6)
    before = store.sessions_between(clock.now().date() - timedelta(days=10), clock.now().date())

    lock.reset(confirmed=True)

    assert not lock.has_pin()
    assert lock.locked_for_seconds() == 0 and lock.failures() == 0
    assert store.sessions_between(clock.now().date() - timedelta(days=10), clock.now().date()) == before
    assert len(before) == 3
    assert store.settings()["profile.name"] == "Ana"
    assert len(store.plans()) == 1
    lock.set_pin("2468", "2468")
    assert lock.check("2468").ok


def test_a_reset_is_recorded_with_its_date(store, lock, clock):
    assert last_reset(store.settings()) is None
    lock.reset(confirmed=True)
    assert store.settings()[RESET_ON_KEY] == "2026-11-25"
    lock.set_pin("2468", "2468")
    clock.advance(3 * 24 * 3600)
    assert last_reset(store.settings()) == clock.now().date() - timedelta(days=3)


@pytest.mark.parametrize("stored", ["", "yesterday", "2026-13-01"])
def test_a_missing_or_damaged_reset_date_reads_as_none(stored):
    assert last_reset({RESET_ON_KEY: stored}) is None


# --- caregiver mode timeout -----------------------------------------------------------------


def test_session_expires_after_five_idle_minutes(clock):
    session = CaregiverSession(clock)
    clock.advance(299)
    assert not session.expired()
    session.touch()
    clock.advance(299)
    assert not session.expired()
    clock.advance(1)
    assert session.expired()


def test_a_touch_after_expiry_does_not_reopen(clock):
    session = CaregiverSession(clock)
    clock.advance(301)
    session.touch()
    assert session.expired()


def test_session_ignores_wall_clock_jumps(clock):
    session = CaregiverSession(clock)
    clock._utc += timedelta(hours=5)
    assert not session.expired()
    session.end()
    assert session.expired()


# --- damaged stored state ------------------------------------------------------------------


@pytest.mark.parametrize("stored", [
    "pbkdf2_sha256$1$00$\x80",                      # non-ASCII: compare_digest would raise TypeError
    "pbkdf2_sha256$99999999999999999999$00$00",    # would overflow hashlib
    f"pbkdf2_sha256${10 * 200_000 + 1}$00$00",     # valid, but would freeze the screen for seconds
    "pbkdf2_sha256$0$00$00", "pbkdf2_sha256$-1$00$00",
])
def test_a_damaged_hash_never_opens_and_never_raises(stored):
    assert pin_matches("1234", stored) is False


def test_a_hash_at_the_iteration_cap_still_works():
    assert pin_matches("1234", hash_pin("1234", b"salt", MAX_ITERATIONS))
    assert MAX_ITERATIONS == 10 * ITERATIONS


def test_a_lock_end_stored_without_offset_is_read_as_utc(store, lock, clock):
    fail(lock, 5)
    until = datetime.fromisoformat(store.settings()[LOCKED_UNTIL_KEY])
    store.put_setting(LOCKED_UNTIL_KEY, until.replace(tzinfo=None).isoformat())
    reopened = CaregiverLock(store, clock)
    result = reopened.check(PIN)
    assert not result.ok and result.locked_for_seconds == 60
    clock.advance(60)
    assert reopened.check(PIN).ok


@pytest.mark.parametrize("count", ["-3", "-100000"])
def test_a_negative_failure_count_is_treated_as_damaged(store, lock, count):
    store.put_setting(FAILURES_KEY, count)
    assert lock.failures() == 5
    # No promise of extra tries: the next wrong PIN locks.
    assert lock.check("000000").locked_for_seconds == 120


def test_after_a_restart_the_lock_keeps_time_on_the_monotonic_clock(store, lock, clock):
    fail(lock, 5)
    clock.advance(20)
    reopened = CaregiverLock(store, clock)  # a restart: only the stored state is left
    assert reopened.locked_for_seconds() == 40
    clock._utc += timedelta(hours=2)  # then the wall clock jumps while the app runs
    assert reopened.check(PIN).locked_for_seconds == 40
    clock.advance(40)
    assert reopened.check(PIN).ok

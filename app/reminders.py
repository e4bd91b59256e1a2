"""Daily reminders: when to nudge the patient, and in what words. Pure, clock-injected.

Rules (shared by the desktop scheduler below and the Android alarm plan):
  * Each reminder time fires at most once a day, and never on a day whose routine is
    already done or which is a rest day.
  * What has fired is kept in the settings table ("reminder.fired" = "2026-11-25 08:30,19:00"
    and "reminder.checked" = when reminders were last looked at), so a restart does not
    repeat a reminder.
  * The treatment journal's nudges (the check-in while its window is open, the booking
    prompt; app/treatment/nudges.py) ride on the same reminder times, and still ring on a
    day whose routine is done or resting, until answered.
  * Catch-up: reminder times that passed while the app was closed earn at most ONE
    notification when it next looks, worded as "there is still time". Only today's
    times count; yesterday's missed reminders are dropped at midnight. The very first
    look (nothing stored yet) fires nothing, so setting a reminder for a time already
    gone today does not ring at once.

On Android the same moments are handed to OS alarms ahead of time (see the end of this
module and android/README.md), because the app is usually closed when a reminder is due.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from .clock import Clock
from .routine import Routine
from .settings import SettingsStore, load_preferences, validate_reminder_time
from .storage.errors import StoreError

log = logging.getLogger(__name__)

FIRED_KEY = "reminder.fired"
CHECKED_KEY = "reminder.checked"
# How far ahead Android alarms are set. If SmileBack is not opened for a week the
# reminders pause rather than nag someone who has stepped away.
ALARM_HORIZON_DAYS = 7
# A reminder noticed this long after its time is worded as a catch-up.
CATCH_UP_AFTER = timedelta(minutes=5)

TITLE = "SmileBack"
MESSAGES = (
    "Your face routine is ready whenever you are.",
    "A few quiet minutes for your face? Your routine is waiting.",
    "Time for a warm towel and a gentle massage, when it suits you.",
)
CATCH_UP_MESSAGE = "There is still time for today's routine, if you would like to do it."


@dataclass(frozen=True)
class Notice:
    title: str
    message: str


@dataclass(frozen=True)
class ReminderLog:
    """Which reminder times were handled on `day`, and when reminders were last looked at."""

    day: date | None = None
    fired: frozenset[str] = field(default_factory=frozenset)
    checked_at: datetime | None = None

    def fired_on(self, day: date) -> frozenset[str]:
        return self.fired if self.day == day else frozenset()


@dataclass(frozen=True)
class CheckResult:
    fire: str | None      # the reminder time to notify for now, if any
    catch_up: bool        # True when it stands for a time already some way behind
    log: ReminderLog      # what to remember afterwards


# --- time arithmetic ------------------------------------------------------------------

def _minute_of_day(moment: datetime | time) -> int:
    return moment.hour * 60 + moment.minute


def _as_time(hhmm: str) -> time:
    hours, minutes = validate_reminder_time(hhmm).split(":")
    return time(int(hours), int(minutes))


def due_reminders(reminder_times: Sequence[str], now: datetime, log: ReminderLog) -> list[str]:
    """Today's times that came round since reminders were last looked at, not yet handled.

    Wall-clock minutes of `now`'s own zone are compared, so a reminder at 08:30 means
    08:30 wherever the patient is today.
    """
    if log.checked_at is None:
        return []
    today = now.date()
    seen = log.checked_at.astimezone(now.tzinfo) if now.tzinfo else log.checked_at
    start = _minute_of_day(seen) if seen.date() == today else -1  # -1: midnight itself counts
    end = _minute_of_day(now)
    handled = log.fired_on(today)
    times = {validate_reminder_time(t) for t in reminder_times}
    return sorted(t for t in times if start < _minute_of_day(_as_time(t)) <= end and t not in handled)


def plan_check(reminder_times: Sequence[str], now: datetime, log: ReminderLog, today_done: bool) -> CheckResult:
    """One look at the reminders: at most one to fire, and the log to keep afterwards."""
    due = due_reminders(reminder_times, now, log)
    today = now.date()
    new_log = ReminderLog(today, log.fired_on(today) | frozenset(due), now)
    if not due or today_done:
        return CheckResult(None, False, new_log)
    latest = due[-1]
    behind = now - now.replace(hour=int(latest[:2]), minute=int(latest[3:]), second=0, microsecond=0)
    return CheckResult(latest, len(due) > 1 or behind >= CATCH_UP_AFTER, new_log)


def next_reminder(now: datetime, times: Sequence[str], today_done: bool = False,
                  skip_day: Callable[[date], bool] | None = None) -> datetime | None:
    """The next reminder strictly after `now`, or None. Today is passed over when done,
    and any day for which `skip_day` says so (rest days), looking up to a week ahead."""
    def skip(day: date) -> bool:
        return (today_done and day == now.date()) or (skip_day is not None and skip_day(day))

    upcoming = upcoming_reminders(now, times, skip, days=ALARM_HORIZON_DAYS + 1)
    return upcoming[0] if upcoming else None


def upcoming_reminders(now: datetime, times: Sequence[str], skip_day: Callable[[date], bool],
                       days: int = ALARM_HORIZON_DAYS) -> list[datetime]:
    """Every reminder moment after `now` within `days` calendar days, skipping settled days.

    Moments carry `now`'s tzinfo. With a fixed-offset zone, a moment past a daylight-saving
    change is an hour out; callers that set OS alarms re-read them as local wall time.
    """
    moments = []
    for offset in range(days):
        day = now.date() + timedelta(days=offset)
        if skip_day(day):
            continue
        for hhmm in sorted({validate_reminder_time(t) for t in times}):
            moment = datetime.combine(day, _as_time(hhmm), tzinfo=now.tzinfo)
            if moment > now:
                moments.append(moment)
    return moments


# --- what counts as "nothing more to do" -------------------------------------------------

def settled_on(store, routine: Routine, clock: Clock) -> Callable[[date], bool]:
    """The day rules' own answer (app.stats, as Home shows it), read afresh at each question."""
    from .storage import queries  # loads SQLAlchemy: only once a reminder is asked about

    def settled(day: date) -> bool:
        return queries.settled_days(store, routine, clock.now().date())(day)

    return settled


def nudge_on(store) -> Callable[[date], str | None]:
    """The treatment journal's words for a day's reminder, read afresh at each question."""
    def nudge(day: date) -> str | None:
        from .treatment.cycle import BOOKED_SETTING, clinician_weeks
        from .treatment.nudges import treatment_nudge

        journal, settings = store.treatment, store.settings()
        return treatment_nudge(day, journal.injections(), journal.checkins(day, day), journal.marks(),
                               settings.get(BOOKED_SETTING), clinician_weeks(settings))

    return nudge


# --- words ------------------------------------------------------------------------------

def reminder_notice(day: date, reminder_time: str, catch_up: bool = False) -> Notice:
    """Warm, brief, no advice. The wording varies by day so it does not become wallpaper."""
    if catch_up:
        return Notice(TITLE, CATCH_UP_MESSAGE)
    index = (day.toordinal() + _minute_of_day(_as_time(reminder_time))) % len(MESSAGES)
    return Notice(TITLE, MESSAGES[index])


def with_nudge(notice: Notice | None, nudge: str | None) -> Notice:
    """The routine's reminder with the journal's words after it, or the journal's alone."""
    if notice is None:
        return Notice(TITLE, nudge or "")
    return notice if not nudge else Notice(notice.title, f"{notice.message} {nudge}")


# --- persistence --------------------------------------------------------------------------

def load_log(store: SettingsStore) -> ReminderLog:
    """What the settings table remembers; anything unreadable reads as nothing fired."""
    stored = store.settings()
    day, fired = None, frozenset()
    try:
        day_text, _, times_text = stored.get(FIRED_KEY, "").partition(" ")
        if day_text:
            day = date.fromisoformat(day_text)
            fired = frozenset(validate_reminder_time(t) for t in times_text.split(",") if t)
    except ValueError as error:  # PreferencesError is a ValueError too
        log.warning("unreadable %s, starting afresh: %s", FIRED_KEY, error)
        day, fired = None, frozenset()
    checked = None
    try:
        if stored.get(CHECKED_KEY):
            checked = datetime.fromisoformat(stored[CHECKED_KEY])
            if checked.tzinfo is None:
                checked = None  # only ever written aware; a naive one cannot be placed in time
    except ValueError as error:
        log.warning("unreadable %s: %s", CHECKED_KEY, error)
    return ReminderLog(day, fired, checked)


def save_log(store: SettingsStore, log_: ReminderLog) -> None:
    if log_.day is not None:
        store.put_setting(FIRED_KEY, f"{log_.day.isoformat()} {','.join(sorted(log_.fired))}")
    if log_.checked_at is not None:
        store.put_setting(CHECKED_KEY, log_.checked_at.isoformat())


# --- the desktop scheduler ---------------------------------------------------------------

class ReminderScheduler:
    """Call `check()` about once a minute while the app runs (desktop).

    On Android the app is usually closed at reminder time, so alarms do the work there
    (`schedule_android_alarms`); do not run this scheduler as well, or a patient with
    the app open would be notified twice.
    """

    def __init__(self, store: SettingsStore, clock: Clock, reminder_times: Callable[[], Sequence[str]],
                 is_settled: Callable[[date], bool], notify: Callable[[str, str], None],
                 nudge: Callable[[date], str | None] = lambda _day: None):
        """`is_settled(day)`: True when nothing more is asked of that day (done, or a rest day);
        `nudge(day)`: the treatment journal's words for that day's reminder, if any."""
        self.store, self.clock = store, clock
        self.reminder_times, self.is_settled, self.notify, self.nudge = reminder_times, is_settled, notify, nudge
        self._log = load_log(store)

    @classmethod
    def for_record(cls, store, routine: Routine, clock: Clock,
                   notify: Callable[[str, str], None]) -> "ReminderScheduler":
        """The usual wiring: the stored reminder times, and the day rules' idea of a settled day."""
        return cls(store, clock, lambda: load_preferences(store).reminder_times,
                   settled_on(store, routine, clock), notify, nudge_on(store))

    def check(self) -> str | None:
        """Notify if a reminder is due; returns the reminder time notified for, if any."""
        now = self.clock.now()
        times = self.reminder_times()
        # Asking "is today done?" reads the database; only ask when a reminder is due.
        due = due_reminders(times, now, self._log)
        result = plan_check(times, now, self._log, bool(due) and self.is_settled(now.date()))
        self._remember(result.log)
        nudge = self.nudge(now.date()) if due else None
        if result.fire is None and nudge is None:
            return None
        notice = with_nudge(reminder_notice(now.date(), result.fire, result.catch_up) if result.fire else None, nudge)
        try:
            self.notify(notice.title, notice.message)
        except Exception as error:  # a broken notifier must not stop the app's clock loop
            log.warning("reminder notification failed: %s", error)
        return result.fire or due[-1]

    def next_reminder(self) -> datetime | None:
        """For the home screen: "Next reminder tomorrow at 08:30"; None when none is set."""
        times = self.reminder_times()
        return next_reminder(self.clock.now(), times, skip_day=self.is_settled) if times else None

    def _remember(self, new_log: ReminderLog) -> None:
        # Stored once per minute at most: the watermark only needs minute precision.
        old = self._log
        self._log = new_log
        same_minute = old.checked_at is not None and new_log.checked_at is not None and \
            old.checked_at.replace(second=0, microsecond=0) == new_log.checked_at.replace(second=0, microsecond=0)
        if not (same_minute and old.day == new_log.day and old.fired == new_log.fired):
            try:
                save_log(self.store, new_log)
            except StoreError as error:  # kept in memory: no repeat in this run, and the clock loop goes on
                log.warning("reminder log not saved: %s", error)


# --- Android ------------------------------------------------------------------------------
# Android reminders must ring with the app closed, so they are alarms set ahead of time:
# this module decides WHICH moments (pure, tested); the small Java receiver in
# android/java/ sets the alarms, posts the notifications and re-arms after a reboot.
# The plan is wall-clock ("2026-11-25", "08:30"), turned into instants by Android at
# arming time, so daylight-saving changes and travel are handled by the OS calendar.

ANDROID_RECEIVER = "org.smileback.reminders.ReminderReceiver"


def android_alarm_plan(now: datetime, times: Sequence[str], skip_day: Callable[[date], bool],
                       days: int = ALARM_HORIZON_DAYS,
                       nudge: Callable[[date], str | None] = lambda _day: None) -> list[dict[str, str]]:
    """The alarms to set: one entry per reminder moment ahead, settled days left out unless
    the treatment journal has a nudge for them (then with its words alone)."""
    plan = []
    nudges = {}

    def nudge_of(day: date) -> str | None:
        if day not in nudges:
            nudges[day] = nudge(day)
        return nudges[day]

    for moment in upcoming_reminders(now, times, lambda day: skip_day(day) and not nudge_of(day), days):
        hhmm = moment.strftime("%H:%M")
        routine = None if skip_day(moment.date()) else reminder_notice(moment.date(), hhmm)
        notice = with_nudge(routine, nudge_of(moment.date()))
        plan.append({"day": moment.date().isoformat(), "time": hhmm,
                     "title": notice.title, "message": notice.message})
    return plan


def android_alarm_plan_for_store(store, routine: Routine, clock: Clock) -> list[dict[str, str]]:
    from .storage import queries

    now = clock.now()
    # The whole week ahead is planned at once: one reading of the record serves every day of it.
    return android_alarm_plan(now, load_preferences(store).reminder_times,
                              queries.settled_days(store, routine, now.date()), nudge=nudge_on(store))


def schedule_android_alarms(store, routine: Routine, clock: Clock) -> bool:
    """Replace every SmileBack alarm with the current plan. False (and nothing done) off Android.

    Call at start-up and on resume, after preferences change, after a session finishes
    (so a done day loses its remaining reminders), after a rest day is set, and after a
    check-in or an injection is saved or the booking prompt answered (the journal's nudges).
    """
    try:
        from jnius import autoclass  # present only inside an Android build
    except ImportError:
        return False
    import json

    plan = android_alarm_plan_for_store(store, routine, clock)
    activity = autoclass("org.kivy.android.PythonActivity").mActivity
    autoclass(ANDROID_RECEIVER).arm(activity.getApplicationContext(), json.dumps(plan))
    return True

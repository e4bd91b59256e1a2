"""Every screen on a 400x800 phone, at 100 % and at 200 % text: big enough to touch,
nothing cut off; and every text colour readable against what it sits on, in both themes.

Screens are listed from screens.smileback.SCREENS, so a new screen is checked as soon as
it is registered; one whose module does not import fails, saying why.
A failure lists each problem as "screen @ size: what, where", to be fixed in that
screen's .kv file.
"""
from __future__ import annotations

import importlib
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from kivy.metrics import dp
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.label import Label
from kivy.uix.textinput import TextInput

from app.runner import State
from app.theme import WCAG_AA_TEXT, contrast_ratio
from app.vocabulary import HelpNeeded, SideEffect
from screens.palette import palette
from screens.smileback import SCREENS
from tests.harness import PHONE, Driver
from tests.seed import (measure_sets, seed_face_sets, seed_photos, seed_ratings, seed_scores, seed_treatment,
                        seed_two_months)

MIN_TARGET = 48  # dp, both ways (WCAG 2.5.5 / Android); our RoundedButton is 56
SCALES = (1.0, 2.0)
SCREENS_DIR = Path(__file__).resolve().parents[2] / "screens"


# --- reaching each screen in a realistic state ---------------------------------------------

def seed(driver) -> None:
    """Two months of sessions, so lists, the calendar and the dashboard have content."""
    core = driver.app.core
    seed_two_months(core.store, core.routine, core.today())


def to_session(driver) -> None:
    """Mid-step: the preparation confirmed, the first timed step running."""
    driver.app.go("home")
    driver.settle()
    driver.tap("start_button")
    driver.tap("main_button")
    driver.advance(5)


def finish_a_session(driver) -> None:
    """A whole session run through on the domain clock, then the summary, as after the last step."""
    app = driver.app
    runner = app.core.runner = app.core.practice.new_runner()
    runner.start()
    for _ in range(50):
        if runner.state == State.SESSION_FINISHED:
            break
        if runner.state == State.RUNNING and runner.current.step.timed:
            driver.clock.advance(runner.remaining() + 0.5)
            runner.tick()
        else:
            runner.confirm()
    assert runner.state == State.SESSION_FINISHED
    app.go("summary")


def measured_face_sets(driver) -> tuple[int, int]:
    """A baseline and a later photo set built from the astronaut photo, measured (the later
    one's eyes-closed photo has no face: a retake is asked for): (baseline, later)."""
    core = driver.app.core
    sets = seed_face_sets(core.store, core.today(), core.clock.now(), no_face=True)
    measure_sets(core, *sets)
    return sets


def with_face_measures(name: str):
    """The measured sets, the later one measured last; the comparison opens on it."""
    def arrive(driver) -> None:
        with_journal(driver)
        _baseline, later = measured_face_sets(driver)
        driver.app.go(name, **({"set_id": later} if name == "photo_compare" else {}))
    return arrive


def to_caregiver(driver) -> None:
    """With a journal whose check-in had a red flag, so the treatment section is full, and the
    face measures' table."""
    with_journal(driver)
    measured_face_sets(driver)
    core = driver.app.core
    core.store.treatment.check_in(core.today(), {SideEffect.SWALLOWING, SideEffect.HEADACHE}, core.clock.now(),
                                  note="after lunch")
    driver.app.start_caregiver_mode()


def to_plan_edit(driver) -> None:
    driver.app.start_caregiver_mode()
    driver.settle()
    driver.app.go("plan_edit")


def to_care_plan(driver) -> None:
    """With aerobic exercise and the mood check planned, so their details (cadence, minutes) show."""
    with_journal(driver)
    driver.app.start_caregiver_mode()
    driver.settle()
    driver.app.go("care_plan")


def to_session_detail(driver) -> None:
    core = driver.app.core
    today = core.today()
    sessions = core.store.sessions_between(today - timedelta(days=90), today)
    assert sessions, "session_detail: no session to show"
    # A partly done one with a note has the most to show.
    chosen = next((s for s in sessions if s.status == "partial" and s.note), sessions[-1])
    driver.app.go("session_detail", session_id=chosen.id)


def with_journal(driver) -> None:
    """A few days after an injection, with supportive care planned and the numbers stored."""
    core = driver.app.core
    seed_treatment(core.store, core.today(), core.clock.now())


def to_home_with_journal(driver) -> None:
    """With the journal's cards, and the rating prompt (the last rating was 5 days ago)."""
    with_journal(driver)
    core = driver.app.core
    seed_ratings(core.store, core.today() - timedelta(days=3), core.clock.now())
    driver.app.go("home")
    driver.app.screen("home").refresh()


def to_injection(driver) -> None:
    """Correcting one: areas chosen (their sides and units shown), Delete, and the list."""
    with_journal(driver)
    [shot] = driver.app.core.store.treatment.injections()
    driver.app.go("injection", injection_id=shot.id)


def to_journal(name: str, **params):
    def arrive(driver) -> None:
        with_journal(driver)
        driver.app.go(name, **params)
    return arrive


def with_ratings(name: str, **params):
    """Three items chosen (one in long own words), two months of ratings, an injection."""
    def arrive(driver) -> None:
        core = driver.app.core
        with_journal(driver)
        seed_ratings(core.store, core.today(), core.clock.now())
        if name == "trends":
            measured_face_sets(driver)  # the face measures' trend under the ratings
        driver.app.go(name, **params)
    return arrive


def to_clinician_scores(driver) -> None:
    """Behind the PIN, with three scores over time (one with a note)."""
    core = driver.app.core
    seed_scores(core.store, core.today(), core.clock.now())
    driver.app.start_caregiver_mode()
    driver.settle()
    driver.app.go("clinician_scores")


def with_photos(name: str, which: int | None = None):
    """A complete baseline set and a newer one of four photos, after an injection; `which`
    (0: the baseline, 1: the newer) is the set the screen opens on."""
    def arrive(driver) -> None:
        core = driver.app.core
        with_journal(driver)
        sets = seed_photos(core.store, core.today(), core.clock.now())
        driver.app.go(name, **({} if which is None else {"set_id": sets[which]}))
    return arrive


ARRIVALS = {
    "clinician_scores": to_clinician_scores,
    "photo_sets": with_face_measures("photo_sets"),
    "photo_capture": with_photos("photo_capture", 1),
    "photo_compare": with_face_measures("photo_compare"),
    "choose_items": with_ratings("choose_items"),
    "rate": with_ratings("rate", moment=None),
    "trends": with_ratings("trends"),
    "home": to_home_with_journal,
    "injection": to_injection,
    "checkin": to_journal("checkin", day=None),
    "get_help": to_journal("get_help", help=HelpNeeded.EMERGENCY, answers=(SideEffect.BREATHING_OR_SPEAKING,)),
    "help_numbers": to_journal("help_numbers", back_to="settings"),
    "session": to_session,
    "summary": finish_a_session,
    "caregiver": to_caregiver,
    "plan_edit": to_plan_edit,
    "care_plan": to_care_plan,
    "session_detail": to_session_detail,
    "startup_error": lambda d: d.app.go(
        "startup_error", message="The routine file could not be read: line 12 has no step title. "
                                 "Nothing was changed in your record."),
    "safety": lambda d: d.app.go("safety", from_home=True),
}


def module_problem(name: str) -> str | None:
    module = SCREENS[name][0].split(":")[0]
    try:
        importlib.import_module(module)
    except ImportError as error:
        return f"screen {name!r} is registered but {module} does not import yet ({error})"
    return None


@pytest.fixture
def phone(data_dir, clock):
    driver = Driver(data_dir, clock, size=PHONE)
    yield driver
    if driver.app.core.caregiver is not None:
        driver.app.end_caregiver_mode()
    driver.app.core.apply_preferences(replace(driver.app.core.preferences, text_scale=1.0, high_contrast=False))
    driver.close()


def open_screen(driver, name: str, text_scale: float):
    driver.app.core.apply_preferences(replace(driver.app.core.preferences, text_scale=text_scale))
    seed(driver)
    ARRIVALS.get(name, lambda d: d.app.go(name))(driver)
    driver.settle()
    driver.frames(6)  # sizes that follow the text settle over a few frames
    assert driver.screen.name == name, f"meant to check {name!r}, but {driver.screen.name!r} is showing"
    return driver.screen


# --- what counts as a problem ----------------------------------------------------------------

def shown(widget, screen) -> bool:
    """Drawn and usable: neither it nor a container hides it (opacity 0, disabled, no height)."""
    node = widget
    while node is not None and node is not screen:
        if node.opacity <= 0 or node.disabled or node.height <= 0 or node.width <= 0:
            return False
        node = node.parent
    return True


def describe(widget, screen) -> str:
    ids = {id(w): key for key, w in screen.ids.items()}
    words = (getattr(widget, "text", "") or getattr(widget, "hint_text", "") or "").replace("\n", " ")
    words = re.sub(r"\[/?[a-z]+[^\]]*\]", "", words)  # markup tags
    name = type(widget).__name__
    if id(widget) in ids:
        return f"{name} id={ids[id(widget)]} {words[:60]!r}"
    node = widget.parent
    for _ in range(100):  # the Window is its own parent: stop climbing there
        if node is None or node is screen or id(node) in ids or node is node.parent:
            break
        node = node.parent
    inside = f" (inside id={ids[id(node)]})" if node is not None and id(node) in ids else ""
    return f"{name} {words[:60]!r}{inside}"


def problems_on(screen) -> list[str]:
    found = []
    least = dp(MIN_TARGET) - 0.5
    for widget in screen.walk(restrict=True):
        if widget is screen or not shown(widget, screen):
            continue
        what = describe(widget, screen)
        if isinstance(widget, (ButtonBehavior, TextInput)) and (widget.width < least or widget.height < least):
            found.append(f"{what}: touch target {widget.width / dp(1):.0f}x{widget.height / dp(1):.0f} dp, "
                         f"needs {MIN_TARGET}x{MIN_TARGET}")
        if isinstance(widget, TextInput) and not widget.multiline:
            if widget.height + 1 < widget.minimum_height:
                found.append(f"{what}: the typed line is cut off ({widget.height:.0f} px tall, "
                             f"the text needs {widget.minimum_height:.0f})")
            # Typed text scrolls sideways as it is typed; a hint cannot, so it must fit.
            room = widget.width - widget.padding[0] - widget.padding[2]
            needed = widget._get_text_width(widget.hint_text, widget.tab_width, None) if widget.hint_text else 0
            if not widget.text and needed > room + 1:
                found.append(f"{what}: the hint needs {needed:.0f} px, the box has {room:.0f} (cut at the side)")
        if isinstance(widget, Label) and widget.text.strip():
            widget.texture_update()
            text_w, text_h = widget.texture_size
            if widget.text_size[0] is not None and text_w > widget.width + 1:
                found.append(f"{what}: text {text_w:.0f} px wide in a {widget.width:.0f} px label (cut at the sides)")
            if widget.text_size[0] is None and text_w > widget.width + 1:
                found.append(f"{what}: text {text_w:.0f} px wide in a {widget.width:.0f} px label "
                             f"(spills over its neighbours)")
            if text_h > widget.height + 1:
                found.append(f"{what}: text {text_h:.0f} px tall in a {widget.height:.0f} px label "
                             f"(cut or overlapping, top/bottom)")
            found += [f"{what}: its text is under {describe(other, screen)}"
                      for other in siblings_over_text(widget, screen)]
        found += sticking_out(widget, screen, what)
    return found


def window_rect(widget) -> tuple[float, float, float, float]:
    x, y = widget.to_window(*widget.pos)
    return x, y, x + widget.width, y + widget.height


def sticking_out(widget, screen, what: str) -> list[str]:
    """A widget drawn outside the row or box that holds it (a fixed-height row, mostly).

    A ScrollView's content is meant to be larger than the ScrollView, so it is not judged.
    """
    from kivy.uix.scrollview import ScrollView

    parent = widget.parent
    if parent is None or widget is screen or isinstance(parent, ScrollView):
        return []
    left, bottom, right, top = window_rect(widget)
    p_left, p_bottom, p_right, p_top = window_rect(parent)
    out = {"top": top - p_top, "bottom": p_bottom - bottom, "left": p_left - left, "right": right - p_right}
    return [f"{what}: sticks out of its {describe(parent, screen)} by {amount:.0f} px at the {side}"
            for side, amount in out.items() if amount > 1]


def siblings_over_text(label, screen) -> list:
    """Shown buttons or labels of the same container drawn over this label's text (floating layouts)."""
    from kivy.uix.floatlayout import FloatLayout

    parent = label.parent
    if not isinstance(parent, FloatLayout):  # box and grid layouts never overlap their children
        return []
    text_w, text_h = label.texture_size
    cx, cy = label.to_window(label.center_x, label.center_y)
    t_left, t_right, t_bottom, t_top = cx - text_w / 2, cx + text_w / 2, cy - text_h / 2, cy + text_h / 2
    over = []
    for other in parent.children:
        if other is label or not shown(other, screen) or not isinstance(other, (ButtonBehavior, Label)):
            continue
        left, bottom, right, top = window_rect(other)
        if min(right, t_right) - max(left, t_left) > 2 and min(top, t_top) - max(bottom, t_bottom) > 2:
            over.append(other)
    return over


@pytest.mark.parametrize("text_scale", SCALES, ids=lambda s: f"{round(s * 100)}pct")
@pytest.mark.parametrize("name", list(SCREENS))
def test_targets_are_large_and_no_text_is_cut_off(phone, name, text_scale):
    problem = module_problem(name)
    assert not problem, problem
    screen = open_screen(phone, name, text_scale)
    found = problems_on(screen)
    where = f"{name} @ {round(text_scale * 100)} % text, {PHONE[0]}x{PHONE[1]}"
    assert not found, f"{len(found)} problem(s) on {where}:\n  " + "\n  ".join(found)


@pytest.mark.parametrize("text_scale", SCALES, ids=lambda s: f"{round(s * 100)}pct")
def test_the_photo_file_dialog_has_large_targets_and_no_text_cut_off(phone, text_scale, tmp_path):
    """The dialog opens over the screen (not in it), so the walk above does not reach it."""
    for name in ("face-at-rest.jpg", "a-photo-with-a-rather-long-name-from-a-camera-roll.png"):
        (tmp_path / name).write_bytes(b"")
    screen = open_screen(phone, "photo_capture", text_scale)
    phone.tap("import_button")
    dialog = screen.dialog
    dialog.ids.chooser.path = str(tmp_path)
    phone.frames(6)
    found = problems_on(dialog)
    dialog.dismiss()
    assert not found, f"{len(found)} problem(s) in the photo file dialog:\n  " + "\n  ".join(found)


def test_the_checks_notice_a_small_button_and_a_cut_off_label(phone):
    """The checker itself: a 30 dp button and a label too short for its text are reported."""
    from screens.widgets import RoundedButton

    screen = open_screen(phone, "home", 1.0)
    tiny = RoundedButton(text="Tiny", size_hint=(None, None), size=(dp(30), dp(30)))
    squashed = Label(text="One\nTwo\nThree", size_hint_y=None, height=dp(10), text_size=(dp(200), None))
    box = screen.children[0]
    box.add_widget(tiny)
    box.add_widget(squashed)
    phone.frames(3)
    found = problems_on(screen)
    box.remove_widget(tiny)
    box.remove_widget(squashed)
    assert any("'Tiny': touch target" in p for p in found)
    assert any("'One Two Three'" in p and "tall" in p for p in found)


# --- colours ------------------------------------------------------------------------------------

# (what, text role, background role) in screens/palette.py's kv names: every place text is drawn.
KV_TEXT_PAIRS = (
    ("text on the page", "text", "bg"),
    ("text on a card", "text", "card"),
    ("primary button label", "on_primary", "primary"),
    ("secondary button label", "on_secondary", "secondary"),
    ("error message on the page", "danger", "bg"),
    ("error message on a card", "danger", "card"),
    ("muted text on the page", "muted", "bg"),
    ("muted text on a card", "muted", "card"),
    ("demo banner", "on_banner", "banner"),
    ("status in the primary colour on the page", "primary", "bg"),
    ("status in the primary colour on a card", "primary", "card"),
    ("tile button label", "on_tile", "tile"),
    ("quiet button label on the page", "on_quiet", "bg"),
    ("quiet button label on a card", "on_quiet", "card"),
    ("text on the hero card", "text", "hero"),
    ("muted text on the hero card", "muted", "hero"),
    ("primary-coloured text on the hero card", "primary", "hero"),
    ("typed text in a box", "text", "field"),
    ("placeholder in a box", "placeholder", "field"),
    ("error beside a box on a card", "danger", "card"),
    ("calendar day: done", "on_calendar", "done"),
    ("calendar day: partly done", "on_calendar", "partial"),
    ("calendar day: missed", "on_calendar", "missed"),
    ("calendar day: rest", "on_calendar", "rest"),
    ("calendar day: to come", "on_calendar", "future"),
    ("chart tick values, axis titles and bar labels", "chart_label", "card"),
    ("chart values above the bars", "chart_value", "card"),
)


@pytest.mark.parametrize("high_contrast", (False, True), ids=("normal", "high-contrast"))
def test_every_text_colour_pair_used_in_kv_meets_aa(high_contrast):
    theme = palette(high_contrast)
    failing = [(what, round(contrast_ratio(theme[fg], theme[bg]), 2)) for what, fg, bg in KV_TEXT_PAIRS
               if contrast_ratio(theme[fg], theme[bg]) < WCAG_AA_TEXT]
    assert failing == []


def test_every_text_colour_in_the_kv_files_is_checked():
    """A kv file that colours text with a role no pair above covers would slip past the contrast test."""
    used = set()
    for kv in SCREENS_DIR.glob("*.kv"):
        for role in re.findall(r"^\s*color:\s*app\.theme\['(\w+)'\]", kv.read_text(), re.M):
            used.add((kv.name, role))
        if "app.theme['on_' + self.role]" in kv.read_text():
            used.update((kv.name, "on_" + role) for role in ("primary", "secondary", "tile", "quiet"))
    checked = {fg for _what, fg, _bg in KV_TEXT_PAIRS}
    assert sorted((name, role) for name, role in used if role not in checked) == []

"""Clinician scores on the real screens: the caregiver unlocks with the PIN, records a
House-Brackmann grade and a Sunnybrook score, a number out of range is said beside its box,
the list reads them back, the dashboard shows them, and a delete is asked twice."""
from tests.screens.test_caregiver import open_caregiver


def scale_button(ui, words: str):
    return next(b for b in ui.widget("scales_box").children if b.text.startswith(words))


def record(ui, scale: str, value: str, day: str, rated_by: str = "", note: str = "") -> None:
    ui.tap(scale_button(ui, scale))
    ui.type_into("value_input", value)
    ui.type_into("date_input", day)
    ui.type_into("rated_by_input", rated_by)
    ui.type_into("note_input", note)
    ui.tap("save_button")


def score_rows(ui):
    return list(reversed(ui.widget("scores_box").children))


def test_a_caregiver_records_scores_behind_the_pin_and_the_dashboard_shows_them(ui):
    ui.app.go("clinician_scores")
    ui.settle()
    assert ui.screen.name == "caregiver_entry"  # behind the PIN
    ui.app.go("home")
    ui.settle()
    open_caregiver(ui)
    assert ui.screen.name == "caregiver"
    assert "No clinician score recorded yet." in [w.text for w in ui.widget("outcomes_box").children]
    ui.tap("scores_button")
    assert ui.screen.name == "clinician_scores"
    assert "never works one out" in ui.text("intro_label")

    record(ui, "House-Brackmann", "VII", "2026-11-02")
    assert ui.text("value_message_label").startswith("Score: type the House-Brackmann grade")
    assert ui.widget("value_input").has_error and ui.text("message_label") == ""
    assert ui.app.core.store.outcomes.scores() == []
    record(ui, "House-Brackmann", "IV", "2026-11-02", rated_by="Dr Okafor", note="left side")
    assert ui.text("message_label") == "Saved." and ui.text("value_message_label") == ""

    record(ui, "Sunnybrook", "140", "2026-11-20")
    assert ui.text("value_message_label").endswith("a whole number from -15 to 100; got 140.")
    record(ui, "Sunnybrook", "62", "2026-11-20", rated_by="Clinic")
    assert [row.text for row in score_rows(ui)] == [
        "2 November 2026 · House-Brackmann grade IV · Dr Okafor", "20 November 2026 · Sunnybrook composite 62 · Clinic"]
    assert score_rows(ui)[0].note == "left side"

    record(ui, "Sunnybrook", "70", "tomorrow")
    assert ui.text("date_message_label").startswith("Date: type the day")
    assert len(ui.app.core.store.outcomes.scores()) == 2

    ui.tap(ui.screen.ids.get("back_button") or next(w for w in ui.screen.walk() if getattr(w, "text", "") == "Back"))
    assert ui.screen.name == "caregiver"
    lines = [w.text for w in reversed(ui.widget("outcomes_box").children)]
    assert lines[-2:] == ["2 November 2026: House-Brackmann grade IV (Dr Okafor)",
                          "20 November 2026: Sunnybrook composite 62 (Clinic)"]


def test_deleting_a_score_asks_twice(ui):
    open_caregiver(ui)
    ui.tap("scores_button")
    record(ui, "eFACE", "71.5", "2026-11-10")
    (row,) = score_rows(ui)
    delete = next(w for w in row.walk() if getattr(w, "text", "") == "Delete this score")
    ui.tap(delete)
    ui.tap_text("Yes, delete it")
    ui.tap_text("No, keep it")
    assert len(ui.app.core.store.outcomes.scores()) == 1
    ui.tap(next(w for w in score_rows(ui)[0].walk() if getattr(w, "text", "") == "Delete this score"))
    ui.tap_text("Yes, delete it")
    ui.tap_text("Delete for good")
    assert ui.app.core.store.outcomes.scores() == [] and score_rows(ui) == []


def test_another_score_needs_its_name(ui):
    open_caregiver(ui)
    ui.tap("scores_button")
    assert ui.widget("name_input").opacity == 0
    ui.tap(scale_button(ui, "Another score"))
    assert ui.widget("name_input").opacity == 1
    record(ui, "Another score", "12", "2026-11-10")
    assert ui.text("name_message_label").startswith("Name of the score: say which score")
    ui.type_into("name_input", "Clinic smile score")
    record(ui, "Another score", "12,5", "2026-11-10")
    assert [row.text for row in score_rows(ui)] == ["10 November 2026 · Clinic smile score 12.5"]

"""The treatment journal for the clinician: the CSV row by row, the PDF's lines with red flags first."""
import csv
from datetime import datetime, timedelta, timezone

from pypdf import PdfReader

from app.caregiver.export import export_all
from app.caregiver.treatment_report import TREATMENT_COLUMNS, period_lines, treatment_period
from app.treatment.cycle import CYCLE_WEEKS_SETTING, clinician_weeks
from app.treatment.entries import AreaDose
from app.vocabulary import Cadence, CareKind, EffectMark, InjectionArea, InjectionSide, SideEffect

from .test_dashboard import TODAY, ago, save_plan

NOW = datetime(2026, 11, 25, 9, tzinfo=timezone.utc)


def keep_a_journal(store) -> None:
    journal = store.treatment
    journal.log_injection(ago(130), [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT, 2.5)], NOW)
    journal.mark_effect(EffectMark.FADING, ago(20), NOW)
    journal.log_injection(ago(10), [AreaDose(InjectionArea.AROUND_EYE, InjectionSide.LEFT, 2.5),
                                    AreaDose(InjectionArea.NECK, InjectionSide.BOTH)],
                          NOW, given_by="=Dr Okafor", product="Botox")
    journal.check_in(ago(9), [SideEffect.SORE_WHERE_INJECTED], NOW)
    journal.check_in(ago(8), [], NOW)
    journal.check_in(ago(6), [SideEffect.HEADACHE, SideEffect.SWALLOWING], NOW, note="after breakfast")
    journal.save_care_item(CareKind.FOOT_SOAK, Cadence.DAILY, ago(6), NOW)
    journal.tick_care(CareKind.FOOT_SOAK, ago(2), NOW)
    journal.record_mood(ago(1), 2, NOW, note="tired")


def read_rows(path):
    with path.open(newline="", encoding="utf-8-sig") as file:
        return list(csv.DictReader(file))


def test_the_treatment_csv_has_a_row_per_fact_in_date_order_with_the_screens_words(store, routine, tmp_path):
    save_plan(store, routine, ago(29))
    keep_a_journal(store)
    rows = read_rows(export_all(store, routine, tmp_path, TODAY).paths[3])
    assert list(rows[0]) == list(TREATMENT_COLUMNS)
    assert [r["local_date"] for r in rows] == sorted(r["local_date"] for r in rows)
    shots = [r for r in rows if r["entry"] == "Injection" and r["local_date"] == ago(10).isoformat()]
    assert [(r["item"], r["side"], r["units"]) for r in shots] == [("Around the eye", "Left", "2.5"),
                                                                  ("Neck (platysma)", "Both sides", "")]
    assert shots[0]["given_by"] == "'=Dr Okafor"  # a spreadsheet must not run it
    flagged = [r for r in rows if r["red_flag"] == "yes"]
    assert [(r["item"], r["help"]) for r in flagged] == [("Trouble swallowing", "Call emergency services now")]
    assert {"Nothing new", "The effect is fading", "Warm foot soak", "Low"} <= {r["item"] for r in rows}


def test_the_period_puts_red_flags_first_and_labels_the_window_an_estimate(store):
    keep_a_journal(store)
    period = treatment_period(store.treatment, ago(29), TODAY)
    lines = period_lines(period)
    assert lines[0].startswith(f"{ago(6).isoformat()} RED FLAG (call emergency services now): trouble swallowing")
    assert "Week 2 since the injection on 15 November; the last marked cycle lasted 110 days" in lines[2]
    assert "estimate" in lines[2].lower()
    assert any("injection, Botox, =Dr Okafor: Around the eye (left, 2.5 units)" in line for line in lines)
    assert any("Warm foot soak 1 of 7" in line for line in lines)
    assert lines[-1].startswith("Mood: 1 check-ins, on average 2.0")


def test_the_pdf_shows_the_journal_and_stays_one_page(store, routine, tmp_path):
    save_plan(store, routine, ago(29))
    keep_a_journal(store)
    reader = PdfReader(export_all(store, routine, tmp_path, TODAY).paths[2])
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Treatment journal" in text and "RED FLAG" in text and "Neck (platysma)" in text


def test_a_record_without_a_journal_says_nothing_of_it(store):
    assert period_lines(treatment_period(store.treatment, ago(29), TODAY)) == []


def test_the_clinicians_cycle_length_is_read_only_when_sane():
    assert clinician_weeks({CYCLE_WEEKS_SETTING: "14"}) == 14
    assert [clinician_weeks({CYCLE_WEEKS_SETTING: v}) for v in ("", "0", "-3", "x", "900", "²")] == [None] * 6
    assert clinician_weeks({}) is None


def test_the_dashboard_shows_the_cycle_side_effects_red_first_care_and_mood(store):
    from app.caregiver.treatment_report import treatment_dashboard
    from app.vocabulary import HelpNeeded

    keep_a_journal(store)
    board = treatment_dashboard(store.treatment, TODAY)
    assert board.last_injection.given_on == ago(10) and board.cycle_text.startswith("Week 2 since the injection")
    assert board.last_cycle_days == 110 and "estimate" in board.forecast_text.lower()
    assert board.red_flag and [line.help for line in board.side_effects] == [HelpNeeded.EMERGENCY, HelpNeeded.NONE]
    assert board.side_effects[0].words == "trouble swallowing, a headache"
    assert board.care == (("Warm foot soak", 1, 7),) and board.moods == ((ago(1), 2),)


def test_the_timeline_puts_every_kind_on_one_axis_and_marks_red_flags(store):
    from app.treatment.timeline import timeline
    from app.vocabulary import JournalEntry

    keep_a_journal(store)
    journal = store.treatment
    events = timeline(ago(180), TODAY, journal.injections(), journal.marks(), journal.checkins(),
                      journal.care_ticks(), journal.moods())
    assert [e.day for e in events] == sorted(e.day for e in events)
    assert [e.kind for e in events if e.day == ago(10)] == [JournalEntry.INJECTION]
    assert [e.words for e in events if e.red_flag] == ["Trouble swallowing, a headache"]
    assert {e.kind for e in events} == set(JournalEntry)
    assert timeline(TODAY, TODAY, journal.injections()) == []

"""Exports: CSVs that read back exactly, a one-page PDF with the figures, safe writing."""
import csv
import io
import os
from datetime import datetime
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from app.vocabulary import SessionStatus, StepStatus
from app.caregiver import export as export_module
from app.caregiver.export import (
    ALL_TIME, SESSION_COLUMNS, STEP_COLUMNS, ExportError, default_export_folder, export_all,
)
from app.caregiver.report_pdf import DISCLAIMER
from app.fonts import PLACEHOLDER

from .test_dashboard import TODAY, add_session, ago, daily, save_plan

TRICKY_NOTE = 'Left cheek, "tight" today;\nstopped early, then\r\nwent on. Ça va — 顔'


@pytest.fixture
def seeded(store, routine):
    """30 routine days from 29 days ago; 3 missed, one partial, notes and ratings."""
    plan = save_plan(store, routine, ago(29))
    daily(store, plan, 29, 1, except_ago=(2, 10, 20, 7))
    add_session(store, plan, ago(7), skip=("eyes",), status="partial", note=TRICKY_NOTE, rating=2)
    add_session(store, plan, ago(4), note="Warm towel helped, eyes watery", rating=4)
    store.put_setting("profile.name", "Maria Lopez")
    return store


@pytest.fixture
def out(tmp_path):
    """The export folder, apart from the store's data folder under tmp_path."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as file:
        return list(csv.DictReader(file))


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


def embedded_fonts(path: Path) -> list[TTFont]:
    """The page's embedded TrueType fonts, each a subset of the glyphs the page uses in it."""
    fonts = []
    for ref in PdfReader(path).pages[0]["/Resources"]["/Font"].values():
        font = ref.get_object()
        if "/DescendantFonts" in font:  # not one of the PDF's built-in fonts
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fonts.append(TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data())))
    return fonts


def draws(font: TTFont, char: str) -> bool:
    """The font maps `char` to a glyph with an outline (of its own, or built of others like ë)."""
    name = font.getBestCmap().get(ord(char))
    glyph = font["glyf"][name] if name is not None else None
    return glyph is not None and (glyph.isComposite() or glyph.numberOfContours > 0)


def export(store, routine, folder, **kwargs):
    return export_all(store, routine, folder, TODAY, **kwargs)


# --- the files -----------------------------------------------------------------------------


def test_export_writes_five_named_files(seeded, routine, out):
    result = export(seeded, routine, out)
    assert [p.name for p in result.paths] == [
        "smileback-sessions-2026-11-25.csv", "smileback-steps-2026-11-25.csv", "smileback-report-2026-11-25.pdf",
        "smileback-treatment-2026-11-25.csv", "smileback-outcomes-2026-11-25.csv"]
    assert all(p.is_file() and p.parent == out for p in result.paths)
    assert sorted(os.listdir(out)) == sorted(p.name for p in result.paths)  # no temporaries left
    assert str(out) in result.message


def test_sessions_csv_matches_the_database(seeded, routine, out):
    rows = read_csv(export(seeded, routine, out).paths[0])
    sessions = seeded.sessions_between(*ALL_TIME)
    assert len(rows) == len(sessions) == 27
    assert list(rows[0]) == list(SESSION_COLUMNS)
    for row, session in zip(rows, sessions):
        assert int(row["id"]) == session.id
        assert row["local_date"] == session.local_date.isoformat()
        assert row["started_at_utc"] == session.started_at.isoformat()
        assert row["ended_at_utc"] == session.ended_at.isoformat()
        assert int(row["utc_offset_minutes"]) == session.utc_offset_minutes
        assert row["status"] == SessionStatus(session.status).words  # the words History shows
        assert float(row["minutes_done"]) == pytest.approx(session.done_seconds / 60, abs=0.05)
        assert row["rating"] == ("" if session.rating is None else str(session.rating))
        assert row["note"] == (session.note or "")


def test_notes_with_commas_quotes_and_newlines_round_trip(seeded, routine, out):
    rows = read_csv(export(seeded, routine, out).paths[0])
    assert TRICKY_NOTE in [row["note"] for row in rows]


FORMULAS = ['=HYPERLINK("http://example.test","click")', "+1+1", "-2+3 cmd", "@SUM(A1:A9)", "\tTab first",
            "\rReturn first"]


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text(store, routine, out):
    from datetime import timedelta, timezone

    plan = save_plan(store, routine, ago(10))
    for n, note in enumerate(FORMULAS):
        add_session(store, plan, ago(n + 1), note=note)
    west = timezone(timedelta(hours=-5))  # a negative number must stay a number
    start = datetime(2026, 11, 24, 8, tzinfo=west)
    session_id = store.begin_session(plan.id, start)
    log = store.start_step(session_id, 0, "=cmd|' /C calc'!A0", 60, start)  # a key the routine no longer has
    store.finish_step(log, "done", 60.0, start + timedelta(minutes=1))
    store.finish_session(session_id, "completed", start + timedelta(minutes=2))
    store.annotate_session(session_id, "  =not first, a space is", None)
    paths = export(store, routine, out).paths
    sessions, steps = read_csv(paths[0]), read_csv(paths[1])
    by_id = {int(r["id"]): r for r in sessions}
    assert sorted(r["note"] for r in sessions if r["note"].startswith("'")) == sorted("'" + n for n in FORMULAS)
    assert by_id[session_id]["utc_offset_minutes"] == "-300"
    assert by_id[session_id]["note"] == "  =not first, a space is"
    odd = next(r for r in steps if int(r["session_id"]) == session_id)
    assert odd["step_key"] == odd["step_title"] == "'=cmd|' /C calc'!A0"
    assert odd["planned_seconds"] == "60" and odd["done_seconds"] == "60.0"


def test_the_json_export_keeps_formula_like_text_exactly(store, routine, tmp_path):
    import json

    from app.storage.transfer import export_json

    plan = save_plan(store, routine, ago(10))
    for n, note in enumerate(FORMULAS):
        add_session(store, plan, ago(n + 1), note=note)
    document = json.loads(export_json(store, tmp_path / "record.json").read_text(encoding="utf-8"))
    assert sorted(s["note"] for s in document["sessions"]) == sorted(FORMULAS)


def test_steps_csv_matches_the_database(seeded, routine, out):
    rows = read_csv(export(seeded, routine, out).paths[1])
    expected = [(s, step) for s in seeded.sessions_between(*ALL_TIME) for step in s.steps]
    assert len(rows) == len(expected) == 27 * 4
    assert list(rows[0]) == list(STEP_COLUMNS)
    for row, (session, step) in zip(rows, expected):
        assert (int(row["session_id"]), row["local_date"]) == (session.id, session.local_date.isoformat())
        assert (int(row["position"]), row["step_key"]) == (step.position, step.step_key)
        assert row["step_title"] == routine.step(step.step_key).title
        assert int(row["planned_seconds"]) == step.planned_seconds
        assert float(row["done_seconds"]) == step.done_seconds
        assert row["status"] == StepStatus(step.status).words
        assert row["started_at_utc"] == step.started_at.isoformat()
        assert row["ended_at_utc"] == step.ended_at.isoformat()
    assert {r["step_title"] for r in rows} == {"Prepare", "Warm towel", "Facial massage",
                                              "Eyelid and eye-socket circles"}


def test_pdf_shows_name_period_adherence_steps_and_notes(seeded, routine, out):
    text = pdf_text(export(seeded, routine, out).paths[2])
    assert "Maria Lopez" in text
    assert "2026-10-27 to 2026-11-25" in text
    # 29 routine days are over; 25 fully done (3 missed, 1 partial): 86%.
    assert "Adherence over the period: 86% (25 of 29 routine days fully done)" in text
    assert "Status: Slipping" in text  # as the dashboard says it
    assert "Warm towel" in text and "Avg time planned" in text
    assert "Warm towel helped, eyes watery" in text
    assert "Left cheek" in text
    assert DISCLAIMER in text


def test_pdf_without_a_name_or_sessions(store, routine, out):
    save_plan(store, routine, TODAY)
    text = pdf_text(export(store, routine, out).paths[2])
    assert "(name not given)" in text
    assert "No notes in this period" in text
    assert "0 of 0 routine days" in text


def test_pdf_says_not_started_rather_than_on_track_at_100_percent(store, routine, out):
    save_plan(store, routine, TODAY)
    text = pdf_text(export(store, routine, out).paths[2])
    assert "Status: Not started yet." in text
    assert "100%" not in text and "On track" not in text


NAMES = ("Zoë Łukasz", "Ελένη", "Алексей", "王小明", "山田花子", "김민준")


def test_pdf_prints_a_name_and_notes_in_every_script_as_typed(seeded, routine, out):
    seeded.put_setting("profile.name", " ".join(NAMES))
    add_session(seeded, seeded.current_plan(), ago(1), note="Sehr gut, señora «merci» — Ελένη, Алексей: 顔が軽い 오늘")
    path = export(seeded, routine, out).paths[2]
    text = pdf_text(path)
    assert f"Patient: {' '.join(NAMES)}" in text
    assert "Sehr gut, señora «merci» — Ελένη, Алексей: 顔が軽い 오늘" in text
    letters = set("".join(NAMES).replace(" ", ""))
    assert any(all(draws(font, char) for char in letters) for font in embedded_fonts(path))


def test_an_emoji_in_a_note_prints_and_copies_back_as_itself(seeded, routine, out):
    note = "Better today 🙂, thumbs 👍🏽 and ❤️ family 👨‍👩‍👧 end"  # the font draws each as a square
    add_session(seeded, seeded.current_plan(), ago(1), note=note)
    assert note in pdf_text(export(seeded, routine, out).paths[2])


def test_a_character_the_font_lacks_prints_as_a_placeholder(seeded, routine, out):
    add_session(seeded, seeded.current_plan(), ago(1), note="a rare name 𠀀𠀁 here")
    assert f"a rare name {PLACEHOLDER} here" in pdf_text(export(seeded, routine, out).paths[2])


def test_pdf_stays_one_page_with_many_long_notes(store, routine, out):
    plan = save_plan(store, routine, ago(29))
    daily(store, plan, 29, 0, note="A long note about the day. " * 30)
    text = pdf_text(export(store, routine, out).paths[2])
    assert "more notes, all in the sessions CSV" in text


def test_long_periods_are_drawn_per_week(seeded, routine, out):
    text = pdf_text(export(seeded, routine, out, period_days=90).paths[2])
    assert "per week" in text
    assert "(90 days)" in text


# --- folders and failures ---------------------------------------------------------------------


def test_missing_folder_is_created_when_its_parent_exists(seeded, routine, tmp_path):
    folder = tmp_path / "exports"
    result = export(seeded, routine, folder)
    assert folder.is_dir() and len(result.paths) == 5


def test_missing_parent_is_a_clear_error(seeded, routine, tmp_path):
    folder = tmp_path / "no" / "such"
    with pytest.raises(ExportError, match="does not exist"):
        export(seeded, routine, folder)
    assert not (tmp_path / "no").exists()


def test_a_file_in_place_of_the_folder_is_a_clear_error(seeded, routine, tmp_path):
    folder = tmp_path / "exports"
    folder.write_text("not a folder")
    with pytest.raises(ExportError, match="is a file"):
        export(seeded, routine, folder)
    assert folder.read_text() == "not a folder"


def test_a_folder_under_a_regular_file_cannot_be_written_even_by_root(seeded, routine, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(ExportError):
        export(seeded, routine, blocker / "exports")
    assert blocker.read_text() == "x"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root writes into read-only folders; covered by the regular-file and failed-write tests")
def test_read_only_folder_is_a_clear_error(seeded, routine, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="read-only"):
            export(seeded, routine, folder)
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o700)


def test_a_failed_write_leaves_no_half_files_and_keeps_the_earlier_export(seeded, routine, out, monkeypatch):
    first = export(seeded, routine, out)
    before = {p.name: p.read_bytes() for p in first.paths}
    add_session(seeded, seeded.current_plan(), TODAY, note="written after the first export")

    real_write = export_module.write_temporary

    def disk_full_on_the_pdf(path, data):
        if path.suffix == ".pdf":
            raise OSError(28, "No space left on device")
        return real_write(path, data)

    monkeypatch.setattr(export_module, "write_temporary", disk_full_on_the_pdf)
    with pytest.raises(ExportError, match="no space left on device.*Nothing was changed"):
        export(seeded, routine, out)
    assert {name: (out / name).read_bytes() for name in os.listdir(out)} == before


def test_exporting_twice_on_one_day_replaces_the_files(seeded, routine, out):
    export(seeded, routine, out)
    add_session(seeded, seeded.current_plan(), TODAY, note="later the same day")
    result = export(seeded, routine, out)
    assert "later the same day" in [r["note"] for r in read_csv(result.paths[0])]
    assert len(os.listdir(out)) == 5


def test_default_folder_prefers_documents(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_export_folder() == tmp_path
    (tmp_path / "Documents").mkdir()
    assert default_export_folder() == tmp_path / "Documents"

"""The outcomes for the caregiver and clinician: the CSV and the dashboard's lines."""
import csv
import io
from datetime import date, timedelta

import pytest

from app.caregiver.export import export_all
from app.caregiver.outcomes_report import OUTCOME_COLUMNS, outcome_lines, outcome_rows
from app.core import Core
from app.outcomes.entries import ItemPick
from app.outcomes.items import load_items
from app.presenters.caregiver import DashboardPresenter
from app.treatment.entries import AreaDose
from app.vocabulary import ClinicianScale, InjectionArea, InjectionSide, RatingMoment
from tests.fakes import FakeNavigator, FakeScreen

CHOICES = load_items()


@pytest.fixture
def core(store, routine, clock, cues):
    return Core(store, routine, clock, cues)


def fill(core):
    store, now, today = core.store, core.clock.now(), core.today()
    items = store.outcomes.choose_items([ItemPick(key="stiffness"), ItemPick(own_words="=Whistle")],
                                        {c.key for c in CHOICES}, now)
    for days_ago in (40, 10):
        store.treatment.log_injection(today - timedelta(days=days_ago),
                                      [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT)], now)
    for days_ago, value in ((42, 8), (12, 6), (6, 3), (3, 3)):
        store.outcomes.rate(today - timedelta(days=days_ago), RatingMoment.ROUTINE, {items[0].id: value}, now)
    store.outcomes.rate(today, RatingMoment.ROUTINE, {items[1].id: 5}, now)
    store.outcomes.record_score(today - timedelta(days=30), ClinicianScale.HOUSE_BRACKMANN, 4, now,
                                rated_by="Dr Okafor", note="left")
    store.outcomes.record_score(today - timedelta(days=2), ClinicianScale.SUNNYBROOK_COMPOSITE, -5, now)


def test_the_csv_has_every_rating_and_score_in_date_order_in_the_screens_words(core):
    fill(core)
    rows = outcome_rows(core.store, CHOICES)
    assert rows[0] == ("2026-10-14", "Self-rating", "Stiffness or pulling in my face", "Regular rating", 8, "", "")
    assert ("2026-10-26", "Clinician score", "House-Brackmann grade", "", "IV", "Dr Okafor", "left") in rows
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)
    assert len(rows) == 5 + 2


def test_the_exported_csv_guards_a_formula_and_holds_no_photo(core, tmp_path):
    fill(core)
    result = export_all(core.store, core.routine, tmp_path, core.today())
    (path,) = [p for p in result.paths if p.name.startswith("smileback-outcomes-")]
    table = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert tuple(table[0]) == OUTCOME_COLUMNS
    assert ["2026-11-25", "Self-rating", "'=Whistle", "Regular rating", "5", "", ""] in table
    assert not any("photo" in cell.lower() for row in table for cell in row)


def test_the_dashboard_shows_the_latest_against_the_injections_and_the_scores_over_time(core):
    fill(core)
    lines = outcome_lines(core.store, CHOICES)
    assert lines.standings == ("Stiffness or pulling in my face: now 3, 8 at the first injection, "
                               "6 at the last injection.", "=Whistle: now 5.")
    assert len(lines.changes) == 1 and "worth mentioning to your clinician" in lines.changes[0].lower()
    assert lines.scores == ("26 October 2026: House-Brackmann grade IV (Dr Okafor)",
                            "23 November 2026: Sunnybrook composite -5")
    core.start_caregiver_mode()
    screen = FakeScreen()
    DashboardPresenter(core, FakeNavigator(), screen).enter()
    assert screen.model.outcomes == lines


def test_the_pdf_report_carries_the_ratings_against_the_injections_and_the_scores(core, tmp_path):
    from pypdf import PdfReader

    fill(core)
    result = export_all(core.store, core.routine, tmp_path, core.today())
    (path,) = [p for p in result.paths if p.suffix == ".pdf"]
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "The patient's own ratings (0 to 10) and clinician scores" in text
    assert "Stiffness or pulling in my face: now 3, 8 at the first injection, 6 at the last injection." in text
    assert "Clinician score, 26 October 2026: House-Brackmann grade IV (Dr Okafor)" in text


def test_the_pdf_leaves_the_section_out_without_ratings_or_scores(core, tmp_path):
    from pypdf import PdfReader

    result = export_all(core.store, core.routine, tmp_path, core.today())
    (path,) = [p for p in result.paths if p.suffix == ".pdf"]
    assert "own ratings" not in PdfReader(path).pages[0].extract_text()

"""Face measures for the caregiver and the clinician: the dashboard's table, the PDF's and the
outcomes CSV's rows, in one vocabulary, on sets built from the astronaut photo."""
import csv
import io

import pytest
from pypdf import PdfReader

from app.caregiver.export import export_all
from app.caregiver.outcomes_report import OUTCOME_COLUMNS
from app.core import Core
from app.face_words import FACE_ENTRY, NOT_A_GRADE_LINE, NOTHING_MEASURED
from app.presenters.caregiver import DashboardPresenter
from tests.fakes import FakeNavigator, FakeScreen
from tests.seed import measure_sets, seed_face_sets, seed_two_months


@pytest.fixture
def core(store, routine, clock, cues, landmarker):
    return Core(store, routine, clock, cues, face_landmarker=landmarker)


def test_before_any_set_is_measured_the_dashboard_says_so_and_the_pdf_leaves_the_table_out(core, tmp_path):
    seed_face_sets(core.store, core.today(), core.clock.now())
    screen = FakeScreen()
    DashboardPresenter(core, FakeNavigator(), screen).enter()
    assert screen.model.face.rows == () and screen.model.face.empty_text == NOTHING_MEASURED
    (pdf,) = [p for p in export_all(core.store, core.routine, tmp_path, core.today()).paths if p.suffix == ".pdf"]
    assert "Face measures" not in PdfReader(pdf).pages[0].extract_text()


def test_the_dashboard_pdf_and_csv_carry_the_same_measures_and_the_not_a_grade_line(core, tmp_path):
    seed_two_months(core.store, core.routine, core.today())  # a full report: the table must still fit
    baseline, later = seed_face_sets(core.store, core.today(), core.clock.now())
    measure_sets(core, baseline, later)
    screen = FakeScreen()
    DashboardPresenter(core, FakeNavigator(), screen).enter()
    face = screen.model.face
    assert face.note == NOT_A_GRADE_LINE and face.title.startswith("Baseline ")
    smile = next(r for r in face.rows if r.key == "big_smile.movement")
    assert smile.sides[0].change.startswith("+") and smile.sides[0].side == "right"
    assert any(r.no_clear_change and "No clear change" in r.change for r in face.rows)

    result = export_all(core.store, core.routine, tmp_path, core.today())
    (pdf,) = [p for p in result.paths if p.suffix == ".pdf"]
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Face measures from photos" in text and NOT_A_GRADE_LINE in text
    assert smile.measure in text and smile.sides[0].change in text and "No clear change" in text

    (path,) = [p for p in result.paths if p.name.startswith("smileback-outcomes-")]
    table = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert tuple(table[0]) == OUTCOME_COLUMNS
    face_rows = [row for row in table if row[1] == FACE_ENTRY]
    right = next(row for row in face_rows if row[2] == f"{smile.measure}, right")
    assert right[0] == core.today().isoformat() and right[4] == smile.sides[0].latest
    assert right[6].startswith("Since the baseline of ") and f": {smile.sides[0].change} (noise" in right[6] and NOT_A_GRADE_LINE in right[6]
    assert any(": No clear change (noise" in row[6] for row in face_rows)

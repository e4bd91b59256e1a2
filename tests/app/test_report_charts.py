"""The report's charts: the same chart models as the app, with their axis values in the PDF's text."""
from app.caregiver.dashboard import dashboard
from app.caregiver.report_pdf import NO_MINUTES_TEXT, NO_RATINGS_TEXT, minutes_chart_model, report_data
from app.charts import ratings_over_time
from app.presenters.caregiver import NO_RATINGS_TEXT as NO_RATINGS_ON_THE_DASHBOARD, dashboard_model

from .test_dashboard import TODAY, add_session, ago, save_plan
from .test_export import export, out, pdf_text, seeded  # noqa: F401  (fixtures)


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def test_the_pdf_writes_the_minutes_axis_its_ticks_and_each_days_minutes(seeded, routine, out):
    model = minutes_chart_model(report_data(seeded, routine, TODAY, 30))
    # 16 minutes a day (10 + 4 + 2), 32 on the two days with a second session: 0 to 40 in tens
    assert model.scale.ticks == (0, 10, 20, 30, 40)
    text = pdf_text(export(seeded, routine, out).paths[2])
    assert "Minutes (min)" in text and "Day" in lines(text)
    tick_column = "\n".join(str(tick) for tick in model.scale.ticks)
    assert tick_column in text  # the value axis, bottom to top
    assert "16 16" in text and "32" in lines(text) and "25 Nov" in text  # values; the newest day labelled


def test_the_pdf_charts_ratings_on_the_one_to_five_axis(seeded, routine, out):
    text = pdf_text(export(seeded, routine, out).paths[2])
    assert "Rating (1 to 5)" in text and "1\n2\n3\n4\n5" in text
    assert "Session date" in text


def test_the_reports_ratings_chart_is_the_dashboards(seeded, routine):
    board = dashboard(seeded, routine, TODAY)
    report = report_data(seeded, routine, TODAY, 90)  # the dashboard's 90 days
    chart = ratings_over_time(report.ratings, NO_RATINGS_ON_THE_DASHBOARD)
    assert chart == dashboard_model(board).ratings_chart
    assert [bar.value_text for bar in chart.bars] == ["2", "4"]


def test_with_nothing_done_the_pdf_says_so_instead_of_drawing_empty_charts(store, routine, out):
    save_plan(store, routine, ago(3))
    text = pdf_text(export(store, routine, out).paths[2])
    assert NO_MINUTES_TEXT in text and NO_RATINGS_TEXT in text
    assert "Minutes (min)" not in text and "Rating (1 to 5)" not in text


def test_each_days_bar_carries_its_status_for_the_reports_colours(store, routine):
    plan = save_plan(store, routine, ago(2))
    add_session(store, plan, ago(2))
    model = minutes_chart_model(report_data(store, routine, TODAY, 3))
    assert [(bar.kind, bar.value_text) for bar in model.bars[-3:]] == [("done", "16"), ("missed", "0"), ("today", "0")]


def test_long_periods_chart_minutes_per_week(seeded, routine):
    model = minutes_chart_model(report_data(seeded, routine, TODAY, 90))
    assert model.label_title == "Week starting" and len(model.bars) == 14
    daily_model = minutes_chart_model(report_data(seeded, routine, TODAY, 30))
    assert daily_model.label_title == "Day" and len(daily_model.bars) == 30

import pytest

from app.theme import (FACE_COLOURS, FACE_PAIRS, HIGH_CONTRAST, ICON_PAIRS, NON_TEXT_PAIRS, NORMAL, PALETTES,
                       TEXT_PAIRS, TYPE, WCAG_AA_NON_TEXT, WCAG_AA_TEXT, colour_fields, contrast_ratio, face_colours,
                       pair_ratios, palette, relative_luminance, rgba)
from app.theme import CHART_COLOURS, CHART_NON_TEXT_FIELDS, CHART_TEXT_FIELDS, chart_colours, chart_ratios

BLACK, WHITE = (0.0, 0.0, 0.0, 1.0), (1.0, 1.0, 1.0, 1.0)


def test_contrast_ratio_matches_known_wcag_values():
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast_ratio(WHITE, WHITE) == pytest.approx(1.0)
    # #767676 on white is the classic just-passing AA grey (4.54:1).
    assert contrast_ratio(rgba("#767676"), WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(rgba("#777777"), WHITE) < 4.5


def test_contrast_ratio_is_symmetric():
    assert contrast_ratio(NORMAL.text, NORMAL.background) == contrast_ratio(NORMAL.background, NORMAL.text)


def test_relative_luminance_uses_the_linear_segment_for_dark_channels():
    assert relative_luminance(rgba("#0A0A0A")) == pytest.approx((10 / 255) / 12.92)


@pytest.mark.parametrize("theme", PALETTES.values(), ids=list(PALETTES))
def test_every_text_pair_meets_aa(theme):
    failing = [(label, round(ratio, 2)) for label, ratio in pair_ratios(theme) if ratio < WCAG_AA_TEXT]
    assert failing == []


@pytest.mark.parametrize("theme", PALETTES.values(), ids=list(PALETTES))
def test_borders_and_focus_stand_out(theme):
    failing = [(label, round(ratio, 2)) for label, ratio in pair_ratios(theme, NON_TEXT_PAIRS)
               if ratio < WCAG_AA_NON_TEXT]
    assert failing == []


@pytest.mark.parametrize("theme", PALETTES.values(), ids=list(PALETTES))
def test_icons_stand_out_from_what_they_sit_on(theme):
    failing = [(label, round(ratio, 2)) for label, ratio in pair_ratios(theme, ICON_PAIRS)
               if ratio < WCAG_AA_NON_TEXT]
    assert failing == []


@pytest.mark.parametrize("theme", PALETTES.values(), ids=list(PALETTES))
def test_placeholder_reads_as_well_as_body_text_must(theme):
    assert contrast_ratio(theme.placeholder, theme.field) >= WCAG_AA_TEXT
    assert contrast_ratio(theme.placeholder, theme.surface) >= WCAG_AA_TEXT


def test_high_contrast_outlines_every_card():
    assert HIGH_CONTRAST.card_edge[3] == 1.0
    assert contrast_ratio(HIGH_CONTRAST.card_edge, HIGH_CONTRAST.background) >= WCAG_AA_NON_TEXT


def test_every_text_size_is_in_sp_so_it_follows_the_setting():
    assert all(size.endswith("sp") for size in vars(TYPE).values())


def test_high_contrast_body_text_is_at_least_aaa():
    assert contrast_ratio(HIGH_CONTRAST.text, HIGH_CONTRAST.background) >= 7.0


def test_pairs_name_real_fields():
    names = set(colour_fields())
    for _label, fg, bg in TEXT_PAIRS + NON_TEXT_PAIRS + ICON_PAIRS:
        assert fg in names and bg in names


@pytest.mark.parametrize("theme", PALETTES.values(), ids=list(PALETTES))
def test_colours_are_rgba_floats(theme):
    for name in colour_fields():
        colour = getattr(theme, name)
        assert len(colour) == 4 and all(0.0 <= c <= 1.0 for c in colour), name


def test_calendar_states_differ_from_each_other():
    for theme in PALETTES.values():
        cells = [theme.cal_done, theme.cal_partial, theme.cal_missed, theme.cal_rest]
        assert len(set(cells)) == len(cells)


def test_palette_choice():
    assert palette(True) is HIGH_CONTRAST and palette(False) is NORMAL


def test_rgba_rejects_bad_hex():
    with pytest.raises(ValueError):
        rgba("#FFF")


@pytest.mark.parametrize("theme", PALETTES.values(), ids=list(PALETTES))
def test_chart_labels_and_values_meet_aa_on_the_card(theme):
    failing = [(label, round(ratio, 2)) for label, ratio in chart_ratios(theme, CHART_TEXT_FIELDS)
               if ratio < WCAG_AA_TEXT]
    assert failing == []


@pytest.mark.parametrize("theme", PALETTES.values(), ids=list(PALETTES))
def test_chart_bars_and_axis_stand_out_from_the_card(theme):
    failing = [(label, round(ratio, 2)) for label, ratio in chart_ratios(theme, CHART_NON_TEXT_FIELDS)
               if ratio < WCAG_AA_NON_TEXT]
    assert failing == []


def test_every_palette_has_chart_colours():
    assert set(CHART_COLOURS) == set(PALETTES)
    assert chart_colours(True) is CHART_COLOURS["high_contrast"]

@pytest.mark.parametrize("high_contrast", (False, True), ids=("normal", "high-contrast"))
def test_the_face_diagrams_lines_and_marks_stand_out_from_the_skin(high_contrast):
    colours = face_colours(high_contrast)
    failing = [(label, round(contrast_ratio(getattr(colours, fg), getattr(colours, bg)), 2))
               for label, fg, bg in FACE_PAIRS
               if contrast_ratio(getattr(colours, fg), getattr(colours, bg)) < WCAG_AA_NON_TEXT]
    assert failing == []


def test_the_face_diagram_has_colours_for_every_palette():
    assert set(FACE_COLOURS) == set(PALETTES)

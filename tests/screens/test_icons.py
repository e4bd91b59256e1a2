"""The bundled icon font holds every icon the screens name, and its licence travels with it."""
from fontTools.ttLib import TTFont

from screens.icons import CODEPOINTS, FONT_FILE, glyph


def test_every_named_icon_is_in_the_bundled_font():
    in_font = set(TTFont(FONT_FILE).getBestCmap())
    assert sorted(name for name, code in CODEPOINTS.items() if code not in in_font) == []


def test_the_icon_font_ships_with_its_licence_and_stays_small():
    assert (FONT_FILE.parent / "materialdesignicons-LICENSE.txt").read_text().count("Apache") >= 1
    assert FONT_FILE.stat().st_size < 20_000  # a subset, not the 1.3 MB font


def test_no_icon_means_no_glyph():
    assert glyph("") == ""

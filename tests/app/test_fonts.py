"""The bundled text font's placeholder rule: what the font cannot draw becomes one square."""
from app.fonts import BOLD, PLACEHOLDER, REGULAR, with_placeholders

COVERED = {ord(c) for c in "ab \u200d"} | {ord(PLACEHOLDER)}


def test_covered_text_is_kept_as_it_is():
    assert with_placeholders("ab ba\n\tb", COVERED) == "ab ba\n\tb"


def test_each_run_of_missing_characters_is_one_placeholder():
    assert with_placeholders("a🙂🙂 b 👍🏽", COVERED) == f"a{PLACEHOLDER} b {PLACEHOLDER}"


def test_joiners_and_selectors_inside_an_emoji_stay_in_its_placeholder():
    family, heart = "👨\u200d👩\u200d👧", "❤\ufe0f"
    assert with_placeholders(f"a {family} {heart}", COVERED) == f"a {PLACEHOLDER} {PLACEHOLDER}"


def test_a_joiner_the_font_has_is_kept_between_covered_letters():
    assert with_placeholders("a\u200db", COVERED) == "a\u200db"


def test_both_weights_are_bundled():
    assert REGULAR.is_file() and BOLD.is_file()

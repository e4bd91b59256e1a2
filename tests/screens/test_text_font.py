"""Every script a name or note may use is drawn as letters, not as the missing-glyph box, by
the app's real widgets with the font the app registers at start (screens/fonts.py)."""
from datetime import date, datetime, timezone

from kivy.uix.label import Label
from kivy.uix.textinput import TextInput

from app.fonts import PLACEHOLDER
from tests.seed import add_session, save_plan

NAMES = {"Latin": "Zoë Łukasz", "Greek": "Ελένη", "Cyrillic": "Алексей",
         "Chinese": "王小明", "Japanese": "山田花子", "Korean": "김민준"}
LACKED = ("\ue000", "\uf8ff")  # private-use characters no font of ours has: they draw the box
EMOJI_NOTE = "Better 🙂 👍🏽 ❤️ 👨‍👩‍👧 — 顔が軽い, 오늘 좋아요"


def label_pixels(text: str, bold: bool = False):
    label = Label(text=text, font_size="32sp", bold=bold)
    label.texture_update()
    return tuple(label.texture.size), label.texture.pixels


def text_input_pixels(text: str):
    box = TextInput(text=text, font_size="32sp", size=(900, 200))
    line = box._lines_labels[0]  # the texture TextInput draws its first line with
    return tuple(line.size), line.pixels


def has_ink(rendered) -> bool:
    _size, pixels = rendered
    return any(pixels[3::4])  # some pixel is not fully transparent


def letters_drawn_as_the_box(render, **options) -> list[str]:
    box = render(LACKED[0], **options)
    assert render(LACKED[1], **options) == box  # any lacked character draws the same box
    letters = sorted(set("".join(NAMES.values())) - {" "})
    return [c for c in letters if (drawn := render(c, **options)) == box or not has_ink(drawn)]


def test_a_label_draws_every_letter_of_each_name(ui):
    assert letters_drawn_as_the_box(label_pixels) == []


def test_a_bold_label_draws_every_letter_of_each_name(ui):
    assert letters_drawn_as_the_box(label_pixels, bold=True) == []


def test_a_text_box_draws_every_letter_of_each_name(ui):
    assert letters_drawn_as_the_box(text_input_pixels) == []


def test_an_emoji_draws_as_one_white_square(ui):
    square = label_pixels(PLACEHOLDER)
    drawn = {emoji: label_pixels(emoji) == square for emoji in ("🙂", "👍🏽", "❤️", "⌚", "☺")}
    assert drawn == dict.fromkeys(drawn, True)


def test_a_note_with_emoji_is_shown_without_failing(ui):
    core = ui.app.core
    plan = save_plan(core.store, core.routine, date(2026, 11, 1))
    add_session(core.store, plan, datetime(2026, 11, 24, 8, tzinfo=timezone.utc), note=EMOJI_NOTE, rating=5)
    ui.tap("history_button")
    ui.tap(sorted(ui.widget("history_list").children[0].children, key=lambda w: -w.y)[0])
    ui.frames(2)
    note = ui.widget("note_label")
    assert note.text == EMOJI_NOTE and note.texture is not None and note.texture.width > 0
    assert has_ink(text_input_pixels(EMOJI_NOTE))

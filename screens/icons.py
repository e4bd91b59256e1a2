"""The icons: Material Design Icons glyphs, each by the name the screens use.

The font is a subset of @mdi/font (Apache 2.0, assets/fonts/materialdesignicons-LICENSE.txt)
holding only these glyphs; assets/fonts/make_icon_font.py rebuilds it from this table.
An icon always sits beside words that say the same thing: it never carries meaning alone.
"""
from __future__ import annotations

from pathlib import Path

FONT_NAME = "Icons"
FONT_FILE = Path(__file__).resolve().parents[1] / "assets" / "fonts" / "materialdesignicons-subset.ttf"

# name used in kv -> Material Design Icons codepoint (its own name in the comment where it differs)
CODEPOINTS = {
    "home": 0xF02DC,
    "progress": 0xF012A,        # chart-line
    "history": 0xF02DA,
    "caregiver": 0xF0899,       # account-heart
    "settings": 0xF08BB,        # cog-outline
    "pause": 0xF03E4,
    "play": 0xF040A,
    "skip": 0xF04AD,            # skip-next
    "voice_on": 0xF057E,        # volume-high
    "voice_off": 0xF0581,       # volume-off
    "backup": 0xF006F,          # backup-restore
    "export": 0xF0207,
    "import": 0xF0552,          # upload
    "safety": 0xF0ECD,          # shield-alert-outline
    "back": 0xF004D,            # arrow-left
    "check": 0xF012C,
    "done": 0xF05E0,            # check-circle
    "close": 0xF0156,
    "calendar": 0xF00EF,        # calendar-check
    "info": 0xF02FD,            # information-outline
    "text_size": 0xF027F,       # format-size
    "contrast": 0xF050E,        # theme-light-dark
    "lock": 0xF0341,            # lock-outline
    "leave": 0xF0343,           # logout
    "person": 0xF0013,          # account-outline
    "routine": 0xF10D5,         # clipboard-list-outline
    "restore": 0xF099B,
    "timer": 0xF051B,           # timer-outline
    "edit": 0xF0CB6,            # pencil-outline
    "reminder": 0xF009C,        # bell-outline
    "heart": 0xF02D5,           # heart-outline
    "previous": 0xF0141,        # chevron-left
    "next": 0xF0142,            # chevron-right
    "note": 0xF1782,            # note-edit-outline
    "star": 0xF04D2,            # star-outline
}

ICONS = {name: chr(code) for name, code in CODEPOINTS.items()}


def glyph(name: str) -> str:
    """The character for an icon name ('' for none), so a kv typo fails loudly."""
    return ICONS[name] if name else ""


def register_icon_font() -> None:
    """Make the font known to Kivy as FONT_NAME (for font_name and [font=Icons] markup)."""
    from kivy.core.text import LabelBase

    LabelBase.register(name=FONT_NAME, fn_regular=str(FONT_FILE))

"""The text font, one file per weight, bundled in assets/fonts/text (built by make_fonts.py
there): Latin with every accent, Greek, Cyrillic, and the common Chinese, Japanese and
Korean characters, in one file because Kivy's text provider reads one file per Label.
It draws an emoji as a white square."""
from __future__ import annotations

from collections.abc import Container
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "assets" / "fonts" / "text"
REGULAR = FOLDER / "SmileBackSans-Regular.ttf"
BOLD = FOLDER / "SmileBackSans-Bold.ttf"
PLACEHOLDER = "\u25a1"  # the white square the font also draws for an emoji

_JOINERS = "\u200d\ufe0e\ufe0f"  # zero-width joiner, text and emoji presentation selectors


def with_placeholders(text: str, covered: Container[int]) -> str:
    """`text` with each run of characters the font lacks (a rare Han character) shown as one
    placeholder, with any joiner or selector inside the run."""
    out: list[str] = []
    in_gap = False
    for ch in text:
        if in_gap and ch in _JOINERS:
            continue
        if ord(ch) in covered or ch in "\n\t":
            out.append(ch)
            in_gap = False
        elif not in_gap:
            out.append(PLACEHOLDER)
            in_gap = True
    return "".join(out)

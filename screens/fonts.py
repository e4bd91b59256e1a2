"""Makes the bundled text font (app/fonts.py) Kivy's default, for every Label, Button and
TextInput: they all name "Roboto" unless told otherwise, so that name is re-registered."""
from kivy.core.text import LabelBase

from app.fonts import BOLD, REGULAR

DEFAULT_NAME = "Roboto"


def use_text_font() -> None:
    # There is no italic: italic text is drawn upright, bold italic in bold.
    LabelBase.register(DEFAULT_NAME, fn_regular=str(REGULAR), fn_bold=str(BOLD), fn_bolditalic=str(BOLD))

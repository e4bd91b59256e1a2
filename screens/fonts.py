"""Makes the bundled text font (app/fonts.py) Kivy's default, for every Label, Button and
TextInput: they all name "Roboto" unless told otherwise, so that name is re-registered."""
from kivy.core.text import LabelBase

from app.fonts import BOLD, REGULAR

DEFAULT_NAME = "Roboto"


def use_text_font() -> None:
    LabelBase.register(DEFAULT_NAME, fn_regular=str(REGULAR), fn_bold=str(BOLD),
                       fn_italic=str(REGULAR), fn_bolditalic=str(BOLD))

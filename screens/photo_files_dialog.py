"""Choosing a photo file: Kivy's file list, showing only pictures, with big rows, or a path
typed or pasted. Used wherever a photo is imported, so it works on a machine without a camera."""
from __future__ import annotations

from pathlib import Path

from kivy.properties import ObjectProperty, StringProperty
from kivy.uix.filechooser import FileChooserController, FileChooserListLayout
from kivy.uix.modalview import ModalView

from screens import load_kv_beside

PICTURE_ENDINGS = (".jpg", ".jpeg", ".png", ".webp")


def is_picture_name(_folder: str, name: str) -> bool:
    """Only the picture kinds we take (Kivy lists the folders anyway, to walk into)."""
    return name.lower().endswith(PICTURE_ENDINGS)


def start_folder() -> str:
    home = Path.home()
    pictures = home / "Pictures"
    return str(pictures if pictures.is_dir() else home)


class PhotoFileLayout(FileChooserListLayout):
    """Kivy's list layout with rows large enough to touch, in the theme's colours."""

    _ENTRY_TEMPLATE = "PhotoFileEntry"


class PhotoFileChooser(FileChooserController):
    _ENTRY_TEMPLATE = "PhotoFileEntry"

    def __init__(self, **kwargs):
        kwargs.setdefault("filters", [is_picture_name])
        super().__init__(**kwargs)


class PhotoFileDialog(ModalView):
    """`when_chosen(path_text)` is called with the file picked or the path typed; the presenter
    says whether it is a photo it can keep."""

    when_chosen = ObjectProperty(None, allownone=True)
    folder = StringProperty("")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.folder = self.folder or start_folder()

    def picked(self, selection) -> None:
        if selection:
            self.ids.path_input.text = selection[0]

    def use(self) -> None:
        path = self.ids.path_input.text
        self.dismiss()
        if self.when_chosen:
            self.when_chosen(path)


load_kv_beside(__file__)

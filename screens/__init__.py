"""The UI: one .py and one .kv per screen, thin. Screens render app/ objects."""
from pathlib import Path

_loaded: set[str] = set()


def load_kv_beside(py_file: str) -> None:
    """Load the .kv file next to a screen's module, once (Kivy warns on a second load)."""
    from kivy.lang import Builder

    kv = str(Path(py_file).with_suffix(".kv"))
    if kv not in _loaded:
        _loaded.add(kv)
        Builder.load_file(kv)

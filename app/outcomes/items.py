"""The list of things a patient may choose to rate (data/outcomes.toml), checked at load.

A mistake in the file is an OutcomesFileError naming the item and the field, so whoever
edits the list sees at once what to mend.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..toml_files import read_toml

DEFAULT_ITEMS = Path(__file__).resolve().parent.parent.parent / "data" / "outcomes.toml"
KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
MAX_KEY = 40
MAX_WORDS = 120
MAX_ANCHOR = 30


class OutcomesFileError(ValueError):
    pass


@dataclass(frozen=True)
class ItemChoice:
    key: str
    words: str
    low: str  # what 0 means
    high: str  # what 10 means


def load_items(path: Path | str = DEFAULT_ITEMS) -> tuple[ItemChoice, ...]:
    path = Path(path)
    return parse_items(read_toml(path, OutcomesFileError), str(path))


def parse_items(raw: Any, source: str = "outcomes") -> tuple[ItemChoice, ...]:
    items = raw.get("items") if isinstance(raw, dict) else None
    if not isinstance(items, list) or not items:
        raise OutcomesFileError(f"{source}: items: must be a list of at least one [[items]] table")
    parsed = tuple(_item(source, index, item) for index, item in enumerate(items))
    keys = [item.key for item in parsed]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise OutcomesFileError(f"{source}: items: the key {repeated[0]!r} is used twice")
    return parsed


def _item(source: str, index: int, item: Any) -> ItemChoice:
    where = f"{source}: items[{index}]"
    if not isinstance(item, dict):
        raise OutcomesFileError(f"{where}: must be a table")

    def text(field: str, longest: int) -> str:
        value = item.get(field)
        if not isinstance(value, str) or not value.strip():
            raise OutcomesFileError(f"{where}.{field}: must be text, not empty")
        if len(value) > longest:
            raise OutcomesFileError(f"{where}.{field}: must be at most {longest} characters, has {len(value)}")
        return value.strip()

    key = text("key", MAX_KEY)
    if not set(key) <= KEY_CHARS:
        raise OutcomesFileError(f"{where}.key: must be lower-case letters, digits and '_' only, got {key!r}")
    return ItemChoice(key, text("words", MAX_WORDS), text("low", MAX_ANCHOR), text("high", MAX_ANCHOR))


def item_words(key: str | None, own_words: str | None, choices: tuple[ItemChoice, ...]) -> str:
    """The words an item is shown with: its list words, or the patient's own; a key since taken
    off the list is shown as stored rather than lost."""
    if key is None:
        return own_words or ""
    return next((choice.words for choice in choices if choice.key == key), key)

"""The list of things to rate (data/outcomes.toml) is checked at load, the field named."""
import pytest

from app.outcomes.items import OutcomesFileError, load_items, parse_items
from app.outcomes.validation import MAX_ITEMS

GOOD = {"key": "stiffness", "words": "Stiffness in my face", "low": "None", "high": "Very strong"}


def test_the_shipped_list_loads_with_more_items_than_can_be_chosen():
    items = load_items()
    assert len(items) > MAX_ITEMS
    assert all(item.words and item.low and item.high for item in items)


@pytest.mark.parametrize("raw, where", [
    ({}, "items:"),
    ({"items": []}, "items:"),
    ({"items": ["text"]}, "items[0]:"),
    ({"items": [{**GOOD, "key": "Stiff ness"}]}, "items[0].key:"),
    ({"items": [{**GOOD, "words": ""}]}, "items[0].words:"),
    ({"items": [GOOD, {**GOOD, "low": 3}]}, "items[1].low:"),
    ({"items": [{**GOOD, "high": "x" * 31}]}, "items[0].high:"),
    ({"items": [GOOD, GOOD]}, "items: the key 'stiffness' is used twice"),
])
def test_a_mistake_in_the_list_names_the_item_and_field(raw, where):
    with pytest.raises(OutcomesFileError, match=f"^test: {where}".replace("[", r"\[").replace("]", r"\]")):
        parse_items(raw, "test")


def test_a_file_that_is_not_toml_is_said_so(tmp_path):
    path = tmp_path / "outcomes.toml"
    path.write_text("[[items]\n", encoding="utf-8")
    with pytest.raises(OutcomesFileError, match="is not valid TOML"):
        load_items(path)

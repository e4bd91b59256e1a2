"""Self-ratings as a patient makes them: choosing what to rate (from the list and in their own
words), rating with the slider and the + button, saving, and reading it back on Trends; and
Home's prompt, which opens the rating screen when a rating is due."""
from datetime import timedelta

from kivy.tests.common import UnitTestTouch

from app.outcomes.entries import ItemPick
from app.vocabulary import RatingMoment
from tests.seed import seed_ratings


def rating_rows(ui):
    return list(reversed(ui.widget("sliders_box").children))


def item_tick(ui, key: str):
    return next(t for t in ui.widget("options_box").children if t.key == key)


def track_point(slider, value: int) -> tuple[float, float]:
    left, right = slider.x + slider.padding, slider.right - slider.padding
    return slider.to_window(left + (right - left) * value / 10, slider.center_y)


def slide_to(ui, row, value: int, start: int | None = None) -> None:
    """A finger down on the track (at `start`, or where `value` lies), dragged to `value` and
    lifted; Kivy's Slider snaps to whole steps."""
    slider = row.ids.slider
    ui._scroll_into_view(slider)
    ui.frames(2)
    touch = UnitTestTouch(*track_point(slider, value if start is None else start))
    touch.touch_down()
    ui.frames(6)  # past the scroll area's wait to see whether the finger scrolls
    touch.touch_move(*track_point(slider, value))
    ui.frames(1)
    touch.touch_up()
    ui.frames(2)


def choose_two(ui) -> None:
    ui.app.go("choose_items")
    ui.settle()
    ui.tap(item_tick(ui, "stiffness"))
    ui.type_into("own_input", "I can whistle")
    ui.tap("add_own_button")
    assert ui.text("count_label") == "2 of 5 chosen"
    ui.tap("save_button")


def test_items_chosen_from_the_list_and_in_own_words_are_the_ones_rated(ui):
    choose_two(ui)
    assert ui.screen.name == "rate"
    rows = rating_rows(ui)
    assert [r.words for r in rows] == ["Stiffness or pulling in my face", "I can whistle"]
    assert rows[1].ends_text == "0 = Not at all, 10 = Very much"
    assert all(r.value_text == "Not rated yet" for r in rows)
    assert not thumb_drawn(rows[0].ids.slider)  # an item not rated does not look like a 0
    ui.tap(rows[0].ids.plus_button)
    assert thumb_drawn(rating_rows(ui)[0].ids.slider)


def thumb_drawn(slider) -> bool:
    """The colour the slider's thumb (its Ellipse) is drawn in is not transparent."""
    from kivy.graphics import Color, Ellipse

    colour = None
    for instruction in slider.canvas.children:
        if isinstance(instruction, Color):
            colour = instruction
        elif isinstance(instruction, Ellipse):
            return colour is not None and colour.a > 0
    raise AssertionError("the slider draws no thumb at all")


def test_a_sixth_item_is_refused_with_a_reason(ui):
    ui.app.go("choose_items")
    ui.settle()
    for key in ("stiffness", "eye_narrows", "eye_comfort", "smile_balance", "drinking", "at_ease"):
        ui.tap(item_tick(ui, key))
    assert ui.text("count_label") == "5 of 5 chosen"
    assert "up to 5" in ui.text("message_label")
    assert not item_tick(ui, "at_ease").checked


def test_a_rating_made_with_the_slider_and_the_plus_button_is_saved_and_shown_on_trends(ui):
    choose_two(ui)
    stiffness, whistle = rating_rows(ui)
    slide_to(ui, stiffness, 7)
    assert stiffness.value_text == "7 out of 10"
    ui.tap(whistle.ids.plus_button)
    ui.tap(rating_rows(ui)[1].ids.plus_button)
    assert rating_rows(ui)[1].value_text == "2 out of 10"
    ui.tap(rating_rows(ui)[0].ids.minus_button)
    ui.tap("save_button")

    saved = {r.item_id: r.value for r in ui.app.core.store.outcomes.ratings()}
    assert sorted(saved.values()) == [2, 6]
    assert ui.screen.name == "trends"
    cards = list(reversed(ui.widget("lines_box").children))
    assert [c.words for c in cards] == ["Stiffness or pulling in my face", "I can whistle"]
    assert [value for _day, value in cards[0].ids.chart.points] == [6]


def test_a_finger_dragged_along_the_slider_sets_the_value_where_it_lifts(ui):
    choose_two(ui)
    slide_to(ui, rating_rows(ui)[0], 8, start=2)
    assert rating_rows(ui)[0].value_text == "8 out of 10"


def test_homes_prompt_appears_when_a_rating_is_due_and_opens_the_rating_screen(ui):
    core = ui.app.core
    [item] = core.store.outcomes.choose_items([ItemPick(key="stiffness")], {"stiffness"}, core.clock.now())
    core.store.outcomes.rate(core.today() - timedelta(days=4), RatingMoment.ROUTINE, {item.id: 5}, core.clock.now())
    ui.app.screen("home").refresh()
    ui.frames(2)
    prompt = ui.widget("rating_prompt")
    assert prompt.shown and "under a minute" in prompt.text
    ui.tap(prompt.ids.rate_button)
    assert ui.screen.name == "rate"
    assert [r.words for r in rating_rows(ui)] == ["Stiffness or pulling in my face"]


def test_homes_prompt_stays_hidden_before_anything_is_chosen(ui):
    assert not ui.widget("rating_prompt").shown


def test_the_rating_screen_offers_choosing_first_when_nothing_is_chosen(ui):
    ui.app.go("rate", moment=None)
    ui.settle()
    assert rating_rows(ui) == []
    ui.tap("choose_button")
    assert ui.screen.name == "choose_items"


def test_progress_opens_the_trends_with_its_empty_words(ui):
    ui.app.go("progress")
    ui.settle()
    ui.tap("trends_button")
    assert ui.screen.name == "trends"
    assert "Your ratings will show here" in ui.text("empty_label")


def test_trends_point_out_a_change_worth_mentioning_to_the_clinician(ui):
    core = ui.app.core
    seed_ratings(core.store, core.today(), core.clock.now())
    ui.app.go("trends")
    ui.settle()
    stiffness = list(reversed(ui.widget("lines_box").children))[0]
    assert stiffness.words == "Stiffness or pulling in my face"
    assert "Worth mentioning to your clinician" in stiffness.ids.change_label.text
    assert stiffness.ids.change_label.opacity == 1


def test_an_item_taken_off_the_list_is_not_rated_with_the_rest(ui):
    choose_two(ui)
    ui.tap(rating_rows(ui)[1].ids.plus_button)
    ui.tap("choose_button")
    ui.tap(ui.widget("own_box").children[0])  # "Take off: I can whistle"
    ui.tap("save_button")
    ui.tap(rating_rows(ui)[0].ids.plus_button)
    ui.tap("save_button")
    assert ui.screen.name == "trends"
    assert [r.value for r in ui.app.core.store.outcomes.ratings()] == [1]


def test_escape_leaves_trends_for_progress_and_the_rating_screen_for_home(ui):
    ui.app.go("trends")
    ui.settle()
    ui.press_key("escape")
    assert ui.screen.name == "progress"
    ui.app.go("rate", moment=None)
    ui.settle()
    ui.press_key("escape")
    assert ui.screen.name == "home"

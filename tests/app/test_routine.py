import tomllib

import pytest

from app.routine import DEFAULT_ROUTINE, RoutineError, load_routine, parse_routine


def raw():
    return tomllib.loads(DEFAULT_ROUTINE.read_text())


def test_default_routine_has_the_four_steps_in_order(routine):
    assert [s.key for s in routine.steps] == ["preparation", "heat", "massage", "eyes"]
    heat = routine.step("heat")
    assert heat.seconds == 600 and heat.timed and heat.required
    assert not routine.step("preparation").timed and not routine.step("preparation").required
    assert [p.key for p in routine.step("eyes").parts] == ["clockwise", "counter"]


def test_parts_share_a_step_by_weight(routine):
    bounds = routine.step("massage").part_bounds(240)
    assert [(p.key, start, end) for p, start, end in bounds] == [
        ("upward", 0, 120), ("nostril", 120, 180), ("mouth", 180, 240)]


def test_texts_name_the_patients_side(routine):
    text = routine.step("massage").parts[0].instruction
    assert "your left cheek" in routine.personalise(text, "left")
    assert "the cheek on the affected side" in routine.personalise(text, "unknown")


@pytest.mark.parametrize("mutate, field", [
    (lambda r: r["steps"][1].update(seconds="ten"), "steps[1].seconds"),
    (lambda r: r["steps"][1].update(seconds=5000), "steps[1].seconds"),
    (lambda r: r["steps"][2]["parts"][0].pop("title"), "steps[2].parts[0].title"),
    (lambda r: r["steps"][0].update(picture="selfie"), "steps[0].picture"),
    (lambda r: r["steps"][3].update(instruction="Circle {nose}"), "steps[3].instruction"),
    (lambda r: r["voice"].update(countdown_from=-1), "voice.countdown_from"),
    (lambda r: r.update(steps=[]), "steps"),
    (lambda r: r["steps"][0].update(timed="yes"), "steps[0].timed"),
])
def test_a_malformed_routine_names_the_bad_field(mutate, field):
    data = raw()
    mutate(data)
    with pytest.raises(RoutineError, match=rf"my-routine\.toml: field '{field}'".replace("[", r"\[").replace("]", r"\]")):
        parse_routine(data, "my-routine.toml")


def test_broken_toml_names_the_file(tmp_path):
    path = tmp_path / "routine.toml"
    path.write_text("title = [unclosed")
    with pytest.raises(RoutineError, match="routine.toml: is not valid TOML"):
        load_routine(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(RoutineError, match="cannot be read"):
        load_routine(tmp_path / "absent.toml")


def test_repeated_step_keys_are_refused():
    data = raw()
    data["steps"][2]["key"] = "heat"
    with pytest.raises(RoutineError, match="repeated key"):
        parse_routine(data)

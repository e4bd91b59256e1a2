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
    (lambda r: r["voice"].pop("session_partial"), "voice.session_partial"),
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


# --- placeholders: what parse accepts must also personalise ------------------------------------

@pytest.mark.parametrize("text, shown", [
    ("Warm {side:d}", "{side:d}"), ("Warm {side!x}", "{side!x}"), ("Warm {side!r}", "{side!r}"),
    ("Warm {side:{eye}}", "{side:{eye}}"), ("Warm {cheek:>999999999999}", "{cheek:>999999999999}"),
])
def test_a_placeholder_with_a_format_spec_or_conversion_is_refused(text, shown):
    data = raw()
    data["steps"][1]["spoken"] = text
    with pytest.raises(RoutineError, match=r"field 'steps\[1\]\.spoken' has ") as error:
        parse_routine(data, "my-routine.toml")
    assert shown in str(error.value) and "bare {" in str(error.value)


@pytest.mark.parametrize("path, text", [
    (("steps", 1, "spoken"), "Next: {title}."),           # {title} is for voice.next_step only
    (("voice", "next_step"), "Next: {title} on {side}."),  # next_step is never personalised
    (("phrases", "side", "left"), "your {side}"),          # phrases are filled in, not formatted
    (("voice", "streak_grows"), "That makes {streak} on {side}."),  # only the streak is filled in
    (("voice", "already_done"), "That makes {streak}."),   # {streak} is for streak_grows only
    (("steps", 1, "spoken"), "Warm {side.real}"),
    (("steps", 1, "spoken"), "Warm {side[0]}"),
    (("steps", 1, "spoken"), "Warm {}"),
])
def test_a_placeholder_outside_its_own_field_is_refused(path, text):
    data = raw()
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = text
    with pytest.raises(RoutineError, match="unknown placeholder"):
        parse_routine(data)


def test_every_accepted_text_can_be_personalised_and_announced(routine):
    texts = [routine.title] + [t for s in routine.steps for t in (s.title, s.short, s.instruction, s.spoken)]
    texts += [t for s in routine.steps for p in s.parts for t in (p.title, p.instruction, p.spoken)]
    for text in texts:
        assert "{" not in routine.personalise(text, "left")
    assert routine.voice.next_step.format(title="Heat") == "Next: Heat."
    assert routine.voice.streak_grows.format(streak="3 days in a row") == "That makes 3 days in a row."


def test_escaped_braces_are_still_allowed():
    data = raw()
    data["steps"][1]["spoken"] = "Warm {{side}} {side}"
    routine = parse_routine(data)
    assert routine.personalise(routine.step("heat").spoken, "left").startswith("Warm {side} ")


# --- issue 11.9: files that crashed or exported what could not be imported ------------------

def test_deep_nesting_is_a_message_not_a_recursion_error(tmp_path):
    from app.routine import RoutineError, load_routine

    bad = tmp_path / "routine.toml"
    bad.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(RoutineError, match="nested too deeply"):
        load_routine(bad)


def test_a_repeated_part_key_names_the_field(tmp_path):
    from app.routine import DEFAULT_ROUTINE, RoutineError, load_routine

    path = tmp_path / "routine.toml"
    path.write_text(DEFAULT_ROUTINE.read_text().replace('key = "counter"', 'key = "clockwise"'))
    with pytest.raises(RoutineError, match=r"steps\[3\]\.parts.*repeated key"):
        load_routine(path)


@pytest.mark.parametrize("where", ['key = "heat"', 'key = "upward"'])
def test_a_key_longer_than_the_record_keeps_is_refused(tmp_path, where):
    from app.routine import DEFAULT_ROUTINE, RoutineError, load_routine

    long_key = where.replace('"', '"' + "k" * 41, 1)
    path = tmp_path / "routine.toml"
    path.write_text(DEFAULT_ROUTINE.read_text().replace(where, long_key, 1))
    with pytest.raises(RoutineError, match="at most 40"):
        load_routine(path)

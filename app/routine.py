"""The routine model: steps and their timed parts, loaded and validated from data/.

A malformed file raises RoutineError naming the file and the field, so start-up can
say exactly what to fix instead of failing somewhere later.
"""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .toml_files import read_toml
from .vocabulary import SIDES

DEFAULT_ROUTINE = Path(__file__).resolve().parent.parent / "data" / "routine.toml"
PLACEHOLDERS = ("side", "cheek", "eye")
PICTURES = ("prepare", "heat", "massage", "eyes")
FOCUSES = ("face", "cheek", "nostril", "mouth", "eye")
DIRECTIONS = ("", "clockwise", "counter-clockwise")
KEY_MAX = 40  # the record keeps a step's key in 40 characters (and the export reads no longer ones back)


class RoutineError(ValueError):
    """The routine file is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    instruction: str
    spoken: str
    share: int
    focus: str
    direction: str = ""  # "clockwise" or "counter-clockwise" for a circling part; drawn as an arrow


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    short: str
    instruction: str
    spoken: str
    timed: bool
    required: bool
    seconds: int
    min_seconds: int
    max_seconds: int
    picture: str
    auto_advance: bool = False
    parts: tuple[Part, ...] = ()

    def part_bounds(self, total_seconds: float) -> list[tuple[Part, float, float]]:
        """Each part with its start and end offset, sharing total_seconds by weight."""
        if not self.parts:
            return []
        weight = sum(p.share for p in self.parts)
        bounds, start = [], 0.0
        for part in self.parts:
            end = start + total_seconds * part.share / weight
            bounds.append((part, start, end))
            start = end
        return bounds


@dataclass(frozen=True)
class Voice:
    halfway: str
    countdown_from: int
    time_up: str
    next_step: str
    session_done: str  # the session made the day done
    streak_grows: str  # said after session_done; {streak} is "3 days in a row"
    already_done: str  # the day was done before this session
    session_partial: str  # something done, the day not done yet
    nothing_done: str  # the session ended with no step done
    paused: str
    resumed: str
    not_saved: str  # a step or the session could not be written
    saved_again: str  # and now it has been


@dataclass(frozen=True)
class Routine:
    title: str
    steps: tuple[Step, ...]
    voice: Voice
    phrases: dict[str, dict[str, str]] = field(default_factory=dict)

    def step(self, key: str) -> Step:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)

    def step_title(self, key: str) -> str:
        """The step's title; a step since removed from the routine keeps its key as its name."""
        try:
            return self.step(key).title
        except KeyError:
            return key

    def personalise(self, text: str, side: str = "unknown") -> str:
        """Fill {side}, {cheek} and {eye} with the patient's own words."""
        side = side if side in SIDES else "unknown"
        return text.format(**{name: self.phrases[name][side] for name in PLACEHOLDERS})


class _Reader:
    """Reads typed fields from a TOML table, naming the path of any bad one."""

    def __init__(self, source: str, table: dict[str, Any], path: str):
        self.source, self.table, self.path = source, table, path

    def fail(self, name: str, problem: str) -> RoutineError:
        where = f"{self.path}.{name}" if self.path else name
        return RoutineError(f"{self.source}: field '{where}' {problem}")

    def text(self, name: str, default: str | None = None, placeholders: tuple[str, ...] = PLACEHOLDERS,
             longest: int | None = None) -> str:
        """Non-empty text whose {placeholders} are all among `placeholders`, each bare."""
        value = self.table.get(name, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, f"must be non-empty text, got {value!r}")
        if longest is not None and len(value) > longest:
            raise self.fail(name, f"must be at most {longest} characters, got {len(value)}")
        self._check_placeholders(name, value, placeholders)
        return value

    def integer(self, name: str, low: int, high: int, default: int | None = None) -> int:
        value = self.table.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(name, f"must be a whole number from {low} to {high}, got {value!r}")
        return value

    def flag(self, name: str, default: bool) -> bool:
        value = self.table.get(name, default)
        if not isinstance(value, bool):
            raise self.fail(name, f"must be true or false, got {value!r}")
        return value

    def choice(self, name: str, options: tuple[str, ...], default: str | None = None) -> str:
        value = self.table.get(name, default)
        if value not in options:
            raise self.fail(name, f"must be one of {', '.join(options)}, got {value!r}")
        return value

    def tables(self, name: str, required: bool) -> list[_Reader]:
        items = self.table.get(name, [])
        if not isinstance(items, list) or (required and not items):
            raise self.fail(name, "must be a non-empty list of tables")
        readers = []
        for index, item in enumerate(items):
            item_path = f"{self.path}.{name}[{index}]" if self.path else f"{name}[{index}]"
            if not isinstance(item, dict):
                raise RoutineError(f"{self.source}: field '{item_path}' must be a table")
            readers.append(_Reader(self.source, item, item_path))
        return readers

    def _check_placeholders(self, name: str, value: str, allowed: tuple[str, ...]) -> None:
        """Everything parse accepts must also format: the text is only filled in later,
        while a session runs, so a placeholder that cannot be filled must fail here."""
        try:
            fields = [(f, spec, conversion) for _, f, spec, conversion in string.Formatter().parse(value)
                      if f is not None]
        except ValueError as error:
            raise self.fail(name, f"has a broken {{placeholder}}: {error}") from None
        for field_name, spec, conversion in fields:
            if field_name not in allowed:
                known = ", ".join(f"{{{a}}}" for a in allowed) or "none"
                raise self.fail(name, f"uses unknown placeholder {{{field_name}}} (allowed here: {known})")
            if spec or conversion:
                # '{side:d}', '{side!x}', '{side:{eye}}' or a huge width would raise or
                # exhaust memory in str.format(); the patient's words need no formatting anyway.
                written = f"{{{field_name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
                raise self.fail(name, f"has {written}; write a bare {{{field_name}}} with no ':' or '!' after it")


def load_routine(path: Path | str = DEFAULT_ROUTINE) -> Routine:
    path = Path(path)
    return parse_routine(read_toml(path, RoutineError, "is nested too deeply to be a routine"), str(path))


def parse_routine(raw: dict[str, Any], source: str = "routine") -> Routine:
    top = _Reader(source, raw, "")
    steps = tuple(_parse_step(reader) for reader in top.tables("steps", required=True))
    keys = [s.key for s in steps]
    if len(set(keys)) != len(keys):
        raise top.fail("steps", f"has a repeated key among {keys}")
    return Routine(
        title=top.text("title"),
        steps=steps,
        voice=_parse_voice(_Reader(source, _table(top, "voice"), "voice")),
        phrases=_parse_phrases(top),
    )


def _table(reader: _Reader, name: str) -> dict[str, Any]:
    value = reader.table.get(name)
    if not isinstance(value, dict):
        raise reader.fail(name, "must be a table")
    return value


def _parse_phrases(top: _Reader) -> dict[str, dict[str, str]]:
    phrases = _table(top, "phrases")
    result = {}
    for name in PLACEHOLDERS:
        reader = _Reader(top.source, phrases.get(name) if isinstance(phrases.get(name), dict) else {}, f"phrases.{name}")
        # Phrases are the values filled in, never formatted themselves: no placeholders.
        result[name] = {side: reader.text(side, placeholders=()) for side in SIDES}
    return result


def _parse_voice(reader: _Reader) -> Voice:
    return Voice(
        halfway=reader.text("halfway"),
        countdown_from=reader.integer("countdown_from", 0, 60),
        time_up=reader.text("time_up"),
        # Filled by the runner with the next step's title only, not personalised.
        next_step=reader.text("next_step", placeholders=("title",)),
        session_done=reader.text("session_done"),
        # The finish moment's lines are said as written; only the streak is filled in.
        streak_grows=reader.text("streak_grows", placeholders=("streak",)),
        already_done=reader.text("already_done", placeholders=()),
        session_partial=reader.text("session_partial", placeholders=()),
        nothing_done=reader.text("nothing_done", placeholders=()),
        paused=reader.text("paused"),
        resumed=reader.text("resumed"),
        not_saved=reader.text("not_saved"),
        saved_again=reader.text("saved_again"),
    )


def _parse_step(reader: _Reader) -> Step:
    timed = reader.flag("timed", True)
    if timed:
        low = reader.integer("min_seconds", 1, 7200)
        high = reader.integer("max_seconds", low, 7200)
        seconds = reader.integer("seconds", low, high)
    else:
        low = high = seconds = 0
    parts = tuple(
        Part(
            key=p.text("key", placeholders=(), longest=KEY_MAX),
            title=p.text("title"),
            instruction=p.text("instruction"),
            spoken=p.text("spoken"),
            share=p.integer("share", 1, 100, default=1),
            focus=p.choice("focus", FOCUSES, default="face"),
            direction=p.choice("direction", DIRECTIONS, default=""),
        )
        for p in reader.tables("parts", required=False)
    )
    if parts and not timed:
        raise reader.fail("parts", "only a timed step can have parts")
    part_keys = [p.key for p in parts]
    if len(set(part_keys)) != len(part_keys):
        raise reader.fail("parts", f"has a repeated key among {part_keys}")
    return Step(
        key=reader.text("key", placeholders=(), longest=KEY_MAX),
        title=reader.text("title"),
        short=reader.text("short", reader.table.get("title")),
        instruction=reader.text("instruction"),
        spoken=reader.text("spoken"),
        timed=timed,
        required=reader.flag("required", True),
        seconds=seconds,
        min_seconds=low,
        max_seconds=high,
        picture=reader.choice("picture", PICTURES),
        auto_advance=reader.flag("auto_advance", False),
        parts=parts,
    )

"""Colours and text sizes, as plain numbers the Kivy layer turns into widgets.

Two palettes: "normal" (calm and friendly) and "high_contrast" (black, white, yellow).
Every text colour is listed with the background it sits on (`TEXT_PAIRS`), and tests hold
each pair to WCAG AA, 4.5:1, in both palettes. Colours never carry meaning alone: the
calendar also needs a mark per state (tick, half, dot), which is the screen's job.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

RGBA = tuple[float, float, float, float]

WCAG_AA_TEXT = 4.5
WCAG_AA_NON_TEXT = 3.0  # borders, focus rings, icons (WCAG 1.4.11)


def rgba(hex_colour: str, alpha: float = 1.0) -> RGBA:
    """'#0F766E' -> (0.059, 0.463, 0.431, 1.0), the form Kivy's Color takes."""
    text = hex_colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"expected a colour like #0F766E, got {hex_colour!r}")
    red, green, blue = (int(text[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return (red, green, blue, alpha)


@dataclass(frozen=True)
class Palette:
    name: str
    background: RGBA
    surface: RGBA          # cards and panels
    text: RGBA
    text_muted: RGBA       # secondary text, still readable
    primary: RGBA          # main buttons
    on_primary: RGBA
    accent: RGBA           # warm highlights: streaks, encouragement
    on_accent: RGBA
    success: RGBA
    on_success: RGBA
    warning: RGBA
    on_warning: RGBA
    border: RGBA
    focus: RGBA            # keyboard / switch-access focus ring
    danger: RGBA           # error messages on the page
    # calendar day cells, each with its day number on top
    cal_done: RGBA
    cal_partial: RGBA
    cal_missed: RGBA
    cal_rest: RGBA
    cal_future: RGBA
    on_calendar: RGBA


NORMAL = Palette(
    name="normal",
    background=rgba("#F6F8F7"),
    surface=rgba("#FFFFFF"),
    text=rgba("#1E2A36"),
    text_muted=rgba("#4D5B69"),
    primary=rgba("#0F6E68"),
    on_primary=rgba("#FFFFFF"),
    accent=rgba("#F2B27A"),
    on_accent=rgba("#1E2A36"),
    success=rgba("#2E7D4F"),
    on_success=rgba("#FFFFFF"),
    warning=rgba("#F4C35B"),
    on_warning=rgba("#1E2A36"),
    border=rgba("#7D8B97"),
    focus=rgba("#1C5FB8"),
    danger=rgba("#A3261B"),
    cal_done=rgba("#BEE3CB"),
    cal_partial=rgba("#FBE3B4"),
    # A missed day is a plain grey, not red: no shame in the calendar.
    cal_missed=rgba("#E3E6E9"),
    cal_rest=rgba("#D6E4F5"),
    cal_future=rgba("#FFFFFF"),
    on_calendar=rgba("#1E2A36"),
)

HIGH_CONTRAST = Palette(
    name="high_contrast",
    background=rgba("#000000"),
    surface=rgba("#141414"),
    text=rgba("#FFFFFF"),
    text_muted=rgba("#FFE94D"),
    primary=rgba("#FFE94D"),
    on_primary=rgba("#000000"),
    accent=rgba("#7FE7FF"),
    on_accent=rgba("#000000"),
    success=rgba("#5CF28F"),
    on_success=rgba("#000000"),
    warning=rgba("#FFB84D"),
    on_warning=rgba("#000000"),
    border=rgba("#FFFFFF"),
    focus=rgba("#7FE7FF"),
    danger=rgba("#FF9E9E"),
    cal_done=rgba("#5CF28F"),
    cal_partial=rgba("#FFE94D"),
    cal_missed=rgba("#BDBDBD"),
    cal_rest=rgba("#7FE7FF"),
    cal_future=rgba("#FFFFFF"),
    on_calendar=rgba("#000000"),
)

PALETTES = {p.name: p for p in (NORMAL, HIGH_CONTRAST)}

# (what it is, text colour field, background field): every place text is drawn.
TEXT_PAIRS = (
    ("body text", "text", "background"),
    ("text on a card", "text", "surface"),
    ("muted text", "text_muted", "background"),
    ("muted text on a card", "text_muted", "surface"),
    ("primary button label", "on_primary", "primary"),
    ("secondary button label", "primary", "surface"),
    ("error message", "danger", "background"),
    ("accent label", "on_accent", "accent"),
    ("success label", "on_success", "success"),
    ("warning label", "on_warning", "warning"),
    ("calendar: done day", "on_calendar", "cal_done"),
    ("calendar: partial day", "on_calendar", "cal_partial"),
    ("calendar: missed day", "on_calendar", "cal_missed"),
    ("calendar: rest day", "on_calendar", "cal_rest"),
    ("calendar: future day", "on_calendar", "cal_future"),
)

# Shapes that must stand out from what surrounds them, at 3:1.
NON_TEXT_PAIRS = (
    ("control border", "border", "background"),
    ("control border on a card", "border", "surface"),
    ("focus ring", "focus", "background"),
    ("primary button against the page", "primary", "background"),
)


def palette(high_contrast: bool) -> Palette:
    return HIGH_CONTRAST if high_contrast else NORMAL


def relative_luminance(colour: RGBA) -> float:
    """WCAG 2.x relative luminance of an sRGB colour (alpha ignored)."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(fg: RGBA, bg: RGBA) -> float:
    """WCAG contrast ratio, from 1 (none) to 21 (black on white); order does not matter."""
    lighter, darker = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def pair_ratios(theme: Palette, pairs=TEXT_PAIRS) -> list[tuple[str, float]]:
    """(what it is, contrast ratio) for each pair, for tests and a contrast report."""
    return [(label, contrast_ratio(getattr(theme, fg), getattr(theme, bg))) for label, fg, bg in pairs]


def colour_fields() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Palette) if f.name != "name")


# --- charts --------------------------------------------------------------------------------
# Charts sit on cards; a small block of their own so the palettes above stay as they are.


@dataclass(frozen=True)
class ChartColours:
    bar: RGBA    # the bars, against the card
    axis: RGBA   # the value axis and the baseline
    grid: RGBA   # a faint line at each tick, a reading aid drawn under the bars
    label: RGBA  # tick values, axis titles, the labels under the bars
    value: RGBA  # the figure written above each bar


CHART_COLOURS = {
    "normal": ChartColours(bar=rgba("#0F6E68"), axis=rgba("#5F6E7B"), grid=rgba("#DCE2E6"),
                           label=rgba("#4D5B69"), value=rgba("#1E2A36")),
    "high_contrast": ChartColours(bar=rgba("#FFE94D"), axis=rgba("#FFFFFF"), grid=rgba("#4A4A4A"),
                                  label=rgba("#FFFFFF"), value=rgba("#FFFFFF")),
}
CHART_TEXT_FIELDS = ("label", "value")  # held to 4.5:1 on the card
CHART_NON_TEXT_FIELDS = ("bar", "axis")  # held to 3:1 on the card


def chart_colours(high_contrast: bool) -> ChartColours:
    return CHART_COLOURS[palette(high_contrast).name]


def chart_ratios(theme: Palette, chart_fields: tuple[str, ...]) -> list[tuple[str, float]]:
    """(chart colour, its contrast with the card it is drawn on) in that palette."""
    colours = CHART_COLOURS[theme.name]
    return [(f"chart {name} on a card", contrast_ratio(getattr(colours, name), theme.surface))
            for name in chart_fields]

# --- The face diagram (screens/face_diagram.py) -----------------------------------------------
# The face is drawn on its own skin colour, so its lines and marks are held to 3:1 against the
# skin and against the tint that marks the affected half, not against the page.

@dataclass(frozen=True)
class FaceColours:
    skin: RGBA
    affected: RGBA   # the tint over the affected half of the face
    line: RGBA       # the drawing itself
    mark: RGBA       # where to work: towel, strokes, points, circles


FACE_COLOURS = {
    "normal": FaceColours(skin=rgba("#F4DFCC"), affected=rgba("#CFE6E2"), line=rgba("#1E2A36"),
                          mark=rgba("#B4400A")),
    "high_contrast": FaceColours(skin=rgba("#1C1C1C"), affected=rgba("#0A2F4F"), line=rgba("#FFFFFF"),
                                 mark=rgba("#FFE94D")),
}

# (what it is, colour field, field it is drawn on), each held to WCAG_AA_NON_TEXT.
FACE_PAIRS = (
    ("face line on skin", "line", "skin"),
    ("face line on the affected half", "line", "affected"),
    ("mark on skin", "mark", "skin"),
    ("mark on the affected half", "mark", "affected"),
)


def face_colours(high_contrast: bool) -> FaceColours:
    return FACE_COLOURS[palette(high_contrast).name]

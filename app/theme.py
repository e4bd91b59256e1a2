"""The design tokens: colours, the type scale, spacing and corner radii, as plain values
the Kivy layer turns into widgets (screens/widgets.kv uses them; screens never invent their own).

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
    hero: RGBA             # the one card that matters most on a screen (today, the result)
    card_edge: RGBA        # a card's outline: none in the calm palette, white in high contrast
    shadow: RGBA           # the soft shadow under a raised card
    field: RGBA            # a text box
    field_border: RGBA
    placeholder: RGBA      # example text in an empty box, still readable
    track: RGBA            # the unfilled part of a progress bar
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
    hero=rgba("#E2F1EE"),
    card_edge=rgba("#FFFFFF", 0.0),
    shadow=rgba("#1E2A36", 0.10),
    field=rgba("#FFFFFF"),
    field_border=rgba("#6B7A86"),
    placeholder=rgba("#5A6876"),
    track=rgba("#D3DDDB"),
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
    hero=rgba("#1A1A1A"),
    card_edge=rgba("#FFFFFF"),
    shadow=rgba("#000000", 0.0),
    field=rgba("#000000"),
    field_border=rgba("#FFFFFF"),
    placeholder=rgba("#CFCFCF"),
    track=rgba("#3A3A3A"),
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
    ("error message on a card", "danger", "surface"),
    ("error beside a text box", "danger", "field"),
    ("text on the hero card", "text", "hero"),
    ("muted text on the hero card", "text_muted", "hero"),
    ("primary-coloured text on the hero card", "primary", "hero"),
    ("primary-coloured text on the page", "primary", "background"),
    ("quiet button label", "primary", "background"),
    ("typed text in a box", "text", "field"),
    ("placeholder in a box", "placeholder", "field"),
    ("field label on a card", "text", "surface"),
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
    ("primary button on the hero card", "primary", "hero"),
    ("text box outline on a card", "field_border", "surface"),
    ("text box outline on the page", "field_border", "background"),
    ("focus ring on a card", "focus", "surface"),
    ("focus ring inside a text box", "focus", "field"),
    ("progress bar fill against its track", "primary", "track"),
    ("progress bar fill against the page", "primary", "background"),
)

# Icon glyphs and the backgrounds they sit on: shapes, so 3:1 (WCAG 1.4.11).
ICON_PAIRS = (
    ("icon on the page", "text", "background"),
    ("icon on a card", "text", "surface"),
    ("icon on the hero card", "primary", "hero"),
    ("icon in a primary button", "on_primary", "primary"),
    ("icon in a secondary button", "primary", "surface"),
    ("icon in a quiet button", "primary", "background"),
    ("icon in the demo banner", "on_warning", "warning"),
)


@dataclass(frozen=True)
class TypeScale:
    """Text sizes as kv 'sp' strings, so every one follows the text-size setting."""
    display: str = "28sp"   # a screen's one big line (the greeting, the countdown's step)
    title: str = "21sp"     # a card's or a section's title
    body: str = "18sp"
    caption: str = "15sp"   # hints, legends, the small print
    button: str = "18sp"
    countdown: str = "64sp"


@dataclass(frozen=True)
class Spacing:
    """Distances in dp: between items, inside cards, at the screen's edges."""
    tight: float = 4
    small: float = 8
    medium: float = 12
    large: float = 16
    section: float = 24
    edge: float = 16


@dataclass(frozen=True)
class Radii:
    control: float = 14     # buttons and text boxes
    card: float = 18
    small: float = 8


@dataclass(frozen=True)
class Sizes:
    """Control sizes in dp (touch targets are 48 dp at least; ours are larger)."""
    button_height: float = 56
    hero_button_height: float = 72
    button_max_width: float = 400   # a desktop window gets buttons of a hand's width, not 728 px
    top_bar_height: float = 64
    icon: float = 24
    focus_ring: float = 2.5
    progress_height: float = 12


TYPE = TypeScale()
SPACE = Spacing()
RADIUS = Radii()
SIZE = Sizes()


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

"""The theme as the kv files use it: roles by short name, from app/theme.py's palettes.

app/theme.py is the single source of colours and is what the WCAG contrast tests read.
"""
from __future__ import annotations

from app.theme import chart_colours, face_colours, palette as theme_palette

# kv role -> Palette field
ROLES = {
    "bg": "background", "card": "surface", "outline": "border", "text": "text", "muted": "text_muted",
    "primary": "primary", "on_primary": "on_primary", "secondary": "surface", "on_secondary": "primary",
    "danger": "danger", "pressed": "focus", "highlight": "accent", "banner": "warning",
    "on_banner": "on_warning", "done": "cal_done", "partial": "cal_partial", "missed": "cal_missed",
    "rest": "cal_rest", "future": "cal_future", "on_calendar": "on_calendar", "today": "focus",
    "hero": "hero", "card_edge": "card_edge", "shadow": "shadow", "field": "field", "field_border": "field_border",
    "placeholder": "placeholder", "track": "track", "focus": "focus", "on_quiet": "primary",
    "tile": "surface", "on_tile": "text",
}
NO_FILL = (0.0, 0.0, 0.0, 0.0)


def palette(high_contrast: bool) -> dict:
    colours = theme_palette(high_contrast)
    roles = {role: getattr(colours, field) for role, field in ROLES.items()}
    roles["quiet"] = NO_FILL  # a quiet button is its words (and icon) on whatever is behind it
    roles["face"] = face_palette(high_contrast)  # the face diagram's own colours, drawn on its skin
    return roles | {f"chart_{name}": value for name, value in vars(chart_colours(high_contrast)).items()}


def face_palette(high_contrast: bool) -> dict:
    """The face diagram's colours: the face's own, and the page's text colour for its labels."""
    colours = face_colours(high_contrast)
    return {"skin": colours.skin, "affected": colours.affected, "line": colours.line,
            "mark": colours.mark, "label": theme_palette(high_contrast).text}

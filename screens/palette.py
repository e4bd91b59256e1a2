"""Colours for the screens, by role, in the normal and the high-contrast theme."""
from __future__ import annotations

NORMAL = {
    "bg": (0.965, 0.973, 0.976, 1), "card": (1, 1, 1, 1), "outline": (0.82, 0.85, 0.87, 1),
    "text": (0.11, 0.16, 0.2, 1), "muted": (0.33, 0.38, 0.42, 1),
    "primary": (0.0, 0.42, 0.45, 1), "on_primary": (1, 1, 1, 1),
    "secondary": (1, 1, 1, 1), "on_secondary": (0.0, 0.36, 0.39, 1),
    "danger": (0.7, 0.16, 0.12, 1), "on_danger": (1, 1, 1, 1),
    "pressed": (0.2, 0.3, 0.35, 1), "highlight": (0.93, 0.52, 0.18, 1),
    "banner": (1.0, 0.93, 0.75, 1),
    "done": (0.18, 0.6, 0.35, 1), "partial": (0.95, 0.7, 0.2, 1), "missed": (0.85, 0.35, 0.3, 1),
    "rest": (0.55, 0.65, 0.85, 1), "future": (0.9, 0.91, 0.92, 1), "today": (0.0, 0.42, 0.45, 1),
}

HIGH_CONTRAST = {
    "bg": (0, 0, 0, 1), "card": (0.07, 0.07, 0.07, 1), "outline": (1, 1, 1, 1),
    "text": (1, 1, 1, 1), "muted": (0.9, 0.9, 0.9, 1),
    "primary": (1, 0.86, 0.0, 1), "on_primary": (0, 0, 0, 1),
    "secondary": (0, 0, 0, 1), "on_secondary": (1, 1, 1, 1),
    "danger": (1, 0.6, 0.6, 1), "on_danger": (0, 0, 0, 1),
    "pressed": (0.5, 0.5, 0.5, 1), "highlight": (1, 0.86, 0.0, 1),
    "banner": (0.2, 0.2, 0.0, 1),
    "done": (0.3, 1, 0.3, 1), "partial": (1, 0.86, 0.0, 1), "missed": (1, 0.4, 0.4, 1),
    "rest": (0.5, 0.8, 1, 1), "future": (0.25, 0.25, 0.25, 1), "today": (1, 1, 1, 1),
}


def palette(high_contrast: bool) -> dict:
    return dict(HIGH_CONTRAST if high_contrast else NORMAL)

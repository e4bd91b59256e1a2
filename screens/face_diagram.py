"""Our own drawn face diagram: where the towel goes, where the fingers stroke, press and circle.

A calm adult face in line drawing, as in a mirror (the patient's left on the left of the
picture). What to mark, on which half and which way round comes from app/face_marks.py;
this module only draws it. Every shape is given in face units (below) and scales with the
widget.
"""
from __future__ import annotations

import math

from kivy.core.text import Label as CoreLabel
from kivy.graphics import Color, Ellipse, Line, Mesh, Rectangle
from kivy.metrics import dp, sp
from kivy.properties import DictProperty, StringProperty
from kivy.uix.widget import Widget

from app.face_marks import FaceMarks, Region, face_marks
from screens.palette import face_palette

# Face units: (0, 0) is the middle of the face, the crown is at y 0.5 and the chin at y -0.5.
# Points are for the right half of the picture; the left half is the mirror image (x * -1).
# The classical thirds: brow, base of the nose and chin equally spaced below the hairline.
LANDMARKS = {
    "eye": (0.16, 0.0),              # centre of the eye
    "socket_radius": 0.14,           # the bone around the eye, where the four fingers circle
    "nostril_point": (0.13, -0.19),  # just beside the wing of the nostril
    "mouth_point": (0.185, -0.318),  # just outside the corner of the mouth
}
# Where the words beside the face begin: the way round above eye level, the affected side at the cheek.
DIRECTION_TOP, SIDE_TOP = 0.42, -0.1
# The upward strokes, jaw to temple: (start, bend, end) of each.
STROKES = (((0.09, -0.36), (0.11, -0.24), (0.13, -0.09)),
           ((0.17, -0.37), (0.19, -0.23), (0.215, -0.07)),
           ((0.25, -0.31), (0.28, -0.18), (0.3, -0.03)))
CREAM_DABS = ((0.16, 0.22), (0.26, 0.08), (0.22, -0.14), (0.3, -0.24), (0.12, -0.42))
TOWEL = ((0.035, 0.2), (0.42, -0.44))  # inner top and outer bottom corner of the folded towel

# The outline as cubic Bezier segments, (start, control, control, end), crown to chin.
HEAD = (((0.0, 0.5), (0.21, 0.5), (0.36, 0.4), (0.36, 0.2)),
        ((0.36, 0.2), (0.37, 0.08), (0.36, -0.03), (0.34, -0.13)),
        ((0.34, -0.13), (0.33, -0.2), (0.31, -0.27), (0.28, -0.31)),
        ((0.28, -0.31), (0.22, -0.42), (0.11, -0.5), (0.0, -0.5)))
EAR = (((0.355, 0.06), (0.39, 0.1), (0.44, 0.09), (0.44, 0.03)),
       ((0.44, 0.03), (0.445, -0.04), (0.39, -0.1), (0.345, -0.13)))
EAR_INNER = ((0.37, 0.03), (0.41, 0.05), (0.41, -0.03), (0.38, -0.07))
NECK = ((0.17, -0.36), (0.17, -0.5), (0.18, -0.58), (0.2, -0.64))
SHOULDER = ((0.2, -0.64), (0.3, -0.68), (0.45, -0.7), (0.56, -0.72))
HAIRLINE = (((0.355, 0.13), (0.33, 0.22), (0.31, 0.3), (0.2, 0.325)),
            ((0.2, 0.325), (0.12, 0.345), (0.05, 0.34), (0.0, 0.34)))
BROW = ((0.07, 0.085), (0.12, 0.11), (0.21, 0.113), (0.27, 0.09))
UPPER_LID = ((0.075, 0.0), (0.11, 0.045), (0.21, 0.045), (0.245, 0.005))
LOWER_LID = ((0.075, 0.0), (0.12, -0.028), (0.2, -0.028), (0.245, 0.005))
LID_CREASE = ((0.09, 0.032), (0.13, 0.068), (0.2, 0.068), (0.235, 0.032))
IRIS_RADIUS = 0.024
NOSE_BRIDGE = ((0.03, -0.02), (0.035, -0.07), (0.04, -0.1), (0.048, -0.14))
NOSE_WING = ((0.028, -0.205), (0.055, -0.218), (0.082, -0.205), (0.068, -0.172))
NOSE_TIP = ((0.0, -0.212), (0.012, -0.215), (0.022, -0.212), (0.03, -0.205))
MOUTH = ((0.0, -0.315), (0.05, -0.318), (0.1, -0.315), (0.125, -0.313))
UPPER_LIP = ((0.0, -0.293), (0.03, -0.283), (0.08, -0.29), (0.125, -0.313))
LOWER_LIP = ((0.0, -0.358), (0.05, -0.358), (0.09, -0.35), (0.11, -0.332))

TOP, BOTTOM = 0.53, -0.72  # the drawing's extent, with a margin above the crown
LABEL_GAP = 0.49           # labels start this far out from the middle, clear of the ears
ICON_RADIUS = 0.12         # the way-round sign beside the face


def cubic(segment, steps: int = 16) -> list[tuple[float, float]]:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = segment
    points = []
    for i in range(steps + 1):
        t = i / steps
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3
        points.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return points


def path(segments) -> list[tuple[float, float]]:
    points = []
    for segment in segments:
        points.extend(cubic(segment)[1 if points else 0:])
    return points


def mirrored(points, sign: int) -> list[tuple[float, float]]:
    return [(sign * x, y) for x, y in points]


def head_outline() -> list[tuple[float, float]]:
    """The whole head, clockwise from the crown: the right half down, the left half back up."""
    right = path(HEAD)
    return right + mirrored(reversed(right[1:-1]), -1)


class FaceDiagram(Widget):
    picture = StringProperty("heat")      # prepare, heat, massage, eyes; "" for the face alone
    focus = StringProperty("face")        # face, cheek, nostril, mouth, eye
    side = StringProperty("unknown")
    direction = StringProperty("")        # the part's direction from the routine: clockwise or counter-clockwise
    colors = DictProperty(face_palette(False))

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.bind(pos=self._redraw, size=self._redraw, picture=self._redraw, focus=self._redraw,
                  side=self._redraw, direction=self._redraw, colors=self._redraw)

    # --- face units to pixels ---------------------------------------------------------------
    def _unit(self) -> float:
        return min(self.height / (TOP - BOTTOM), self.width / 1.15)

    def _at(self, x: float, y: float) -> tuple[float, float]:
        s = self._unit()
        return self.center_x + x * s, self.center_y - (TOP + BOTTOM) / 2 * s + y * s

    def _flat(self, points, sign: int = 1) -> list[float]:
        return [c for x, y in points for c in self._at(sign * x, y)]

    def _stroke(self, s: float, thickness: float = 1.0) -> float:
        return max(dp(1.2), 0.011 * s * thickness)

    # --- drawing ----------------------------------------------------------------------------
    def _redraw(self, *_):
        self.canvas.clear()
        s = self._unit()
        if s <= 0:
            return
        marks = face_marks(self.picture, self.focus, self.side, self.direction)
        with self.canvas:
            self._draw_face(s, marks.affected)
            for sign in marks.halves:
                self._draw_mark(marks, sign, s)
            self._draw_labels(marks, s)

    def _fill(self, points, centre) -> None:
        """A filled shape that every point of its outline can see from `centre`."""
        vertices = [c for x, y in [centre, *points, points[0]] for c in (*self._at(x, y), 0, 0)]
        Mesh(vertices=vertices, indices=list(range(len(vertices) // 4)), mode="triangle_fan")

    def _draw_face(self, s: float, affected: tuple[int, ...]) -> None:
        colours, line = self.colors, self._stroke(s)
        Color(*colours["skin"])
        self._fill(cubic(NECK) + mirrored(reversed(cubic(NECK)), -1), (0, -0.5))
        for sign in (-1, 1):
            self._fill(mirrored(path(EAR), sign), (sign * 0.37, -0.03))
        self._fill(head_outline(), (0, 0))
        Color(*colours["affected"])
        for sign in affected:
            self._fill(mirrored(path(HEAD), sign), (sign * 0.18, 0))
        hair = colours["line"]
        Color(hair[0], hair[1], hair[2], 0.2)
        temple_y = HAIRLINE[0][0][1]
        scalp = [point for point in path(HEAD) if point[1] >= temple_y]
        for sign in (-1, 1):
            self._band(mirrored(scalp, sign), mirrored(reversed(path(HAIRLINE)), sign))
        Color(*colours["line"])
        Line(points=self._flat(head_outline()), width=line * 1.4, close=True)
        for sign in (-1, 1):
            Line(points=self._flat(path(EAR), sign), width=line * 1.4)
            Line(points=self._flat(path(HAIRLINE), sign), width=line * 0.9)
            for shape, weight in ((EAR_INNER, 0.8), (NECK, 1.4), (SHOULDER, 1.4),
                                  (BROW, 1.6), (UPPER_LID, 1.4), (LOWER_LID, 1.0), (LID_CREASE, 0.7),
                                  (NOSE_BRIDGE, 0.7), (NOSE_WING, 1.1), (NOSE_TIP, 1.1),
                                  (MOUTH, 1.4), (UPPER_LIP, 0.8), (LOWER_LIP, 0.8)):
                Line(points=self._flat(cubic(shape), sign), width=line * weight)
            iris = self._at(sign * LANDMARKS["eye"][0], LANDMARKS["eye"][1] + 0.004)
            Line(circle=(*iris, IRIS_RADIUS * s), width=line)
            self._disc(sign * LANDMARKS["eye"][0], LANDMARKS["eye"][1] + 0.004, IRIS_RADIUS * 0.45, s)

    def _band(self, outer, inner, samples: int = 24) -> None:
        """A filled strip between two lines that run the same way, such as the hair."""
        def resampled(points):
            last = len(points) - 1
            return [points[min(last, round(i * last / (samples - 1)))] for i in range(samples)]

        vertices = [c for pair in zip(resampled(outer), resampled(inner)) for x, y in pair
                    for c in (*self._at(x, y), 0, 0)]
        Mesh(vertices=vertices, indices=list(range(len(vertices) // 4)), mode="triangle_strip")

    def _disc(self, x: float, y: float, radius: float, s: float) -> None:
        cx, cy = self._at(x, y)
        Ellipse(pos=(cx - radius * s, cy - radius * s), size=(2 * radius * s, 2 * radius * s))

    def _draw_mark(self, marks: FaceMarks, sign: int, s: float) -> None:
        mark = self.colors["mark"]
        bold = self._stroke(s, 2.6)
        Color(*mark)
        if marks.region is Region.TOWEL:
            self._draw_towel(sign, bold)
        elif marks.region is Region.CREAM:
            for x, y in CREAM_DABS:
                self._disc(sign * x, y, 0.028, s)
        elif marks.region in (Region.NOSTRIL_POINT, Region.MOUTH_POINT):
            x, y = LANDMARKS["nostril_point" if marks.region is Region.NOSTRIL_POINT else "mouth_point"]
            self._draw_target(sign * x, y, s)
        elif marks.region is Region.EYE_CIRCLE:
            self._draw_eye_circle(sign, marks.clockwise, bold)
        elif marks.region is Region.UPWARD_STROKES:
            for start, bend, end in STROKES:
                self._draw_stroke_arrow(sign, start, bend, end, bold)

    def _draw_target(self, x: float, y: float, s: float) -> None:
        """A filled centre inside a ring: the spot for one fingertip."""
        cx, cy = self._at(x, y)
        Line(circle=(cx, cy, 0.052 * s), width=self._stroke(s, 1.8))
        self._disc(x, y, 0.026, s)

    def _draw_towel(self, sign: int, bold: float) -> None:
        (left, top), (right, bottom) = TOWEL
        corners = [(sign * left, top), (sign * right, top), (sign * right, bottom), (sign * left, bottom)]
        Line(points=self._flat(corners), width=bold * 0.7, close=True)
        for hem in (top - 0.04, bottom + 0.04):  # the woven hems say "towel"
            Line(points=self._flat([(sign * left, hem), (sign * right, hem)]), width=bold * 0.25)
        for i in range(3):  # warmth rising from the towel
            x = sign * (0.1 + 0.11 * i)
            wisp = [(x, top + 0.04), (x + 0.03, top + 0.08), (x - 0.03, top + 0.11), (x, top + 0.15)]
            Line(points=self._flat(cubic(wisp)), width=bold * 0.45)

    def _draw_stroke_arrow(self, sign: int, start, bend, end, bold: float) -> None:
        curve = mirrored(cubic((start, bend, bend, end)), sign)
        tip, before = curve[-1], curve[-4]
        direction = (tip[0] - before[0], tip[1] - before[1])
        head = 0.065
        shaft_end = self._back_off(tip, direction, head * 0.7)
        Line(points=self._flat(curve[:-3] + [shaft_end]), width=bold * 0.75)
        self._arrowhead(tip, direction, head)

    @staticmethod
    def _back_off(tip, direction, distance: float):
        length = math.hypot(*direction) or 1
        return tip[0] - direction[0] / length * distance, tip[1] - direction[1] / length * distance

    def _arrowhead(self, tip, direction, size: float, spread: float = 0.6) -> None:
        """A filled triangle `size` face units long, pointing along `direction` at `tip`."""
        length = math.hypot(*direction) or 1
        ux, uy = direction[0] / length, direction[1] / length
        base = (tip[0] - ux * size, tip[1] - uy * size)
        half = size * spread
        corners = [tip, (base[0] - uy * half, base[1] + ux * half), (base[0] + uy * half, base[1] - ux * half)]
        self._fill(corners[1:] + corners[:1], base)

    def _draw_eye_circle(self, sign: int, clockwise: bool | None, bold: float) -> None:
        """The circle round the eye socket; with a direction, one big arrowhead at the top."""
        ex, ey = LANDMARKS["eye"]
        self._draw_turn((sign * ex, ey), LANDMARKS["socket_radius"], clockwise, bold * 0.6, head=0.11)

    def _draw_turn(self, centre, radius: float, clockwise: bool | None, width: float, head: float) -> None:
        """A thick circle; with a direction, open at the top where one big arrowhead points the way
        round: to the right for clockwise, to the left for counter-clockwise."""
        cx, cy = centre

        def on_circle(degrees: float):  # clock angles: 0 at the top, growing clockwise
            angle = math.radians(degrees)
            return cx + radius * math.sin(angle), cy + radius * math.cos(angle)

        if clockwise is None:
            Line(points=self._flat([on_circle(a) for a in range(0, 361, 6)]), width=width)
            return
        turn = 1 if clockwise else -1
        # The head straddles the top, level, from its base behind the top to its tip ahead of it.
        half_head = math.degrees(math.asin(min(1.0, head / (2 * radius))))
        start, end = turn * (half_head + 35), turn * (360 - half_head * 0.6)  # a clear gap ahead of the tip
        steps = 48
        Line(points=self._flat([on_circle(start + (end - start) * i / steps) for i in range(steps + 1)]),
             width=width)
        base, tip = on_circle(-turn * half_head), on_circle(turn * half_head)
        self._arrowhead(tip, (tip[0] - base[0], tip[1] - base[1]), head, spread=0.7)

    # --- labels beside the face -------------------------------------------------------------
    def _draw_labels(self, marks: FaceMarks, s: float) -> None:
        room = self.width / 2 - LABEL_GAP * s - dp(4)
        if room < dp(40):
            return  # no room beside the face: the words on the screen say it
        for sign in (-1, 1):
            side_top = SIDE_TOP
            if marks.direction_words and sign in marks.halves:
                below = self._direction_sign(marks.clockwise, sign, room / s)
                below = self._label(marks.direction_words, sign, below - 0.03, room)
                side_top = min(side_top, below - 0.05)
            if marks.side_words and sign in marks.affected:
                self._label(marks.side_words, sign, side_top, room)

    def _direction_sign(self, clockwise: bool, sign: int, room: float) -> float:
        """Beside the face, the way round again as a big sign of its own; returns where it ends."""
        radius = min(ICON_RADIUS, room / 2 * 0.8)
        top = DIRECTION_TOP
        centre = (sign * (LABEL_GAP + radius * 1.3), top - radius * 1.3)
        Color(*self.colors["label"])
        self._draw_turn(centre, radius, clockwise, self._stroke(self._unit(), 1.6), head=radius * 0.9)
        return top - radius * 2.6

    def _label(self, words: str, sign: int, top: float, room: float) -> float:
        """Words beside one half, shrunk only as far as needed to fit beside the face; returns
        where they end, in face units."""
        size = sp(15)
        while True:
            label = CoreLabel(text=words, font_size=size, bold=True, halign="right" if sign < 0 else "left")
            label.refresh()
            if label.texture.width <= room or size <= dp(10):
                break
            size -= dp(1)
        texture = label.texture
        x_edge, y_top = self._at(sign * LABEL_GAP, top)
        x = x_edge - texture.width if sign < 0 else x_edge
        Color(*self.colors["label"])
        Rectangle(texture=texture, pos=(x, y_top - texture.height), size=texture.size)
        return top - texture.height / self._unit()

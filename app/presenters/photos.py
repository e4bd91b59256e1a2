"""Progress photos: the guided capture of a set (camera, or a file where there is none), the
list of sets with the baseline, deleting (asked twice), and a set beside the baseline.

The photos are for the patient's and the clinician's own eyes: the app never grades a face
in them; its measures (app/presenters/face.py) are lengths against the patient's baseline.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..camera import Camera
from ..core import Core
from ..outcomes.entries import Photo, PhotoSet
from ..outcomes.photos import baseline_of, cycle_week, is_complete, missing, next_expression, pairs
from ..storage import photo_files
from ..storage.errors import StoreError
from ..vocabulary import Expression, PhotoSource
from .base import EscapeGoesBack, Navigator, Question
from .face import PairMeasures, pair_measures

GUIDES = {
    Expression.AT_REST: "Look straight at the camera with your face relaxed.",
    Expression.GENTLE_SMILE: "Smile gently, lips closed.",
    Expression.BIG_SMILE: "Smile as widely as is comfortable, showing your teeth.",
    Expression.EYES_CLOSED: "Close both eyes gently, without squeezing.",
    Expression.BROWS_RAISED: "Raise both eyebrows, as if surprised.",
    Expression.LIPS_PURSED: "Push your lips forward, as if to whistle.",
}
LINE_UP = ("Line your face up with the outline, in even light, at the same distance as last time "
           "(an arm's length, or the same mark on the table).")
NO_CAMERA = "No camera here: choose a photo file instead (JPEG, PNG or WEBP)."
HEIC = ("Nothing was kept: SmileBack cannot open HEIC photos (the kind an iPhone takes). Save it as a JPEG "
        "first (most photo apps can, with Export or Save as), or choose a JPEG, PNG or WEBP.")
HEIC_ENDINGS = (".heic", ".heif")
FIRST_DELETE = "Delete this photo?"
SECOND_DELETE = "Are you sure? The photo will be removed from this device and cannot be brought back " \
                "(except from a backup made before)."


def day_text(day) -> str:
    return f"{day.day} {day:%B %Y}"


def week_text(core: Core, photo_set: PhotoSet) -> str:
    week = cycle_week(core.store.treatment.injections(), photo_set.taken_on)
    return f"week {week} of the injection's cycle" if week else "before any injection recorded"


# --- the guided capture -------------------------------------------------------------------------

@dataclass(frozen=True)
class StepDot:
    expression: Expression
    words: str
    done: bool
    current: bool


@dataclass(frozen=True)
class CaptureModel:
    title: str
    steps: tuple[StepDot, ...]
    guide_text: str  # what to do for this expression
    line_up_text: str
    camera_available: bool
    import_text: str  # the fallback, said plainly when there is no camera
    complete: bool
    message: str


class CapturePresenter(EscapeGoesBack):
    def __init__(self, core: Core, navigator: Navigator, view, camera: Camera):
        self.core, self.navigator, self.view, self.camera = core, navigator, view, camera
        self.set_id: int | None = None
        self.expression: Expression | None = Expression.AT_REST

    def prepare(self, set_id: int | None = None) -> None:
        """A new set (made at the first photo), or more photos for set `set_id`."""
        self.set_id = set_id
        self.expression = next_expression(self._set()) if set_id is not None else Expression.AT_REST

    def _set(self) -> PhotoSet:
        if self.set_id is None:
            return PhotoSet(0, self.core.today(), False, ())
        return self.core.store.outcomes.photo_set(self.set_id)

    def enter(self, message: str = "") -> None:
        photo_set = self._set()
        gaps = set(missing(photo_set))
        steps = tuple(StepDot(e, e.words, e not in gaps, e is self.expression) for e in Expression)
        camera = self.camera.available()
        title = self.expression.words if self.expression else "Your set is complete"
        self.view.show(CaptureModel(title, steps, GUIDES.get(self.expression, "All six photos are taken."), LINE_UP,
                                    camera, "" if camera else NO_CAMERA, is_complete(photo_set), message))

    def choose(self, expression: Expression) -> None:
        """Take (or retake) the photo of another expression."""
        self.expression = Expression(expression)
        self.enter()

    def capture(self) -> None:
        picture = self.camera.capture() if self.camera.available() else None
        if picture is None:
            self.enter(NO_CAMERA)
            return
        self._keep(lambda set_id: photo_files.add_photo(self.core.store, set_id, self.expression, picture,
                                                        self.core.clock.now(), PhotoSource.CAMERA))

    def import_file(self, path_text: str) -> None:
        path = (path_text or "").strip()
        if not path:
            self.enter("Choose a photo file first.")
            return
        if path.lower().endswith(HEIC_ENDINGS):  # the photo files take JPEG, PNG and WEBP only
            self.enter(HEIC)
            return
        self._keep(lambda set_id: photo_files.import_photo(self.core.store, set_id, self.expression,
                                                           Path(path).expanduser(), self.core.clock.now()))

    def _keep(self, add) -> None:
        if self.expression is None:
            self.enter("All six photos are taken: tap one to take it again.")
            return
        created = None
        try:
            if self.set_id is None:
                created = self.core.store.outcomes.new_photo_set(self.core.today(), self.core.clock.now())
                self.set_id = created.id
            add(self.set_id)
        except StoreError as error:  # PhotoFileError too: the file's problem in plain words
            if created is not None:  # a set made for a photo that was refused is not kept empty
                self._forget_empty(created.id)
            self.enter(str(error))
            return
        self.expression = next_expression(self._set())
        self.enter("Saved.")

    def _forget_empty(self, set_id: int) -> None:
        try:
            self.core.store.outcomes.delete_photo_set(set_id)
        except StoreError:
            pass  # the refusal already shown says enough; an empty set shows as one to finish
        self.set_id = None

    def done(self) -> None:
        """To the list of sets, measuring the set's new photos in the background meanwhile."""
        if self.set_id is not None:
            self.core.measuring.start(self.set_id)
        self.navigator.go("photo_sets")

    def back(self) -> None:
        self.navigator.go("photo_sets")


# --- the list of sets, the baseline, deleting ---------------------------------------------------------

@dataclass(frozen=True)
class Thumb:
    photo_id: int
    words: str  # the expression
    path: str  # "" when the file is missing or changed on this device


@dataclass(frozen=True)
class SetLine:
    set_id: int
    title: str  # "12 November 2026 · week 3 of the injection's cycle"
    status: str  # "Complete" / "4 of 6 photos"
    baseline: bool
    photos: tuple[Photo, ...]
    thumbs: tuple[Thumb, ...] = ()  # the photos in set order, for the list
    can_compare: bool = False  # a baseline exists and this set is not it
    complete: bool = False


@dataclass(frozen=True)
class PhotoSetsModel:
    sets: tuple[SetLine, ...]  # the newest first
    baseline_text: str
    message: str


class PhotoSetsPresenter(EscapeGoesBack):
    def __init__(self, core: Core, navigator: Navigator, view):
        self.core, self.navigator, self.view = core, navigator, view

    def enter(self, message: str = "") -> None:
        sets = self.core.store.outcomes.photo_sets()
        baseline = baseline_of(sets)
        lines = tuple(SetLine(s.id, f"{day_text(s.taken_on)} · {week_text(self.core, s)}",
                              "Complete" if is_complete(s) else f"{len(s.photos)} of {len(Expression)} photos",
                              s.baseline, s.photos, self._thumbs(s), baseline is not None and not s.baseline,
                              is_complete(s)) for s in reversed(sets))
        text = (f"Compared with your baseline of {day_text(baseline.taken_on)}." if baseline
                else "Choose a set as your baseline: the others are shown beside it.")
        self.view.show(PhotoSetsModel(lines, text, message))

    def _thumbs(self, photo_set: PhotoSet) -> tuple[Thumb, ...]:
        data_dir = self.core.store.data_dir
        shown = [photo_set.photo(e) for e in Expression]
        return tuple(Thumb(p.id, p.expression.words,
                           str(photo_files.photo_path(data_dir, p)) if photo_files.is_intact(data_dir, p) else "")
                     for p in shown if p is not None)

    def new_set(self) -> None:
        self.navigator.go("photo_capture", set_id=None)

    def add_to(self, set_id: int) -> None:
        self.navigator.go("photo_capture", set_id=set_id)

    def choose_baseline(self, set_id: int) -> None:
        try:
            self.core.store.outcomes.set_baseline(set_id)
        except StoreError as error:
            self.enter(str(error))
            return
        self.enter("This set is now your baseline.")

    def compare(self, set_id: int) -> None:
        self.navigator.go("photo_compare", set_id=set_id)

    def ask_delete_photo(self, photo_id: int) -> None:
        """Asked twice: a photo deleted is gone from the device."""
        self.view.ask(Question(FIRST_DELETE, "Yes, delete it", "No, keep it"),
                      lambda: self.view.ask(Question(SECOND_DELETE, "Delete for good", "No, keep it"),
                                            lambda: self._delete(photo_files.delete_photo, photo_id)))

    def ask_delete_set(self, set_id: int) -> None:
        self.view.ask(Question("Delete this whole set of photos?", "Yes, delete the set", "No, keep it"),
                      lambda: self.view.ask(Question(SECOND_DELETE.replace("The photo", "Every photo of the set"),
                                                     "Delete for good", "No, keep it"),
                                            lambda: self._delete(photo_files.delete_photo_set, set_id)))

    def _delete(self, delete, entry_id: int) -> None:
        try:
            delete(self.core.store, entry_id)
        except StoreError as error:
            self.enter(str(error))
            return
        self.enter("Deleted.")

    def back(self) -> None:
        self.navigator.go("caregiver" if self.core.caregiver_unlocked() else "progress")


# --- a set beside the baseline ---------------------------------------------------------------------------

@dataclass(frozen=True)
class PairModel:
    expression: Expression
    words: str
    baseline_path: str  # "" when that set has no photo of this expression, or its file is not whole
    other_path: str
    problem: str = ""  # a photo the record names whose file is missing or changed
    measures: PairMeasures | None = None  # this expression's face measures against the baseline


@dataclass(frozen=True)
class CompareModel:
    baseline_text: str  # "Baseline: 1 September 2026 · before any injection recorded"
    other_text: str
    pairs: tuple[PairModel, ...]
    current: int  # the pair shown
    slider: bool  # one photo over the other with a slider, rather than side by side
    slider_at: float  # where the line was left: 0 at the left edge (all this set) to 1 (all the baseline)
    message: str


class ComparePresenter(EscapeGoesBack):
    def __init__(self, core: Core, navigator: Navigator, view):
        self.core, self.navigator, self.view = core, navigator, view
        self.set_id: int | None = None
        self.current, self.slider, self.slider_at = 0, False, 0.5

    def prepare(self, set_id: int) -> None:
        self.set_id, self.current, self.slider, self.slider_at = set_id, 0, False, 0.5

    def enter(self) -> None:
        outcomes, data_dir = self.core.store.outcomes, self.core.store.data_dir
        try:
            other = outcomes.photo_set(self.set_id)
        except StoreError as error:
            self.view.show(CompareModel("", "", (), 0, False, 0.5, str(error)))
            return
        baseline = baseline_of(outcomes.photo_sets())
        if baseline is None:
            self.view.show(CompareModel("", "", (), 0, False, 0.5, "Choose a baseline set first, in the list of sets."))
            return

        intact: dict[int, bool] = {}  # each file read and checked once per visit, not once per question

        def path(photo: Photo | None) -> str:
            if photo is not None and photo.id not in intact:
                intact[photo.id] = photo_files.is_intact(data_dir, photo)
            whole = photo is not None and intact[photo.id]
            return str(photo_files.photo_path(data_dir, photo)) if whole else ""

        def problem(pair) -> str:
            broken = [p for p in (pair.baseline, pair.other) if p is not None and not path(p)]
            if not broken:
                return ""
            files = "One photo file of this expression is" if len(broken) == 1 else \
                f"{len(broken)} photo files of this expression are"
            return f"{files} missing or changed on this device; a backup may still hold it."

        shown = tuple(PairModel(p.expression, p.expression.words, path(p.baseline), path(p.other), problem(p),
                                pair_measures(self.core, other.id, p.expression))
                      for p in pairs(baseline, other))
        self.current = min(self.current, max(0, len(shown) - 1))
        self.view.show(CompareModel(f"Baseline: {day_text(baseline.taken_on)} · {week_text(self.core, baseline)}",
                                    f"This set: {day_text(other.taken_on)} · {week_text(self.core, other)}",
                                    shown, self.current, self.slider, self.slider_at, ""))

    def step(self, direction: int) -> None:
        """The next (+1) or previous (-1) expression."""
        self.current = max(0, self.current + direction)
        self.enter()

    def toggle_slider(self) -> None:
        self.slider = not self.slider
        self.enter()

    def slide(self, at: float) -> None:
        self.slider_at = max(0.0, min(1.0, at))
        self.enter()

    def back(self) -> None:
        self.navigator.go("photo_sets")

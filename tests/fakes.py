"""The one in-memory stand-in for the settings table (app.settings.SettingsStore)."""


class MemorySettings:
    """The two settings methods of Store, over a dict; counts writes for the tests that care."""

    def __init__(self, values=None):
        self.values = dict(values or {})
        self.writes = 0

    def settings(self) -> dict[str, str]:
        return dict(self.values)

    def put_setting(self, key: str, value: str) -> None:
        self.writes += 1
        self.values[key] = value


class FakeScreen:
    """A screen as a presenter sees it: what it was shown, what it was asked, what is typed."""

    def __init__(self, typed=None):
        self.shown: list = []
        self.questions: list = []  # (question, on_yes, on_no)
        self.typed = typed  # what entries() returns, for the screens with typed boxes

    @property
    def model(self):
        return self.shown[-1]

    def show(self, model) -> None:
        self.shown.append(model)

    def ask(self, question, on_yes, on_no=None) -> None:
        self.questions.append((question, on_yes, on_no))

    def answer(self, yes: bool) -> None:
        _question, on_yes, on_no = self.questions.pop()
        then = on_yes if yes else on_no
        if then:
            then()

    def entries(self):
        return self.typed


class FakeNavigator:
    """Records where a presenter sent the patient, and what it started or ended."""

    def __init__(self):
        self.visits: list[tuple[str, dict]] = []
        self.caregiver_mode = False

    @property
    def current(self) -> str | None:
        return self.visits[-1][0] if self.visits else None

    def go(self, screen: str, **params) -> None:
        self.visits.append((screen, params))

    def start_caregiver_mode(self) -> None:
        self.caregiver_mode = True
        self.go("caregiver")

    def close_app(self) -> None:
        self.go("(closed)")

    def end_caregiver_mode(self) -> None:
        self.caregiver_mode = False
        self.go("home")


class GatedLandmarker:
    """A real landmarker whose photos after the first `after` wait until `open()`: a screen
    caught part way through measuring a set (the screenshots)."""

    def __init__(self, inner, after: int):
        import threading

        self.inner, self.after, self.model_id = inner, after, inner.model_id
        self._gate, self._calls = threading.Event(), 0

    def available(self) -> bool:
        return self.inner.available()

    def landmarks(self, photo, mirrored=False, eyes_open=True):
        self._calls += 1
        if self._calls > self.after:
            self._gate.wait(30)
        return self.inner.landmarks(photo, mirrored, eyes_open)

    def open(self) -> None:
        self._gate.set()

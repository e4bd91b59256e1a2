"""What every presenter shares: the navigator, questions, and the screen's two calls."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol


class Navigator(Protocol):
    def go(self, screen: str, **params) -> None:
        """Show `screen`; `params` go to its presenter's `prepare` first."""


@dataclass(frozen=True)
class Question:
    """A yes/no question the screen shows as a dialog."""

    message: str
    yes: str
    no: str


class Asks(Protocol):
    def ask(self, question: Question, on_yes: Callable[[], None],
            on_no: Callable[[], None] | None = None) -> None: ...


class Shows(Protocol):
    def show(self, model) -> None: ...


class Closes(Protocol):
    def close_app(self) -> None:
        """Leave SmileBack (on Android: to the launcher)."""


CLOSE_QUESTION = Question("Close SmileBack? Everything done so far is saved.", "Yes, close it", "No, stay")


def ask_to_close(view: Asks, navigator: Closes) -> bool:
    """Escape (Android's back) on a first screen: asked, never a silent exit."""
    view.ask(CLOSE_QUESTION, navigator.close_app)
    return True


class EscapeGoesBack:
    """For a presenter with a `back()`: Escape (Android's back) does the same."""

    def back(self) -> None:
        raise NotImplementedError

    def on_key(self, name: str) -> bool:
        if name == "escape":
            self.back()
            return True
        return False

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

"""First run, screen 1 of 4: what SmileBack does and does not do.

Also home to what the four first-run screens share in the UI: scrolling back to the top
on entering.
"""
from __future__ import annotations

from app.presenters.first_run import first_run_step
from screens import load_kv_beside
from screens.widgets import PresentedScreen


def scroll_to_top(screen) -> None:
    scroller = screen.ids.get("scroller")
    if scroller is not None:
        scroller.scroll_y = 1


class WelcomeScreen(PresentedScreen):
    step_text = first_run_step(1)

    def on_pre_enter(self, *_):
        scroll_to_top(self)


load_kv_beside(__file__)

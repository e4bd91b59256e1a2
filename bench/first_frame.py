"""Run a Kivy program and stop it the moment its first frame has been drawn.

Usage: first_frame.py SCRIPT [ARGS...]. Prints the wall-clock time of that first
frame, so the parent can measure start-up from its own clock. With BENCH_UNTIL=ready
it waits instead for the first frame drawn after the app's `core` is set (for
SmileBack: Home filled in from the health record).
"""
import os
import runpy
import sys
import time

os.environ.setdefault("KIVY_NO_ARGS", "1")
os.environ.setdefault("KIVY_NO_CONSOLELOG", "1")
os.environ.setdefault("KIVY_NO_FILELOG", "1")

from kivy.app import App  # noqa: E402  (both programs import it first anyway)

_original_run = App.run


def _run_until_first_frame(app):
    from kivy.clock import Clock

    def watch(_dt):
        from kivy.core.window import Window

        def drawn(*_):
            if os.environ.get("BENCH_UNTIL") == "ready" and getattr(app, "core", True) is None:
                return
            print(f"FIRST_FRAME {time.time():.6f}", flush=True)
            os._exit(0)

        Window.bind(on_flip=drawn)

    Clock.schedule_once(watch, 0)
    _original_run(app)


App.run = _run_until_first_frame
script = sys.argv[1]
sys.argv = sys.argv[1:]
sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
runpy.run_path(script, run_name="__main__")

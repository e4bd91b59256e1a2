"""Start SmileBack: parse the command line, then hand over to the Kivy app."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="smileback", description="SmileBack, a facial rehabilitation companion.")
    parser.add_argument("--data-dir", help="folder for the health record (default: the app's user data folder)")
    parser.add_argument("--time-scale", type=float, default=1.0,
                        help="run every timer N times faster, for demonstrations (default 1)")
    args = parser.parse_args(argv)
    if not 0.1 <= args.time_scale <= 1000:  # also refuses nan; below 0.1 timers would seem frozen
        parser.error("--time-scale must be from 0.1 to 1000")
    return args


# SDL2 shows every image the app has (PNG icons, the JPEG photos it normalised). Kivy's
# Pillow provider would import Pillow at start, and Pillow imports numpy when it is
# installed (the face extra): about 0.3 s before the first frame, for nothing.
KIVY_IMAGE_PROVIDERS = "tex,dds,sdl2"


def main(argv: list[str] | None = None) -> None:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("KIVY_NO_ARGS", "1")  # our arguments are ours, not Kivy's
    os.environ.setdefault("KIVY_IMAGE", KIVY_IMAGE_PROVIDERS)
    from screens.smileback import SmileBackApp, default_data_dir
    from screens.window_state import restore_window

    data_dir = args.data_dir or default_data_dir()
    restore_window(Path(data_dir))  # before Kivy opens the window
    SmileBackApp(data_dir=data_dir, time_scale=args.time_scale).run()


if __name__ == "__main__":
    main()

"""Cold start of main.py to its first drawn frame, against a bare Kivy hello-world.

The two are alternated in the same run; we print the median ratio of wall time and of
peak memory (maxrss of each child process). Targets: within 1.5x time, 1.3x memory.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "7"))


def measure(args: list[str], kivy_home: str, until: str = "frame") -> tuple[float, float]:
    """Seconds from spawn to first frame, and the child's peak memory in MiB."""
    env = dict(os.environ, KIVY_HOME=kivy_home, SDL_AUDIODRIVER="dummy", BENCH_UNTIL=until)
    started = time.time()
    child = subprocess.Popen([sys.executable, str(ROOT / "bench" / "first_frame.py"), *args],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    output = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = status
    frame_line = [line for line in output.splitlines() if line.startswith("FIRST_FRAME")]
    if not frame_line:
        raise RuntimeError(f"{args[0]} drew no frame (status {status}): {output[-500:]}")
    return float(frame_line[0].split()[1]) - started, usage.ru_maxrss / 1024


def main() -> None:
    kivy_home = tempfile.mkdtemp(prefix="bench-kivy-")
    data_dir = tempfile.mkdtemp(prefix="bench-data-")
    hello = [str(ROOT / "bench" / "hello_world.py")]
    smileback = [str(ROOT / "main.py"), "--data-dir", data_dir]
    # "smileback" stops at its first frame (Home drawn); "smileback-ready" at the first
    # frame after the health record is open and Home shows the patient's day.
    programs = {"hello": (hello, "frame"), "smileback": (smileback, "frame"),
                "smileback-ready": (smileback, "ready")}
    for args, until in programs.values():  # warm-up: bytecode caches, a created database
        measure(args, kivy_home, until)
    results = {name: [] for name in programs}
    for _ in range(RUNS):
        for name, (args, until) in programs.items():
            results[name].append(measure(args, kivy_home, until))
    med = {name: (statistics.median(t for t, _ in r), statistics.median(m for _, m in r))
           for name, r in results.items()}
    print(f"runs each: {RUNS} (alternated)")
    for name, (seconds, mib) in med.items():
        print(f"{name:16s} {seconds * 1000:7.0f} ms   peak memory {mib:6.1f} MiB")
    for name in ("smileback", "smileback-ready"):
        time_ratio = med[name][0] / med["hello"][0]
        memory_ratio = med[name][1] / med["hello"][1]
        print(f"{name:16s} time ratio {time_ratio:.2f}x (target <= 1.5x) {'PASS' if time_ratio <= 1.5 else 'FAIL'}"
              f"   memory ratio {memory_ratio:.2f}x (target <= 1.3x) {'PASS' if memory_ratio <= 1.3 else 'FAIL'}")


if __name__ == "__main__":
    main()

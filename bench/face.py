"""Benchmark: face measures for one photo and for a set of six, against loading the image alone.

The photo is the test face (tests/fixtures/faces.py: a 700 px close-up of a real photo) saved
as JPEG, as the record keeps photos. "load" opens, turns upright and decodes it to RGB (what
any viewer of the photo does); "one photo" measures it (two model passes: as taken and
mirrored); "a set of six" runs a MeasureJob on a worker thread over six copies, as the
screens will, including making the landmarker (imports and three interpreters) on that
thread the first time. Each is the median of REPEATS runs, printed with its ratio to "load".

Run from the repository root: .venv/bin/python bench/face.py
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.face.job import MeasureJob, PhotoToMeasure, measure_photo  # noqa: E402
from app.face.lite import open_photo  # noqa: E402
from app.face.port import available_landmarker  # noqa: E402
from app.vocabulary import Expression  # noqa: E402
from tests.fixtures import faces  # noqa: E402

REPEATS = 7


def median_ms(action, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    started = time.perf_counter()
    landmarker = available_landmarker()
    made_ms = (time.perf_counter() - started) * 1000
    if not landmarker.available():
        print(f"face measures not available here: {getattr(landmarker, 'reason', '')}")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "face.jpg"
        faces.closeup().save(path, "JPEG", quality=90)
        photo = PhotoToMeasure(1, Expression.AT_REST, path)
        measure_photo(landmarker, photo)  # warm up
        load = median_ms(lambda: open_photo(path))
        one = median_ms(lambda: measure_photo(landmarker, photo))
        six = [PhotoToMeasure(n, expression, path) for n, expression in enumerate(Expression)]

        def a_set():
            job = MeasureJob(lambda: landmarker, six).start()
            job.wait()
            assert job.poll().done == 6

        whole = median_ms(a_set, repeats=3)
    print(f"landmarker made (3 interpreters):          {made_ms:7.1f} ms (once; numpy was imported before)")
    print(f"load the photo alone:                      {load:7.1f} ms   1.0x")
    print(f"measure one photo:                         {one:7.1f} ms  {one / load:5.1f}x")
    print(f"measure a set of six in the background:    {whole:7.1f} ms  {whole / load:5.1f}x "
          f"({whole / 6 / load:.1f}x per photo)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

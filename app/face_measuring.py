"""The one photo set being measured, for the whole app: started from the capture or the list
of sets, it goes on while the patient moves between screens.

`step()` runs on the UI thread (a screen's clock calls it): it starts the job once the
landmarker is built, and hands each finished photo to the store, which only that thread
touches. The photos themselves are measured on the job's worker thread.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from .face.job import MeasureJob
from .storage.errors import StoreError

log = logging.getLogger(__name__)

STOPPED = "Measuring could not finish. Your photos are kept: please try again."


@dataclass(frozen=True)
class MeasuringState:
    set_id: int | None
    preparing: bool        # the landmarker is still being built
    running: bool          # preparing, or photos being measured
    done: int
    total: int
    available: bool | None  # None until the landmarker is built
    problem: str           # an unexpected stop, in plain words


class SetMeasuring:
    def __init__(self, core):
        self.core = core
        self.set_id: int | None = None
        self._job: MeasureJob | None = None
        self._preparing = False
        self._done = self._total = 0
        self._problem = ""
        self._available: bool | None = None

    def state(self) -> MeasuringState:
        return MeasuringState(self.set_id, self._preparing, self.running, self._done, self._total,
                              self._available, self._problem)

    @property
    def running(self) -> bool:
        return self._preparing or self._job is not None

    def start(self, set_id: int) -> None:
        """Measure set `set_id`'s photos not measured yet; a set already being measured goes on."""
        if self.running and self.set_id == set_id:
            return
        if self._job is not None:
            self._job.cancel()  # one set at a time: the last one asked for
            self._job = None
        self.set_id, self._preparing, self._done, self._total, self._problem = set_id, True, 0, 0, ""
        self.step()

    def cancel(self) -> None:
        """Stop after the photo in hand, keeping nothing more (the record was swapped)."""
        if self._job is not None:
            self._job.cancel()
        self._job, self._preparing = None, False

    def step(self) -> None:
        if self._preparing:
            landmarker = self.core.face_landmarker.ready()
            if landmarker is None:
                return
            self._preparing, self._available = False, landmarker.available()
            if not self._available:
                return
            self._job = self.core.store.face.job(self.set_id, landmarker).start()
        if self._job is not None:
            self._collect()

    def _collect(self) -> None:
        progress = self._job.poll()
        self._done, self._total = progress.done, progress.total
        try:
            for outcome in progress.results:
                self.core.store.face.keep(outcome, self.core.clock.now())
        except StoreError as error:  # the photo deleted meanwhile, or the record not writable
            self._job.cancel()
            self._job, self._problem = None, str(error)
            return
        if progress.failure:
            log.error("measuring set %s stopped: %s", self.set_id, progress.failure)
            self._problem = STOPPED
        if progress.finished:
            self._job = None

    def join(self, timeout: float) -> None:
        """For tests: wait up to `timeout` for the landmarker or the job, keeping nothing (that
        is `step`'s, on the UI thread)."""
        if self._preparing:
            self.core.face_landmarker.wait(timeout)
        elif self._job is not None:
            self._job.wait(timeout)

    def wait(self, timeout: float = 30.0) -> None:
        """For tests and the bench: until the job has measured every photo (kept by `step`)."""
        self.core.face_landmarker.wait(timeout)
        self.step()
        if self._job is not None:
            self._job.wait(timeout)

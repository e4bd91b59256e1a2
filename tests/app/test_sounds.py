"""The cue sounds in assets/sounds: one per cue kind, short, audible, distinct, click-free."""
import array
import hashlib
import wave
from pathlib import Path

import pytest

from app.cues import CUE_KINDS

SOUNDS = Path(__file__).resolve().parents[2] / "assets" / "sounds"


def samples(kind):
    with wave.open(str(SOUNDS / f"{kind}.wav"), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22050)
        return array.array("h", wav.readframes(wav.getnframes()))


@pytest.mark.parametrize("kind", CUE_KINDS)
def test_each_kind_has_a_small_readable_file(kind):
    path = SOUNDS / f"{kind}.wav"
    assert path.is_file()
    assert path.stat().st_size < 100_000
    assert 0.05 < len(samples(kind)) / 22050 < 2.0


@pytest.mark.parametrize("kind", CUE_KINDS)
def test_each_sound_is_audible(kind):
    data = samples(kind)
    rms = (sum(x * x for x in data) / len(data)) ** 0.5
    assert max(abs(x) for x in data) > 8000
    assert rms > 800


@pytest.mark.parametrize("kind", CUE_KINDS)
def test_no_clicks_at_the_ends_or_jumps_inside(kind):
    data = samples(kind)
    peak = max(abs(x) for x in data)
    edge = 22  # one millisecond
    assert data[0] == 0 and data[-1] == 0
    assert max(abs(x) for x in data[:edge]) < 0.1 * peak
    assert max(abs(x) for x in data[-edge:]) < 0.1 * peak
    assert max(abs(b - a) for a, b in zip(data, data[1:])) < 0.6 * peak


def test_all_sounds_are_distinct():
    digests = {hashlib.sha256(samples(kind).tobytes()).hexdigest() for kind in CUE_KINDS}
    assert len(digests) == len(CUE_KINDS)


def test_the_countdown_tick_is_the_shortest():
    lengths = {kind: len(samples(kind)) for kind in CUE_KINDS}
    assert min(lengths, key=lengths.get) == "countdown"


def test_generator_reproduces_the_committed_files(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_sounds", SOUNDS / "make_sounds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert set(module.SOUNDS) == set(CUE_KINDS)
    for path in module.main(tmp_path):
        with wave.open(str(path), "rb") as wav:
            fresh = array.array("h", wav.readframes(wav.getnframes()))
        kept = samples(path.stem)
        # A sample may differ by one where another C library rounds sin() differently.
        assert len(fresh) == len(kept) and max(abs(a - b) for a, b in zip(fresh, kept)) <= 1, path.name

"""Writes SmileBack's cue sounds: one short WAV per cue kind in app.cues.CUE_KINDS.

    .venv/bin/python assets/sounds/make_sounds.py

Standard library only. 16-bit mono 22050 Hz. Each note is a soft bell: a sine with two
quiet overtones, a 12 ms raised-cosine attack and an exponential decay, and every file
fades to exact silence, so nothing clicks. Output is deterministic (no randomness), so
re-running gives identical files.
"""
from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
PEAK = 0.45            # of full scale: gentle, with headroom on phone speakers
ATTACK = 0.012         # seconds
TAIL = 0.03            # final fade to zero, seconds
HERE = Path(__file__).resolve().parent

# Equal-tempered pitches used below, in Hz.
A3, C4, D4, E4, G4, A4, C5, D5, E5, G5, A5, C6 = 220.0, 261.63, 293.66, 329.63, 392.0, 440.0, 523.25, 587.33, 659.26, 783.99, 880.0, 1046.5

# Each sound: notes as (start seconds, pitch Hz, length seconds, loudness 0..1, decay rate).
# Rising shapes mean "begin / go on", falling ones "stop / rest", so the meaning carries
# even for someone who never learns the individual sounds.
SOUNDS = {
    # a new step: a warm open fifth, both notes together
    "step_start": [(0.0, C5, 0.9, 0.8, 4.0), (0.0, G5, 0.9, 0.45, 4.5)],
    # a part of a step changes: one light, bright ding
    "part_change": [(0.0, E5, 0.55, 0.8, 6.0)],
    # halfway: two soft equal notes
    "halfway": [(0.0, A4, 0.35, 0.7, 7.0), (0.22, A4, 0.45, 0.7, 7.0)],
    # each of the last seconds: a very short, quiet tick
    "countdown": [(0.0, C6, 0.09, 0.45, 40.0)],
    # time is up: a clear three-note falling chime
    "time_up": [(0.0, G5, 0.5, 0.85, 4.5), (0.28, E5, 0.5, 0.85, 4.5), (0.56, C5, 0.9, 0.9, 3.5)],
    # the whole session done: a rising arpeggio that settles on the octave
    "session_done": [(0.0, C5, 1.4, 0.6, 2.5), (0.16, E5, 1.25, 0.6, 2.5),
                     (0.32, G5, 1.1, 0.6, 2.5), (0.48, C6, 1.1, 0.75, 2.2)],
    # a session over without the day done: two slow, soft notes settling down a fourth, no fanfare
    "session_ended": [(0.0, G4, 1.2, 0.6, 2.8), (0.3, D4, 1.3, 0.55, 2.6)],
    # paused: two low notes stepping down
    "paused": [(0.0, A4, 0.35, 0.7, 6.0), (0.2, E4, 0.5, 0.7, 5.0)],
    # resumed: the same two notes stepping up
    "resumed": [(0.0, E4, 0.35, 0.7, 6.0), (0.2, A4, 0.5, 0.7, 5.0)],
    # not saved: three low, insistent notes, the last one lower (something needs attention)
    "not_saved": [(0.0, C4, 0.3, 0.85, 6.0), (0.18, C4, 0.3, 0.85, 6.0), (0.36, A3, 0.6, 0.9, 4.5)],
    # saved again: the low notes resolving upwards
    "saved_again": [(0.0, A3, 0.3, 0.8, 6.0), (0.18, C4, 0.3, 0.8, 6.0), (0.36, E4, 0.6, 0.8, 4.5)],
}


def bell(t: float, pitch: float, length: float, decay: float) -> float:
    """One note's sample at t seconds from its start: enveloped sine plus soft overtones."""
    if t < 0 or t >= length:
        return 0.0
    attack = 0.5 - 0.5 * math.cos(math.pi * t / ATTACK) if t < ATTACK else 1.0
    # The note's own release keeps overlapping notes from ending abruptly.
    release = 0.5 - 0.5 * math.cos(math.pi * (length - t) / TAIL) if length - t < TAIL else 1.0
    tone = (math.sin(2 * math.pi * pitch * t)
            + 0.25 * math.sin(2 * math.pi * 2 * pitch * t) * math.exp(-3 * t)
            + 0.08 * math.sin(2 * math.pi * 3 * pitch * t) * math.exp(-6 * t))
    return tone * attack * release * math.exp(-decay * t) / 1.33


def render(notes) -> list[int]:
    """16-bit samples for a list of notes, normalised to PEAK."""
    total = max(start + length for start, _, length, _, _ in notes)
    count = int(total * RATE) + 1
    mix = [sum(level * bell(i / RATE - start, pitch, length, decay)
               for start, pitch, length, level, decay in notes) for i in range(count)]
    loudest = max(abs(x) for x in mix) or 1.0
    mix[0] = mix[-1] = 0.0  # exact silence at both ends: no click on start or stop
    return [round(x / loudest * PEAK * 32767) for x in mix]


def write_wav(path: Path, samples: list[int]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))


def main(out_dir: Path = HERE) -> list[Path]:
    written = []
    for kind, notes in SOUNDS.items():
        path = out_dir / f"{kind}.wav"
        write_wav(path, render(notes))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(f"{path.name:18s} {path.stat().st_size // 1024} KB")

"""Writing a file so that it is either wholly there or not changed at all.

The bytes go to a temporary file beside the target, are flushed to disk, and only
then renamed over it: a crash, a kill or a full disk never leaves half a file.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_temporary(path: Path, data: bytes, private: bool = False) -> Path:
    """`data` on disk under a temporary name beside `path` (0600 when private); returns that name."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        if not private:
            os.chmod(name, 0o666 & ~_umask())  # mkstemp makes 0600; an ordinary file follows the umask
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except OSError:
        remove_quietly(Path(name))
        raise
    return Path(name)


def write_atomically(path: Path, data: bytes, private: bool = False) -> None:
    temporary = write_temporary(path, data, private)
    try:
        os.replace(temporary, path)
    except OSError:
        remove_quietly(temporary)
        raise


def remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

"""A file is either wholly written or not changed at all."""
import os

import pytest

from app.atomic import write_atomically


def test_replaces_the_file_whole_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "a.json"
    target.write_text("old")
    write_atomically(target, b"new", private=True)
    assert target.read_text() == "new" and os.listdir(tmp_path) == ["a.json"]
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.json"
    target.write_text("old")

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["a.json"]

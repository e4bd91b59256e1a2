"""New records made fast for tests: empty, or filled by a test's own seeding function.

Running every migration on a new record costs about 0.2 s, and seeding one through the
store's durable commits costs more; hundreds of tests start from the same record. Each
kind is made once per test process, on a template; each test then gets a byte-for-byte
copy of it. Tests of a first opening (no file yet) don't call this.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Callable

from app.storage import Store
from app.storage.db import prepare_data_dir, restrict_file
from app.storage.repository import DB_NAME

_templates: dict[tuple, Path] = {}


def _template(seed: Callable | None, args: tuple, kwargs: dict) -> Path:
    key = (getattr(seed, "__module__", None), getattr(seed, "__qualname__", None), repr(args), repr(sorted(kwargs.items())))
    if key not in _templates:
        folder = Path(tempfile.mkdtemp(prefix="smileback-template-record-"))
        store = Store(folder)
        try:
            if seed is not None:
                seed(store, *args, **kwargs)
        finally:
            store.close()
        assert not folder.joinpath(DB_NAME + "-wal").exists(), "the template's last commits are not in its file"
        _templates[key] = folder / DB_NAME
    return _templates[key]


def seeded_record(data_dir: Path, seed: Callable | None = None, *args, **kwargs) -> None:
    """Put in `data_dir` the record `seed(store, *args, **kwargs)` makes from an empty one (or an
    empty record, without `seed`), unless a record is there. The seeding must not depend on
    the moment it runs: it runs once, and every copy holds what it wrote then."""
    target = Path(data_dir) / DB_NAME
    if target.exists():
        return
    prepare_data_dir(target.parent)
    shutil.copyfile(_template(seed, args, kwargs), target)
    restrict_file(target)


def new_record(data_dir: Path) -> None:
    """Put a new, empty record at the newest schema in `data_dir`, unless one is there."""
    seeded_record(data_dir)

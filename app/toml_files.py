"""Reading a TOML file from data/, with every way it can fail said as the caller's own error."""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any


def read_toml(path: Path, error_type: type[Exception], too_deep: str = "is nested too deeply") -> dict[str, Any]:
    """The file's table; an unreadable, invalid or too deeply nested file raises `error_type`
    with a message that starts with the file's path."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise error_type(f"{path}: cannot be read ({error.strerror or error})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise error_type(f"{path}: is not valid TOML ({error})") from None
    except RecursionError:
        raise error_type(f"{path}: {too_deep}") from None

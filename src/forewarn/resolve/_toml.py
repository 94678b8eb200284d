"""Reading forewarn's TOML data files, turning every defect into a ``RulesError`` with file and line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from ..errors import RulesError

_LINE = re.compile(r"at line (\d+)")


def read_toml(path: Path | str) -> tuple[dict[str, Any], str]:
    """Parse one TOML file; returns the data and the raw text (for locating tables later)."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise RulesError(str(path), None, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise RulesError(str(path), None, f"not UTF-8: {exc.reason}") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        match = _LINE.search(str(exc))
        raise RulesError(str(path), int(match.group(1)) if match else None,
                         f"malformed TOML: {exc}") from None


def table_lines(text: str, name: str) -> list[int]:
    """Line numbers (1-based) of each ``[[name]]`` header, in order, to point errors at entries."""
    header = re.compile(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]")
    return [i for i, line in enumerate(text.splitlines(), 1) if header.match(line)]


def as_list(value: Any, path: str, line: int | None, key: str) -> list[str]:
    """A string or a list of strings, as a list; anything else is a rules error."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise RulesError(path, line, f"{key!r} must be a string or a list of strings")

"""The CAMEO → PLOVER table (``cameo-to-plover.txt``, from the PLOVER repository), read at run
time: forewarn ships no copy. Lines are ``CODE: TYPE, mode, context # comment``; a code missing
from the table takes its nearest listed prefix (``0871`` → ``087`` → ``08``)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import UsageError

FILE = "cameo-to-plover.txt"
ENV = "FOREWARN_CAMEO_TABLE"
_LINE = re.compile(r"^\s*(\d{2,4})\s*:\s*([A-Za-z]+)\s*(?:,\s*([^,#]*))?")


def parse_table(text: str) -> dict[str, tuple[str, str | None]]:
    """``{code: (PLOVER type, mode or None)}``."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in text.splitlines():
        if line.startswith("~~~"):
            break
        if m := _LINE.match(line):
            mode = (m.group(3) or "").strip() or None
            table[m.group(1)] = (m.group(2).upper(), mode)
    return table


def find_table(data: Path, option: str | Path | None = None) -> Path:
    """The table given as an option, else ``$FOREWARN_CAMEO_TABLE``, else the file beside the data."""
    for candidate in (option, os.environ.get(ENV)):
        if candidate:
            if not Path(candidate).is_file():
                raise UsageError(f"{candidate}: no CAMEO → PLOVER table there")
            return Path(candidate)
    beside = (data if data.is_dir() else data.parent) / FILE
    if not beside.is_file():
        raise UsageError(f"no {FILE} beside {data}; set {ENV} to its path")
    return beside


def to_plover(code: str, table: dict[str, tuple[str, str | None]]) -> str | None:
    code = code.strip()
    while len(code) >= 2:
        if code in table:
            return table[code][0]
        code = code[:-1]
    return None

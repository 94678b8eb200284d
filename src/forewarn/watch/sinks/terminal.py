"""``terminal``: one line per alert on standard output."""

from __future__ import annotations

import sys
import threading
from typing import Any, TextIO

__all__ = ["TerminalSink"]


class TerminalSink:
    name = "terminal"

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out
        self._lock = threading.Lock()

    def send(self, payload: dict[str, Any], key: str) -> None:
        out = self.out or sys.stdout
        when = str(payload.get("created_at", ""))[:19].replace("T", " ")
        with self._lock:
            out.write(f"ALERT {when} [{payload.get('rule')}] {payload.get('message')}\n")
            out.flush()

    def close(self) -> None:
        pass

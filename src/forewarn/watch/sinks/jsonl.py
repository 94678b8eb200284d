"""``jsonl:PATH``: one alert a line, appended and flushed to disk before it counts as delivered.

The idempotency keys already in the file are read once, so an alert re-sent after a crash
(written, but not yet recorded as delivered) is not written a second time.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

from .base import SinkError

__all__ = ["JsonlSink"]


class JsonlSink:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self.name = f"jsonl:{path}"
        self._keys: set[str] | None = None
        self._lock = threading.Lock()

    def _known(self) -> set[str]:
        if self._keys is None:
            self._keys = set()
            if self.path.exists():
                with open(self.path, encoding="utf-8", errors="replace") as fh:
                    for line in fh:
                        try:
                            self._keys.add(json.loads(line).get("idempotency_key"))
                        except (ValueError, AttributeError):
                            continue  # a torn last line from a crash: ignored, the alert is re-sent
        return self._keys

    def send(self, payload: dict[str, Any], key: str) -> None:
        with self._lock:
            try:
                if key in self._known():
                    return
                self.path.parent.mkdir(parents=True, exist_ok=True)
                line = json.dumps(payload | {"idempotency_key": key}, ensure_ascii=False)
                with open(self.path, "a", encoding="utf-8") as fh:
                    fh.write(line + "\n")
                    fh.flush()
                    os.fsync(fh.fileno())
            except OSError as exc:
                raise SinkError(f"cannot write {self.path}: {exc.strerror or exc}") from None
            self._known().add(key)

    def close(self) -> None:
        pass

"""What every sink is: a stable name (no secrets, stored with each delivery) and a ``send``.

``send(payload, key)`` returns when the receiver has confirmed the alert and raises
:class:`SinkError` otherwise. ``key`` is the delivery's idempotency key (``alert_id:sink``); a
sink passes it on so a receiver can drop a repeat after a crash between sending and recording.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = ["Sink", "SinkError", "SinkOptions"]


class SinkError(Exception):
    """A delivery that did not succeed; the outbox retries it on its schedule."""


@dataclass(slots=True)
class SinkOptions:
    """Settings shared by the sinks; secrets default to environment variables."""

    #: HMAC-SHA256 key for webhook signatures (``FOREWARN_WEBHOOK_SECRET``).
    webhook_secret: str | None = None
    #: Attempts inside one delivery before the outbox takes over, and the first pause between them.
    webhook_attempts: int = 3
    webhook_backoff_s: float = 1.0
    #: Network timeout for every sink, in seconds.
    timeout_s: float = 10.0
    smtp_password: str | None = None
    taxii_user: str | None = None
    taxii_password: str | None = None

    @classmethod
    def from_env(cls, **overrides: Any) -> "SinkOptions":
        env = os.environ.get
        base = cls(webhook_secret=env("FOREWARN_WEBHOOK_SECRET"), smtp_password=env("FOREWARN_SMTP_PASSWORD"),
                   taxii_user=env("FOREWARN_TAXII_USER"), taxii_password=env("FOREWARN_TAXII_PASSWORD"))
        for key, value in overrides.items():
            setattr(base, key, value)
        return base


class Sink(Protocol):
    name: str

    def send(self, payload: dict[str, Any], key: str) -> None: ...

    def close(self) -> None: ...

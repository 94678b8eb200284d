"""``webhook:URL``: the alert as a JSON POST, signed with HMAC-SHA256, retried with backoff.

Headers: ``X-Forewarn-Signature: sha256=<hex HMAC of the body>`` (when a secret is set),
``Idempotency-Key: <alert_id:sink>``, ``X-Forewarn-Alert: <alert id>``. Any 2xx confirms; a 5xx,
429, 408 or a network error is retried here a few times (``webhook_attempts``, pauses doubling
from ``webhook_backoff_s``) before the outbox schedules the next try; other 4xx fail at once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

from .base import SinkError, SinkOptions

__all__ = ["WebhookSink", "signature"]

log = logging.getLogger(__name__)
_RETRY_STATUS = {408, 425, 429}


def signature(secret: str, body: bytes) -> str:
    """The value of ``X-Forewarn-Signature`` for a body."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def _public(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


class WebhookSink:
    def __init__(self, url: str, options: SinkOptions) -> None:
        if not url.lower().startswith(("http://", "https://")):
            raise ValueError(f"webhook needs an http(s) URL, got {url!r}")
        self.url, self.options = url, options
        self.name = f"webhook:{_public(url)}"
        self._client = httpx.Client(timeout=options.timeout_s, follow_redirects=False)
        if not options.webhook_secret:
            log.warning("%s: no FOREWARN_WEBHOOK_SECRET set; alerts are sent unsigned", self.name)

    def send(self, payload: dict[str, Any], key: str) -> None:
        body = json.dumps(payload | {"idempotency_key": key}, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json", "Idempotency-Key": key,
                   "X-Forewarn-Alert": str(payload.get("id", "")), "User-Agent": "forewarn-watch"}
        if self.options.webhook_secret:
            headers["X-Forewarn-Signature"] = signature(self.options.webhook_secret, body)
        attempts = max(1, self.options.webhook_attempts)
        pause = self.options.webhook_backoff_s
        for attempt in range(1, attempts + 1):
            retry, error = self._post(body, headers)
            if error is None:
                return
            if not retry or attempt == attempts:
                raise SinkError(error)
            log.info("%s: %s; trying again in %.1fs", self.name, error, pause)
            time.sleep(pause)
            pause *= 2

    def _post(self, body: bytes, headers: dict[str, str]) -> tuple[bool, str | None]:
        try:
            response = self._client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            return True, f"{type(exc).__name__}: {exc}"
        if 200 <= response.status_code < 300:
            return False, None
        retry = response.status_code >= 500 or response.status_code in _RETRY_STATUS
        return retry, f"HTTP {response.status_code} {response.reason_phrase}".strip()

    def close(self) -> None:
        self._client.close()

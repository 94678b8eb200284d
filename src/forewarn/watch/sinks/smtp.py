"""``smtp://[user[:password]@]host[:port]?to=a@example.org,b@example.org[&from=…][&tls=starttls|ssl]``.

One email per alert (``smtps://`` is SMTP over TLS). The password may come from
``FOREWARN_SMTP_PASSWORD`` instead of the URL. The message id is derived from the idempotency
key, so a receiving system can drop a repeat.
"""

from __future__ import annotations

import json
import smtplib
import ssl
from email.message import EmailMessage
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from .base import SinkError, SinkOptions

__all__ = ["SmtpSink"]


class SmtpSink:
    def __init__(self, spec: str, options: SinkOptions) -> None:
        parts = urlsplit(spec if "://" in spec else spec.replace(":", "://", 1))
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        self.host = parts.hostname or ""
        if not self.host:
            raise ValueError(f"smtp sink needs a host: {spec!r}")
        self.tls = "ssl" if parts.scheme == "smtps" else query.get("tls", "none").lower()
        if self.tls not in {"none", "starttls", "ssl"}:
            raise ValueError(f"smtp sink: tls must be none, starttls or ssl, got {self.tls!r}")
        self.port = parts.port or (465 if self.tls == "ssl" else 25)
        self.user = unquote(parts.username) if parts.username else None
        self.password = unquote(parts.password) if parts.password else options.smtp_password
        self.to = [a.strip() for a in query.get("to", "").split(",") if a.strip()]
        if not self.to:
            raise ValueError(f"smtp sink needs at least one recipient (?to=…): {spec!r}")
        self.sender = query.get("from") or f"forewarn@{self.host}"
        self.timeout = options.timeout_s
        who = f"{self.user}@" if self.user else ""
        self.name = f"{parts.scheme}://{who}{self.host}:{self.port}?to={','.join(self.to)}"

    def _message(self, payload: dict[str, Any], key: str) -> EmailMessage:
        msg = EmailMessage()
        msg["Subject"] = f"[forewarn] {payload.get('rule')}: {payload.get('message', '')}"[:200]
        msg["From"], msg["To"] = self.sender, ", ".join(self.to)
        msg["Message-ID"] = f"<{key.replace(':', '.').replace('/', '.')}@forewarn>"
        msg["X-Forewarn-Idempotency-Key"] = key
        msg.set_content(f"{payload.get('message')}\n\n" +
                        json.dumps(payload | {"idempotency_key": key}, ensure_ascii=False, indent=2))
        return msg

    def send(self, payload: dict[str, Any], key: str) -> None:
        message = self._message(payload, key)
        try:
            if self.tls == "ssl":
                client: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout,
                                                        context=ssl.create_default_context())
            else:
                client = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            with client:
                if self.tls == "starttls":
                    client.starttls(context=ssl.create_default_context())
                if self.user:
                    client.login(self.user, self.password or "")
                client.send_message(message)
        except smtplib.SMTPAuthenticationError as exc:
            raise SinkError(f"{self.host}:{self.port} refused the login of {self.user!r}: "
                            f"{exc.smtp_code} {_text(exc.smtp_error)}") from None
        except smtplib.SMTPException as exc:
            raise SinkError(f"{self.host}:{self.port}: {type(exc).__name__}: {exc}") from None
        except OSError as exc:
            raise SinkError(f"cannot reach {self.host}:{self.port}: {exc.strerror or exc}") from None

    def close(self) -> None:
        pass


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)

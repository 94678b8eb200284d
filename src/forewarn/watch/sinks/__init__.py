"""Alert sinks, built from ``--sink`` specs: ``terminal``, ``jsonl:PATH``, ``webhook:URL``,
``smtp://…`` and ``taxii:URL``."""

from __future__ import annotations

from ...errors import UsageError
from .base import Sink, SinkError, SinkOptions
from .jsonl import JsonlSink
from .smtp import SmtpSink
from .taxii import TaxiiSink, stix_objects
from .terminal import TerminalSink
from .webhook import WebhookSink, signature

__all__ = ["JsonlSink", "Sink", "SinkError", "SinkOptions", "SmtpSink", "TaxiiSink", "TerminalSink",
           "WebhookSink", "parse_sink", "signature", "stix_objects"]

SPECS = "terminal, jsonl:PATH, webhook:URL, smtp://[user[:pass]@]host[:port]?to=ADDR, taxii:URL"


def parse_sink(spec: str, options: SinkOptions | None = None) -> Sink:
    """A sink from its spec; raises UsageError naming the spec when it is not understood."""
    options = options or SinkOptions.from_env()
    kind, _, rest = spec.strip().partition(":")
    kind = kind.lower()
    try:
        if kind == "terminal" and not rest:
            return TerminalSink()
        if kind == "jsonl" and rest:
            return JsonlSink(rest)
        if kind == "webhook" and rest:
            return WebhookSink(rest, options)
        if kind in {"smtp", "smtps"} and rest:
            return SmtpSink(spec.strip(), options)
        if kind == "taxii" and rest:
            return TaxiiSink(rest, options)
    except ValueError as exc:
        raise UsageError(f"sink {spec!r}: {exc}") from None
    raise UsageError(f"sink {spec!r} is not understood (expected one of: {SPECS})")

"""Alerts from rule matches: a stable id, a one-line message and the JSON every sink receives.

The payload: ``id``, ``kind`` (``rule`` or ``spike``), ``rule``, ``message``, ``created_at``,
``event`` (the event's JSON shape, as ``forewarn events --format json`` prints it, with its
``article``) or null, and ``spike`` (the figures behind a spike alert) or null.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..models import Actor, Event
from ..render import event_record
from .rules import Rule
from .state import Alert, alert_id

__all__ = ["describe", "rule_alert"]


def _who(actors: list[Actor]) -> str:
    parts = []
    for a in actors:
        tag = "/".join(x for x in (a.country, a.sector) if x)
        parts.append(f"{a.name or a.text} ({tag})" if tag else (a.name or a.text))
    return ", ".join(parts)


def describe(event: Event) -> str:
    """``ASSAULT (planned) by X against Y in St Petersburg, RUS: “evidence…”``."""
    head = event.type + (f"/{event.mode}" if event.mode else "") + f" ({event.status})"
    if event.actors:
        head += f" by {_who(event.actors)}"
    if event.recipients:
        head += f" against {_who(event.recipients)}" if "conflict" in event.quad else f" with {_who(event.recipients)}"
    if event.location:
        where = event.location.name or event.location.text
        head += f" in {where}" + (f", {event.location.country}" if event.location.country else "")
    if event.date:
        head += f" on {event.date.value or event.date.text}"
    evidence = " ".join(event.evidence.text.split())
    evidence = evidence if len(evidence) <= 160 else evidence[:157] + "…"
    return f"{head}: “{evidence}”"


def rule_alert(event: Event, rule: Rule, article: dict[str, Any] | None,
               now: dt.datetime | None = None) -> Alert:
    """The alert for one event matching one rule (the same pair always gives the same id)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    aid = alert_id("rule", rule.name, event.id)
    message = f"{rule.name}: {describe(event)}"
    payload = {"id": aid, "kind": "rule", "rule": rule.name, "message": message,
               "created_at": now.isoformat(), "event": event_record(event, article), "spike": None}
    return Alert(id=aid, kind="rule", rule=rule.name, message=message, payload=payload,
                 event_id=event.id, created_at=now)

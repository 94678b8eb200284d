"""The watcher's tables (migration 4): alerts, the delivery outbox, inputs seen, small state.

:class:`WatchStore` wraps a :class:`~forewarn.store.Store` and only uses its connection, so the
store's own code knows nothing of watching. Every write happens on the caller's thread.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..models import Alert, Event, sha256_hex
from ..store import EventFilter, Store

__all__ = ["Alert", "Delivery", "InputState", "WatchStore", "alert_id"]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def alert_id(kind: str, rule: str, subject: str) -> str:
    """A stable id: the same rule and event (or spike series and day) always give the same alert."""
    return sha256_hex(f"{kind}\x1f{rule}\x1f{subject}")[:20]


@dataclass(slots=True)
class Delivery:
    alert_id: str
    sink: str
    state: str  # pending, delivered, failed (gave up)
    attempts: int
    last_error: str | None
    next_attempt_at: dt.datetime
    delivered_at: dt.datetime | None

    @property
    def key(self) -> str:
        """The idempotency key a sink receives with this alert."""
        return f"{self.alert_id}:{self.sink}"

    def to_dict(self) -> dict[str, Any]:
        return {"sink": self.sink, "state": self.state, "attempts": self.attempts,
                "last_error": self.last_error, "idempotency_key": self.key,
                "next_attempt_at": self.next_attempt_at.isoformat() if self.state == "pending" else None,
                "delivered_at": self.delivered_at.isoformat() if self.delivered_at else None}


@dataclass(slots=True)
class InputState:
    source: str
    kind: str  # file or url
    mtime: float | None = None
    size: int | None = None
    sha256: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_error: str | None = None


_ALERT_COLUMNS = "id, kind, rule, message, payload, event_id, series, day, created_at"


class WatchStore:
    def __init__(self, store: Store) -> None:
        self.store, self.con = store, store.con

    # -- alerts and the outbox ------------------------------------------------------------
    def record(self, alerts: Sequence[Alert], sinks: Sequence[str]) -> list[Alert]:
        """Store new alerts with one pending delivery per sink, in one transaction.

        Returns the alerts that were new; an alert already stored (same id) is left as it is.
        """
        if not alerts:
            return []
        ids = [a.id for a in alerts]
        known = {r[0] for r in self.con.execute("SELECT id FROM alerts WHERE list_contains(?, id)",
                                                [ids]).fetchall()}
        fresh = list({a.id: a for a in alerts if a.id not in known}.values())
        if not fresh:
            return []
        now = _now()
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.executemany(f"INSERT INTO alerts ({_ALERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                [a.id, a.kind, a.rule, a.message, json.dumps(a.payload, ensure_ascii=False), a.event_id,
                 a.series, a.day, a.created_at] for a in fresh])
            rows = [[a.id, sink, now] for a in fresh for sink in sinks]
            if rows:
                self.con.executemany("INSERT INTO deliveries (alert_id, sink, state, attempts, next_attempt_at)"
                                     " VALUES (?, ?, 'pending', 0, ?)", rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return fresh

    def due(self, sink: str, now: dt.datetime, limit: int = 100) -> list[tuple[Alert, Delivery]]:
        """Pending deliveries to one sink whose next attempt is due, oldest alert first."""
        rows = self.con.execute(
            f"SELECT {', '.join('a.' + c.strip() for c in _ALERT_COLUMNS.split(','))}, d.state, d.attempts,"
            " d.last_error, d.next_attempt_at, d.delivered_at FROM deliveries d JOIN alerts a ON a.id = d.alert_id"
            " WHERE d.sink = ? AND d.state = 'pending' AND d.next_attempt_at <= ?"
            " ORDER BY a.created_at, a.id LIMIT ?", [sink, now, limit]).fetchall()
        return [(_alert(row[:9]), Delivery(row[0], sink, *row[9:])) for row in rows]

    def delivered(self, alert_id: str, sink: str) -> None:
        self.con.execute("UPDATE deliveries SET state = 'delivered', attempts = attempts + 1, last_error = NULL,"
                         " delivered_at = ? WHERE alert_id = ? AND sink = ? AND state <> 'delivered'",
                         [_now(), alert_id, sink])

    def failed(self, alert_id: str, sink: str, error: str, next_at: dt.datetime, give_up: bool) -> None:
        self.con.execute("UPDATE deliveries SET state = ?, attempts = attempts + 1, last_error = ?,"
                         " next_attempt_at = ? WHERE alert_id = ? AND sink = ? AND state = 'pending'",
                         ["failed" if give_up else "pending", error[:500], next_at, alert_id, sink])

    def alerts(self, *, limit: int | None = None, kind: str | None = None) -> list[tuple[Alert, list[Delivery]]]:
        """Alerts, newest first, each with its deliveries."""
        sql, params = f"SELECT {_ALERT_COLUMNS} FROM alerts", []
        if kind:
            sql += " WHERE kind = ?"
            params.append(kind)
        sql += " ORDER BY created_at DESC, id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        found = [_alert(row) for row in self.con.execute(sql, params).fetchall()]
        by_alert: dict[str, list[Delivery]] = {a.id: [] for a in found}
        if found:
            for row in self.con.execute(
                    "SELECT alert_id, sink, state, attempts, last_error, next_attempt_at, delivered_at"
                    " FROM deliveries WHERE list_contains(?, alert_id) ORDER BY sink", [list(by_alert)]).fetchall():
                by_alert[row[0]].append(Delivery(*row))
        return [(a, by_alert[a.id]) for a in found]

    def delivery_counts(self) -> dict[tuple[str, str], int]:
        rows = self.con.execute("SELECT sink, state, count(*) FROM deliveries GROUP BY ALL").fetchall()
        return {(sink, state): n for sink, state, n in rows}

    # -- inputs seen ----------------------------------------------------------------------
    def input_state(self, source: str) -> InputState | None:
        row = self.con.execute("SELECT source, kind, mtime, size, sha256, etag, last_modified, last_error"
                               " FROM watched_inputs WHERE source = ?", [source]).fetchone()
        return InputState(*row) if row else None

    def save_input(self, state: InputState, *, changed: bool) -> None:
        now = _now()
        self.con.execute(
            "INSERT INTO watched_inputs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET"
            " kind = excluded.kind, mtime = excluded.mtime, size = excluded.size, sha256 = excluded.sha256,"
            " etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at,"
            " changed_at = coalesce(excluded.changed_at, watched_inputs.changed_at),"
            " last_error = excluded.last_error",
            [state.source, state.kind, state.mtime, state.size, state.sha256, state.etag, state.last_modified,
             now, now if changed else None, state.last_error])

    def input_problems(self) -> list[InputState]:
        rows = self.con.execute("SELECT source, kind, mtime, size, sha256, etag, last_modified, last_error"
                                " FROM watched_inputs WHERE last_error IS NOT NULL ORDER BY source").fetchall()
        return [InputState(*row) for row in rows]

    # -- small state and new events -------------------------------------------------------
    def get(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM watch_state WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def put(self, key: str, value: str) -> None:
        self.con.execute("INSERT INTO watch_state VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         [key, value])

    def events_after(self, since: dt.datetime) -> tuple[list[Event], dt.datetime | None]:
        """Events stored after ``since`` (by their creation time), and the newest creation time."""
        rows = self.con.execute("SELECT id, article_id, created_at FROM events WHERE created_at > ?",
                                [since]).fetchall()
        if not rows:
            return [], None
        wanted = {r[0] for r in rows}
        events: list[Event] = []
        for article_id in sorted({r[1] for r in rows}):
            events.extend(e for e in self.store.events(EventFilter(article_id=article_id, sort="published"))
                          if e.id in wanted)
        return events, max(r[2] for r in rows)

    def article_refs(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        return self.store.article_refs(ids)


def _alert(row: Sequence[Any]) -> Alert:
    aid, kind, rule, message, payload, event_id, series, day, created = row
    return Alert(id=aid, kind=kind, rule=rule, message=message, payload=json.loads(payload),
                 event_id=event_id, series=series, day=day, created_at=created)

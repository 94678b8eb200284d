"""The outbox: an alert is recorded (with one pending delivery per sink) before anything is sent;
a delivery is marked when its sink confirms, and retried on a backoff schedule until it does.

Each sink sends from its own worker thread, so a sink that is down (or slow to time out) delays
only itself; the store is written only from the caller's thread, in :meth:`Deliverer.collect`.
A crash between recording and confirming leaves the delivery pending, so it is sent again after
a restart (at least once), and a confirmed delivery is never sent again.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from .sinks import Sink, SinkError
from .state import Alert, Delivery, WatchStore

__all__ = ["Deliverer", "Outcome", "RetryPolicy"]

log = logging.getLogger(__name__)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass(slots=True)
class RetryPolicy:
    """Pause after the n-th failed attempt: ``base_s · 2^(n-1)``, at most ``cap_s``, ±10 % jitter;
    after ``max_attempts`` failures the delivery is marked ``failed`` and left for a person."""

    base_s: float = 30.0
    cap_s: float = 3600.0
    max_attempts: int = 25

    def delay(self, attempts: int) -> dt.timedelta:
        seconds = min(self.cap_s, self.base_s * 2 ** max(0, attempts - 1))
        return dt.timedelta(seconds=seconds * random.uniform(0.9, 1.1))


@dataclass(slots=True)
class Outcome:
    alert_id: str
    sink: str
    attempts: int  # before this try
    error: str | None = None


class Deliverer:
    """Sends due deliveries, one worker thread per sink, and records what happened."""

    def __init__(self, sinks: list[Sink], policy: RetryPolicy | None = None, batch: int = 200) -> None:
        self.sinks = {s.name: s for s in sinks}
        self.policy = policy or RetryPolicy()
        self.batch = batch
        self._pools = {name: ThreadPoolExecutor(1, thread_name_prefix=f"forewarn-sink-{i}")
                       for i, name in enumerate(self.sinks)}
        self._inflight: dict[str, Future[list[Outcome]]] = {}

    def submit(self, ws: WatchStore, now: dt.datetime | None = None) -> int:
        """Start sending what is due, for every sink that is not still busy; returns how many."""
        now = now or _now()
        started = 0
        for name, sink in self.sinks.items():
            if name in self._inflight:
                continue
            due = ws.due(name, now, self.batch)
            if due:
                self._inflight[name] = self._pools[name].submit(_send_all, sink, due)
                started += len(due)
        return started

    def collect(self, ws: WatchStore, *, block: bool = False, timeout: float | None = None) -> list[Outcome]:
        """Record the outcomes of finished sends (all of them, waiting, when ``block``)."""
        if block and self._inflight:
            wait(list(self._inflight.values()), timeout=timeout)
        outcomes: list[Outcome] = []
        for name, future in list(self._inflight.items()):
            if not future.done():
                continue
            del self._inflight[name]
            outcomes.extend(future.result())
        for o in outcomes:
            self._record(ws, o)
        return outcomes

    def _record(self, ws: WatchStore, o: Outcome) -> None:
        if o.error is None:
            ws.delivered(o.alert_id, o.sink)
            return
        attempts = o.attempts + 1
        give_up = attempts >= self.policy.max_attempts
        next_at = _now() + self.policy.delay(attempts)
        ws.failed(o.alert_id, o.sink, o.error, next_at, give_up)
        if give_up:
            log.error("delivery of alert %s to %s failed %d times, giving up: %s", o.alert_id, o.sink,
                      attempts, o.error)
        else:
            log.warning("delivery of alert %s to %s failed (attempt %d): %s; next try at %s", o.alert_id,
                        o.sink, attempts, o.error, next_at.isoformat(timespec="seconds"))

    def busy(self) -> bool:
        return bool(self._inflight)

    def close(self, ws: WatchStore | None = None, timeout: float = 30.0) -> None:
        """Wait (up to ``timeout``) for sends in flight, record them when ``ws`` is given, stop."""
        if ws is not None:
            self.collect(ws, block=True, timeout=timeout)
        for pool in self._pools.values():
            pool.shutdown(wait=False, cancel_futures=True)
        for sink in self.sinks.values():
            try:
                sink.close()
            except Exception:  # noqa: BLE001 - closing must not hide the run's outcome
                log.debug("closing %s failed", sink.name, exc_info=True)


def _send_all(sink: Sink, due: list[tuple[Alert, Delivery]]) -> list[Outcome]:
    """Send in order; after the first failure the rest wait for the next scheduled try."""
    outcomes: list[Outcome] = []
    error: str | None = None
    for alert, delivery in due:
        if error is None:
            try:
                sink.send(alert.payload, delivery.key)
            except SinkError as exc:
                error = str(exc)
            except Exception as exc:  # noqa: BLE001 - a bug in one sink must not stop the others
                log.exception("sink %s failed unexpectedly", sink.name)
                error = f"{type(exc).__name__}: {exc}"
            if error is not None:
                outcomes.append(Outcome(alert.id, sink.name, delivery.attempts, error))
                continue
            outcomes.append(Outcome(alert.id, sink.name, delivery.attempts))
        else:
            outcomes.append(Outcome(alert.id, sink.name, delivery.attempts, f"not tried: {error}"))
    return outcomes

"""The pass loop: find what is new, code it, evaluate the rules and spikes, deliver the alerts.

One pass, in order (each step safe to repeat after a crash):

1. record the outcomes of deliveries that finished since the last pass;
2. scan the inputs (:mod:`.sources`) and code what changed through ``Pipeline.ingest``;
3. evaluate the rules and the spike detector on the events stored since the last evaluation
   (a watermark on the events' creation time, kept in the store, moved only after the alerts
   are recorded), and record new alerts with one pending delivery per sink;
4. start sending what is due (:mod:`.delivery`); with ``once`` wait for the sends to finish.

The store is opened for each pass and closed after it, so ``forewarn alerts`` can read it
between passes.

Test hook: with ``FOREWARN_TEST_CRASH_AFTER_RECORD=1`` in the environment the process exits at
once (``os._exit(9)``) after a pass has recorded new alerts and before any is sent, to test
recovery from a crash between recording and delivering. Never set it otherwise.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import httpx

from ..ingest.urls import FetchOptions, guarded_client
from ..models import Event, RawItem
from ..store import Store
from .alerts import rule_alert
from .delivery import Deliverer, Outcome, RetryPolicy
from .match import Matcher
from .rules import RuleSet
from .sinks import Sink
from .sources import scan_inputs
from .spikes import find_spikes, spike_alert
from .state import Alert, WatchStore

__all__ = ["PassReport", "Watcher", "CRASH_HOOK"]

log = logging.getLogger(__name__)

#: The environment variable of the crash test hook (see the module docstring).
CRASH_HOOK = "FOREWARN_TEST_CRASH_AFTER_RECORD"
_WATERMARK = "events_evaluated_until"


class _Ingests(Protocol):
    def ingest(self, inputs: list[str | RawItem], store: Store, *, published: dt.date | None = None) -> Any: ...


@dataclass(slots=True)
class PassReport:
    changed: list[str] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)
    articles: int = 0
    events: int = 0
    alerts: list[Alert] = field(default_factory=list)
    sending: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        ok = sum(o.error is None for o in self.outcomes)
        return (f"{len(self.changed)} changed inputs · {self.articles} articles · {self.events} events · "
                f"{len(self.alerts)} new alerts · {ok} delivered · {len(self.outcomes) - ok} failed · "
                f"{len(self.problems)} input problems · {self.seconds:.1f}s")


class Watcher:
    """Watches inputs and turns matching events into delivered alerts."""

    def __init__(self, inputs: list[str], rules: RuleSet, db: str | Path, sinks: list[Sink], *,
                 pipeline: _Ingests | None = None, published: dt.date | None = None,
                 policy: RetryPolicy | None = None, client: httpx.Client | None = None,
                 fetch: FetchOptions | None = None) -> None:
        self.inputs, self.rules, self.db = list(inputs), rules, db
        self.matcher = Matcher(rules.rules)
        self.deliverer = Deliverer(sinks, policy)
        self.published = published
        self._pipeline = pipeline
        # the same guard as ingest: private, loopback and link-local addresses are refused
        # unless the settings allow them
        self._client = client or guarded_client(fetch or FetchOptions(), follow_redirects=True)

    @property
    def pipeline(self) -> _Ingests:
        if self._pipeline is None:
            from ..pipeline import Pipeline

            self._pipeline = Pipeline()
        return self._pipeline

    # -- one pass -------------------------------------------------------------------------
    def run_pass(self, *, wait: bool = False) -> PassReport:
        """One pass; ``wait`` waits for this pass's sends and records them before returning."""
        started = time.monotonic()
        report = PassReport()
        with Store.open(self.db) as store:
            ws = WatchStore(store)
            if ws.get(_WATERMARK) is None:  # a new watcher alerts on what arrives from now on
                ws.put(_WATERMARK, dt.datetime.now(dt.timezone.utc).isoformat())
            report.outcomes.extend(self.deliverer.collect(ws))
            self._code_new(ws, store, report)
            report.alerts = self._evaluate(ws)
            if report.alerts and os.environ.get(CRASH_HOOK):
                log.critical("%s is set: exiting after recording %d alerts", CRASH_HOOK, len(report.alerts))
                os._exit(9)
            report.sending = self.deliverer.submit(ws)
            if wait:
                report.outcomes.extend(self.deliverer.collect(ws, block=True))
        report.seconds = time.monotonic() - started
        return report

    def _code_new(self, ws: WatchStore, store: Store, report: PassReport) -> None:
        scan = scan_inputs(ws, self.inputs, self._client)
        report.problems = scan.problems
        if not scan.changes:
            return
        result = self.pipeline.ingest([i for c in scan.changes for i in c.inputs], store, published=self.published)
        report.articles = getattr(result, "articles", 0)
        report.events = getattr(result, "events", 0)
        for reject in getattr(result, "rejects", []):
            log.warning("watch: rejected %s", reject.line())
        for change in scan.changes:
            ws.save_input(change.state, changed=True)
            report.changed.append(change.source)

    def _evaluate(self, ws: WatchStore) -> list[Alert]:
        since = dt.datetime.fromisoformat(ws.get(_WATERMARK) or dt.datetime.now(dt.timezone.utc).isoformat())
        events, newest = ws.events_after(since)
        if not events:
            return []
        alerts = self._rule_alerts(ws, events)
        alerts += [spike_alert(s) for s in find_spikes(ws, [e.id for e in events], self.rules.spikes)]
        fresh = ws.record(alerts, list(self.deliverer.sinks))
        ws.put(_WATERMARK, newest.isoformat())  # only after the alerts are safely recorded
        for alert in fresh:
            log.info("alert %s: %s", alert.id, alert.message)
        return fresh

    def _rule_alerts(self, ws: WatchStore, events: list[Event]) -> list[Alert]:
        pairs = list(self.matcher.matches(events))
        refs = ws.article_refs({e.article_id for e, _ in pairs})
        return [rule_alert(e, rule, refs.get(e.article_id)) for e, rule in pairs]

    # -- the loop -------------------------------------------------------------------------
    def run(self, interval: float = 60.0, *, once: bool = False, stop: threading.Event | None = None,
            on_pass: Any = None) -> PassReport:
        """Run passes every ``interval`` seconds until ``stop`` is set (or one pass with ``once``)."""
        stop = stop or threading.Event()
        try:
            while True:
                began = time.monotonic()
                report = self.run_pass(wait=once)
                log.info("watch pass: %s", report.summary())
                if on_pass:
                    on_pass(report)
                if once or stop.wait(max(0.0, interval - (time.monotonic() - began))):
                    return report
        finally:
            self.close()

    def close(self) -> None:
        """Wait briefly for sends in flight, record them, and let the sinks go."""
        if self.deliverer.busy():
            with Store.open(self.db) as store:
                self.deliverer.close(WatchStore(store), timeout=15.0)
        else:
            self.deliverer.close()
        self._client.close()

"""What ``forewarn watch`` and ``forewarn alerts`` do, as plain functions (cli.py only parses flags)."""

from __future__ import annotations

import datetime as dt
import logging
import signal
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.table import Table

from ..config import Settings
from ..store import Store
from .rules import load_rules
from .sinks import SinkOptions, parse_sink
from .state import WatchStore
from .watcher import PassReport, Watcher

__all__ = ["alert_records", "alerts_table", "input_problems", "run_watch"]

log = logging.getLogger("forewarn.watch")


def _log_to_stderr() -> None:
    root = logging.getLogger("forewarn")
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("forewarn: %(levelname)s %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)


def run_watch(inputs: Sequence[str], rules_path: Path, settings: Settings, *, sinks: Sequence[str] = (),
              interval: float = 60.0, once: bool = False, published: dt.date | None = None) -> PassReport:
    """Check the rules and sinks (before any work), then watch. Returns the last pass's report."""
    rules = load_rules(rules_path)
    specs = list(sinks) or rules.sinks or list(getattr(settings, "sinks", None) or []) or ["terminal"]
    options = SinkOptions.from_env()
    built = [parse_sink(spec, options) for spec in specs]
    _log_to_stderr()
    from ..pipeline import Pipeline, fetch_options

    watcher = Watcher(list(inputs), rules, settings.db, built, pipeline=Pipeline(settings), published=published,
                      fetch=fetch_options(settings))
    stop = threading.Event()
    if not once and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
    log.info("watching %d inputs with %d rules; sinks: %s; store %s", len(inputs), len(rules.rules),
             ", ".join(s.name for s in built), settings.db)
    try:
        return watcher.run(interval, once=once, stop=stop)
    except KeyboardInterrupt:
        log.info("stopped")
        return PassReport()


def alert_records(db: str | Path, *, limit: int | None = None, kind: str | None = None) -> list[dict[str, Any]]:
    """Alerts, newest first: each its payload (with the event) and its ``deliveries``."""
    with Store.open(db, read_only=True) as store:
        found = WatchStore(store).alerts(limit=limit, kind=kind)
    return [alert.payload | {"deliveries": [d.to_dict() for d in deliveries]} for alert, deliveries in found]


def input_problems(db: str | Path) -> list[str]:
    """Watched inputs whose last check failed, one line each."""
    with Store.open(db, read_only=True) as store:
        return [f"{p.source}: {p.last_error}" for p in WatchStore(store).input_problems()]


def _delivery_cell(d: dict[str, Any]) -> str:
    if d["state"] == "delivered":
        return f"{d['sink']}: delivered"
    line = f"{d['sink']}: {d['state']} after {d['attempts']} attempts"
    if d.get("last_error"):
        line += f" ({d['last_error']})"
    if d.get("next_attempt_at"):
        line += f", next {d['next_attempt_at'][:19].replace('T', ' ')}"
    return line


def alerts_table(records: Sequence[dict[str, Any]]) -> Table:
    table = Table("when", "kind", "rule", "alert", "deliveries", header_style="bold")
    for r in records:
        table.add_row(str(r.get("created_at", ""))[:19].replace("T", " "), r["kind"], r["rule"], r["message"],
                      "\n".join(_delivery_cell(d) for d in r["deliveries"]) or "(no sinks)")
    return table

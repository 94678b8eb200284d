"""Watching: alert rules over new events, sinks that deliver the alerts, early warning of spikes.

::

    from forewarn.watch import Watcher, load_rules, parse_sink
    rules = load_rules("rules.toml")
    watcher = Watcher(["news/"], rules, "news.duckdb", [parse_sink("jsonl:alerts.jsonl")])
    watcher.run(interval=60)

See ``docs/watch-rules.example.toml`` for the rules file.
"""

from .alerts import describe, rule_alert
from .delivery import Deliverer, RetryPolicy
from .match import Matcher, distance_km
from .rules import Near, Rule, RuleSet, SpikeSettings, load_rules, parse_rules
from .sinks import Sink, SinkError, SinkOptions, parse_sink
from .spikes import Spike, find_spikes, spike_alert
from .state import Alert, Delivery, InputState, WatchStore, alert_id
from .watcher import CRASH_HOOK, PassReport, Watcher

__all__ = [
    "CRASH_HOOK", "Alert", "Deliverer", "Delivery", "InputState", "Matcher", "Near", "PassReport",
    "RetryPolicy", "Rule", "RuleSet", "Sink", "SinkError", "SinkOptions", "Spike", "SpikeSettings",
    "WatchStore", "Watcher", "alert_id", "describe", "distance_km", "find_spikes", "load_rules",
    "parse_rules", "parse_sink", "rule_alert", "spike_alert",
]

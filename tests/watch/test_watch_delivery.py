import datetime as dt
import json

import pytest

from forewarn.store import Store
from forewarn.watch import (Deliverer, Matcher, RetryPolicy, SinkError, WatchStore, parse_rules, parse_sink,
                            rule_alert)

RULES = parse_rules('[[rule]]\nname = "any-coerce"\ntype = ["COERCE"]\n').rules


class Down:
    """A sink that is down: every send fails."""

    name = "down"

    def __init__(self):
        self.calls = 0

    def send(self, payload, key):
        self.calls += 1
        raise SinkError("connection refused")

    def close(self):
        pass


@pytest.fixture
def ws(tmp_path, event_factory, article_factory):
    store = Store.open(tmp_path / "w.duckdb")
    store.add(article_factory("a1"), [event_factory(article_id="a1"), event_factory("CONSULT", quad="verbal-cooperation",
                                                                                   article_id="a1", start=50)])
    yield WatchStore(store)
    store.close()


def alerts_for(ws):
    events = ws.store.events()
    return [rule_alert(e, r, None) for e, r in Matcher(RULES).matches(events)]


def test_recorded_once_delivered_once_and_a_down_sink_delays_only_itself(ws, tmp_path):
    out = tmp_path / "alerts.jsonl"
    jsonl, down = parse_sink(f"jsonl:{out}"), Down()
    alerts = alerts_for(ws)
    assert len(alerts) == 1
    assert len(ws.record(alerts, [jsonl.name, down.name])) == 1
    assert ws.record(alerts_for(ws), [jsonl.name, down.name]) == []  # the same event again: no new alert
    deliverer = Deliverer([jsonl, down], RetryPolicy(base_s=60))
    assert deliverer.submit(ws) == 2
    outcomes = deliverer.collect(ws, block=True)
    assert sorted((o.sink, o.error) for o in outcomes) == [("down", "connection refused"), (jsonl.name, None)]
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 1 and lines[0]["idempotency_key"] == f"{alerts[0].id}:{jsonl.name}"
    assert lines[0]["event"]["type"] == "COERCE" and lines[0]["rule"] == "any-coerce"
    (alert, deliveries), = ws.alerts()
    state = {d.sink: d for d in deliveries}
    assert state[jsonl.name].state == "delivered" and state[jsonl.name].delivered_at
    assert state["down"].state == "pending" and state["down"].attempts == 1
    assert state["down"].last_error == "connection refused"
    assert state["down"].next_attempt_at > dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=40)
    # Not due yet: nothing is sent again, and the confirmed sink is never sent to again.
    assert deliverer.submit(ws) == 0
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1)
    assert deliverer.submit(ws, later) == 1
    deliverer.collect(ws, block=True)
    assert down.calls == 2 and len(out.read_text().splitlines()) == 1
    deliverer.close()


def test_gives_up_after_max_attempts(ws):
    down = Down()
    ws.record(alerts_for(ws), [down.name])
    deliverer = Deliverer([down], RetryPolicy(base_s=0.0, max_attempts=3))
    for _ in range(4):
        deliverer.submit(ws)
        deliverer.collect(ws, block=True)
    (_, (delivery,)), = ws.alerts()
    assert (delivery.state, delivery.attempts, down.calls) == ("failed", 3, 3)
    deliverer.close()


def test_jsonl_sink_drops_a_repeat_after_a_crash(tmp_path):
    out = tmp_path / "a.jsonl"
    sink = parse_sink(f"jsonl:{out}")
    sink.send({"id": "x"}, "x:jsonl")
    again = parse_sink(f"jsonl:{out}")  # a restarted process
    again.send({"id": "x"}, "x:jsonl")
    assert len(out.read_text().splitlines()) == 1


def test_retry_policy_backs_off_and_caps():
    p = RetryPolicy(base_s=10, cap_s=100)
    assert 9 <= p.delay(1).total_seconds() <= 11
    assert 36 <= p.delay(3).total_seconds() <= 44
    assert p.delay(20).total_seconds() <= 110


def test_bad_sink_spec_is_a_usage_error():
    from forewarn.errors import UsageError

    for spec in ("carrier-pigeon", "webhook:ftp://x", "smtp://host", "taxii:http://host/api1/"):
        with pytest.raises(UsageError, match="sink"):
            parse_sink(spec)

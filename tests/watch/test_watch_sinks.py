"""Each sink against a real peer on 127.0.0.1, through the outbox."""

import hashlib
import hmac
import json

import pytest

from forewarn.models import Actor, Place
from forewarn.store import Store
from forewarn.watch import Deliverer, RetryPolicy, SinkOptions, WatchStore, parse_sink, rule_alert
from forewarn.watch.rules import Rule

SECRET = "s3cret"


@pytest.fixture
def ws(tmp_path, event_factory, article_factory):
    store = Store.open(tmp_path / "s.duckdb")
    event = event_factory(actors=[Actor("the FSB", "FSB", "RUS", "SPY")], recipients=[Actor("two men")],
                          location=Place("St Petersburg", "Saint Petersburg", "RUS", 59.94, 30.31))
    store.add(article_factory("a1"), [event])
    yield WatchStore(store)
    store.close()


def deliver(ws, sinks, rounds=1):
    alert = rule_alert(ws.store.events()[0], Rule("spy"), {"id": "a1", "title": "t"})
    ws.record([alert], [s.name for s in sinks])
    deliverer = Deliverer(sinks, RetryPolicy(base_s=0.0))
    outcomes = []
    for _ in range(rounds):
        deliverer.submit(ws)
        outcomes += deliverer.collect(ws, block=True, timeout=30)
    deliverer.close()
    (_, deliveries), = ws.alerts()
    return alert, {d.sink: d for d in deliveries}, outcomes


def options(**kw):
    return SinkOptions(webhook_secret=SECRET, webhook_backoff_s=0.05, timeout_s=5, **kw)


def test_webhook_signed_retried_past_two_failures(ws, http_peer):
    http_peer.fail_first["/hook"] = 2
    sink = parse_sink(f"webhook:{http_peer.url}/hook", options())
    alert, state, _ = deliver(ws, [sink])
    assert state[sink.name].state == "delivered"
    (post,) = http_peer.posts("/hook")
    expected = "sha256=" + hmac.new(SECRET.encode(), post["body"], hashlib.sha256).hexdigest()
    assert post["headers"]["X-Forewarn-Signature"] == expected
    assert post["headers"]["Idempotency-Key"] == f"{alert.id}:{sink.name}"
    assert post["json"]["event"]["actors"][0]["name"] == "FSB"


def test_webhook_down_forever_is_named_and_does_not_block_others(ws, http_peer, tmp_path):
    http_peer.fail_first["/down"] = -1  # always 500
    bad = parse_sink(f"webhook:{http_peer.url}/down", options())
    good = parse_sink(f"webhook:{http_peer.url}/ok", options())
    jsonl = parse_sink(f"jsonl:{tmp_path / 'a.jsonl'}")
    _, state, _ = deliver(ws, [bad, good, jsonl], rounds=2)
    assert state[bad.name].state == "pending" and state[bad.name].attempts == 2
    assert "HTTP 500" in state[bad.name].last_error
    assert state[good.name].state == "delivered" and state[jsonl.name].state == "delivered"
    assert len(http_peer.posts("/ok")) == 1


def test_smtp_delivers_and_a_refused_login_is_named(ws, smtp_peer):
    good = parse_sink(f"smtp://alice:secret@127.0.0.1:{smtp_peer.port}?to=desk@example.org", options())
    bad = parse_sink(f"smtp://mallory@127.0.0.1:{smtp_peer.port}?to=desk@example.org", options(smtp_password="x"))
    assert "secret" not in good.name
    alert, state, _ = deliver(ws, [good, bad])
    assert state[good.name].state == "delivered"
    assert state[bad.name].state == "pending" and "refused the login of 'mallory'" in state[bad.name].last_error
    (envelope,) = smtp_peer.messages
    assert envelope.rcpt_tos == ["desk@example.org"]
    text = envelope.content.decode()
    assert "[forewarn] spy:" in text and f"{alert.id}:{good.name}" in text


def test_taxii_adds_stix_objects_and_a_missing_collection_is_named(ws, taxii_peer):
    base = f"http://user:pass@{taxii_peer.url.removeprefix('http://')}/api1/collections"
    good = parse_sink(f"taxii:{base}/{taxii_peer.collection}/", options())
    missing = parse_sink(f"taxii:{base}/00000000-0000-4000-8000-000000000000/", options())
    assert "pass" not in good.name
    alert, state, _ = deliver(ws, [good, missing])
    assert state[good.name].state == "delivered", state[good.name].last_error
    assert "does not exist" in state[missing.name].last_error
    objects = taxii_peer.objects()
    report = next(o for o in objects if o["type"] == "report" and o["x_forewarn_alert"]["id"] == alert.id)
    assert report["spec_version"] == "2.1"
    assert {o["type"] for o in objects} >= {"identity", "location", "report"}


def test_stix_objects_are_valid_stix_2_1(ws):
    from stix2validator import validate_instance

    from forewarn.watch.sinks import stix_objects

    alert = rule_alert(ws.store.events()[0], Rule("spy"), None)
    bundle = {"type": "bundle", "id": "bundle--6a1d5a2e-3a54-4b8e-9a0f-7f0e8b0c4f12",
              "objects": stix_objects(json.loads(json.dumps(alert.payload)))}
    result = validate_instance(bundle)
    assert result.is_valid, [str(e) for e in result.errors]

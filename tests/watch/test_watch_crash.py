"""Kill the watcher between recording alerts and delivering them; the restart delivers each
alert exactly once to every sink, and a further restart sends nothing again."""

import json
import os
import subprocess
import sys
from pathlib import Path

from forewarn.store import Store
from forewarn.watch import CRASH_HOOK, WatchStore

SCRIPT = Path(__file__).with_name("fake_coder_watch.py")


def run_watch(args, env, crash=False):
    env = dict(env)
    if crash:
        env[CRASH_HOOK] = "1"
    return subprocess.run([sys.executable, str(SCRIPT), "watch", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=120)


def test_crash_between_record_and_send_then_exactly_one_delivery(tmp_path, http_peer, smtp_peer, taxii_peer):
    news, db, out = tmp_path / "news", tmp_path / "c.duckdb", tmp_path / "alerts.jsonl"
    news.mkdir()
    (news / "a.txt").write_text("Police arrested two men in Moscow on Monday, the interior ministry said.")
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "any-coerce"\ntype = ["COERCE"]\n')
    taxii = f"{taxii_peer.url}/api1/collections/{taxii_peer.collection}/"
    sinks = [f"jsonl:{out}", f"webhook:{http_peer.url}/hook",
             f"smtp://alice@127.0.0.1:{smtp_peer.port}?to=desk@example.org", f"taxii:{taxii}"]
    env = dict(os.environ, FOREWARN_CONFIG=str(tmp_path / "none.toml"), FOREWARN_WEBHOOK_SECRET="k",
               FOREWARN_SMTP_PASSWORD="secret", FOREWARN_TAXII_USER="user", FOREWARN_TAXII_PASSWORD="pass")
    args = [news, "--rules", rules, "--db", db, "--once", *[a for s in sinks for a in ("--sink", s)]]
    before = len([o for o in taxii_peer.objects() if o["type"] == "report"])

    crashed = run_watch(args, env, crash=True)
    assert crashed.returncode == 9, crashed.stderr
    assert not out.exists() and http_peer.posts("/hook") == [] and smtp_peer.messages == []
    with Store.open(db) as store:
        (alert, deliveries), = WatchStore(store).alerts()
    assert {d.state for d in deliveries} == {"pending"} and len(deliveries) == 4

    for _ in range(2):  # the restart delivers; a further run sends nothing again
        again = run_watch(args, env)
        assert again.returncode == 0, again.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [alert.id]
    assert [p["json"]["id"] for p in http_peer.posts("/hook")] == [alert.id]
    assert len(smtp_peer.messages) == 1
    reports = [o for o in taxii_peer.objects() if o["type"] == "report"]
    assert len(reports) - before == 1 and reports[-1]["x_forewarn_alert"]["id"] == alert.id
    with Store.open(db) as store:
        (_, deliveries), = WatchStore(store).alerts()
    assert {d.state for d in deliveries} == {"delivered"} and all(d.attempts == 1 for d in deliveries)

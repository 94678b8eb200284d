import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).with_name("fake_coder_watch.py")


def run(args, env, script=False):
    cmd = [sys.executable, str(SCRIPT)] if script else [sys.executable, "-m", "forewarn"]
    return subprocess.run([*cmd, *map(str, args)], capture_output=True, text=True, env=env, timeout=120)


def test_bad_rules_stop_before_any_work(tmp_path):
    env = dict(os.environ, FOREWARN_CONFIG=str(tmp_path / "none.toml"))
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "x"\nquad = ["foo"]\n')
    db = tmp_path / "never.duckdb"
    proc = run(["watch", tmp_path, "--rules", rules, "--db", db, "--once"], env)
    assert proc.returncode == 2
    assert "rule 'x': field 'quad': unknown value 'foo'" in proc.stderr
    assert not db.exists()
    rules.write_text('[[rule]]\nname = "x"\n')
    proc = run(["watch", tmp_path, "--rules", rules, "--db", db, "--once", "--sink", "pigeon:coop"], env)
    assert proc.returncode == 2 and "sink 'pigeon:coop'" in proc.stderr and not db.exists()


def test_watch_once_then_alerts_lists_events_deliveries_and_failing_inputs(tmp_path, http_peer):
    http_peer.post_status["/down"] = 410  # final at once: no in-call retries
    env = dict(os.environ, FOREWARN_CONFIG=str(tmp_path / "none.toml"), FOREWARN_WEBHOOK_SECRET="k")
    news, db = tmp_path / "news", tmp_path / "w.duckdb"
    news.mkdir()
    (news / "a.txt").write_text("Police arrested two men in Moscow on Monday, the interior ministry said.")
    rules = tmp_path / "rules.toml"
    rules.write_text(f'sinks = ["jsonl:{tmp_path / "a.jsonl"}", "webhook:{http_peer.url}/down"]\n'
                     '[[rule]]\nname = "any-coerce"\ntype = ["COERCE"]\n')
    proc = run(["watch", news, tmp_path / "gone", "--rules", rules, "--db", db, "--once"], env, script=True)
    assert proc.returncode == 1, proc.stderr  # an input problem and a failed delivery
    assert "gone: no such file or folder" in proc.stderr and "HTTP 410" in proc.stderr
    listed = run(["alerts", "--db", db, "--format", "json"], env)
    assert listed.returncode == 0, listed.stderr
    (alert,) = json.loads(listed.stdout)
    assert alert["rule"] == "any-coerce" and alert["event"]["type"] == "COERCE"
    states = {d["sink"].split(":")[0]: d for d in alert["deliveries"]}
    assert states["jsonl"]["state"] == "delivered"
    assert states["webhook"]["state"] == "pending" and "HTTP 410" in states["webhook"]["last_error"]
    assert "watched input failing" in listed.stderr and "gone" in listed.stderr
    table = run(["alerts", "--db", db], env)
    assert table.returncode == 0 and "any-coerce" in table.stdout

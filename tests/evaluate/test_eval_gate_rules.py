"""The gate's own rules: digests, floors, and never lowering a floor silently."""

import json

from forewarn.evaluate import gate


def test_digest_of_file_and_folder(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("one")
    (tmp_path / "d" / "b.txt").write_text("two")
    before = gate.digest(tmp_path / "d")
    assert len(before) == 64 and gate.digest(tmp_path / "d" / "a.txt") != before
    (tmp_path / "d" / "b.txt").write_text("three")
    assert gate.digest(tmp_path / "d") != before


def test_floor_and_figure():
    assert gate.floor_for(0.5) == 0.48 and gate.floor_for(0.01) == 0.0
    assert gate.figure({"metrics": {"a": {"b": 0.25}}}, "metrics.a.b") == 0.25


def _fake_evaluate(value):
    class Result:
        def to_dict(self):
            return {"headline": {"name": "x", "value": value}, "metrics": {}}
    return lambda *a, **k: Result()


def test_update_keeps_floors_unless_allowed(tmp_path, monkeypatch):
    (tmp_path / "set.txt").write_text("data")
    monkeypatch.setattr(gate, "DEFAULT_CHECKS", [{"dataset": "x", "path": "set.txt", "limit": None,
                                                  "figures": ["headline.value"]}])
    monkeypatch.setattr(gate, "evaluate", _fake_evaluate(0.9))
    first, lowered = gate.update({"checks": []}, tmp_path, allow_lower=False, reason=None)
    assert first["checks"][0]["floors"] == {"headline.value": 0.88} and not lowered
    monkeypatch.setattr(gate, "evaluate", _fake_evaluate(0.5))
    kept, lowered = gate.update(first, tmp_path, allow_lower=False, reason=None)
    assert kept["checks"][0]["floors"]["headline.value"] == 0.88 and lowered
    down, _ = gate.update(first, tmp_path, allow_lower=True, reason="new rules")
    assert down["checks"][0]["floors"]["headline.value"] == 0.48


def test_check_all_flags_low_scores_and_changed_data(tmp_path, monkeypatch):
    (tmp_path / "set.txt").write_text("data")
    baseline = {"checks": [{"dataset": "x", "path": "set.txt", "limit": None,
                            "sha256": gate.digest(tmp_path / "set.txt"), "floors": {"headline.value": 0.6}}]}
    monkeypatch.setattr(gate, "evaluate", _fake_evaluate(0.5))
    (outcome,) = gate.check_all(baseline, tmp_path)
    assert not outcome.ok and "below its floor" in outcome.problem
    monkeypatch.setattr(gate, "evaluate", _fake_evaluate(0.7))
    assert gate.check_all(baseline, tmp_path)[0].ok
    (tmp_path / "set.txt").write_text("changed")
    assert "changed" in gate.check_all(baseline, tmp_path)[0].problem


def test_main_allow_lower_appends_changelog(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "set.txt").write_text("data")
    monkeypatch.setattr(gate, "BASELINE", tmp_path / "eval_baseline.json")
    monkeypatch.setattr(gate, "CHANGELOG", tmp_path / "CHANGELOG.md")
    monkeypatch.setattr(gate, "DEFAULT_CHECKS", [{"dataset": "x", "path": "set.txt", "limit": None,
                                                  "figures": ["headline.value"]}])
    monkeypatch.setattr(gate, "evaluate", _fake_evaluate(0.9))
    assert gate.main(["--data", str(tmp_path / "data"), "--update"]) == 0
    assert gate.main(["--data", str(tmp_path / "data"), "--update", "--allow-lower"]) == 2  # no reason
    monkeypatch.setattr(gate, "evaluate", _fake_evaluate(0.4))
    assert gate.main(["--data", str(tmp_path / "data"), "--update", "--allow-lower", "--reason", "why"]) == 0
    assert json.loads((tmp_path / "eval_baseline.json").read_text())["checks"][0]["floors"]["headline.value"] == 0.38
    log = (tmp_path / "CHANGELOG.md").read_text()
    assert log.startswith("# Changelog") and "0.88 → 0.38" in log and "why" in log
    assert gate.main(["--data", str(tmp_path / "data")]) == 0

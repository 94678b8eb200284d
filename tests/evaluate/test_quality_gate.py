"""The quality gate: each fast scorer, on its pinned subset, must stay at or above its floor in
``eval_baseline.json``. Lowering a floor: ``python -m forewarn.evaluate.gate --update
--allow-lower --reason …`` (which appends the reason to CHANGELOG.md)."""

from pathlib import Path

import pytest

from forewarn.evaluate import gate

PROJECT = Path(__file__).resolve().parents[2]
DATA = PROJECT.parent / "shared" / "data"
# the checkout's own baseline, whether forewarn is installed from it or not
BASELINE = gate.load_baseline(PROJECT / "eval_baseline.json")


@pytest.mark.parametrize("check", BASELINE["checks"], ids=[f"{c['dataset']}:{c['path']}" for c in BASELINE["checks"]])
def test_score_stays_above_its_floor(check):
    if not DATA.is_dir():
        pytest.skip(f"the evaluation data is not beside the project ({DATA} is absent)")
    result, problem, _seconds = gate.run_check(check, DATA)
    assert problem is None, problem
    low = {name: (gate.figure(result, name), floor) for name, floor in check["floors"].items()
           if gate.figure(result, name) < floor}
    assert not low, f"{check['dataset']}: below the floor (value, floor): {low}"


def test_there_is_a_baseline():
    assert BASELINE["checks"], "eval_baseline.json is missing or empty: run python -m forewarn.evaluate.gate --update"

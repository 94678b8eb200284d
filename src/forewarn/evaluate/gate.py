"""The quality gate: floors for the fast scorers, kept in ``eval_baseline.json`` at the repo root.

Each check names a data set, a path under the evaluation data folder (``../shared/data`` beside
the project, or ``$FOREWARN_EVAL_DATA``, or ``--data``), an item limit, the figure it guards (a
dotted path into the scorer's JSON, e.g. ``metrics.source_country.accuracy``), its floor, the
value measured when the floor was set, and the sha256 of the data it read (so a changed file is
reported as such, not as a regression).

    python -m forewarn.evaluate.gate                 # run every check; exit 1 if one fails
    python -m forewarn.evaluate.gate --update        # re-measure; floors = measured − margin,
                                                     # raised freely, never lowered …
    python -m forewarn.evaluate.gate --update --allow-lower --reason "why"
                                                     # … unless allowed, with a reason that is
                                                     # appended to CHANGELOG.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .registry import evaluate

def project_root() -> Path:
    """The forewarn checkout the gate works on: the nearest folder up from the current one that
    holds eval_baseline.json, else the checkout this module sits in (an editable install)."""
    for base in (Path.cwd(), *Path.cwd().parents):
        if (base / "eval_baseline.json").is_file():
            return base
    return Path(__file__).resolve().parents[3]


ROOT = project_root()
BASELINE = ROOT / "eval_baseline.json"
CHANGELOG = ROOT / "CHANGELOG.md"
MARGIN = 0.02

#: The checks a fresh baseline starts from (``--update`` measures them and fills the rest in).
DEFAULT_CHECKS: list[dict[str, Any]] = [
    {"dataset": "plover-gsr", "path": "events/plover-gsr.json", "limit": 120,
     "figures": ["headline.value", "metrics.type_any_accuracy", "metrics.source_country.accuracy",
                 "metrics.target_country.accuracy"]},
    {"dataset": "petrarch2-unittest", "path": "events/petrarch2-unittest.xml", "limit": None,
     "figures": ["headline.value"]},
    {"dataset": "conflibert-quad", "path": "events/conflibert-quad-train.tsv", "limit": 300,
     "figures": ["headline.value", "metrics.accuracy"]},
    {"dataset": "conflibert-roles", "path": "events/conflibert-roles-train.txt", "limit": 300,
     "figures": ["headline.value", "metrics.span_f1_overlap"]},
    {"dataset": "indiapolice-sents", "path": "events/indiapolice-sents-dev.tsv", "limit": 800,
     "figures": ["headline.value", "metrics.by_label.ARREST.f1"]},
    {"dataset": "muc4", "path": "events/muc4-dev.json", "limit": 40, "figures": ["headline.value"]},
    {"dataset": "re3d", "path": "entities/re3d-dev.txt", "limit": None, "figures": ["headline.value"]},
    {"dataset": "lgl", "path": "geo/lgl.xml", "limit": None, "figures": ["headline.value"]},
    {"dataset": "gwn", "path": "geo/gwn.xml", "limit": None, "figures": ["headline.value"]},
    {"dataset": "timeml", "path": "time", "limit": None,
     "figures": ["headline.value", "metrics.accuracy_representable"]},
    {"dataset": "polnear", "path": "attribution/polnear-dev", "limit": 12,
     "figures": ["headline.value", "metrics.source_f1_overlap"]},
]


def data_root(option: str | Path | None = None) -> Path:
    return Path(option or os.environ.get("FOREWARN_EVAL_DATA") or ROOT.parent / "shared" / "data")


def digest(path: Path) -> str:
    """sha256 of a file, or of a folder's files (relative names and contents, sorted)."""
    h = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for f in files:
        if path.is_dir():
            h.update(f.relative_to(path).as_posix().encode() + b"\0")
        with f.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                h.update(chunk)
    return h.hexdigest()


def figure(result: dict[str, Any], dotted: str) -> float:
    value: Any = result
    for key in dotted.split("."):
        value = value[key]
    return float(value)


def floor_for(measured: float, margin: float = MARGIN) -> float:
    return max(0.0, math.floor((measured - margin) * 1000) / 1000)


@dataclass
class Outcome:
    dataset: str
    figure: str
    floor: float | None
    value: float | None
    seconds: float
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def load_baseline(path: Path | None = None) -> dict[str, Any]:
    path = path or BASELINE
    return json.loads(path.read_text("utf-8")) if path.exists() else {"checks": []}


def run_check(check: dict[str, Any], root: Path) -> tuple[dict[str, Any] | None, str | None, float]:
    """``(result, problem, seconds)``: the scorer's JSON, or why it could not be compared."""
    path = root / check["path"]
    if not path.exists():
        return None, f"{path} is missing", 0.0
    if check.get("sha256") and digest(path) != check["sha256"]:
        return None, f"{path} changed since the floor was set (sha256 differs): re-baseline", 0.0
    started = time.perf_counter()
    result = evaluate(check["dataset"], path, limit=check.get("limit")).to_dict()
    return result, None, time.perf_counter() - started


def check_all(baseline: dict[str, Any], root: Path) -> list[Outcome]:
    outcomes = []
    for check in baseline["checks"]:
        result, problem, seconds = run_check(check, root)
        for name, floor in check["floors"].items():
            value = figure(result, name) if result else None
            issue = problem or (f"{value:.4f} is below its floor {floor}" if value < floor else None)
            outcomes.append(Outcome(check["dataset"], name, floor, value, seconds, issue))
    return outcomes


def update(baseline: dict[str, Any], root: Path, *, allow_lower: bool, reason: str | None,
           margin: float = MARGIN) -> tuple[dict[str, Any], list[str]]:
    """Re-measure every default check; returns the new baseline and the floors it lowered."""
    old = {(c["dataset"], c["path"]): c for c in baseline.get("checks", [])}
    checks, lowered = [], []
    for spec in DEFAULT_CHECKS:
        path = root / spec["path"]
        started = time.perf_counter()
        result = evaluate(spec["dataset"], path, limit=spec["limit"]).to_dict()
        seconds = round(time.perf_counter() - started, 1)
        before = old.get((spec["dataset"], spec["path"]), {}).get("floors", {})
        floors, measured = {}, {}
        for name in spec["figures"]:
            measured[name] = round(figure(result, name), 4)
            floors[name] = floor_for(measured[name], margin)
            if name in before and floors[name] < before[name]:
                lowered.append(f"{spec['dataset']} {name}: {before[name]} → {floors[name]}")
                if not allow_lower:
                    floors[name] = before[name]
        checks.append({"dataset": spec["dataset"], "path": spec["path"], "limit": spec["limit"],
                       "sha256": digest(path), "seconds": seconds, "measured": measured, "floors": floors})
    return {"about": "Quality gate floors: python -m forewarn.evaluate.gate (see its docstring).",
            "updated": dt.date.today().isoformat(), "margin": margin, "checks": checks}, lowered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m forewarn.evaluate.gate", description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="the evaluation data folder (default: ../shared/data)")
    parser.add_argument("--update", action="store_true", help="re-measure and rewrite the floors")
    parser.add_argument("--allow-lower", action="store_true", help="with --update: let floors go down")
    parser.add_argument("--reason", help="with --allow-lower: why (appended to CHANGELOG.md)")
    args = parser.parse_args(argv)
    root = data_root(args.data)
    if not root.is_dir():
        print(f"gate: no evaluation data at {root}", file=sys.stderr)
        return 2
    if args.allow_lower and not (args.update and args.reason):
        print("gate: --allow-lower needs --update and --reason", file=sys.stderr)
        return 2
    if args.update:
        new, lowered = update(load_baseline(), root, allow_lower=args.allow_lower, reason=args.reason)
        BASELINE.write_text(json.dumps(new, indent=2, ensure_ascii=False) + "\n", "utf-8")
        if lowered and args.allow_lower:
            with CHANGELOG.open("a", encoding="utf-8") as handle:
                if CHANGELOG.stat().st_size == 0:
                    handle.write("# Changelog\n\n")
                handle.write(f"- {dt.date.today().isoformat()} eval gate floors lowered "
                             f"({'; '.join(lowered)}): {args.reason}\n")
        elif lowered:
            print("gate: kept these floors (lowering needs --allow-lower --reason):\n  " + "\n  ".join(lowered),
                  file=sys.stderr)
        print(f"gate: wrote {BASELINE}")
        return 0
    outcomes = check_all(load_baseline(), root)
    for o in outcomes:
        value = "—" if o.value is None else f"{o.value:.4f}"
        print(f"{'ok  ' if o.ok else 'FAIL'} {o.dataset:20} {o.figure:38} {value:>7} ≥ {o.floor}  "
              f"({o.seconds:.1f}s){'  ' + o.problem if o.problem else ''}")
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Confidence calibration: is a higher ``confidence`` a higher share of correct events?

    python bench/calibration.py                      # reliability tables, current weights
    python bench/calibration.py --fit                # also fit logistic weights on the fit half
    python bench/calibration.py --limit 3000 --bins 5 --cache /tmp/calib.jsonl

Codes labelled sentences where one event's correctness can be judged, and bins the events by
confidence. What "correct" means per data set:

* PLOVER-GSR (``plover-gsr.json``, one gold event per sentence): the event's type is the gold
  type. Other, unlabelled events of the sentence count as wrong, so precision is a floor.
* ConfliBERT-quad (``conflibert-quad-train.tsv``): the event's five-way class (REQUEST → 0,
  otherwise its PLOVER quad) is the sentence's label.
* IndiaPoliceEvents (``indiapolice-sents-{train,dev}.tsv``): only events the scorer turns into
  a label are judged, each against its label: a COERCE arrest that happened → ARREST, a lethal
  ASSAULT by police → KILL, another ASSAULT by police → FORCE.

Split: *fit* = IndiaPolice train (first ``--limit`` sentences) and the even-numbered records of
PLOVER-GSR and ConfliBERT-quad; *held-out* = IndiaPolice dev and the odd-numbered records. The
weights in ``forewarn.code.confidence.WEIGHTS`` are fitted on *fit* only (``--fit`` prints them);
the tables to judge them by are the *held-out* ones.

Prints, per split, a reliability table (bin, events, mean confidence, precision) and the
expected calibration error (ECE: the event-weighted mean |precision − mean confidence| over
bins), plus the Spearman correlation of bin order and precision.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "events"


# ---- collecting judged events ---------------------------------------------------------------
def _features_of(coder, doc, event) -> dict[str, float] | None:
    from forewarn.code.confidence import features

    pattern = coder_patterns(coder).get(event.rule)
    if pattern is None:
        return None
    start = event.evidence.trigger_start
    tok = next((t for t in doc if t.idx == start), None)
    if tok is None:
        return None
    return features(pattern, tok, event.actors, event.recipients, event.status)


_PATTERNS: dict[int, dict] = {}


def coder_patterns(coder) -> dict:
    if id(coder) not in _PATTERNS:
        from forewarn.code.coder import OBLIGATION

        _PATTERNS[id(coder)] = {p.id: p for p in [*coder.patterns, OBLIGATION]}
    return _PATTERNS[id(coder)]


def _judged(dataset: str, rows: list[tuple[object, str]], judge, split_of) -> Iterator[dict]:
    from forewarn.evaluate._coding import coded, pipeline

    coder = pipeline().coder
    for i, (gold, _art, doc, events) in enumerate(coded(((g, t) for g, t in rows))):
        if doc is not None and doc.text != _art.body:
            doc = None
        for e in events:
            verdict = judge(gold, e)
            if verdict is None:
                continue
            feats = _features_of(coder, doc, e) if doc is not None else None
            yield {"dataset": dataset, "split": split_of(i), "correct": bool(verdict),
                   "confidence": e.confidence, "type": e.type, "status": e.status, "features": feats}


def plover_gsr(path: Path) -> Iterator[dict]:
    from forewarn.evaluate.plover_gsr import read

    rows = [(r["type"], r["text"]) for r in read(path)]
    yield from _judged("plover-gsr", rows, lambda gold, e: e.type == gold,
                       lambda i: "fit" if i % 2 == 0 else "held-out")


def conflibert_quad(path: Path) -> Iterator[dict]:
    from forewarn.evaluate.conflibert_quad import QUAD_LABEL, TYPE_LABEL, read

    rows = [(label, text) for text, label in read(path)]

    def judge(gold, e):
        return (TYPE_LABEL.get(e.type) or QUAD_LABEL.get(e.quad, "0")) == gold

    yield from _judged("conflibert-quad", rows, judge, lambda i: "fit" if i % 2 == 0 else "held-out")


def indiapolice(path: Path, split: str, limit: int | None) -> Iterator[dict]:
    from forewarn.evaluate.indiapolice import HAPPENED, _police, lethal, read

    rows = [(labels, text) for text, labels in read(path, limit)]

    def judge(gold, e):
        if e.status not in HAPPENED:
            return None
        if e.type == "COERCE" and e.mode == "arrest":
            return "ARREST" in gold
        if e.type == "ASSAULT" and _police(e):
            return ("KILL" in gold) if lethal(e) else ("FORCE" in gold)
        return None

    yield from _judged("indiapolice", rows, judge, lambda i: split)


def collect(limit: int | None) -> list[dict]:
    out: list[dict] = []
    out.extend(plover_gsr(DATA / "plover-gsr.json"))
    out.extend(conflibert_quad(DATA / "conflibert-quad-train.tsv"))
    out.extend(indiapolice(DATA / "indiapolice-sents-train.tsv", "fit", limit))
    out.extend(indiapolice(DATA / "indiapolice-sents-dev.tsv", "held-out", None))
    return out


# ---- tables ---------------------------------------------------------------------------------
def reliability(events: list[dict], bins: int, key: str = "confidence") -> tuple[list[dict], float]:
    """Equal-width bins over [0, 1]: rows of (bin, n, mean confidence, precision) and the ECE."""
    rows = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [e for e in events if lo <= e[key] < hi or (b == bins - 1 and e[key] == 1.0)]
        if not inside:
            continue
        conf = sum(e[key] for e in inside) / len(inside)
        prec = sum(e["correct"] for e in inside) / len(inside)
        rows.append({"bin": f"{lo:.1f}–{hi:.1f}", "n": len(inside), "confidence": conf, "precision": prec})
    total = sum(r["n"] for r in rows) or 1
    ece = sum(r["n"] * abs(r["precision"] - r["confidence"]) for r in rows) / total
    return rows, ece


def spearman(xs: list[float], ys: list[float]) -> float:
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        for rank, i in enumerate(order):
            r[i] = float(rank)
        return r

    if len(xs) < 2:
        return float("nan")
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    sx = math.sqrt(sum((a - mx) ** 2 for a in rx))
    sy = math.sqrt(sum((b - my) ** 2 for b in ry))
    return cov / (sx * sy) if sx and sy else float("nan")


def print_table(title: str, events: list[dict], bins: int, key: str = "confidence") -> None:
    rows, ece = reliability(events, bins, key)
    acc = sum(e["correct"] for e in events) / len(events) if events else 0.0
    rho = spearman([r["confidence"] for r in rows], [r["precision"] for r in rows])
    print(f"\n### {title}: {len(events)} events, precision {acc:.3f}, ECE {ece:.3f}, "
          f"Spearman(bin, precision) {rho:.2f}\n")
    print("| confidence | events | mean confidence | precision |")
    print("|---|---|---|---|")
    for r in rows:
        print(f"| {r['bin']} | {r['n']} | {r['confidence']:.3f} | {r['precision']:.3f} |")


def legacy(e: dict) -> float | None:
    """The hand-set score forewarn used before this bench (for the before/after table)."""
    f = e["features"]
    if not f:
        return None
    s = (0.35 + 0.2 * f["specificity"] + 0.2 * f["actor"] + 0.15 * f["recipient"] + 0.1 * f["resolved"]
         - 0.2 * f["depth"] - (0.1 if e.get("status") == "hypothetical" else 0.0))
    return round(min(max(s, 0.05), 1.0), 2)


# ---- fitting --------------------------------------------------------------------------------
def fit(events: list[dict], l2: float = 1.0, steps: int = 5000, rate: float = 0.5,
        balance: bool = False) -> dict[str, float]:
    """Logistic regression (batch gradient descent, L2 on the weights but not the bias) of
    correctness on the features; every event counts once (``balance``: data sets equally)."""
    import numpy as np

    usable = [e for e in events if e["features"]]
    names = sorted(usable[0]["features"])
    x = np.array([[e["features"][k] for k in names] for e in usable], dtype=float)
    y = np.array([1.0 if e["correct"] else 0.0 for e in usable])
    counts: dict[str, int] = {}
    for e in usable:
        counts[e["dataset"]] = counts.get(e["dataset"], 0) + 1
    sw = np.array([len(usable) / (len(counts) * counts[e["dataset"]]) if balance else 1.0 for e in usable])
    w, b = np.zeros(len(names)), 0.0
    n = sw.sum()
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = (p - y) * sw
        w -= rate * (x.T @ g / n + l2 * w / n)
        b -= rate * g.sum() / n
    return {"bias": round(float(b), 2), **{k: round(float(v), 2) for k, v in zip(names, w)}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=3000, help="IndiaPolice train sentences (fit half)")
    ap.add_argument("--bins", type=int, default=5)
    ap.add_argument("--fit", action="store_true", help="fit logistic weights on the fit half and show them")
    ap.add_argument("--legacy", action="store_true", help="also show the pre-calibration hand-set score")
    ap.add_argument("--cache", type=Path, help="JSONL of judged events: read if it exists, else written")
    args = ap.parse_args()
    if args.cache and args.cache.exists():
        events = [json.loads(line) for line in args.cache.read_text("utf-8").splitlines() if line]
    else:
        events = collect(args.limit)
        if args.cache:
            args.cache.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    for split in ("fit", "held-out"):
        part = [e for e in events if e["split"] == split]
        print_table(f"{split}, all data sets", part, args.bins)
        for ds in ("plover-gsr", "conflibert-quad", "indiapolice"):
            sub = [e for e in part if e["dataset"] == ds]
            if sub:
                print_table(f"{split}, {ds}", sub, args.bins)
    if args.legacy:
        for split in ("fit", "held-out"):
            old = [dict(e, legacy=legacy(e)) for e in events if e["split"] == split and e["features"]]
            print_table(f"{split}, all data sets, pre-calibration score", old, args.bins, key="legacy")
    if args.fit:
        from forewarn.code.confidence import score

        weights = fit([e for e in events if e["split"] == "fit"])
        print("\nfitted weights (fit half):", json.dumps(weights))
        held = [dict(e, refit=score(e["features"], weights)) for e in events
                if e["split"] == "held-out" and e["features"]]
        print_table("held-out, all data sets, refitted weights", held, args.bins, key="refit")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

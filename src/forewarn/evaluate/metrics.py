"""Measures shared by the scorers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    """Word n-grams (``\\w+`` tokens, lower-cased) as a multiset."""
    words = _WORD.findall(text.lower())
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def overlap_pr(predicted: str, gold: str, n: int = 4) -> tuple[float, float]:
    """Precision and recall of the predicted text's n-gram shingles against the gold text's."""
    p, g = shingles(predicted, n), shingles(gold, n)
    if not p and not g:
        return 1.0, 1.0
    common = sum((p & g).values())
    precision = common / sum(p.values()) if p else 0.0
    recall = common / sum(g.values()) if g else 0.0
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class MeanPR:
    """Per-item precision and recall averaged, then F1 of the means (the usual extraction score)."""

    def __init__(self) -> None:
        self.precisions: list[float] = []
        self.recalls: list[float] = []

    def add(self, precision: float, recall: float) -> None:
        self.precisions.append(precision)
        self.recalls.append(recall)

    def result(self) -> dict[str, float]:
        n = len(self.precisions) or 1
        p, r = sum(self.precisions) / n, sum(self.recalls) / n
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1(p, r), 4)}


def prf_by_class(gold: Iterable[str | None], predicted: Iterable[str | None]) -> dict[str, dict[str, float]]:
    """Per-class precision/recall/F1 for single-label items (``None`` means no label) plus macro."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, predicted):
        if g == p:
            if g is not None:
                tp[g] += 1
            continue
        if p is not None:
            fp[p] += 1
        if g is not None:
            fn[g] += 1
    out: dict[str, dict[str, float]] = {}
    for label in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        out[label] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1(p, r), 4),
                      "support": tp[label] + fn[label]}
    if out:
        out["macro"] = {k: round(sum(v[k] for v in out.values()) / len(out), 4)
                        for k in ("precision", "recall", "f1")}
    return out

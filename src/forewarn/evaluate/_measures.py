"""Counting helpers the scorers share: per-class P/R/F1 from tp/fp/fn counts, set-valued
(multi-label) items, and span matching (exact boundaries, or any overlap, one-to-one)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .metrics import f1

Span = tuple[int, int, str]  # start, end (exclusive), label


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1(p, r), 4), "support": tp + fn}


class Counts:
    """tp/fp/fn per class; ``result()`` gives each class, ``macro`` (mean over classes) and
    ``micro`` (pooled counts)."""

    def __init__(self, classes: Iterable[str] = ()) -> None:
        self.tp, self.fp, self.fn = Counter(), Counter(), Counter()
        self.classes = set(classes)

    def add(self, label: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.classes.add(label)
        self.tp[label] += tp
        self.fp[label] += fp
        self.fn[label] += fn

    def add_sets(self, gold: Iterable[str], predicted: Iterable[str]) -> None:
        """One multi-label item: each label in both is a hit, in one only a miss or a false alarm."""
        g, p = set(gold), set(predicted)
        for label in g | p:
            self.add(label, tp=int(label in g and label in p), fp=int(label in p and label not in g),
                     fn=int(label in g and label not in p))

    def result(self) -> dict[str, dict[str, float]]:
        out = {c: prf(self.tp[c], self.fp[c], self.fn[c]) for c in sorted(self.classes)}
        if out:
            out["macro"] = {k: round(sum(v[k] for v in out.values()) / len(out), 4)
                            for k in ("precision", "recall", "f1")}
            out["micro"] = prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))
        return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold: Iterable[Span], predicted: Iterable[Span], counts: Counts, *,
                overlap: bool = False) -> None:
    """Score one item's spans: a predicted span is a hit when a gold span of the same label has
    the same boundaries (or, with ``overlap``, shares a character); each gold span matches once."""
    free = list(dict.fromkeys(gold))
    for p in dict.fromkeys(predicted):
        hit = next((g for g in free if g[2] == p[2] and (overlaps(g[:2], p[:2]) if overlap else g[:2] == p[:2])),
                   None)
        if hit is None:
            counts.add(p[2], fp=1)
        else:
            free.remove(hit)
            counts.add(p[2], tp=1)
    for g in free:
        counts.add(g[2], fn=1)


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, label)`` from BIO tags (``I-`` without a ``B-`` starts a span)."""
    spans, start, label = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        kind, _, name = tag.partition("-")
        if kind in ("B", "O", "") or (kind == "I" and name != label):
            if start is not None:
                spans.append((start, i, label))
            start, label = (i, name) if kind in ("B", "I") else (None, None)
    return spans


LEADING = ("the ", "a ", "an ")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Boundaries without leading/trailing punctuation or space, or a leading article."""
    while start < end and not text[start].isalnum():
        start += 1
    lower = text[start:end].lower()
    for word in LEADING:
        if lower.startswith(word) and len(lower) > len(word):
            start += len(word)
            break
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def rate(hits: int, n: int) -> float:
    return round(hits / n, 4) if n else 0.0

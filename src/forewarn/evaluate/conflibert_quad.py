"""ConfliBERT ``cameo_class`` sentences (``sentence<TAB>label``): the five-way CAMEO grouping.

The labels follow the Phoenix / GDELT *QuadClass* numbering with a neutral class, as the
examples show: **0** neutral (CAMEO 01–02: statements, appeals, suggestions, calls to do
something), **1** verbal cooperation (03–05: intent to cooperate, meetings, visits, praise,
apologies), **2** material cooperation (06–08: aid, training, releases, lifting bans),
**3** verbal conflict (09–13: rejections, condemnations, vetoes, accusations, threats),
**4** material conflict (14–20: protests, arrests, sanctions, attacks, killings).

forewarn's prediction comes from the sentence's top event (see ``plover_gsr``): REQUEST (the
PLOVER type of CAMEO 02, *appeal*) → 0; otherwise the event's PLOVER quad (verbal-cooperation
→ 1, material-cooperation → 2, verbal-conflict → 3, material-conflict → 4). PLOVER files the
CAMEO 01 statements under no type, so a sentence with no event is predicted 0 (neutral); the
share of sentences with an event is reported as ``coded``. A header line, if any, is skipped.

Headline: ``macro_f1`` over the five classes; ``accuracy`` and per-class P/R/F1 alongside.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ._coding import coded, top_event
from ._measures import rate
from .metrics import prf_by_class
from .registry import EvalResult

NAMES = {"0": "0-neutral", "1": "1-verbal-cooperation", "2": "2-material-cooperation",
         "3": "3-verbal-conflict", "4": "4-material-conflict"}
QUAD_LABEL = {"verbal-cooperation": "1", "material-cooperation": "2", "verbal-conflict": "3",
              "material-conflict": "4"}
TYPE_LABEL = {"REQUEST": "0"}


def read(path: Path, limit: int | None = None) -> list[tuple[str, str]]:
    out = []
    with path.open(encoding="utf-8", newline=None) as handle:
        for line in handle:
            text, _, label = line.rstrip("\r\n").rpartition("\t")
            label = label.strip()
            if not text.strip() or label not in NAMES:
                continue
            out.append((text.strip(), label))
            if limit is not None and len(out) >= limit:
                break
    return out


def predict(events) -> str:
    top = top_event(events)
    if top is None:
        return "0"
    return TYPE_LABEL.get(top.type) or QUAD_LABEL.get(top.quad, "0")


def score(path: Path, *, limit: int | None = None, **_: Any) -> EvalResult:
    rows = read(path, limit)
    gold, predicted, with_event = [], [], 0
    for label, _a, _d, events in coded(((label, text) for text, label in rows)):
        gold.append(NAMES[label])
        predicted.append(NAMES[predict(events)])
        with_event += bool(events)
    by_class = prf_by_class(gold, predicted)
    metrics = {"accuracy": rate(sum(g == p for g, p in zip(gold, predicted)), len(gold)),
               "macro_f1": by_class.get("macro", {}).get("f1", 0.0),
               "coded": rate(with_event, len(gold)), "by_class": by_class}
    return EvalResult("conflibert-quad", str(path), len(gold), "macro_f1", metrics["macro_f1"], metrics)

"""PolNeAR attribution (a split folder with ``text/*.txt`` and BRAT ``attributions/*.ann``):
source span P/R/F1 of forewarn's attribution against the gold Sources.

An annotation file is named after its text plus an annotator suffix (``…_ef2d.ann`` for
``….txt``); when a text has several, the first in sorted order is the gold. BRAT lines:
``T1<TAB>Source 89 106<TAB>The New York Post`` (discontinuous spans ``s e;s e`` are taken from
the first start to the last end) and ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``.

Each text is coded as it is (no cleaning, so offsets hold); forewarn's predicted sources are
the distinct spans of the ``attribution`` actors of all its events. Matching: ``exact`` (same
span after trimming punctuation and a leading article) and ``overlap``; one-to-one.

forewarn only attributes the events it codes, so recall is bounded by event coverage. The
``reachable`` figures keep only the gold relations whose Content holds the trigger of a coded
event: the attribution step measured on its own.

Headline: ``source_f1_exact``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._coding import coded
from ._measures import Counts, match_spans, overlaps, trim
from .registry import EvalResult

_SUFFIX = re.compile(r"_[0-9a-f]{4}$")


def parse_ann(text: str) -> tuple[dict[str, tuple[str, int, int]], list[dict[str, str]]]:
    """Text-bound annotations ``{id: (label, start, end)}`` and relations ``[{role: id}]``."""
    spans: dict[str, tuple[str, int, int]] = {}
    relations = []
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T"):
            label, _, where = fields[1].partition(" ")
            try:
                pieces = [tuple(map(int, p.split())) for p in where.split(";")]
                spans[fields[0]] = (label, pieces[0][0], pieces[-1][1])
            except (ValueError, IndexError):
                continue
        elif fields[0].startswith("E"):
            relations.append(dict(p.split(":", 1) for p in fields[1].split() if ":" in p))
    return spans, relations


def splits(path: Path) -> list[Path]:
    if (path / "text").is_dir():
        return [path]
    return sorted(p for p in path.iterdir() if (p / "text").is_dir())


def documents(path: Path, limit: int | None = None) -> Iterator[tuple[str, str]]:
    """``(text, annotation)`` pairs."""
    n = 0
    for split in splits(path):
        chosen: dict[str, Path] = {}
        for ann in sorted((split / "attributions").glob("*.ann")):
            chosen.setdefault(_SUFFIX.sub("", ann.stem), ann)
        for stem, ann in sorted(chosen.items()):
            text_file = split / "text" / f"{stem}.txt"
            if not text_file.is_file():
                continue
            yield text_file.read_text("utf-8"), ann.read_text("utf-8")
            n += 1
            if limit is not None and n >= limit:
                return


def gold_sources(text: str, ann: str) -> tuple[list[tuple[int, int, str]], list[tuple[tuple[int, int, str], tuple[int, int]]]]:
    spans, relations = parse_ann(ann)
    sources = {tid: (*trim(text, s, e), "source") for tid, (label, s, e) in spans.items() if label == "Source"}
    pairs = []
    for rel in relations:
        src, content = sources.get(rel.get("Source", "")), spans.get(rel.get("Content", ""))
        if src and content:
            pairs.append((src, content[1:]))
    return list(sources.values()), pairs


def score(path: Path, *, limit: int | None = None, **_: Any) -> EvalResult:
    docs = list(documents(path, limit))
    counts = {how: Counts(["source"]) for how in ("exact", "overlap", "reachable_exact", "reachable_overlap")}
    gold_total = 0
    for (gold, pairs), art, _d, events in coded(((gold_sources(t, a), t) for t, a in docs), batch=8):
        text = art.body
        predicted = list(dict.fromkeys((*trim(text, a.start, a.end), "source") for e in events
                                       for a in e.attribution if a.start is not None and a.end is not None))
        gold_total += len(gold)
        match_spans(gold, predicted, counts["exact"])
        match_spans(gold, predicted, counts["overlap"], overlap=True)
        triggers = [(e.evidence.trigger_start, e.evidence.trigger_end) for e in events]
        reachable = list(dict.fromkeys(src for src, content in pairs if any(overlaps(t, content) for t in triggers)))
        match_spans(reachable, predicted, counts["reachable_exact"])
        match_spans(reachable, predicted, counts["reachable_overlap"], overlap=True)
    metrics: dict[str, Any] = {how: c.result()["source"] for how, c in counts.items()}
    metrics["source_f1_exact"] = metrics["exact"]["f1"]
    metrics["source_f1_overlap"] = metrics["overlap"]["f1"]
    metrics["gold_sources"] = gold_total
    return EvalResult("polnear", str(path), len(docs), "source_f1_exact", metrics["source_f1_exact"], metrics)

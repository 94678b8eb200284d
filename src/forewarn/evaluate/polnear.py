"""PolNeAR attribution (a split folder with ``text/*.txt`` and BRAT ``attributions/*.ann``):
forewarn's attribution finder (``forewarn.code.attribution.find_attributions``, run on every
sentence, independent of events) against the gold Source / Cue / Content spans.

An annotation file is named after its text plus an annotator suffix (``…_ef2d.ann`` for
``….txt``); when a text has several, the first in sorted order is the gold. BRAT lines:
``T1<TAB>Source 89 106<TAB>The New York Post`` (discontinuous spans ``s e;s e`` are taken from
the first start to the last end) and ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``.

Each text is parsed as it is (no cleaning, so offsets hold). Spans of each role are compared as
distinct spans per document, one-to-one: ``exact`` (same boundaries after trimming edge
punctuation and a leading article) and ``overlap`` (any shared character). Reported: source
exact and overlap P/R/F1; cue and content overlap P/R/F1 as extra figures.

Headline: ``source_f1_exact``, the strict span match that the attribution literature (PARC,
PolNeAR) reports first; ``source_f1_overlap`` (partial match) is reported beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._measures import Counts, match_spans, trim
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


def gold_spans(text: str, ann: str) -> dict[str, list[tuple[int, int, str]]]:
    """Distinct trimmed gold spans by role: ``{"source": [...], "cue": [...], "content": [...]}``."""
    spans, _relations = parse_ann(ann)
    out: dict[str, list[tuple[int, int, str]]] = {"source": [], "cue": [], "content": []}
    for label, s, e in spans.values():
        role = label.lower()
        if role in out:
            out[role].append((*trim(text, s, e), role))
    return {role: list(dict.fromkeys(v)) for role, v in out.items()}


def gold_sources(text: str, ann: str) -> list[tuple[int, int, str]]:
    return gold_spans(text, ann)["source"]


def predicted_spans(text: str, doc: Any) -> dict[str, list[tuple[int, int, str]]]:
    from ..code.attribution import find_attributions

    out: dict[str, list[tuple[int, int, str]]] = {"source": [], "cue": [], "content": []}
    for a in find_attributions(doc):
        if a.nested:  # PolNeAR marks top-level attributions (reported speech within a quote: rarely)
            continue
        for role in out:
            where = getattr(a, role)
            if where is not None:
                out[role].append((*trim(text, *where), role))
    return {role: list(dict.fromkeys(v)) for role, v in out.items()}


_MEASURES = (("source", "exact"), ("source", "overlap"), ("cue", "overlap"), ("content", "overlap"))


def score(path: Path, *, limit: int | None = None, **_: Any) -> EvalResult:
    from ..annotate import load_nlp

    docs = list(documents(path, limit))
    counts = {f"{role}_{how}": Counts([role]) for role, how in _MEASURES}
    gold_total = 0
    nlp = load_nlp("auto")
    for (text, ann), doc in zip(docs, nlp.pipe((t for t, _ in docs), batch_size=8)):
        gold, predicted = gold_spans(text, ann), predicted_spans(text, doc)
        gold_total += len(gold["source"])
        for role, how in _MEASURES:
            match_spans(gold[role], predicted[role], counts[f"{role}_{how}"], overlap=how == "overlap")
    metrics: dict[str, Any] = {name: c.result()[name.split("_")[0]] for name, c in counts.items()}
    metrics["exact"], metrics["overlap"] = metrics["source_exact"], metrics["source_overlap"]
    metrics["source_f1_exact"] = metrics["source_exact"]["f1"]
    metrics["source_f1_overlap"] = metrics["source_overlap"]["f1"]
    metrics["cue_f1_overlap"] = metrics["cue_overlap"]["f1"]
    metrics["content_f1_overlap"] = metrics["content_overlap"]["f1"]
    metrics["gold_sources"] = gold_total
    return EvalResult("polnear", str(path), len(docs), "source_f1_exact", metrics["source_f1_exact"], metrics)

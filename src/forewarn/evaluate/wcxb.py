"""WCXB article pages: body, title and date extraction, HTML and flattened plain text,
with trafilatura's own output scored side by side in the same run.

Layout: ``PATH/html/NNNN.html.gz`` and ``PATH/ground-truth/NNNN.json`` (``ground_truth``:
``title``, ``publish_date``, ``main_content``). Body score: 4-gram shingles of ``\\w+`` tokens,
precision and recall per page averaged, F1 of the means.
"""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path
from typing import Any

from ..clean import clean_html, clean_text
from ..clean.blocks import visible_blocks
from .metrics import MeanPR, overlap_pr
from .registry import EvalResult


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


class _Dates:
    def __init__(self) -> None:
        self.exact = self.wrong = self.missing = self.spurious = self.correct_none = 0

    def add(self, predicted: str | None, gold: str | None) -> None:
        predicted = (predicted or "")[:10] or None
        gold = (gold or "")[:10] or None
        if gold is None:
            if predicted is None:
                self.correct_none += 1
            else:
                self.spurious += 1
        elif predicted is None:
            self.missing += 1
        elif predicted == gold:
            self.exact += 1
        else:
            self.wrong += 1

    def result(self) -> dict[str, int]:
        return {"exact": self.exact, "wrong": self.wrong, "missing": self.missing,
                "spurious": self.spurious, "correct_none": self.correct_none}


def _pages(path: Path, limit: int | None):
    truth = sorted((path / "ground-truth").glob("*.json"))
    for n, gt_file in enumerate(truth):
        if limit is not None and n >= limit:
            return
        page = path / "html" / f"{gt_file.stem}.html.gz"
        if not page.exists():
            continue
        record = json.loads(gt_file.read_text("utf-8"))
        html = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
        yield record.get("url"), html, record["ground_truth"]


def score(path: Path, *, limit: int | None = None, baseline: bool = True) -> EvalResult:
    systems = ["forewarn-html", "forewarn-text", "all-lines"] + (["trafilatura"] if baseline else [])
    body = {s: MeanPR() for s in systems}
    titles = {s: 0 for s in ("forewarn-html", "trafilatura")}
    dates = {s: _Dates() for s in ("forewarn-html", "trafilatura")}
    seconds = {s: 0.0 for s in systems}
    cpu = {s: 0.0 for s in systems}
    flagged = 0
    n = 0
    for url, html, gold in _pages(path, limit):
        n += 1
        gold_body = gold.get("main_content") or ""
        t, c = time.perf_counter(), time.process_time()
        ours = clean_html(html, url=url)
        seconds["forewarn-html"] += time.perf_counter() - t
        cpu["forewarn-html"] += time.process_time() - c
        flagged += "not-an-article" in ours.flags
        body["forewarn-html"].add(*overlap_pr(ours.body, gold_body))
        titles["forewarn-html"] += _norm(ours.title) == _norm(gold.get("title"))
        dates["forewarn-html"].add(ours.published.isoformat() if ours.published else None, gold.get("publish_date"))

        flat = "\n".join(visible_blocks(html))
        body["all-lines"].add(*overlap_pr(flat, gold_body))
        t, c = time.perf_counter(), time.process_time()
        text = clean_text(flat)
        seconds["forewarn-text"] += time.perf_counter() - t
        cpu["forewarn-text"] += time.process_time() - c
        # The plain-text cleaner moves the title out of the body; score the body it keeps.
        body["forewarn-text"].add(*overlap_pr(text.body, gold_body))

        if baseline:
            t, c = time.perf_counter(), time.process_time()
            theirs = _trafilatura(html, url)
            seconds["trafilatura"] += time.perf_counter() - t
            cpu["trafilatura"] += time.process_time() - c
            body["trafilatura"].add(*overlap_pr(theirs["body"], gold_body))
            titles["trafilatura"] += _norm(theirs["title"]) == _norm(gold.get("title"))
            dates["trafilatura"].add(theirs["date"], gold.get("publish_date"))
    metrics: dict[str, Any] = {
        "body": {s: m.result() for s, m in body.items()},
        "title_exact": {s: round(v / max(n, 1), 4) for s, v in titles.items() if s in body},
        "date": {s: d.result() for s, d in dates.items() if s in body},
        "pages_per_second": {s: round(n / v, 1) if v else None for s, v in seconds.items() if s != "all-lines"},
        # CPU time of this process only: the one-core figure, steady on a shared machine.
        "cpu_pages_per_second": {s: round(n / v, 1) if v else None for s, v in cpu.items()
                                 if s != "all-lines"},
        # Every WCXB page is an article: each flag here is a false alarm.
        "flagged_not_an_article": {"forewarn-html": flagged},
    }
    return EvalResult("wcxb", str(path), n, "body_f1", metrics["body"]["forewarn-html"]["f1"], metrics)


def _trafilatura(html: str, url: str | None) -> dict[str, Any]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    except Exception:  # noqa: BLE001 - a baseline failure scores as an empty page
        doc = None
    if doc is None:
        return {"body": "", "title": None, "date": None}
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    return {"body": get("text") or "", "title": get("title"), "date": get("date")}

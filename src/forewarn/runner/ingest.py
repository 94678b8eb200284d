"""Ingest into a store: clean in batches, dedupe against the store, code in batches, store.

Stages 1 (clean) and 3 (code) run in the :class:`BatchRunner` — in this process or in worker
processes — while stage 2 (dedupe) and storing run here, in the one process that writes the
store. Each article is committed with its events in one transaction, so a run killed at any
moment and started again skips what was committed (by the raw input's hash), loses nothing and
stores nothing twice.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..dedupe import jaccard, signature
from ..dedupe.minhash import NEAR_DUPLICATE
from ..models import RawItem, Reject
from ..pipeline import site_key
from .report import Report
from .pool import BatchRunner, clean_batch, code_batch, crashed_reject

__all__ = ["Ingestor", "Report", "input_bytes"]

#: A line seen in this many stored articles of one site is treated as that site's boilerplate.
BOILERPLATE_MIN_ARTICLES = 3


def input_bytes(inputs: Iterable[Any]) -> int | None:
    """Total size of the file inputs (for an ETA); None when an input has no size (stdin, URLs)."""
    total = 0
    for spec in inputs:
        if not isinstance(spec, str) or spec == "-" or "://" in spec:
            return None
        path = Path(spec)
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            for root, _, files in os.walk(path):
                total += sum(os.stat(os.path.join(root, f)).st_size for f in files)
    return total


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


class Ingestor:
    """One ingest run into one store."""

    def __init__(self, pipeline, store, *, published: dt.date | None = None, workers: int = 1,
                 batch_size: int = 32, on_progress: Callable[[Report], None] | None = None) -> None:
        self.pipeline, self.store, self.published = pipeline, store, published
        self.workers, self.batch_size, self.on_progress = workers, batch_size, on_progress
        self.report = Report()
        self._known: dict[str, frozenset[str]] = {}
        # cleaned but not yet stored (a few batches at most): copies among them are found too
        self._pending: dict[str, Any] = {}

    def run(self, inputs: Iterable[str | RawItem]) -> Report:
        inputs = list(inputs)
        self.report.bytes_total = input_bytes(inputs)
        with BatchRunner(self.pipeline.settings, self.workers, local=self.pipeline) as runner:
            cleaned = runner.map(clean_batch, self._clean_jobs(inputs), crashed_reject(_raw_label))
            coded = runner.map(code_batch, self._code_jobs(cleaned), crashed_reject(_cleaning_label))
            for results, batch in coded:
                self._store(batch, results)
        return self.report

    # -- stage 1: raw items → clean jobs --------------------------------------------------
    def _raw(self, inputs: list[str | RawItem]) -> Iterator[RawItem | Reject]:
        for spec in inputs:
            if isinstance(spec, RawItem):
                yield spec
            else:
                yield from self.pipeline.inputs([spec])

    def _fresh(self, inputs: list[str | RawItem]) -> Iterator[RawItem]:
        for item in self._raw(inputs):
            self.report.inputs += 1
            if isinstance(item, Reject):
                self._reject(item)
                continue
            self.report.bytes_done += len(item.data)
            if self.store.find_article(raw_sha256=item.sha256):
                self.report.duplicates += 1
                self._notify()
                continue
            yield item

    def _clean_jobs(self, inputs: list[str | RawItem]) -> Iterator[tuple[list[RawItem], tuple]]:
        for batch in _chunks(self._fresh(inputs), self.batch_size):
            sites = {site_key(item) for item in batch}
            yield batch, (self.published, {site: self._boilerplate(site) for site in sites})

    def _boilerplate(self, site: str) -> frozenset[str]:
        if site not in self._known:
            self._known[site] = self.store.boilerplate(site, BOILERPLATE_MIN_ARTICLES)
        return self._known[site]

    # -- stage 2: dedupe here, then code jobs ---------------------------------------------
    def _unseen(self, cleaned: Iterator[tuple[list, list]]) -> Iterator[Any]:
        for results, _ in cleaned:
            for c in results:
                if isinstance(c, Reject):
                    self._reject(c)
                    continue
                if self.store.find_article(body_sha256=c.article.body_sha256):
                    self.report.duplicates += 1
                    self._notify()
                    continue
                c.sig = signature(c.article.body)
                c.article.duplicate_of = self.store.near_duplicate(c.sig) or next(
                    (aid for aid, sig in self._pending.items() if jaccard(c.sig, sig) >= NEAR_DUPLICATE), None)
                if not c.article.duplicate_of:
                    self._pending[c.article.id] = c.sig
                yield c

    def _code_jobs(self, cleaned: Iterator[list]) -> Iterator[tuple[list, tuple]]:
        for batch in _chunks(self._unseen(cleaned), self.batch_size):
            yield batch, ()

    # -- stage 3 results: store -------------------------------------------------------------
    def _store(self, batch: list, results: list) -> None:
        for cleaning, result in zip(batch, results):
            self._pending.pop(cleaning.article.id, None)
            if isinstance(result, Reject):
                self._reject(result)
                continue
            article = cleaning.article
            if self.store.add(article, result, kind=cleaning.kind, source_id=cleaning.source_id,
                              sig=cleaning.sig):
                self.report.articles += 1
                self.report.near_duplicates += bool(article.duplicate_of)
                self.report.events += len(result)
                site = cleaning.site_key
                self.store.remember_lines(site, cleaning.cleaned.lines)
                self._known.pop(site, None)
            else:
                self.report.duplicates += 1
            self._notify()

    def _reject(self, reject: Reject) -> None:
        self.report.rejects.append(reject)
        self.store.add_reject(reject)
        self._notify()

    def _notify(self) -> None:
        if self.on_progress:
            self.on_progress(self.report)


def _raw_label(item: RawItem) -> str:
    return item.origin.label()


def _cleaning_label(cleaning: Any) -> str:
    return cleaning.article.origin.label()

"""Ingest into a store: clean in batches, dedupe against the store, code in batches, store.

Stages 1 (clean) and 3 (code) run in the :class:`BatchRunner` — in this process or in worker
processes — while stage 2 (dedupe) and storing run here, in the one process that writes the
store. Each article is committed with its events in one transaction, so a run killed at any
moment and started again skips what was committed (by the raw input's hash), loses nothing and
stores nothing twice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import itertools
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb

from ..dedupe import jaccard, signature
from ..errors import OutOfSpace
from ..dedupe.minhash import NEAR_DUPLICATE
from ..models import RawItem, Reject
from ..store.write import StoredArticle
from ..pipeline import site_key
from .report import Report
from .pool import BatchRunner, clean_batch, code_batch, crashed_reject

__all__ = ["Ingestor", "Report", "input_bytes"]

log = logging.getLogger(__name__)

#: A line seen in this many stored articles of one site is treated as that site's boilerplate.
BOILERPLATE_MIN_ARTICLES = 3
#: Articles per job sent to a pool worker. Smaller than a store batch so that the last jobs of a
#: run (or of a slow stretch) spread over all workers instead of leaving one core idle while
#: another finishes a long batch. A job costs one round trip between processes, small beside
#: parsing 8 full-length articles.
POOL_JOB_SIZE = 8


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
        # the size of a job for the runner; results are stored ``batch_size`` at a time whatever it is
        self.job_size = batch_size if workers <= 1 else max(1, min(batch_size, POOL_JOB_SIZE))
        self.report = Report()
        self._known: dict[str, frozenset[str]] = {}
        # cleaned but not yet stored (a few batches at most): copies among them are found too
        self._pending: dict[str, Any] = {}
        self._unsaved: list[Reject] = []  # rejects not written yet (written a batch at a time)

    def run(self, inputs: Iterable[str | RawItem]) -> Report:
        inputs = list(inputs)
        self.report.bytes_total = input_bytes(inputs)
        with BatchRunner(self.pipeline.settings, self.workers, local=self.pipeline) as runner:
            cleaned = runner.map(clean_batch, self._clean_jobs(inputs), crashed_reject(_raw_label))
            coded = runner.map(code_batch, self._code_jobs(cleaned), crashed_reject(_cleaning_label))
            try:
                done: list = []
                for results, batch in coded:
                    done.extend(zip(batch, results))
                    if len(done) >= self.batch_size:  # one transaction per store batch, not per job
                        self._store(done)
                        done = []
                if done:
                    self._store(done)
            finally:
                self._save_rejects()
        return self.report

    # -- stage 1: raw items → clean jobs --------------------------------------------------
    def _raw(self, inputs: list[str | RawItem]) -> Iterator[RawItem | Reject]:
        for spec in inputs:
            if isinstance(spec, RawItem):
                yield spec
            else:
                yield from self.pipeline.inputs([spec])

    def _fresh(self, inputs: list[str | RawItem]) -> Iterator[list[RawItem]]:
        """Batches of raw items not stored yet (one look-up per batch)."""
        for chunk in _chunks(self._raw(inputs), self.job_size):
            items = []
            for item in chunk:
                self.report.inputs += 1
                if isinstance(item, Reject):
                    self._reject(item)
                else:
                    self.report.bytes_done += len(item.data)
                    items.append(item)
            stored = self.store.stored_raw([i.sha256 for i in items]) if items else set()
            self.report.duplicates += sum(i.sha256 in stored for i in items)
            if fresh := [i for i in items if i.sha256 not in stored]:
                yield fresh
            self._notify()

    def _clean_jobs(self, inputs: list[str | RawItem]) -> Iterator[tuple[list[RawItem], tuple]]:
        for batch in self._fresh(inputs):
            sites = {site_key(item) for item in batch}
            yield batch, (self.published, {site: self._boilerplate(site) for site in sites})

    def _boilerplate(self, site: str) -> frozenset[str]:
        if site not in self._known:
            self._known[site] = self.store.boilerplate(site, BOILERPLATE_MIN_ARTICLES)
        return self._known[site]

    # -- stage 2: dedupe here, then code jobs ---------------------------------------------
    def _unseen(self, cleaned: Iterator[tuple[list, list]]) -> Iterator[Any]:
        """Cleaned articles that are not exact copies of stored ones; near copies are linked."""
        for results, _ in cleaned:
            cleanings = []
            for c in results:
                if isinstance(c, Reject):
                    self._reject(c)
                else:
                    cleanings.append(c)
            if not cleanings:
                continue
            stored = self.store.stored_bodies([c.article.body_sha256 for c in cleanings])
            self.report.duplicates += sum(c.article.body_sha256 in stored for c in cleanings)
            cleanings = [c for c in cleanings if c.article.body_sha256 not in stored]
            for c in cleanings:
                c.sig = signature(c.article.body)
            for c, copy_of in zip(cleanings, self.store.near_duplicates([c.sig for c in cleanings])):
                c.article.duplicate_of = copy_of or next(
                    (aid for aid, sig in self._pending.items() if jaccard(c.sig, sig) >= NEAR_DUPLICATE), None)
                if not c.article.duplicate_of:
                    self._pending[c.article.id] = c.sig
                yield c

    def _code_jobs(self, cleaned: Iterator[list]) -> Iterator[tuple[list, tuple]]:
        for batch in _chunks(self._unseen(cleaned), self.job_size):
            yield batch, ()

    # -- stage 3 results: store -------------------------------------------------------------
    def _store(self, done: list[tuple[Any, Any]]) -> None:
        """Store ``(cleaning, result)`` pairs in one transaction."""
        entries: list[StoredArticle] = []
        for cleaning, result in done:
            self._pending.pop(cleaning.article.id, None)
            if isinstance(result, Reject):
                self._reject(result)
                continue
            copy = bool(cleaning.article.duplicate_of)
            # a copy's lines would teach its story to the boilerplate memory
            entries.append(StoredArticle(cleaning.article, result, cleaning.kind, cleaning.source_id,
                                         cleaning.sig, () if copy else cleaning.cleaned.lines,
                                         cleaning.site_key))
        with _stop_cleanly_when_full():
            written = self.store.add_many(entries)
        for entry, new in zip(entries, written):
            if new:
                self.report.articles += 1
                self.report.near_duplicates += bool(entry.article.duplicate_of)
                self.report.events += len(entry.events)
                self._known.pop(entry.site_key, None)
            else:
                self.report.duplicates += 1
        self._save_rejects()
        log.info("committed %d articles (%d in all, %d events, %d rejected)", sum(new for new in written),
                 self.report.articles, self.report.events, len(self.report.rejects))
        self._notify()

    def _reject(self, reject: Reject) -> None:
        self.report.rejects.append(reject)
        self._unsaved.append(reject)
        if len(self._unsaved) >= self.batch_size:
            self._save_rejects()

    def _save_rejects(self) -> None:
        with _stop_cleanly_when_full():
            self.store.add_rejects(self._unsaved)
        self._unsaved.clear()

    def _notify(self) -> None:
        if self.on_progress:
            self.on_progress(self.report)


@contextlib.contextmanager
def _stop_cleanly_when_full() -> Iterator[None]:
    """A full disk stops the run with a clear error; the batch being written was rolled back."""
    try:
        yield
    except (OSError, duckdb.Error) as exc:
        if getattr(exc, "errno", None) == errno.ENOSPC or "no space left" in str(exc).lower():
            raise OutOfSpace("the disk is full; the run stopped and nothing was half-written: free some "
                             "space and run the same command again to go on") from None
        raise


def _raw_label(item: RawItem) -> str:
    return item.origin.label()


def _cleaning_label(cleaning: Any) -> str:
    return cleaning.article.origin.label()

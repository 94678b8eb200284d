"""Run pipeline stages over batches: in this process, or in a pool of worker processes.

Each worker builds one :class:`~forewarn.pipeline.Pipeline` (so the spaCy model is loaded once
per worker) and runs the same per-batch functions as the serial path. Results come back in
submission order, with at most ``2 × workers`` batches in flight per stage, so memory stays flat
whatever the input size. A worker that dies (a segfault, the OOM killer) costs only the item that
killed it: the pool is rebuilt, the batch is retried one item at a time, and the item that kills
a worker again becomes a ``worker-crashed`` reject.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from ..config import Settings
from ..models import Reject

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["BatchRunner", "default_workers"]

_PIPELINE = None  # the worker's own pipeline

#: Thread-pool sizes of the numeric libraries, pinned to 1 in workers: a pool already runs one
#: process per core, and a BLAS/OpenMP pool per worker would oversubscribe the cores.
ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
              "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def _pin_worker_threads() -> None:
    """Make processes started from now on run their numeric libraries single-threaded (a value
    the user set is kept). Spawned workers read these when they load the libraries."""
    for name in ONE_THREAD:
        os.environ.setdefault(name, "1")


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _init_worker(settings: Settings) -> None:
    global _PIPELINE
    from ..pipeline import Pipeline

    _PIPELINE = Pipeline(settings)


def _pipeline():
    if _PIPELINE is None:  # serial runs and tests call the stage functions in-process
        raise RuntimeError("worker pipeline not initialised")
    return _PIPELINE


def clean_batch(items: list, published: dt.date | None, known: dict[str, frozenset[str]]) -> list:
    """Stage 1 in a worker: decode and clean raw items, with each site's learned boilerplate."""
    return _pipeline().clean_items(items, published=published, known=known)


def code_batch(cleanings: list) -> list:
    """Stage 2 in a worker: parse and code cleaned articles."""
    _crash_hook(cleanings)
    return _pipeline().code_cleanings(cleanings)


def _crash_hook(cleanings: list) -> None:
    # Test hook: FOREWARN_TEST_CRASH_MARKER makes a worker die (as a segfault would) on an article
    # whose body contains the marker, to test that a crash costs that article only.
    marker = os.environ.get("FOREWARN_TEST_CRASH_MARKER")
    if marker and any(marker in c.article.body for c in cleanings):
        os._exit(70)


class BatchRunner:
    """Maps per-batch functions over batches, serially (``workers=1``) or in a process pool."""

    def __init__(self, settings: Settings, workers: int = 1, local=None) -> None:
        self.settings = settings
        self.local = local  # the caller's pipeline, used when running in this process
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        self.restarts = 0

    # -- pool lifecycle -------------------------------------------------------------------
    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # fork would copy a loaded model and DuckDB's threads; spawn starts clean workers
            context = multiprocessing.get_context("spawn")
            _pin_worker_threads()
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init_worker,
                                             initargs=(self.settings,))
        return self._pool

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None
        self.restarts += 1

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "BatchRunner":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- mapping --------------------------------------------------------------------------
    def map(self, fn: Callable[..., list[R]], batches: Iterable[tuple[list[T], tuple]],
            crashed: Callable[[T], R]) -> Iterator[tuple[list[R], list[T]]]:
        """Yield ``(fn(batch, *args), batch)`` for each ``(batch, args)``, in order.

        ``crashed(item)`` makes the result for an item whose processing killed its worker.
        """
        it = iter(batches)
        head = list(itertools.islice(it, 2))
        if self.workers == 1 or len(head) < 2:  # one batch is not worth starting a pool for
            yield from self._serial(fn, itertools.chain(head, it))
            return
        it = itertools.chain(head, it)
        pending: collections.deque[tuple[list[T], tuple, Future]] = collections.deque()
        limit = 2 * self.workers
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                nxt = next(it, None)
                if nxt is None:
                    exhausted = True
                    break
                batch, args = nxt
                pending.append((batch, args, self._executor().submit(fn, batch, *args)))
            if not pending:
                return
            batch, args, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                self._restart()
                result = self._one_by_one(fn, batch, args, crashed)
                # every batch in flight died with the pool: submit them again
                pending = collections.deque(
                    (b, a, self._executor().submit(fn, b, *a)) for b, a, _ in pending)
            yield result, batch

    def _serial(self, fn: Callable[..., list[R]],
                batches: Iterable[tuple[list[T], tuple]]) -> Iterator[tuple[list[R], list[T]]]:
        global _PIPELINE
        if self.local is not None:
            _PIPELINE = self.local
        elif _PIPELINE is None:
            _init_worker(self.settings)
        for batch, args in batches:
            yield fn(batch, *args), batch

    def _one_by_one(self, fn: Callable[..., list[R]], batch: list[T], args: tuple,
                    crashed: Callable[[T], R]) -> list[R]:
        results: list[R] = []
        for item in batch:
            try:
                results.extend(self._executor().submit(fn, [item], *args).result())
            except BrokenProcessPool:
                self._restart()
                results.append(crashed(item))
        return results


def crashed_reject(label: Callable[[Any], str]) -> Callable[[Any], Reject]:
    def make(item: Any) -> Reject:
        return Reject(label(item), "worker-crashed", "the worker process died while handling this input")
    return make

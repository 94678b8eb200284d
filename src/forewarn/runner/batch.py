"""Bulk runs: ``forewarn batch INPUT... --out DIR``.

The run ingests into ``DIR/forewarn.duckdb`` (its ledger: what was committed is skipped when
the same command runs again after a crash, and dedupe spans the whole corpus), then writes
Parquet partitions that other tools read:

- ``DIR/events/year=YYYY/month=MM/part-N.parquet`` — one row per event, the schema documented
  in :mod:`forewarn.export.parquet`, partitioned by the article's publication month
  (``year=unknown`` when there is none);
- ``DIR/rejects.parquet`` — every rejected input with its reason.

The partitions are written to a temporary folder and swapped in with a rename, so a reader
never sees half a dataset and a killed export leaves the previous one whole.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from ..export.parquet import to_arrow
from ..models import RawItem
from ..render import event_record
from ..store import EventFilter, Store
from .report import Report

__all__ = ["export_partitions", "run_batch"]

PAGE = 20_000


def _with_partition_columns(table: pa.Table) -> pa.Table:
    published = table.column("article_published").to_pylist()
    years = [f"{d.year:04d}" if d else "unknown" for d in published]
    months = [f"{d.month:02d}" if d else "unknown" for d in published]
    return table.append_column("year", pa.array(years)).append_column("month", pa.array(months))


def export_partitions(store: Store, out: Path, page: int = PAGE) -> int:
    """Write the store's events as Parquet partitions under ``out/events``; returns the row count."""
    tmp = out / ".events.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    rows, offset, part = 0, 0, 0
    while True:
        found = store.events(EventFilter(sort="published", limit=page, offset=offset))
        if not found:
            break
        refs = store.article_refs(e.article_id for e in found)
        table = _with_partition_columns(to_arrow(event_record(e, refs.get(e.article_id)) for e in found))
        ds.write_dataset(table, tmp, format="parquet", partitioning=["year", "month"],
                         partitioning_flavor="hive", basename_template=f"part-{part}-{{i}}.parquet",
                         existing_data_behavior="overwrite_or_ignore")
        rows += table.num_rows
        offset += page
        part += 1
    rejects = store.rejects()
    pq.write_table(pa.Table.from_pylist(
        [{"input": r.input, "reason": r.reason, "detail": r.detail, "at": r.at} for r in rejects],
        schema=pa.schema([("input", pa.string()), ("reason", pa.string()), ("detail", pa.string()),
                          ("at", pa.timestamp("us", tz="UTC"))])), tmp / "rejects.parquet")
    final, old = out / "events", out / ".events.old"
    shutil.rmtree(old, ignore_errors=True)
    (tmp / "rejects.parquet").replace(out / "rejects.parquet")
    if final.exists():
        final.rename(old)
    tmp.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    return rows


def run_batch(pipeline, inputs: Iterable[str | RawItem], out: Path, *, workers: int = 1,
              published: dt.date | None = None, on_progress: Callable[[Report], None] | None = None) -> Report:
    """Ingest the inputs into ``out/forewarn.duckdb`` and write the Parquet partitions."""
    out.mkdir(parents=True, exist_ok=True)
    with Store.open(out / "forewarn.duckdb") as store:
        report = pipeline.ingest(inputs, store, published=published, workers=workers, on_progress=on_progress)
        export_partitions(store, out)
    return report

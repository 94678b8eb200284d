"""The same job on Ray Data: ``forewarn batch INPUT... --out DIR --engine ray``.

Input files (folders expanded) become a dataset of paths; a ``flat_map`` reads each file with
forewarn's own readers (WARC streamed record by record, JSON/JSONL, Parquet record shards, feeds,
pages); ``map_batches`` runs :class:`CodeBatch` — an actor pool in which each actor loads the
spaCy model once and runs the very clean-and-code functions of the local engine — and the
results are written as Parquet: ``DIR/events/`` in the schema of :mod:`forewarn.export.parquet`
and ``DIR/rejects/``.

Differences from the local engine, by design: there is no central store, so copies are not
deduplicated across shards, and a crashed run is restarted whole (Ray retries failed tasks).
To use an existing cluster, pass ``--address ray://HEAD:10001`` (or ``auto`` on a cluster node);
forewarn (with its ``ray`` extra) must be installed on every node.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..config import Settings
from ..ingest.files import walk_files
from ..export.parquet import PARQUET_SCHEMA, to_arrow
from ..models import Origin, RawItem, Reject
from ..render import event_record
from .report import Report

__all__ = ["CodeBatch", "expand_paths", "read_rows", "run_ray"]

#: What flows from the readers to the coders: a raw item, or a reject when a file is unreadable.
RAW_SCHEMA = pa.schema([
    ("data", pa.binary()), ("path", pa.string()), ("url", pa.string()), ("record", pa.string()),
    ("kind", pa.string()), ("id", pa.string()), ("title", pa.string()), ("published", pa.string()),
    ("reject_reason", pa.string()), ("reject_detail", pa.string()),
])
#: What the coders give back: event rows (PARQUET_SCHEMA) plus one row per coded article and
#: one per reject, told apart by ``row_kind``; written out as ``events/`` and ``rejects.parquet``.
_EXTRA = [pa.field("row_kind", pa.string()), pa.field("reject_input", pa.string()),
          pa.field("reject_reason", pa.string()), pa.field("reject_detail", pa.string())]
OUT_SCHEMA = pa.schema([pa.field(f.name, f.type) for f in PARQUET_SCHEMA] + _EXTRA,
                       metadata=PARQUET_SCHEMA.metadata)


def expand_paths(inputs: Iterable[str]) -> list[str]:
    """Files under the inputs, in the local engine's order; URLs are kept as they are."""
    files: list[str] = []
    for spec in inputs:
        path = Path(spec)
        if path.is_dir():
            files.extend(str(f) for f in walk_files(path))
        else:
            files.append(spec)
    return files


def read_rows(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One input file → raw-item rows (``flat_map``)."""
    from ..ingest import iter_inputs

    for item in iter_inputs([row["path"]]):
        if isinstance(item, Reject):
            yield {"data": b"", "path": item.input, "url": None, "record": None, "kind": None, "id": None,
                   "title": None, "published": None, "reject_reason": item.reason, "reject_detail": item.detail}
        else:
            yield {"data": item.data, "path": item.origin.path, "url": item.url or item.origin.url,
                   "record": item.origin.record, "kind": item.kind, "id": item.id, "title": item.title,
                   "published": item.published.isoformat() if item.published else None,
                   "reject_reason": None, "reject_detail": None}


def _item(row: dict[str, Any]) -> RawItem:
    return RawItem(data=row["data"], origin=Origin(path=row["path"], url=row["url"], record=row["record"]),
                   kind=row["kind"], id=row["id"], url=row["url"], title=row["title"],
                   published=dt.date.fromisoformat(row["published"]) if row["published"] else None)


def _reject_row(reject: Reject) -> dict[str, Any]:
    return {"reject_input": reject.input, "reject_reason": reject.reason, "reject_detail": reject.detail}


class CodeBatch:
    """A Ray actor: holds one pipeline (one spaCy model) and codes batches of raw items."""

    def __init__(self, settings: Settings, published: str | None = None) -> None:
        from ..pipeline import Pipeline

        self.pipeline = Pipeline(settings)
        self.published = dt.date.fromisoformat(published) if published else None

    def __call__(self, batch: pa.Table) -> pa.Table:
        events: list[dict[str, Any]] = []
        others: list[dict[str, Any]] = []  # an article-coded marker, or a reject
        items = []
        for row in batch.to_pylist():
            if row["reject_reason"]:
                others.append(_other("reject", row["path"], row["reject_reason"], row["reject_detail"]))
            else:
                items.append(_item(row))
        cleanings = []
        for c in self.pipeline.clean_items(items, published=self.published):
            if isinstance(c, Reject):
                others.append(_other("reject", c.input, c.reason, c.detail))
            else:
                cleanings.append(c)
        for cleaning, result in zip(cleanings, self.pipeline.code_cleanings(cleanings)):
            if isinstance(result, Reject):
                others.append(_other("reject", result.input, result.reason, result.detail))
                continue
            ref = cleaning.article.ref() | {"site": cleaning.article.site}
            events.extend(event_record(e, ref) for e in result)
            others.append(_other("article", cleaning.article.id, None, None))
        coded = to_arrow(events)
        coded = coded.append_column("row_kind", pa.array(["event"] * len(events), pa.string()))
        for name in ("reject_input", "reject_reason", "reject_detail"):
            coded = coded.append_column(name, pa.nulls(len(events), pa.string()))
        rest = pa.table({f.name: pa.array([o.get(f.name) for o in others], f.type) for f in OUT_SCHEMA})
        return pa.concat_tables([coded.cast(OUT_SCHEMA), rest.cast(OUT_SCHEMA)])


def _other(kind: str, what: str, reason: str | None, detail: str | None) -> dict[str, Any]:
    return {"row_kind": kind, "reject_input": what, "reject_reason": reason, "reject_detail": detail,
            "id": "", "type": "", "quad": "", "status": "", "evidence_text": "", "evidence_start": 0,
            "evidence_end": 0, "confidence": 0.0, "article_id": what if kind == "article" else ""}


def run_ray(inputs: Iterable[str], out: Path, settings: Settings, *, workers: int = 2,
            published: dt.date | None = None, address: str | None = None, batch_size: int = 16,
            temp_dir: str | None = None) -> Report:
    """Run the job on Ray Data and write ``out/events`` and ``out/rejects``; returns the counts."""
    import ray

    started_here = not ray.is_initialized()
    if started_here:
        options: dict[str, Any] = {"include_dashboard": False, "ignore_reinit_error": True,
                                   "log_to_driver": False}
        if address:
            options["address"] = address
        else:
            # one logical CPU more than the coding actors hold, for the readers
            options |= {"num_cpus": workers + 1, "_node_ip_address": "127.0.0.1"} | (
                {"_temp_dir": temp_dir} if temp_dir else {})
        ray.init(**options)
    try:
        files = expand_paths(inputs)
        report = Report(inputs=len(files))
        # reading is I/O: a fraction of a CPU, so it is never starved by the coding actors
        ds = ray.data.from_items([{"path": f} for f in files]).flat_map(read_rows, num_cpus=0.25)
        coded = ds.map_batches(CodeBatch, fn_constructor_kwargs={
            "settings": settings, "published": published.isoformat() if published else None},
            batch_size=batch_size, batch_format="pyarrow", concurrency=workers, num_cpus=1).materialize()
        events = coded.filter(lambda r: r["row_kind"] == "event")
        out.mkdir(parents=True, exist_ok=True)
        events.drop_columns([f.name for f in _EXTRA]).write_parquet(str(out / "events"))
        others = coded.filter(lambda r: r["row_kind"] != "event").select_columns(
            ["row_kind", "reject_input", "reject_reason", "reject_detail"]).take_all()
        report.events = events.count()
        report.articles = sum(o["row_kind"] == "article" for o in others)
        report.rejects = [Reject(o["reject_input"], o["reject_reason"], o["reject_detail"])
                          for o in others if o["row_kind"] == "reject"]
        rejects = pa.Table.from_pylist([{"input": r.input, "reason": r.reason, "detail": r.detail}
                                        for r in report.rejects],
                                       schema=pa.schema([("input", pa.string()), ("reason", pa.string()),
                                                         ("detail", pa.string())]))
        import pyarrow.parquet as pq

        pq.write_table(rejects, out / "rejects.parquet")
        return report
    finally:
        if started_here:
            ray.shutdown()


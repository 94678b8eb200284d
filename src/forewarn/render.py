"""Turning events and articles into what people and programs read: JSON, CSV, terminal tables."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .models import Actor, Article, Event

__all__ = ["FORMATS", "article_view", "event_record", "events_table", "write_records"]

FORMATS = ("table", "json", "jsonl", "csv")


def event_record(event: Event, article: dict[str, Any] | None) -> dict[str, Any]:
    """The JSON shape of one event (the contract in ARCHITECTURE.md)."""
    record = event.to_dict()
    record["article"] = article or {"id": event.article_id}
    return record


def _who(actors: Sequence[dict[str, Any]] | Sequence[Actor]) -> str:
    parts = []
    for a in actors:
        a = a if isinstance(a, dict) else a.to_dict()
        label = a.get("name") or a.get("text") or ""
        tags = "/".join(x for x in (a.get("country"), a.get("sector")) if x)
        parts.append(f"{label} ({tags})" if tags else label)
    return "; ".join(parts)


def flat_record(record: dict[str, Any]) -> dict[str, Any]:
    """One row of scalar columns, for CSV and tables."""
    date, loc, ev, art = record.get("date") or {}, record.get("location") or {}, record["evidence"], record["article"]
    return {
        "id": record["id"], "article_id": art.get("id"), "type": record["type"], "mode": record.get("mode"),
        "quad": record["quad"], "status": record["status"],
        "date": date.get("value"), "date_text": date.get("text"),
        "actors": _who(record["actors"]), "recipients": _who(record["recipients"]),
        "location": loc.get("name") or loc.get("text"), "location_country": loc.get("country"),
        "lat": loc.get("lat"), "lon": loc.get("lon"),
        "according_to": "; ".join(a.get("name") or a["text"] for a in record.get("attribution", [])),
        "evidence": ev["text"], "evidence_start": ev["start"], "evidence_end": ev["end"],
        "confidence": record["confidence"], "rule": record.get("rule"),
        "title": art.get("title"), "published": art.get("published"),
    }


def _snippet(evidence: dict[str, Any], width: int = 80) -> str:
    """The evidence around its trigger, at most ``width`` characters, the trigger kept whole."""
    text = evidence["text"]
    if len(text) <= width:
        return text
    at = evidence.get("trigger_start", evidence["start"]) - evidence["start"]
    lo = max(0, min(at - width // 3, len(text) - width))
    hi = lo + width
    if lo > 0:
        lo = text.find(" ", lo) + 1 or lo
    return ("…" if lo > 0 else "") + text[lo:hi].rstrip() + ("…" if hi < len(text) else "")


def events_table(records: Sequence[dict[str, Any]], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, header_style="bold")
    for name in ("date", "type", "mode", "status", "actors", "recipients", "where", "according to", "evidence"):
        table.add_column(name, overflow="fold")
    for record in records:
        r = flat_record(record)
        evidence = _snippet(record["evidence"])
        table.add_row(r["date"] or (r["date_text"] and f"“{r['date_text']}”") or "", r["type"],
                      r["mode"] or "", r["status"], r["actors"], r["recipients"], r["location"] or "",
                      r["according_to"], evidence)
    return table


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: io.TextIOBase,
                  console: Console | None = None, flat: bool = False) -> int:
    """Write records in a data format (json, jsonl, csv); returns how many were written."""
    n = 0
    if fmt == "jsonl":
        for n, record in enumerate(records, 1):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "json":
        items = list(records)
        n = len(items)
        out.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        writer = None
        for n, record in enumerate(records, 1):
            row = flat_record(record) if not flat else record
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
    else:
        raise ValueError(f"not a data format: {fmt}")
    return n


def article_view(article: Article, events: Sequence[Event]) -> Text:
    """The article body with each event's evidence highlighted and removed pieces dimmed."""
    text = Text()
    head = article.title or "(untitled)"
    text.append(head + "\n", style="bold")
    meta = " · ".join(x for x in (article.site, article.published and article.published.isoformat(),
                                  article.author, article.url or article.origin.label()) if x)
    text.append(meta + "\n", style="italic")
    if article.flags:
        sure = "" if article.article_confidence is None else f" (article confidence {article.article_confidence:.2f})"
        text.append(f"{', '.join(article.flags)}{sure}\n", style="bold red")
    text.append("\n")
    body = Text(article.body)
    for n, e in enumerate(sorted(events, key=lambda e: e.evidence.start), 1):
        body.stylize("on grey23", e.evidence.start, e.evidence.end)
        body.stylize("bold yellow", e.evidence.trigger_start, e.evidence.trigger_end)
    # Insert removed pieces (dimmed, with their reason) where they stood, back to front.
    pieces: list[Text] = []
    cursor = len(article.body)
    for removed in sorted(article.removed, key=lambda r: r.at, reverse=True):
        at = min(max(removed.at, 0), cursor)
        pieces.append(body[at:cursor])
        dim = Text(f"[removed: {removed.reason}] {removed.text}\n", style="dim strike")
        pieces.append(dim)
        cursor = at
    pieces.append(body[:cursor])
    for piece in reversed(pieces):
        text.append_text(piece)
    text.append("\n")
    for n, e in enumerate(sorted(events, key=lambda e: e.evidence.start), 1):
        who = _who(e.actors) or "?"
        whom = _who(e.recipients)
        line = f"[{n}] {e.type}{'/' + e.mode if e.mode else ''} ({e.status}) {who}"
        line += f" → {whom}" if whom else ""
        if e.date:
            line += f" · {e.date.value or e.date.text}"
        if e.location:
            line += f" · {e.location.name or e.location.text}"
        if e.attribution:
            line += " · according to " + "; ".join(a.name or a.text for a in e.attribution)
        text.append("\n" + line, style="cyan")
    return text

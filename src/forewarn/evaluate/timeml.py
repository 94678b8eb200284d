"""TimeML (TempEval-3 TimeBank / AQUAINT ``.tml`` files, a folder or one file): DATE values.

Each document's creation time (``<DCT><TIMEX3 value=…>``) is the anchor; every ``TIMEX3`` of
``type="DATE"`` in ``<TEXT>`` is resolved from its words alone with
``forewarn.resolve.resolve_time(text, dct)`` and compared with the gold ``value``. Gold values
with a time part (``1998-01-08TNI``) are compared on their date.

Gold values fall into forms forewarn can write (``day`` YYYY-MM-DD, ``week`` YYYY-Www,
``month`` YYYY-MM, ``year`` YYYY) and forms it cannot (quarters ``1998-Q1``, seasons, halves,
decades ``199``, ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``, underspecified ``XXXX-…``).

Headline: ``accuracy`` over *all* gold DATE timexes (unresolved = wrong). Alongside:
``accuracy_representable`` (the forms forewarn can write), per-form accuracy, and
``unresolved`` (forewarn gave no value).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..resolve import resolve_time
from ._measures import rate
from .registry import EvalResult

FORMS = (("day", re.compile(r"^\d{4}-\d{2}-\d{2}$")), ("week", re.compile(r"^\d{4}-W\d{2}$")),
         ("month", re.compile(r"^\d{4}-\d{2}$")), ("year", re.compile(r"^\d{4}$")))
REPRESENTABLE = {name for name, _ in FORMS}


def form(value: str) -> str:
    for name, rx in FORMS:
        if rx.match(value):
            return name
    if value.endswith("_REF"):
        return "ref"
    if re.match(r"^\d{4}-(Q|H)", value):
        return "quarter-half"
    if re.match(r"^\d{4}-(SP|SU|FA|WI)$", value):
        return "season"
    return "other"


def files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.tml")) if path.is_dir() else [path]


def read_doc(path: Path) -> tuple[dt.date | None, list[tuple[str, str]]]:
    """The DCT and ``(text, value)`` of each DATE timex in the text."""
    root = ET.parse(path).getroot()
    dct = None
    node = root.find("DCT/TIMEX3")
    if node is not None:
        try:
            dct = dt.date.fromisoformat((node.get("value") or "")[:10])
        except ValueError:
            dct = None
    text = root.find("TEXT")
    out = []
    for t in (text.iter("TIMEX3") if text is not None else ()):
        if t.get("type") == "DATE" and t.get("functionInDocument") != "CREATION_TIME" and t.get("value"):
            out.append((" ".join("".join(t.itertext()).split()), t.get("value").strip()))
    return dct, out


def timexes(path: Path, limit: int | None) -> Iterator[tuple[dt.date | None, str, str]]:
    for n, f in enumerate(files(path)):
        if limit is not None and n >= limit:
            return
        dct, found = read_doc(f)
        for text, value in found:
            yield dct, text, value


def score(path: Path, *, limit: int | None = None, **_: Any) -> EvalResult:
    by_form: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    n = hits = unresolved = 0
    docs = len(files(path)) if limit is None else min(limit, len(files(path)))
    for dct, text, value in timexes(path, limit):
        gold = value.split("T")[0] if re.match(r"^\d{4}-\d{2}-\d{2}T", value) else value
        predicted, _ = resolve_time(text, dct)
        ok = predicted == gold
        kind = form(gold)
        n += 1
        hits += ok
        unresolved += predicted is None
        by_form[kind][0] += ok
        by_form[kind][1] += 1
    rep = [by_form[k] for k in REPRESENTABLE]
    metrics = {"accuracy": rate(hits, n),
               "accuracy_representable": rate(sum(h for h, _ in rep), sum(m for _, m in rep)),
               "unresolved": rate(unresolved, n), "timexes": n, "documents": docs,
               "by_form": {k: {"accuracy": rate(*v), "n": v[1]} for k, v in sorted(by_form.items())}}
    return EvalResult("timeml", str(path), n, "accuracy", metrics["accuracy"], metrics)

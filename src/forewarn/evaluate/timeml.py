"""TimeML (TempEval-3 TimeBank / AQUAINT ``.tml`` files, a folder or one file): DATE values.

Each document's creation time (``<DCT><TIMEX3 value=…>``) is the anchor; every ``TIMEX3`` of
``type="DATE"`` in ``<TEXT>`` is resolved with ``forewarn.resolve.resolve_time`` from what
forewarn itself would have when coding the article, never from the annotation:

* the expression's words and the DCT (as the publication date);
* ``anchor``: forewarn's *own* value for the previous DATE timex of the document that is not
  itself anaphoric (for "the following year", "a year earlier"), not the gold one;
* ``tense``: the tense of the verb governing the expression in a spaCy parse of the document
  text (``forewarn.resolve.tense_of``); ``tense=False`` scores without it (no parse).

Gold values are compared after notation-only normalisation: the time part of a day is dropped
(``1998-01-08TNI`` → ``1998-01-08``), week numbers are zero-padded (``2000-W7`` →
``2000-W07``) and trailing unknown fields are dropped (``1949-XX`` → ``1949``, ``199X`` →
``199``, ``1998-12-XX`` → ``1998-12``): they state nothing beyond the known prefix.
``accuracy_strict`` compares with the raw gold string instead.

Forms (``form``): day, week (``2019-W52``, ``2019-W52-WE``), month, quarter (``1998-Q1``), half
(``1998-H1``), season (``1998-SU``), year, decade (``199``), century (``19``), ref
(``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``), and ``other`` (durations, ``XXXX-…``, times of
day), which forewarn cannot write.

Headline: ``accuracy`` over *all* gold DATE timexes (unresolved = wrong). Alongside:
``accuracy_representable`` (every form but ``other``), ``accuracy_core`` (day/week/month/year,
the forms of earlier versions), ``accuracy_strict``, per-form accuracy and ``unresolved``.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..resolve import resolve_time
from ..resolve.timeref import is_anaphoric, tense_of
from ..resolve.timeref_calendar import granularity_of
from ._measures import rate
from .registry import EvalResult

CORE = {"day", "week", "month", "year"}
REPRESENTABLE = CORE | {"quarter", "half", "season", "decade", "century", "ref"}


def form(value: str) -> str:
    return granularity_of(normalise(value)) or "other"


def normalise(value: str) -> str:
    """A gold value in the notation forewarn writes (see the module docstring)."""
    value = value.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}T", value):
        value = value.split("T")[0]
    value = re.sub(r"^(\d{4}-W)(\d)(?=$|-)", r"\g<1>0\2", value)
    short = re.sub(r"(?<=\d)X+$", "", re.sub(r"(?:-[A-Z]*X+)+$", "", value))
    return short if re.match(r"^\d{2,4}(?:-|$)", short) else value


def files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.tml")) if path.is_dir() else [path]


@dataclass(slots=True)
class Timex:
    text: str
    value: str
    start: int  # character offsets in the document text
    end: int


def _walk(node: ET.Element, parts: list[str], found: list[Timex]) -> None:
    start = sum(map(len, parts))
    parts.append(node.text or "")
    for child in node:
        _walk(child, parts, found)
        parts.append(child.tail or "")
    if node.tag == "TIMEX3" and node.get("type") == "DATE" and node.get("value") \
            and node.get("functionInDocument") != "CREATION_TIME":
        raw = "".join(parts)[start:]
        found.append(Timex(" ".join(raw.split()), node.get("value").strip(), start, start + len(raw)))


def read_document(path: Path) -> tuple[dt.date | None, str, list[Timex]]:
    """The DCT, the plain text and each DATE timex in it, in document order."""
    root = ET.parse(path).getroot()
    dct = None
    node = root.find("DCT/TIMEX3")
    if node is not None:
        try:
            dct = dt.date.fromisoformat((node.get("value") or "")[:10])
        except ValueError:
            dct = None
    text = root.find("TEXT")
    parts: list[str] = []
    found: list[Timex] = []
    if text is not None:
        _walk(text, parts, found)
    found.sort(key=lambda t: t.start)
    return dct, "".join(parts), found


def read_doc(path: Path) -> tuple[dt.date | None, list[tuple[str, str]]]:
    """The DCT and ``(text, value)`` of each DATE timex in the text."""
    dct, _, found = read_document(path)
    return dct, [(t.text, t.value) for t in found]


def _nlp():
    try:
        from ..annotate.nlp import load_nlp

        return load_nlp()
    except Exception:  # noqa: BLE001 - no model: score without tense
        return None


def tenses(doc_text: str, found: list[Timex], nlp) -> list[str | None]:
    """The tense of the verb each timex attaches to (climbing the parse as the coder does)."""
    if nlp is None or not found:
        return [None] * len(found)
    doc = nlp(doc_text)
    out: list[str | None] = []
    for t in found:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        node = span.root if span is not None and len(span) else None
        for _ in range(8):
            if node is None or node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                break
            node = node.head
        out.append(tense_of(node) if node is not None else None)
    return out


def timexes(path: Path, limit: int | None, tense: bool = False) -> Iterator[tuple[int, dt.date | None, Timex, str | None]]:
    """``(document number, DCT, timex, tense)`` in document order."""
    nlp = _nlp() if tense else None
    for n, f in enumerate(files(path)):
        if limit is not None and n >= limit:
            return
        dct, doc_text, found = read_document(f)
        yield from ((n, dct, t, tn) for t, tn in zip(found, tenses(doc_text, found, nlp)))


def score(path: Path, *, limit: int | None = None, tense: bool = True, **_: Any) -> EvalResult:
    by_form: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    n = hits = strict = unresolved = 0
    docs = len(files(path)) if limit is None else min(limit, len(files(path)))
    anchor, last_doc = None, -1
    for doc_no, dct, timex, verb_tense in timexes(path, limit, tense):
        if doc_no != last_doc:
            anchor, last_doc = None, doc_no
        gold = normalise(timex.value)
        predicted, _ = resolve_time(timex.text, dct, tense=verb_tense, anchor=anchor)
        if predicted is not None and not predicted.endswith("_REF") and not is_anaphoric(timex.text):
            anchor = predicted
        ok = predicted == gold
        kind = form(gold)
        n += 1
        hits += ok
        strict += predicted == (timex.value.split("T")[0] if re.match(r"^\d{4}-\d{2}-\d{2}T", timex.value) else timex.value)
        unresolved += predicted is None
        by_form[kind][0] += ok
        by_form[kind][1] += 1
    rep = [by_form[k] for k in REPRESENTABLE if k in by_form]
    core = [by_form[k] for k in CORE if k in by_form]
    metrics = {"accuracy": rate(hits, n),
               "accuracy_representable": rate(sum(h for h, _ in rep), sum(m for _, m in rep)),
               "accuracy_core": rate(sum(h for h, _ in core), sum(m for _, m in core)),
               "accuracy_strict": rate(strict, n),
               "unresolved": rate(unresolved, n), "timexes": n, "documents": docs, "tense": tense,
               "by_form": {k: {"accuracy": rate(*v), "n": v[1]} for k, v in sorted(by_form.items())}}
    return EvalResult("timeml", str(path), n, "accuracy", metrics["accuracy"], metrics)

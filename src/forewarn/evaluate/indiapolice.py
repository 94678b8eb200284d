"""IndiaPoliceEvents sentences (``indiapolice-sents-{train,dev}.tsv``): per-label P/R/F1.

Format: ``sentence<TAB>0/1 …`` with no header, lower-cased text. The five label columns are, in
the files as distributed, KILL, ARREST, ANY_ACTION, FAIL, FORCE (ANY_ACTION is the column that
is set whenever KILL, ARREST or FORCE is; the data's README lists another order). Pass
``columns=("KILL", …)`` to read another order.

forewarn's prediction for a sentence, from all its events whose status is ``happened`` or
``historical``:

* ARREST: a COERCE event with mode ``arrest``;
* KILL: an ASSAULT event (forewarn does not separate lethal from other assaults, so this is
  the same test as FORCE);
* FORCE: an ASSAULT event, or a COERCE event with mode ``curfew`` (police use of force);
* ANY_ACTION: any of the above, or any event whose actor is police (sector COP).

FAIL (police failing to act) has no PLOVER counterpart and is not scored. The labels are all
"by police"; ``police_only`` gives the same figures when the event must also have a police
actor (sector COP) — the difference shows how often the coder misses the agent.

Headline: ``arrest_kill_f1``, the mean of ARREST and KILL F1 (the issue's target labels).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ._coding import coded
from ._measures import Counts
from .registry import EvalResult

COLUMNS = ("KILL", "ARREST", "ANY_ACTION", "FAIL", "FORCE")
SCORED = ("KILL", "ARREST", "FORCE", "ANY_ACTION")
HAPPENED = {"happened", "historical"}


def read(path: Path, limit: int | None = None,
         columns: tuple[str, ...] = COLUMNS) -> list[tuple[str, set[str]]]:
    out = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            parts = line.rstrip("\r\n").split("\t")
            flags = parts[-len(columns):]
            if len(parts) <= len(columns) or not all(f.strip() in ("0", "1") for f in flags):
                continue  # a header or a broken line
            text = "\t".join(parts[:-len(columns)]).strip()
            if text:
                out.append((text, {c for c, f in zip(columns, flags) if f.strip() == "1"}))
            if limit is not None and len(out) >= limit:
                break
    return out


def _police(event) -> bool:
    return any(a.sector == "COP" for a in event.actors)


def predict(events, police_only: bool = False) -> set[str]:
    labels: set[str] = set()
    for e in events:
        if e.status not in HAPPENED or (police_only and not _police(e)):
            continue
        if e.type == "COERCE" and e.mode == "arrest":
            labels.add("ARREST")
        if e.type == "ASSAULT":
            labels |= {"KILL", "FORCE"}
        if e.type == "COERCE" and e.mode == "curfew":
            labels.add("FORCE")
        if _police(e):
            labels.add("ANY_ACTION")
    if labels & {"KILL", "ARREST", "FORCE"}:
        labels.add("ANY_ACTION")
    return labels


def score(path: Path, *, limit: int | None = None, columns: tuple[str, ...] = COLUMNS,
          **_: Any) -> EvalResult:
    rows = read(path, limit, tuple(columns))
    plain, police = Counts(SCORED), Counts(SCORED)
    for gold, _a, _d, events in coded(((labels, text) for text, labels in rows)):
        gold = gold & set(SCORED)
        plain.add_sets(gold, predict(events))
        police.add_sets(gold, predict(events, police_only=True))
    by_label, police_by_label = plain.result(), police.result()
    headline = round((by_label["ARREST"]["f1"] + by_label["KILL"]["f1"]) / 2, 4)
    metrics = {"arrest_kill_f1": headline, "by_label": by_label,
               "police_only": {k: police_by_label[k] for k in (*SCORED, "macro")}}
    return EvalResult("indiapolice-sents", str(path), len(rows), "arrest_kill_f1", headline, metrics)

"""IndiaPoliceEvents sentences (``indiapolice-sents-{train,dev}.tsv``): per-label P/R/F1.

Format: ``sentence<TAB>0/1 …`` with no header, lower-cased text. The five label columns are, in
the files as distributed, KILL, ARREST, ANY_ACTION, FAIL, FORCE (ANY_ACTION is the column that
is set whenever KILL, ARREST or FORCE is; the data's README lists another order). Pass
``columns=("KILL", …)`` to read another order.

forewarn's prediction for a sentence, from all its events whose status is ``happened`` or
``historical``. Every label of the data set is an act *of the police* (the annotators were asked
"did the police kill / arrest / use force …"), so the tests are:

* ARREST: a COERCE event with mode ``arrest`` (arresting is a police act; most sentences leave the
  agent implicit: "five were arrested");
* KILL: a *lethal* ASSAULT (from a killing pattern, ``assault-kill*``, ``assault-die*`` or ``assault-targeted``:
  "killed", "shot dead", "died in police firing") whose actor is police (sector COP);
* FORCE: an ASSAULT event whose actor is police, or a COERCE event with mode ``curfew``;
* ANY_ACTION: any of the above, or any event whose actor is police.

FAIL (police failing to act) has no PLOVER counterpart and is not scored. ``any_actor`` gives
the figures without the police test (KILL then means any lethal assault; FORCE any assault) —
the difference shows how often the coder misses the agent or codes violence by others.

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


def lethal(event) -> bool:
    """A killing: the event comes from a pattern whose trigger means a death."""
    rule = event.rule or ""
    return event.type == "ASSAULT" and (rule.startswith(("assault-kill", "assault-die")) or rule == "assault-targeted")


def predict(events, police_only: bool = True) -> set[str]:
    labels: set[str] = set()
    for e in events:
        if e.status not in HAPPENED:
            continue
        police = _police(e)
        if e.type == "COERCE" and e.mode == "arrest":
            labels.add("ARREST")
        if e.type == "ASSAULT" and (police or not police_only):
            labels.add("FORCE")
            if lethal(e):
                labels.add("KILL")
        if e.type == "COERCE" and e.mode == "curfew":
            labels.add("FORCE")
        if police:
            labels.add("ANY_ACTION")
    if labels & {"KILL", "ARREST", "FORCE"}:
        labels.add("ANY_ACTION")
    return labels


def score(path: Path, *, limit: int | None = None, columns: tuple[str, ...] = COLUMNS,
          **_: Any) -> EvalResult:
    rows = read(path, limit, tuple(columns))
    police, loose = Counts(SCORED), Counts(SCORED)
    for gold, _a, _d, events in coded(((labels, text) for text, labels in rows)):
        gold = gold & set(SCORED)
        police.add_sets(gold, predict(events))
        loose.add_sets(gold, predict(events, police_only=False))
    by_label, loose_by_label = police.result(), loose.result()
    headline = round((by_label["ARREST"]["f1"] + by_label["KILL"]["f1"]) / 2, 4)
    metrics = {"arrest_kill_f1": headline, "by_label": by_label,
               "any_actor": {k: loose_by_label[k] for k in (*SCORED, "macro")}}
    return EvalResult("indiapolice-sents", str(path), len(rows), "arrest_kill_f1", headline, metrics)

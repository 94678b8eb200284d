"""PLOVER gold standard records (``plover-gsr.json``): event type, actor countries and sectors.

Format: a JSON list of records, the first (``event == "DOCUMENT"``) documentation. Each record
has ``text`` (one sentence), ``event`` (PLOVER 0.5b1 name), ``source`` / ``target`` (lists of
``{actorText, code, sector}``, or ``""`` when none). Old names are mapped to today's:
DEMAND→REQUEST, DISAPPROVE and INVESTIGATE→ACCUSE, FIGHT→ASSAULT. Codes from before ISO
alignment are mapped too (JAP→JPN, ITL→ITA, VTN→VNM); sectors are read as their first three
letters (``CVLalb`` → CVL; ``CIV`` → CVL; ``***`` = none).

Each sentence is coded alone (published = the record's ``date``). Scores:

* ``type_top``: accuracy of the *top event* (highest confidence, ties to the earliest trigger);
  a sentence with no event is wrong. Per-class P/R/F1 of that choice in ``type_by_class``
  (``None`` predictions count as misses).
* ``type_any``: share of sentences where *any* coded event has the gold type (an upper bound for
  a better choice of event).
* Actors are read from the *scored event*: the first event of the gold type if there is one,
  else the top event. ``source_country`` / ``target_country``: the share of records with a gold
  code whose scored event's first actor (recipient) has one of the gold codes; no event or no
  country is wrong. ``*_country_set``: micro P/R/F1 of the country sets. ``sector``: the same
  accuracy for gold sectors (source and target pooled, plus each).

Headline: ``type_top_accuracy``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

from ._coding import coded, top_event
from ._measures import Counts, rate
from .metrics import prf_by_class
from .registry import EvalResult

RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
LEGACY_SECTORS = {"CIV": "CVL"}


def plover_type(name: str) -> str:
    name = name.strip().upper()
    return RENAMES.get(name, name)


def actors(value: Any) -> list[dict[str, str | None]]:
    """Gold actors as ``{"text", "country", "sector"}`` (normalised); ``""`` or missing → []."""
    out = []
    for a in value if isinstance(value, list) else []:
        code = (a.get("code") or "").strip().upper()[:3] or None
        sector = (a.get("sector") or "").strip().upper()[:3]
        sector = None if not sector.isalpha() else LEGACY_SECTORS.get(sector, sector)
        out.append({"text": a.get("actorText", ""), "country": LEGACY_CODES.get(code, code), "sector": sector})
    return out


def read(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    records = [r for r in json.loads(path.read_text("utf-8"))
               if isinstance(r, dict) and r.get("text") and r.get("event") not in (None, "DOCUMENT")]
    out = []
    for r in records[:limit]:
        out.append({"id": r.get("id"), "text": r["text"], "type": plover_type(r["event"]),
                    "source": actors(r.get("source")), "target": actors(r.get("target")),
                    "date": r.get("date")})
    return out


class _Role:
    def __init__(self) -> None:
        self.n = self.hits = 0
        self.sets = Counts()

    def add(self, gold: list[dict], predicted: list) -> None:
        codes = {a["country"] for a in gold if a["country"]}
        if not codes:
            return
        self.n += 1
        first = next((a.country for a in predicted if a.country), None)
        self.hits += first in codes
        self.sets.add_sets(codes, {a.country for a in predicted if a.country})

    def result(self) -> dict[str, Any]:
        micro = self.sets.result().get("micro", {})
        return {"accuracy": rate(self.hits, self.n), "n": self.n,
                "set": {k: micro.get(k, 0.0) for k in ("precision", "recall", "f1")}}


def score(path: Path, *, limit: int | None = None, **_: Any) -> EvalResult:
    records = read(path, limit)
    date = next((r["date"] for r in records if r.get("date")), None)
    published = dt.date.fromisoformat(date) if date else None
    gold_types, top_types = [], []
    any_hits = 0
    roles = {"source": _Role(), "target": _Role()}
    sector = {"source": [0, 0], "target": [0, 0]}
    confusion: Counter = Counter()
    for rec, _art, _doc, events in coded(((r, r["text"]) for r in records), published=published):
        top = top_event(events)
        gold_types.append(rec["type"])
        top_types.append(top.type if top else None)
        matching = next((e for e in events if e.type == rec["type"]), None)
        any_hits += matching is not None
        confusion[(rec["type"], top.type if top else "NONE")] += 1
        scored = matching or top
        for role, found in (("source", scored.actors if scored else []),
                            ("target", scored.recipients if scored else [])):
            roles[role].add(rec[role], found)
            want = {a["sector"] for a in rec[role] if a["sector"]}
            if want:
                sector[role][1] += 1
                sector[role][0] += next((a.sector for a in found if a.sector), None) in want
    n = len(gold_types)
    top_hits = sum(g == p for g, p in zip(gold_types, top_types))
    metrics = {
        "type_top_accuracy": rate(top_hits, n),
        "type_any_accuracy": rate(any_hits, n),
        "no_event": rate(sum(p is None for p in top_types), n),
        "type_by_class": prf_by_class(gold_types, top_types),
        "source_country": roles["source"].result(),
        "target_country": roles["target"].result(),
        "sector": {"accuracy": rate(sector["source"][0] + sector["target"][0],
                                    sector["source"][1] + sector["target"][1]),
                   **{role: {"accuracy": rate(h, m), "n": m} for role, (h, m) in sector.items()}},
        "top_confusions": [{"gold": g, "predicted": p, "count": c}
                           for (g, p), c in confusion.most_common() if g != p][:12],
    }
    return EvalResult("plover-gsr", str(path), n, "type_top_accuracy", metrics["type_top_accuracy"], metrics)

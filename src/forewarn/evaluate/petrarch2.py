"""PETRARCH2 unit-test records (``petrarch2-unittest.xml``): event type through CAMEO → PLOVER,
and source / target country where the gold actor code is a real country.

Format: ``<Sentence date=YYYYMMDD id=…>`` with ``<EventCoding sourcecode targetcode eventcode>``
(several per sentence, or ``noevents="True"``, or ``error=…``) and ``<Text>``. Most actors are
the test suite's invented states (Arnor, Gondor …, codes ``ARN``, ``GON``); an actor is
*comparable* only when the first three letters of its code are an ISO3 code in forewarn's
gazetteer (``USAGOV`` → USA). Event codes go through ``cameo-to-plover.txt`` (option
``cameo_table``, ``$FOREWARN_CAMEO_TABLE``, or the file beside the data); codes with no PLOVER
type (the suite's own 9xx synset codes) are counted and left out.

Scores, over sentences with at least one mapped gold event:

* ``type_top_accuracy`` (headline): the top event (see ``plover_gsr``) has one of the gold types.
* ``type_any_accuracy``: some coded event has one of the gold types.
* ``type_by_class``: set-level P/R/F1 (the types coded for the sentence vs the gold types).
* ``noevents_correct``: share of ``noevents`` sentences where forewarn codes nothing.
* ``source_country`` / ``target_country``: for comparable gold actors, the share where the
  event of the gold type (else the top event) has that country among its actors / recipients.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from ..resolve.places import country_names
from ._cameo import find_table, parse_table, to_plover
from ._coding import coded, top_event
from ._measures import Counts, rate
from .registry import EvalResult


def read(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    out = []
    for sent in ET.parse(path).getroot().iter("Sentence"):
        text = " ".join((sent.findtext("Text") or "").split())
        if not text:
            continue
        codings, noevents = [], False
        for c in sent.iter("EventCoding"):
            if (c.get("noevents") or "").lower() == "true":
                noevents = True
            elif c.get("eventcode"):
                codings.append({k: (c.get(k) or "").strip().strip('"') for k in ("sourcecode", "targetcode", "eventcode")})
        if not codings and not noevents:
            continue  # error records: nothing to score
        date = sent.get("date", "").strip()
        try:
            published = dt.datetime.strptime(date, "%Y%m%d").date()
        except ValueError:
            published = None
        out.append({"id": sent.get("id"), "text": text, "codings": codings, "noevents": noevents,
                    "published": published})
        if limit is not None and len(out) >= limit:
            break
    return out


def score(path: Path, *, limit: int | None = None, cameo_table: str | Path | None = None,
          **_: Any) -> EvalResult:
    table = parse_table(find_table(path, cameo_table).read_text("utf-8"))
    iso3 = set(country_names().values())
    records = read(path, limit)
    n = top_hits = any_hits = unmapped = 0
    noevents = [0, 0]
    by_class = Counts()
    roles = {"source": [0, 0], "target": [0, 0]}
    for rec, _a, _d, events in coded(((r, r["text"]) for r in records)):
        if rec["noevents"] and not rec["codings"]:
            noevents[1] += 1
            noevents[0] += not events
            continue
        gold = {}
        for c in rec["codings"]:
            ptype = to_plover(c["eventcode"], table)
            if ptype is None:
                unmapped += 1
            else:
                gold.setdefault(ptype, c)
        if not gold:
            continue
        n += 1
        top = top_event(events)
        top_hits += top is not None and top.type in gold
        any_hits += any(e.type in gold for e in events)
        by_class.add_sets(gold, {e.type for e in events})
        for ptype, c in gold.items():
            scored = next((e for e in events if e.type == ptype), top)
            for role, key, field in (("source", "sourcecode", "actors"), ("target", "targetcode", "recipients")):
                country = c[key][:3]
                if country in iso3:
                    roles[role][1] += 1
                    found = getattr(scored, field) if scored else []
                    roles[role][0] += any(a.country == country for a in found)
    metrics = {
        "type_top_accuracy": rate(top_hits, n),
        "type_any_accuracy": rate(any_hits, n),
        "type_by_class": by_class.result(),
        "noevents_correct": {"accuracy": rate(*noevents), "n": noevents[1]},
        "source_country": {"accuracy": rate(*roles["source"]), "n": roles["source"][1]},
        "target_country": {"accuracy": rate(*roles["target"]), "n": roles["target"][1]},
        "codes_without_plover_type": unmapped,
    }
    return EvalResult("petrarch2-unittest", str(path), n, "type_top_accuracy", metrics["type_top_accuracy"], metrics)

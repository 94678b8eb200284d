"""MUC-4 terrorism reports (``muc4-{train,dev}.json``, as ConfliBERT distributes them).

Format: ``{doc_id: {"doc": TEXT, "roles": {"perp_individual_id": [[alt, …], …],
"perp_organization_id": …, "phys_tgt_id": …, "hum_tgt_name": …, "incident_instrument_id": …}}}``
— each role a list of entities, each entity a list of alternative strings. The text is upper
case; it goes to the coder as it is (forewarn truecases all-caps copy itself, keeping offsets),
with the wire copy's line wrapping undone (a single newline becomes a space).

Roles scored: **perpetrator** = individual + organisation, **target** = physical + human
(forewarn does not tell people from things). forewarn's fillers come from its ASSAULT events
(any status but ``denied`` / ``hypothetical``): actors are perpetrators, recipients targets;
an actor resolved to a knowledge-base name is represented by that name and its text.

Matching, MUC-style: strings are compared upper-cased, without leading articles and
punctuation. A predicted filler matches a gold entity when it equals one of the entity's
strings, or when their *head nouns* agree — the last word before any "OF" (plural ``S`` /
``ES`` stripped), so "THE GUERRILLA COLUMN" matches "A COLUMN" and "MEMBERS OF THE FMLN"
matches "FMLN MEMBERS". Each gold entity and each distinct predicted string counts once:
tp = gold entities matched, fp = predicted strings matching nothing, fn = gold entities left.

Headline: ``role_f1``, the mean of the perpetrator and target F1 (micro over documents).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ._coding import coded
from ._measures import Counts
from .registry import EvalResult

ROLES = {"perpetrator": ("perp_individual_id", "perp_organization_id"),
         "target": ("phys_tgt_id", "hum_tgt_name")}
_SKIP_STATUS = {"denied", "hypothetical"}
_ARTICLES = {"THE", "A", "AN"}
_WRAP = re.compile(r"(?<!\n)\n(?!\n)")


def norm(text: str) -> str:
    words = re.sub(r"[^\w\s'-]", " ", text.upper()).split()
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def head(text: str) -> str:
    words = norm(text).split(" OF ")[0].split()
    if not words:
        return ""
    word = words[-1]
    for suffix in ("ES", "S"):
        if len(word) > 4 and word.endswith(suffix) and not word.endswith("SS"):
            return word[: -len(suffix)]
    return word


def read(path: Path, limit: int | None = None) -> list[tuple[str, str, dict[str, list[list[str]]]]]:
    data = json.loads(path.read_text("utf-8"))
    out = []
    for doc_id, record in list(data.items())[:limit]:
        roles = record.get("roles") or {}
        gold = {role: [[s for s in entity if s.strip()] for key in keys for entity in roles.get(key) or []]
                for role, keys in ROLES.items()}
        gold = {role: [e for e in entities if e] for role, entities in gold.items()}
        out.append((doc_id, _WRAP.sub(" ", record.get("doc") or ""), gold))
    return out


def fillers(events) -> dict[str, list[list[str]]]:
    """Predicted fillers per role; each a list of the strings that stand for it."""
    out: dict[str, list[list[str]]] = {"perpetrator": [], "target": []}
    for e in events:
        if e.type != "ASSAULT" or e.status in _SKIP_STATUS:
            continue
        for role, found in (("perpetrator", e.actors), ("target", e.recipients)):
            out[role].extend([s for s in (a.text, a.name) if s] for a in found)
    return out


def matches(predicted: list[str], entity: list[str]) -> bool:
    gold = {norm(s) for s in entity}
    if any(norm(p) in gold for p in predicted):
        return True
    heads = {head(s) for s in entity} - {""}
    return any(head(p) in heads for p in predicted)


def score_doc(gold: list[list[str]], predicted: list[list[str]], counts: Counts, role: str) -> None:
    distinct: dict[str, list[str]] = {}
    for strings in predicted:
        distinct.setdefault(norm(strings[0]), strings)
    left = [p for key, p in distinct.items() if key]
    for entity in gold:
        hit = next((p for p in left if matches(p, entity)), None)
        if hit is None:
            counts.add(role, fn=1)
        else:
            left.remove(hit)
            counts.add(role, tp=1)
    counts.add(role, fp=len(left))


def score(path: Path, *, limit: int | None = None, **_: Any) -> EvalResult:
    docs = read(path, limit)
    counts = Counts(ROLES)
    for gold, _a, _d, events in coded(((g, text) for _, text, g in docs), batch=16):
        predicted = fillers(events)
        for role in ROLES:
            score_doc(gold[role], predicted[role], counts, role)
    by_role = counts.result()
    headline = round((by_role["perpetrator"]["f1"] + by_role["target"]["f1"]) / 2, 4)
    metrics = {"role_f1": headline, "by_role": by_role}
    return EvalResult("muc4", str(path), len(docs), "role_f1", headline, metrics)

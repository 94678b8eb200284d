"""ConfliBERT ``cameo_ner`` (CoNLL BIO, one token and tag a line): source and target actor spans.

Tags: ``S`` source, ``T`` target, ``R`` reciprocal (an actor that is both: "X and Y met"). A
gold R span counts as a gold source *and* a gold target. The sentence is rebuilt from its tokens
(ordinary spacing, see ``_conll.detokenize``) and coded; forewarn's actors are predicted
sources, its recipients predicted targets, each by its character span.

Two choices of events: ``top`` (the sentence's top event, see ``plover_gsr``: each sentence
labels one event) and ``all`` (the union over every coded event). Two matchings: ``exact``
(same boundaries, after trimming a leading article and trailing punctuation on both sides)
and ``overlap`` (any shared character); one-to-one. The participants of an event coded by a
reciprocal meeting rule ("X met Y") are each a predicted source and target, as gold ``R``
spans are.

Headline: ``span_f1_exact`` — micro F1 over source and target spans, top event.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ._coding import coded, pipeline, top_event
from ._conll import char_spans, detokenize, read_conll
from ._measures import Counts, bio_spans, match_spans, trim
from .registry import EvalResult

_APOSTROPHES = {"’", "'", "´", "`"}


def rebuild(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence and token offsets, as ``detokenize`` gives them, with a possessive the data
    splits in two ("Netanyahu ’ s", tokens "’" and "s") written as one word again ("Netanyahu’s"):
    the parser reads the split form as a stray letter."""
    text, offsets = detokenize(tokens)
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i - 1] in _APOSTROPHES and tokens[i].lower() == "s":
            for j in (i, i - 1):  # close the gap before token j
                gap = offsets[j][0] - offsets[j - 1][1]
                if gap > 0:
                    text = text[:offsets[j - 1][1]] + text[offsets[j][0]:]
                    offsets = offsets[:j] + [(s - gap, e - gap) for s, e in offsets[j:]]
    return text, offsets


def gold_roles(tags: list[str], offsets, text: str) -> list[tuple[int, int, str]]:
    out = []
    for s, e, label in char_spans(bio_spans(tags), offsets):
        roles = {"S": ["source"], "T": ["target"], "R": ["source", "target"]}.get(label, [])
        out.extend((*trim(text, s, e), role) for role in roles)
    return out


def predicted_roles(events, text: str, mutual: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Actors are sources, recipients targets; in an event of a reciprocal rule (``mutual``: "X
    met Y", "X and Y held talks") every participant is both, as a gold ``R`` span is."""
    out = []
    for event in events:
        both = event.rule in mutual
        for role, found in (("source", event.actors), ("target", event.recipients)):
            for a in found:
                if a.start is not None:
                    span = trim(text, a.start, a.end)
                    out.extend((*span, r) for r in (("source", "target") if both else (role,)))
    return out


def reciprocal_rules() -> frozenset[str]:
    """Ids of the coder's meeting patterns (CONSULT, ``reciprocal = true``): each side meets the
    other. (Other reciprocal patterns, "agreed", "allied", often have a one-way reading.)"""
    return frozenset(p.id for p in pipeline().coder.patterns if p.reciprocal and p.type == "CONSULT")


def score(path: Path, *, limit: int | None = None, **_: Any) -> EvalResult:
    sentences = []
    for tokens, tags in read_conll(path, limit):
        text, offsets = rebuild(tokens)
        sentences.append((gold_roles(tags, offsets, text), text))
    counts = {(which, how): Counts(("source", "target")) for which in ("top", "all") for how in ("exact", "overlap")}
    no_event = 0
    mutual = reciprocal_rules()
    for gold, _a, _d, events in coded(((g, text) for g, text in sentences)):
        text = _a.body
        top = top_event(events)
        no_event += top is None
        chosen = {"top": predicted_roles([top] if top else [], text, mutual),
                  "all": predicted_roles(events, text, mutual)}
        for (which, how), c in counts.items():
            match_spans(gold, chosen[which], c, overlap=how == "overlap")
    metrics: dict[str, Any] = {f"{which}_{how}": c.result() for (which, how), c in counts.items()}
    metrics["span_f1_exact"] = metrics["top_exact"]["micro"]["f1"]
    metrics["span_f1_overlap"] = metrics["top_overlap"]["micro"]["f1"]
    metrics["no_event"] = round(no_event / len(sentences), 4) if sentences else 0.0
    return EvalResult("conflibert-roles", str(path), len(sentences), "span_f1_exact", metrics["span_f1_exact"], metrics)

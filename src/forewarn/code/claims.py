"""Claims and attributions of responsibility: who did an act that a report tells of without a doer.

A wire report often names an attack's doer only in a separate statement about it: "the group
claimed responsibility for the bombing", "the police blamed the raid on a drug gang", "the
murder was attributed to a death squad", "the president held the rebels responsible". This
module finds such statements in a parsed document (cue words in ``data/claims.toml``) and gives
the claimed or blamed actor to the ASSAULT event the statement is about:

- the event whose trigger lies in the phrase the statement names ("… for *the attack on* …",
  "*the killing* was blamed on …"), else
- the nearest ASSAULT event before the statement in the document (a claim follows its report),
  else the first after it in the same sentence.

The actor is added only to an event with no *named* actor (an unnamed one, "gunmen", stays
beside it): a claim fills a gap, it does not overrule what the report itself says. A doer the
parse took for the act's target ("blamed X for the murder of Y", with X as the murder's patient)
moves to the doers, and the act's own patient (Y) takes its place. Whoever *claims* an act counts
as its doer even when the knowledge base does not know it ("the Extraditables claimed the
kidnapping"); a blamed or accused party must be named or of a known sector. A statement
that is negated or denied ("denied responsibility", "neither claimed nor denied it") or whose
doer is not named ("those responsible", "who is to blame") gives nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc, Token

from ..models import Actor, Event
from ..resolve import read_toml
from .ontology import data_path
from .syntax import NOUNS, expand

__all__ = ["Claim", "ClaimCues", "attach_claims", "find_claims", "load_claim_cues"]

_SUBJ = ("nsubj", "nsubjpass")


@dataclass(frozen=True, slots=True)
class ClaimCues:
    claim_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    act_verbs: frozenset[str]
    blame_verbs: frozenset[str]
    attribute_verbs: frozenset[str]
    adjectives: frozenset[str]
    hold_verbs: frozenset[str]
    work_nouns: frozenset[str]
    negation_verbs: frozenset[str]
    negation_words: frozenset[str]


@functools.lru_cache(maxsize=4)
def load_claim_cues(path: Path | None = None) -> ClaimCues:
    data, _ = read_toml(path or data_path("claims.toml"))

    def words(table: str, key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(table, {}).get(key, []))

    return ClaimCues(words("claim", "verbs"), words("claim", "nouns"), words("claim", "act_verbs"),
                     words("blame", "verbs"), words("blame", "attribute"), words("blame", "adjectives"),
                     words("blame", "hold_verbs"), words("blame", "nouns"), words("negation", "verbs"),
                     words("negation", "words"))


@dataclass(slots=True)
class Claim:
    """One statement of responsibility: the cue word, the doer(s) it names and the act it is
    about (a token inside the phrase naming the act, or ``None`` when the act is left implicit)."""

    cue: Token
    doers: list[Token]
    act: Token | None
    #: Only the event named in ``act`` can be meant ("claimed the bombing", not "claimed victory").
    strict: bool = False


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _pobj(tok: Token, *preps: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The doer of a verb: its active subject, the agent of a passive, or — for a verb conjoined
    to or governed by another ("claimed the attack and promised more") — that verb's subject."""
    subj = _child(verb, "nsubj")
    if subj is not None:
        return subj
    if _child(verb, "nsubjpass", "auxpass") is not None:
        return _pobj(verb, "by")
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    return None


_RELATIVE = {"which", "who", "whom", "that"}


def _antecedent(pron: Token) -> Token | None:
    """The noun a relative pronoun stands for: the one its clause modifies."""
    cur = pron.head
    for _ in range(3):
        if cur.dep_ == "relcl" and cur.head.pos_ in NOUNS:
            return cur.head
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _negated(tok: Token, cues: ClaimCues) -> bool:
    """Whether the statement is undone: a negation on the cue (or the verb it hangs off), a
    "neither … nor", or a verb of denial above it ("denied that it was responsible")."""
    cur, steps = tok, 0
    while True:
        if any(c.dep_ in ("neg", "preconj", "cc") and c.lower_ in cues.negation_words for c in cur.children):
            return True
        if cur.lower_ in cues.negation_words:
            return True
        if steps and _lemma(cur) in cues.negation_verbs:
            return True
        if cur.head.i == cur.i or steps >= 4:
            return False
        cur, steps = cur.head, steps + 1


def find_claims(doc: Doc, cues: ClaimCues | None = None) -> list[Claim]:
    """Every statement of responsibility in ``doc`` that names a doer."""
    cues = cues or load_claim_cues()
    out: list[Claim] = []
    for tok in doc:
        lemma = _lemma(tok)
        doer: Token | None = None
        act: Token | None = None
        if lemma in cues.claim_nouns and tok.dep_ in ("dobj", "nsubjpass", "attr") \
                and _lemma(tok.head) in cues.claim_verbs:
            verb = tok.head  # "X claimed responsibility for …", "responsibility was claimed by X"
            doer = _pobj(verb, "by") if tok.dep_ == "nsubjpass" else _subject(verb)
            act = _pobj(tok, "for", "of") or _pobj(verb, "for")
            tok = verb
        elif lemma in cues.act_verbs and tok.pos_ == "VERB" and _child(tok, "dobj") is not None:
            act = _child(tok, "dobj")  # "X claimed the bombing": only when the object is an event
            if act.pos_ not in NOUNS or _lemma(act) in cues.claim_nouns or _subject(tok) is None \
                    or _negated(tok, cues):
                continue
            out.append(Claim(tok, expand(_subject(tok)), act, strict=True))
            continue
        elif lemma in cues.blame_verbs and tok.pos_ == "VERB":
            obj = _child(tok, "dobj")
            on = _pobj(tok, "on", "upon") or (obj is not None and _pobj(obj, "on", "upon")) or None
            passive = _child(tok, "nsubjpass", "auxpass") is not None
            if on is not None:  # "blamed the attack on X", "was blamed on X", "an attack blamed on X"
                doer = on
                act = _child(tok, "nsubjpass") if passive else _child(tok, "dobj")
                if act is None and tok.dep_ in ("acl", "relcl") and tok.head.pos_ in NOUNS:
                    act = tok.head
            elif tok.dep_ == "xcomp" and _lemma(tok.head) == "be":  # "X is to blame (for …)"
                doer, act = _child(tok.head, "nsubj"), _pobj(tok, "for")
            else:  # "blamed X for the attack", "X was blamed for", "accused X of the attack"
                doer = _child(tok, "nsubjpass") if passive else _child(tok, "dobj")
                act = _pobj(tok, "for", "of", "with") \
                    or (doer is not None and _pobj(doer, "for", "of", "with")) or None
        elif lemma in cues.attribute_verbs and tok.pos_ == "VERB":
            obj = _child(tok, "dobj")  # "the attack was attributed to X", "X attributed the attack to Y"
            doer = _pobj(tok, "to") or (obj is not None and _pobj(obj, "to")) or None
            if _child(tok, "nsubjpass", "auxpass") is not None:
                act = _child(tok, "nsubjpass")
            else:
                act = _child(tok, "dobj")
            if act is None and tok.dep_ in ("acl", "relcl") and tok.head.pos_ in NOUNS:
                act = tok.head
        elif lemma in cues.adjectives:
            head = tok.head
            act = _pobj(tok, "for", "of")
            if tok.dep_ == "amod" and head.dep_ == "dobj" and _lemma(head.head) in cues.hold_verbs:
                tok, head = head.head, head  # "held X responsible" parsed as a modifier of X
            if tok.dep_ in ("acomp", "attr") and _lemma(head) == "be":  # "X was responsible for …"
                doer = _child(head, "nsubj")
            elif tok.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and _lemma(head) in cues.hold_verbs:
                doer = _child(head, "dobj", "nsubjpass")  # "held X responsible", "X was held responsible"
            elif _lemma(tok) in cues.hold_verbs:
                doer = head
            else:
                continue  # "those responsible": nobody named
        elif lemma in cues.work_nouns and tok.dep_ == "attr" and _lemma(tok.head) == "be":
            doer = _pobj(tok, "of")  # "the attack was the work of X"
            act = _child(tok.head, "nsubj")
        if doer is not None and doer.lower_ in _RELATIVE:
            doer = _antecedent(doer)  # "the front, which claimed responsibility …"
        if doer is None or doer.pos_ not in NOUNS | {"PRON"} or _negated(tok, cues):
            continue
        # "accused X of …" says who did what only when the act is named (and is an attack)
        out.append(Claim(tok, expand(doer), act, strict=lemma in cues.blame_verbs and lemma != "blame"))
    return out


def _named(actors: list[Actor]) -> bool:
    return any(a.name for a in actors)


def _target(claim: Claim, events: list[Event]) -> Event | None:
    """The ASSAULT event a claim is about (see the module docstring)."""
    assaults = [e for e in events if e.type == "ASSAULT"]
    if not assaults:
        return None
    if claim.act is not None:
        sub = list(claim.act.subtree)
        lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
        inside = [e for e in assaults if lo <= e.evidence.trigger_start < hi]
        if inside:
            return min(inside, key=lambda e: e.evidence.trigger_start)
    if claim.strict:
        return None
    at = claim.cue.idx
    before = [e for e in assaults if e.evidence.trigger_start < at]
    if before:
        return max(before, key=lambda e: e.evidence.trigger_start)
    sent = claim.cue.sent
    after = [e for e in assaults if sent.start_char <= e.evidence.trigger_start < sent.end_char]
    return min(after, key=lambda e: e.evidence.trigger_start) if after else None


def attach_claims(events: list[Event], doc: Doc, resolve: Callable[[Token], list[Actor]]) -> list[Event]:
    """Give each claimed or blamed doer to the ASSAULT event its statement is about, when that
    event names no actor (in place). ``resolve`` turns a doer's head token into actors; a doer
    counts when it is named (a knowledge-base name, a proper noun) or of a known sector ("the
    guerrillas"); a pronoun only through the name it was resolved to."""
    if not any(e.type == "ASSAULT" and not _named(e.actors) for e in events):
        return events  # nothing a claim could give a doer to: skip the walk over the document
    cues = load_claim_cues()
    for claim in find_claims(doc, cues):
        event = _target(claim, events)
        if event is None or _named(event.actors):
            continue  # no act for it to name a doer of: resolve nobody
        claimed = _lemma(claim.cue) in cues.claim_verbs
        doers = []
        for tok in claim.doers:
            if tok.pos_ == "PRON" and not tok.ent_type_:
                found = [a for a in resolve(tok) if a.name]
            elif tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "NORP", "PERSON"):
                found = [a for a in resolve(tok) if a.name or a.text]
            else:  # "the group", "the guerrillas": a doer the knowledge base knows by its sector,
                # or whoever claims an act for itself ("the Extraditables claimed the kidnapping")
                found = [a for a in resolve(tok) if a.name or a.sector or (claimed and a.text)]
            doers.extend(found)
        if not doers:
            continue
        # the doer a claim names is not the act's target: "blamed X for the murder of Y" parsed
        # with X as the murder's patient gives X back to the doers, and Y (the act's "of") its place
        doer_spans = {(a.start, a.end) for a in doers}
        kept = [r for r in event.recipients if (r.start, r.end) not in doer_spans]
        if len(kept) < len(event.recipients):
            event.recipients[:] = kept
            patient = _pobj(claim.act, "of", "on", "against") if claim.act is not None else None
            if not kept and patient is not None and patient.pos_ in NOUNS:
                event.recipients.extend(a for a in resolve(patient) if a.name or a.text)
        spans = {(a.start, a.end) for a in event.actors + event.recipients}
        event.actors.extend(replace(a) for a in doers if (a.start, a.end) not in spans)
    return events

"""Second chances for roles the pattern's own sources left empty or abstract.

- ``inner_heads``: a role filled by an abstract noun ("rejected an appeal from the UN",
  "demanded the withdrawal of Serbian forces", "a Senegalese peace plan") names its actor inside:
  its possessor, the object of by/from/of, or a country adjective.
- ``fallback_heads``: a recipient found elsewhere: the subject of a "that" clause ("demanded
  that the US cancel"), the object of the embedded act ("refused to meet Jordan's king"), or a
  country named by a preposition on the trigger ("aid for Romania").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .ontology import Cues, cue_section
from .syntax import NOUNS, expand, neighbourhood, objects, subjects

__all__ = ["CHARGE_VERBS", "FALLBACK_ACTORS", "FALLBACK_RECIPIENTS", "INSTRUMENTS", "TARGET_NOUNS", "copula_targets",
           "fallback_heads",
           "inner_heads", "is_instrument"]

#: What an attack is done with, never who does it ("a car bomb exploded"), and the nouns that
#: name an act's target when the act is their "of" ("X was the target of the attack"): word
#: lists in ``data/cues.toml`` ``[roles]``.
INSTRUMENTS = cue_section("roles").get("instruments", frozenset())
TARGET_NOUNS = cue_section("roles").get("target_nouns", frozenset())
#: Verbs that put the charge after their object ("accused X of Y"): ``[roles] charge_verbs``.
CHARGE_VERBS = cue_section("roles").get("charge_verbs", frozenset())

FALLBACK_RECIPIENTS = ("clause", "embedded", "place")
#: Where an agentless act names its doer in its cause ("killed in police firing").
FALLBACK_ACTORS = ("cause",)
_CAUSE_PREPS = {"in", "during", "after", "by", "from", "to", "of", "due", "because"}
_CAUSE_NOUNS = {"firing", "fire", "shooting", "encounter", "action", "attack", "raid", "crackdown", "custody",
                "lathicharge", "lathi-charge", "strike", "airstrike", "bombing", "shelling", "operation",
                "gunfire", "crossfire", "assault", "offensive", "ambush", "torture", "beating"}
#: Verbs of a time clause ("when police fired") whose subject caused an agentless death.
_CAUSE_VERBS = {"fire", "open", "shoot", "attack", "lathicharge", "baton-charge", "charge", "beat", "raid", "storm", "clash"}
_INNER_PREPS = ("by", "from", "of", "for", "with", "against", "on", "to")
_PLACE_PREPS = {"to", "for", "into", "with", "against", "on"}
_EMBED_PREPS = {"to", "with", "against", "on", "from", "into", "for"}
_SENT_TO = {"to", "into"}
#: Verbs whose object is what is sent or given, their "to" phrase whom it is for (``[roles]
#: giving_verbs``): "offered to send troops to Uganda".
GIVING_VERBS = cue_section("roles").get("giving_verbs", frozenset())


def is_instrument(tok: Token) -> bool:
    """Whether ``tok`` names a weapon, vehicle or blast rather than a person or group."""
    return tok.pos_ in NOUNS and tok.lemma_.lower() in INSTRUMENTS and not tok.ent_type_


def copula_targets(tok: Token) -> list[Token]:
    """The target of an act named across a copula: "X was the target of the attack", "the
    objective of the attack was X", "X and Y were the victims of the bombing", and for the
    trigger modifying the act ("bomb" of "the target of bomb attacks")."""
    while tok.dep_ == "compound" and tok.head.i != tok.i and tok.head.pos_ in NOUNS:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return []
    noun = prep.head
    verb = noun.head
    if noun.lemma_.lower() not in TARGET_NOUNS or noun.pos_ not in NOUNS or verb.lemma_.lower() != "be" \
            or verb.i == noun.i:
        return []
    if noun.dep_ == "attr":
        return [x for c in verb.children if c.dep_ == "nsubj" for x in expand(c)]
    if noun.dep_ == "nsubj":
        return [x for c in verb.children if c.dep_ == "attr" and c.i != noun.i for x in expand(c)]
    return []


def inner_heads(head: Token, country_of: Callable[[str], str | None]) -> list[Token]:
    out: list[Token] = [c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    for prep in head.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in _INNER_PREPS:
            out.extend(x for p in prep.children if p.dep_ == "pobj" for x in expand(p))
    for acl in head.children:  # "the missiles fired by X", "a proposal submitted by X"
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            out.extend(x for a in acl.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                       for x in expand(p))
    for c in head.children:  # "Israeli strikes"; a level deeper: "US drone attacks"
        if c.dep_ in ("amod", "compound", "nmod"):
            out.extend(m for m in (c, *(g for g in c.children if g.dep_ in ("amod", "compound", "nmod")))
                       if country_of(m.text))
    return [t for t in out if t.i != head.i]


def fallback_heads(tok: Token, source: str, cues: Cues) -> list[Token]:
    if source == "clause":
        return [s for c in tok.children if c.dep_ == "ccomp" for s in subjects(c, cues)]
    if source == "embedded":
        out: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
                sent = [o for w, o in neighbourhood(c, deep=False) if w in _SENT_TO] \
                    if c.lemma_.lower() in GIVING_VERBS else []  # "offered to send troops to Uganda": Uganda
                out = sent or objects(c) or [o for w, o in neighbourhood(c, deep=False) if w in _EMBED_PREPS]
                if out:
                    break
        return out
    if source == "cause":  # "killed in police firing" (also parsed as "police" + acl "firing")
        out = []
        for w, o in neighbourhood(tok, deep=False, gerunds=True):
            if w not in _CAUSE_PREPS:
                continue
            if o.lemma_.lower() in _CAUSE_NOUNS or o.lower_ in _CAUSE_NOUNS:
                # "police firing" (a noun, or a verb with "police" its subject: "in police firing")
                mods = ("compound", "amod", "poss", "nmod") if o.pos_ in NOUNS else ("compound", "nsubj", "poss")
                out.extend(m for m in o.children if m.dep_ in mods and m.pos_ in ("NOUN", "PROPN", "ADJ"))
                if not out:  # "killed in firing by the police"
                    out.extend(x for p in o.children if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "of")
                               for x in p.children if x.dep_ == "pobj" and x.pos_ in NOUNS)
            elif any(c.dep_ == "acl" and c.lemma_.lower() in ("fire", "shoot", "firing") for c in o.children):
                out.append(o)
        if not out:  # "killed … when police opened fire": the doer of a violent act in a time clause
            for c in tok.subtree:
                if c.dep_ == "advcl" and c.lemma_.lower() in _CAUSE_VERBS and any(
                        m.lower_ in ("when", "as", "after") for m in c.children) and (
                        c.lemma_.lower() != "open" or any(o.lemma_.lower() == "fire" for o in c.children)):
                    out.extend(subjects(c, cues))
        return out
    if source == "place":
        return [o for w, o in neighbourhood(tok) if w in _PLACE_PREPS and o.ent_type_ in ("GPE", "NORP")
                and o.pos_ in NOUNS]
    return []

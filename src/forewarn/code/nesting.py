"""How a trigger word sits under another trigger of its sentence, for the coder to decide
whether it names an act of its own or restates the other: reached through an adverbial or
relative clause or a coordinated verb (``beside``), a definite noun naming an act already done
(``presupposed``), the purpose of a meeting ("for talks"), the cause of a death ("in police
firing"), the content of what a verb acts on, its subject, or a relative clause."""

from __future__ import annotations

from spacy.tokens import Token

from .syntax import NOUNS, governor

__all__ = ["beside", "in_object_clause", "in_subject", "presupposed", "purpose_of", "via_prep", "via_relcl"]


def beside(tok: Token, anc: Token) -> bool:
    """Whether ``tok`` reaches ``anc`` through an adverbial or relative clause ("while activists
    were detained, ministers refused to act"), a participle with its own agent ("the house,
    attacked by commandos, was destroyed") or a verb coordinated with ``anc`` ("declined to
    comment but confirmed that they were booked"): an act of its own, not the content of ``anc``."""
    cur = tok
    while cur.i != anc.i and cur.head.i != cur.i:
        if cur.dep_ in ("advcl", "relcl", "parataxis") or (cur.dep_ == "conj" and cur.head.i == anc.i):
            return True
        if cur.dep_ == "acl" and cur.tag_ == "VBN" and cur.head.pos_ in NOUNS and any(
                c.dep_ == "agent" for c in cur.children):
            return True  # "the house, attacked by commandos, was destroyed": a reduced relative clause
        cur = cur.head
    return False


def presupposed(tok: Token, anc: Token) -> bool:
    """Whether a noun trigger under an act with content names an act that already happened, not
    that content: a definite noun with its patient ("ordered a judge to investigate *the
    murder of X*", "vowed to avenge the killing of X"), deeper than the act's own object ("demanded
    the release of X", "called for the release of X": the release is what is asked)."""
    if tok.pos_ not in NOUNS or not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the")
                                        for c in tok.children):
        return False
    if not any(c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" for p in c.children)
               for c in tok.children):
        return False  # its patient named ("of X"): "launch an offensive in its war with Y" is still the threat
    gov = governor(tok)
    return gov is not None and gov.i != anc.i


def purpose_of(desc: Token, top: Token) -> bool:
    """Whether the event noun ``desc`` is what the event noun ``top`` is for ("held meetings with
    X for talks"): the same act, whose participants hang on ``top``."""
    return top.pos_ in NOUNS and desc.dep_ == "pobj" and desc.head.lower_ == "for" and desc.head.head.i == top.i


def via_prep(desc: Token, top: Token) -> bool:
    """Whether ``desc`` hangs off ``top`` through a preposition or a time clause ("killed in police
    firing", "killed when police opened fire": the firing is the cause, not a restatement)."""
    cur = desc
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in ("pobj", "prep", "agent") or (cur.dep_ == "advcl" and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "after", "while") for c in cur.children)):
            return True
        cur = cur.head
    return False


def in_object_clause(desc: Token, top: Token) -> bool:
    """Whether ``desc`` lies in a clause on the object of the verb ``top`` ("praised Trump's
    decision *to recognize* Jerusalem"): the content of what the verb acts on, an act of another
    party, not a restatement of the verb's own act."""
    if top.pos_ not in ("VERB", "AUX"):
        return False
    cur = desc
    while cur.head.i != cur.i and cur.head.i != top.i:
        if cur.dep_ in ("acl", "relcl") and cur.head.pos_ in NOUNS and cur.head.dep_ == "dobj" \
                and cur.head.head.i == top.i:
            return True
        cur = cur.head
    return False


def in_subject(desc: Token, top: Token) -> bool:
    """Whether ``desc`` lies in the subject of the verb ``top`` ("police firing left two dead",
    "firing" read as a verb): the act that did what the verb says, not a restatement of it."""
    cur = desc
    while cur.head.i != cur.i and cur.head.i != top.i:
        cur = cur.head
    return cur.head.i == top.i and cur.dep_ in ("nsubj", "nsubjpass", "csubj")


def via_relcl(desc: Token, top: Token) -> bool:
    """Whether ``desc`` lies in a relative clause under ``top`` ("talks with X, who is in Moscow on
    a visit": the visit is X's, not a restatement of the talks)."""
    cur = desc
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ == "relcl":
            return True
        cur = cur.head
    return False

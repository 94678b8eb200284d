"""A last chance for an event's recipient: someone or somewhere named deeper in what the trigger governs.

When the pattern's own sources and the usual fallbacks leave an event without a recipient that
names a country, the act is often aimed at someone the sentence names further down:

- in the embedded act of a statement ("threatened to cut off electricity *to Nakhichevan*",
  "refused to commit to any assistance to the *US*-led war");
- in the purpose of a protest ("staged a hunger strike to protest *President Assad*'s failure",
  "blocked a road to show their disapproval of *the United States'* policies");
- in a condition ("threatened a strike unless *Israel* rescinded the annexation");
- or the act is done to a place ("lifted a curfew *in Montenegro*", "demonstrated *in Serbia*"):
  PLOVER codes the place as the target when nobody else is.

``reach_heads`` walks the trigger's dependents breadth first (nearest first), never into its own
subject, into clauses of saying that attribute the sentence, into time or cause clauses (other
events), or into relative clauses; it returns the candidate heads that name participants, then
the places. It mends three common misparses on the way: a preposition left without its object
("granted asylum *to* four soldiers holed up ...", the soldiers parsed as a clause's subject),
an object moved after an "as" phrase ("condemned as a provocation *X's seizure*"), and a
condition hung on the verb of intent rather than on the act ("vowed to fight *until they take
X*"); a closing attribution (", Foreign Minister X said") is never a candidate. The caller
resolves them in order and keeps the first that names a country; a place found for a recipient
that names none gives that recipient its country instead ("arrested three protesters in Moscow").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .ontology import Cues
from .syntax import ACTOR_ENTS, NOUNS, PLACE_ENTS, PLACE_PREPS, expand

__all__ = ["reach_heads"]

#: Dependents never walked into from any node.
_SKIP = {"punct", "cc", "aux", "auxpass", "neg", "mark", "det", "parataxis", "relcl", "predet",
         "case", "expl", "dep", "meta", "intj", "preconj", "quantmod"}
#: The trigger's own doers.
_SUBJ = {"nsubj", "nsubjpass", "csubj", "csubjpass", "agent"}
#: Prepositions whose object is another event or the source, not a participant.
_NOT_PREPS = {"according", "after", "before", "since", "during", "despite", "amid", "amidst", "following",
              "until", "till", "throughout", "like", "unlike", "besides", "including", "as"}
#: Clause markers of a condition or a purpose: these clauses stay part of the act.
_KEEP_MARKS = {"if", "unless", "until", "so"}
MAX_DEPTH = 7


def _clause_ok(tok: Token, cues: Cues) -> bool:
    """Whether an adverbial or complement clause is still part of the act (a purpose, a condition,
    an embedded act), rather than another event (a time or cause clause) or the source's saying."""
    if tok.lemma_.lower() in cues.speech:
        return False
    if tok.dep_ != "advcl":
        return True
    marks = {c.lower_ for c in tok.children if c.dep_ in ("mark", "advmod")}
    if marks & _KEEP_MARKS:
        return True
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)  # "to demand", "to protest"


def _orphan(prep: Token) -> Token | None:
    """The object of a preposition the parser left without one, read as the subject of a clause
    after it ("granted asylum to four soldiers holed up in ...": *soldiers* parsed as the subject
    of *holed*): the noun that starts right after the preposition and heads a clause's subject."""
    if prep.dep_ != "prep" or any(c.dep_ == "pobj" for c in prep.children):
        return None
    doc = prep.doc
    if prep.i + 1 >= len(doc):
        return None
    for cand in doc[prep.i + 1:min(len(doc), prep.i + 8)]:
        if cand.dep_ in ("nsubj", "nsubjpass") and cand.pos_ in NOUNS and cand.left_edge.i == prep.i + 1 \
                and cand.head.i > cand.i and cand.head.head.i == prep.head.i:
            return cand
    return None


def _attribution_zone(tok: Token, cues: Cues) -> tuple[int, int]:
    """The token indices (exclusive bounds) of a closing attribution after the trigger ("…, Foreign
    Minister Jonas Berg said"): from the last comma before the sentence's verb of
    saying to that verb. Nothing there is the act's participant, however the parser hangs it."""
    root = tok.sent.root
    if root.i <= tok.i or root.lemma_.lower() not in cues.speech:
        return (0, 0)
    comma = next((t.i for t in reversed(tok.doc[tok.i + 1:root.i]) if t.text == ","), None)
    return (comma, root.i) if comma is not None else (0, 0)


def _later_conditions(tok: Token) -> list[Token]:
    """Conditions the parse hangs one verb too high: "vowed to fight *until they take X*" parsed
    under "vowed". For an act stated as the purpose or plan of its head verb ("to fight"),
    that verb's conditions after the act are the act's own."""
    if tok.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return []
    return [c for c in tok.head.children if c.dep_ == "advcl" and c.i > tok.i and c.pos_ in ("VERB", "AUX")
            and {m.lower_ for m in c.children if m.dep_ == "mark"} & _KEEP_MARKS]


def _shifted(node: Token, tok: Token) -> list[Token]:
    """Objects the parse hangs elsewhere: a preposition's lost object (``_orphan``), and an
    object moved after an "as" phrase ("condemned as a provocation *X's seizure* of ...", parsed
    as an apposition of *provocation*) when the trigger has no object of its own."""
    out = []
    for c in node.children:
        orphan = _orphan(c)
        if orphan is not None:
            out.append(orphan)
        if node.i == tok.i and c.dep_ == "prep" and c.lower_ == "as" and not any(
                x.dep_ == "dobj" for x in node.children):
            out.extend(a for p in c.children if p.dep_ == "pobj" for a in p.children
                       if a.dep_ == "appos" and a.i > p.i)
    return out


def reach_heads(tok: Token, cues: Cues, is_actor: Callable[[Token], bool], *,
                places: bool = True, skip: Callable[[Token], bool] = lambda t: False) -> list[tuple[Token, bool]]:
    """Candidate recipient heads under ``tok``, each with whether it is a place: participants first
    (nearest first), then places."""
    actors: list[Token] = []
    taken: set[int] = set()  # indices of the actors found
    found_places: list[Token] = []
    seen = {tok.i}
    zone = _attribution_zone(tok, cues)
    queue: list[tuple[Token, int]] = [(tok, 0)]
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head  # "remained on alert in the West Bank"
    if tok.pos_ in NOUNS and tok.dep_ in ("dobj", "pobj") and head.pos_ in ("VERB", "AUX") and (
            tok.dep_ == "pobj" or head.lemma_.lower() in cues.light_verbs):
        queue.append((head, 1))  # "staged demonstrations to demand reforms by X": the light verb's purpose
        seen.add(head.i)
    else:
        head = tok
    for c in _later_conditions(tok):  # "vowed to fight until they take X"
        queue.append((c, 1))
        seen.add(c.i)
    while queue:
        node, depth = queue.pop(0)
        if depth >= MAX_DEPTH:
            continue
        for c in [*node.children, *_shifted(node, tok)]:
            shifted = c.head.i != node.i
            if c.i in seen or c.dep_ in _SKIP or (
                    not shifted and node.i in (tok.i, head.i) and c.dep_ in _SUBJ):
                continue
            if c.dep_ == "prep" and c.lower_ in _NOT_PREPS:
                continue
            if c.pos_ in ("VERB", "AUX") and (c.dep_ == "conj" or not _clause_ok(c, cues)):
                continue
            if c.dep_ in ("ccomp", "advcl", "xcomp") and c.pos_ not in ("VERB", "AUX", "ADJ"):
                continue
            seen.add(c.i)
            if skip(c) or zone[0] < c.i < zone[1]:
                continue
            queue.append((c, depth + 1))
            if c.pos_ == "PRON" or c.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
                continue
            if c.ent_type_ and c.dep_ in ("compound", "amod", "nmod") and c.head.ent_type_ == c.ent_type_ \
                    and c.head.ent_iob_ == "I":
                continue  # "Hong" of "Hong Kong": the name is its last word's
            if node.i == tok.i and c.dep_ in ("compound", "amod", "nmod"):
                continue  # the trigger's own modifiers: "a state visit", "artillery fire"
            place = (c.dep_ == "pobj" and c.head.lower_ in PLACE_PREPS and c.ent_type_ in PLACE_ENTS)
            if place:
                if places:
                    found_places.extend(expand(c))
                continue
            if (c.pos_ in NOUNS and (c.ent_type_ in ACTOR_ENTS or is_actor(c))) or (
                    c.pos_ == "ADJ" and c.ent_type_ in ("NORP", "GPE")):
                for x in expand(c):
                    if x.i not in taken:
                        taken.add(x.i)
                        actors.append(x)
    return [(a, False) for a in actors] + [(p, True) for p in found_places if p.i not in taken]

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
the places. The caller resolves them in order and keeps the first that names a country; a place
found for a recipient that names none gives that recipient its country instead ("arrested three
protesters in Moscow").
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


def reach_heads(tok: Token, cues: Cues, is_actor: Callable[[Token], bool], *,
                places: bool = True, skip: Callable[[Token], bool] = lambda t: False) -> list[tuple[Token, bool]]:
    """Candidate recipient heads under ``tok``, each with whether it is a place: participants first
    (nearest first), then places."""
    actors: list[Token] = []
    taken: set[int] = set()  # indices of the actors found
    found_places: list[Token] = []
    seen = {tok.i}
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
    while queue:
        node, depth = queue.pop(0)
        if depth >= MAX_DEPTH:
            continue
        for c in node.children:
            if c.i in seen or c.dep_ in _SKIP or (node.i in (tok.i, head.i) and c.dep_ in _SUBJ):
                continue
            if c.dep_ == "prep" and c.lower_ in _NOT_PREPS:
                continue
            if c.pos_ in ("VERB", "AUX") and (c.dep_ == "conj" or not _clause_ok(c, cues)):
                continue
            if c.dep_ in ("ccomp", "advcl", "xcomp") and c.pos_ not in ("VERB", "AUX", "ADJ"):
                continue
            seen.add(c.i)
            if skip(c):
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

"""The words of a phrase naming an actor: the noun phrase a head word stands for, the named
entity at a token, titles and appositions, place phrases on the head, and the modifiers that
name a people ("ethnic Albanians") or a country the phrase is against ("anti-Syria")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .gazetteer import gazetteer, norm
from .kb import ActorKB

__all__ = ["COUNTRYISH", "MODS", "TITLES", "against", "entity_at", "ethnic", "lemma_phrase", "misspelt_country",
           "np_span", "on_head", "strip_det", "strip_titles", "unbracketed", "with_apposition"]

TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "president", "prime", "minister", "premier",
          "chancellor", "king", "queen", "prince", "general", "gen", "sen", "senator", "rep", "lord",
          "mr.", "mrs.", "ms.", "dr.", "gen.", "sen.", "rep.", "secretary", "ayatollah", "sheikh"}
#: Children that do not belong to the phrase naming an actor.
_CUT = {"conj", "cc", "appos", "relcl", "acl", "punct", "advcl", "parataxis"}
#: Prepositional phrases that stay in a name ("media in Russia", "a spokesman for the FSB").
_NP_PREPS = {"of", "for", "from", "in"}
MODS = {"amod", "compound", "nmod", "poss", "npadvmod", "nummod"}


def _belongs(tok: Token) -> bool:
    return tok.dep_ not in _CUT and (tok.dep_ != "prep" or tok.lower_ in _NP_PREPS)


def np_span(head: Token) -> Span:
    """The words naming the entity headed by ``head``: its subtree less clauses, conjuncts, appositions."""
    keep = [head]
    stack = [c for c in head.children if _belongs(c)]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if _belongs(c))
    idx = sorted(t.i for t in keep)
    start, end = idx[0], idx[-1] + 1
    doc = head.doc
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def entity_at(tok: Token) -> Span | None:
    """The named entity containing ``tok``, if any."""
    if not tok.ent_type_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def strip_titles(words: list[str]) -> list[str]:
    while len(words) > 1 and words[0].lower().rstrip(".") in {t.rstrip(".") for t in TITLES}:
        words = words[1:]
    return words


def with_apposition(head: Token, span: Span) -> Span:
    """The phrase and an apposition naming the same actor ("Kristina Baum, a spokesperson for
    the White House"; "the US Ambassador, Stuart Symington")."""
    appos = [c for c in head.children if c.dep_ == "appos" and c.i > head.i]
    if not appos:
        return span
    inner = np_span(appos[0])
    if inner.end <= span.end or any(t.is_punct and t.text not in (",", "-", "'s", "’s") for t in head.doc[span.end:inner.end]):
        return span
    return head.doc[span.start:inner.end]


#: Prepositions whose object places the phrase's head ("demonstrators in Baghdad", "a bombing near X").
_PLACE_OF = {"in", "from", "of", "at", "near", "outside", "inside", "around"}
#: Participles that place the noun they modify ("a group based in Trinidad").
_PLACING = {"base", "locate", "headquarter", "station", "operate", "live"}


def on_head(tok: Token, head: Token) -> bool:
    """Whether ``tok`` is in a place or source phrase on ``head`` ("demonstrators in Baghdad",
    "a mission of observers from the OSCE"): only in/from/of/at phrases lead back to the head."""
    cur = tok
    for _ in range(6):
        while cur.dep_ in ("compound", "amod", "nmod", "poss") and cur.head.i != cur.i:
            cur = cur.head
        if cur.dep_ == "appos" and cur.head.i == head.i:
            return True  # "Kenzo Oshima, the United Nations relief coordinator"
        prep = cur.head
        if cur.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _PLACE_OF:
            return False
        if prep.head.i == head.i:
            return True
        cur = prep.head
        if cur.dep_ == "acl" and cur.lemma_.lower() in _PLACING and cur.head.i == head.i:
            return True  # "a newspaper based in Beirut"
    return False


def ethnic(tok: Token) -> bool:
    """ "ethnic Albanians", "ethnic Serb civilians": a people, not a state; such groups are of the
    country they live in (the article's), as event coders code them."""
    doc = tok.doc
    return tok.ent_type_ == "NORP" and any(doc[j].lower_ == "ethnic" for j in range(max(0, tok.i - 2), tok.i))


def against(tok: Token) -> bool:
    """ "anti-Syria", "pro-Iranian": a country the phrase is for or against, not of."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("anti", "pro", "non"):
        return True
    return tok.lower_.startswith(("anti-", "pro-"))


def strip_det(text: str) -> str:
    for det in ("the ", "The ", "THE "):
        if text.startswith(det):
            return text[len(det):]
    return text


def lemma_phrase(tokens: list[Token]) -> str:
    return " ".join(t.lemma_.lower() for t in tokens)


def unbracketed(text: str) -> str | None:
    """The name without a bracketed part ("Islamic Salvation Front (FIS)" → "Islamic Salvation Front")."""
    if "(" not in text:
        return None
    out = re.sub(r"\s*\([^()]*\)?", " ", text).strip()
    return " ".join(out.split()) or None


def misspelt_country(kb: ActorKB, text: str) -> str | None:
    """The country a misspelt name or demonym stands for ("Ethopia"), when no place is so named."""
    iso = kb.near_country(text)  # cached, and None for nearly every word: ask it first
    if iso is None:
        return None
    g, key = gazetteer(), norm(text)
    return None if key in g.names or key in g.alt_names else iso


#: Entity labels a misspelt country name or demonym is tagged with.
COUNTRYISH = ("GPE", "NORP", "LOC")

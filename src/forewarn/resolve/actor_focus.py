"""The country an article is most about, read from every kind of name in it.

The coder weighs the countries its place and nationality names give; when those name none,
actors the text places nowhere still default to a country the rest of the article names:
a place the tagger calls a location ("a curfew in Algiers"), an organisation named for its
country ("the Kenya Anti-Corruption Commission"), a known organisation or person.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from .kb import ActorKB

__all__ = ["doc_focus"]

_PLACES = ("GPE", "LOC", "NORP", "FAC")


def _iso(code: str | None) -> str | None:
    """Country codes only: not the IGO / NGO / IMG codes of international bodies."""
    return code if code and code not in ("IGO", "NGO", "IMG") else None


def name_country(kb: ActorKB, text: str, label: str) -> str | None:
    """The country one entity names, if any."""
    iso = kb.country_of(text)
    if iso:
        return iso
    entry = kb.lookup(text)
    if entry is not None and (label in _PLACES or entry.kind in ("organization", "person")):
        return _iso(entry.country)
    if label == "ORG":
        words = text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        for n in (2, 1):  # "Kenya Anti-Corruption Commission", "Nigerian Union of Teachers"
            if len(words) > n:
                iso = kb.country_of(" ".join(words[:n]))
                if iso:
                    return iso
    return None


def doc_focus(doc: Doc, kb: ActorKB) -> str | None:
    """The country most often named by the document's entities (places, organisations, persons)."""
    counts = Counter(name_country(kb, e.text, e.label_) for e in doc.ents
                     if e.label_ in (*_PLACES, "ORG", "PERSON"))
    # a country's name the tagger left untagged ("the Kenya Anti-Corruption Commission")
    counts.update(kb.country_of(t.text) for t in doc if t.pos_ == "PROPN" and not t.ent_type_)
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else None

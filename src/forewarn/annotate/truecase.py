"""All-caps wire copy → mixed case, before parsing, without moving a single character.

A tagger trained on mixed-case news reads "POLICE ARRESTED THREE MEN IN DELHI" as a row of
proper nouns. ``truecase`` lower-cases such text, then capitalises sentence starts, "I", and
the words of names the caller knows (actor knowledge base, gazetteer); acronyms it is told of
stay upper-case. Every character keeps its position, so offsets into the truecased text are
offsets into the original body.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.lang.en.stop_words import STOP_WORDS

__all__ = ["is_shouting", "truecase"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
#: Initialisms written with stops ("U.S.", "U.N."): they stay upper-case.
_DOTTED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}", re.UNICODE)
_AFTER_DOTTED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}[ \t]+$", re.UNICODE)
#: Acronyms that are also everyday English words: in all-caps copy "WHO", "US", "IS" are
#: mostly the words, so they stay acronyms only after "the" ("the US", "the WHO"), and "CAR"
#: (in "car bomb") never does.
_COMMON_WORDS = {"car", "aid", "arms", "art", "cap", "cat", "dam", "fat", "fed", "gap", "mad", "map", "net", "pan",
                 "pat", "ram", "sad", "tap", "war", "wed"}
_SENT_END = re.compile(r"[.!?]['\")\]]*\s+$|\n\s*\n\s*$|^\s*$")


def is_shouting(text: str, sample: int = 4000, threshold: float = 0.7) -> bool:
    """Whether most letters of ``text`` (its first ``sample`` characters) are capitals."""
    letters = [c for c in text[:sample] if c.isalpha()]
    if len(letters) < 20:
        return False
    return sum(1 for c in letters if c.isupper()) / len(letters) >= threshold


def _same_length(a: str, b: str) -> str:
    return b if len(a) == len(b) else a


def truecase(text: str, names: Collection[str] = (), acronyms: Collection[str] = ()) -> str:
    """``text`` lower-cased, with sentence starts, "I", known name words (``names``, lower-case
    words) capitalised and ``acronyms`` (upper-case) kept. Same length as ``text``."""
    out = list(_same_length(text, text.lower()))
    kept = []
    for m in _WORD.finditer(text):
        word, start = m.group(), m.start()
        low = word.lower()
        if word in acronyms and low not in _COMMON_WORDS and (
                low not in STOP_WORDS or text[max(0, start - 4):start].lower() == "the "):
            kept.append(m)
            continue  # already upper-case in the original: copy it back
        before = text[max(0, start - 8):start]
        if low in names or low == "i" or (_SENT_END.search(before[-6:]) and not _AFTER_DOTTED.search(before)):
            first = word[0].upper()
            if len(first) == 1:
                out[start] = first
    for m in [*kept, *_DOTTED.finditer(text)]:
        out[m.start():m.end()] = list(m.group())
    return "".join(out)

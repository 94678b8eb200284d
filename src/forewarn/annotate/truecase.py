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

__all__ = ["is_shouting", "truecase"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
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
    for m in _WORD.finditer(text):
        word, start = m.group(), m.start()
        low = word.lower()
        if word in acronyms:
            continue  # already upper-case in the original: copy it back
        if low in names or low == "i" or _SENT_END.search(text[max(0, start - 6):start]):
            first = word[0].upper()
            if len(first) == 1:
                out[start] = first
    for m in _WORD.finditer(text):
        if m.group() in acronyms:
            out[m.start():m.end()] = list(m.group())
    return "".join(out)

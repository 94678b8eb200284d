"""Sentence boundaries the parser must respect, set before it runs.

``forewarn_paragraphs`` (a spaCy component placed before the parser) starts a sentence after
every blank line, so a lede without a final full stop never runs into the next paragraph, and
cuts runs of more than ``MAX_TOKENS`` tokens without a sentence-final mark (a 5,000-word
"sentence" of scraped text) at the next comma, semicolon or dash, or hard at ``HARD_TOKENS``:
parsing time and memory stay bounded per sentence, whatever the input.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["COMPONENT", "MAX_TOKENS", "HARD_TOKENS", "mark_boundaries"]

COMPONENT = "forewarn_paragraphs"
#: A run longer than this is cut at the next soft boundary …
MAX_TOKENS = 120
#: … and at this length whatever comes.
HARD_TOKENS = 200
_FINAL = {".", "!", "?", "…"}
_SOFT = {",", ";", ":", "—", "–", "-", "|"}


def mark_boundaries(doc: Doc) -> Doc:
    run = 0
    after_break = False
    for tok in doc:
        if tok.is_space:
            if tok.text.count("\n") >= 2:
                after_break = True
            continue
        if after_break and tok.i > 0:
            tok.is_sent_start = True
            run = 0
        after_break = False
        if run >= HARD_TOKENS or (run >= MAX_TOKENS and tok.i > 0 and doc[tok.i - 1].text in _SOFT):
            tok.is_sent_start = True
            run = 0
        run += 1
        if tok.text in _FINAL:
            run = 0
    return doc


@Language.component(COMPONENT)
def forewarn_paragraphs(doc: Doc) -> Doc:
    return mark_boundaries(doc)

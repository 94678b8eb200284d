"""Sentences to code, with their offset in the article body.

The cleaner separates paragraphs with blank lines, but a statistical sentence splitter can run a
sentence across one (a lede without a final full stop swallows the next paragraph and gets a
nonsense parse). Such sentences are split at the paragraph breaks and each piece is parsed again,
so no sentence ever crosses a paragraph. Offsets of re-parsed tokens are shifted by ``base``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span

__all__ = ["Unit", "sentence_units"]

_BREAK = re.compile(r"\n\s*\n")

Unit = tuple[Span, int]


def _trimmed(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]


def sentence_units(doc: Doc, parse: Callable[[str], Doc]) -> Iterator[Unit]:
    """(sentence, base offset) pairs; sentences never cross a blank line."""
    for sent in doc.sents:
        sent = _trimmed(sent)
        if not len(sent):
            continue
        if not _BREAK.search(sent.text):
            yield sent, 0
            continue
        offset = sent.start_char
        for piece in _BREAK.split(sent.text):
            start = doc.text.index(piece, offset) if piece.strip() else offset
            offset = start + len(piece)
            if not piece.strip():
                continue
            for sub in parse(piece).sents:
                sub = _trimmed(sub)
                if len(sub):
                    yield sub, start

"""Sentences to code, with their offset in the article body.

Sentence boundaries come from the parse: ``annotate.sentences`` (a component before the parser)
already starts a sentence after every blank line and cuts overlong runs, so the parse is right
the first time. A document parsed by a bare pipeline may still hold a sentence across a blank
line; it is cut into spans at the break (no second parse) so no event's evidence crosses a
paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

__all__ = ["Unit", "sentence_units", "untagged_dates"]

_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "sept"}
_SHIFTS = {"last", "next", "this", "past", "coming", "early", "late", "mid", "earlier", "later"}

Unit = tuple[Span, int]


def _trimmed(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]


def _pieces(sent: Span) -> Iterator[Span]:
    start = sent.start
    for tok in sent:
        if tok.is_space and tok.text.count("\n") >= 2:
            yield sent.doc[start:tok.i]
            start = tok.i + 1
    yield sent.doc[start:sent.end]


def sentence_units(doc: Doc) -> Iterator[Unit]:
    """(sentence, base offset) pairs; sentences never cross a blank line. The base is 0: every
    span is a span of ``doc``, whose text is the article body."""
    for sent in doc.sents:
        for piece in _pieces(sent):
            piece = _trimmed(piece)
            if len(piece):
                yield piece, 0


def untagged_dates(sent: Span) -> list[Span]:
    """Weekday and month names the entity recogniser left untagged ("on Tuesday" read as a
    person, "in May" as a modal), with a "last"/"next" before them, as DATE spans."""
    out = []
    for tok in sent:
        low = tok.lower_
        if tok.ent_type_ in ("DATE", "TIME") or not tok.text[:1].isupper():
            continue
        if low in _WEEKDAYS or (low in _MONTHS and low != "may") or (low == "may" and tok.pos_ == "PROPN"):
            start = tok.i - 1 if tok.i > sent.start and sent.doc[tok.i - 1].lower_ in _SHIFTS else tok.i
            out.append(Span(sent.doc, start, tok.i + 1, label="DATE"))
    return out

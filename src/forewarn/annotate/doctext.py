"""A parsed document's text, read once.

``Doc.text`` rebuilds the text from a ``Token`` per word on every access (O(length)); a coder
reading it per sentence or per finder pays that again and again. :func:`doc_text` keeps it in
``doc.user_data`` the first time; the prefilter stores the text it was given (spaCy's tokenizer
never changes a character, so it *is* ``doc.text``), so it is never rebuilt there.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["TEXT_KEY", "doc_text"]

TEXT_KEY = "forewarn.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built at most once per document."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None or len(text) != _length(doc):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def _length(doc: Doc) -> int:
    """The text's length from the last token's offset (0 for an empty document)."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)

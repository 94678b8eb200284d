"""Attribution cues as data (``data/attribution.toml``) and the line-level finders that need no
parse beyond token offsets: transcript speaker labels ("WALLACE: …") and quote bylines
('"…" ― Ana Ruiz'). Used by :mod:`forewarn.code.attribution`."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..annotate.doctext import doc_text
from ..resolve import read_toml
from .ontology import data_path

if TYPE_CHECKING:
    from .attribution import Attribution

__all__ = ["AttributionCues", "line_attributions", "load_attribution_cues"]

_LABEL = re.compile(r"^[ \t\"“]*([A-Z][\w.'’-]*(?:[ \t]+[\w.'’-]+){0,%d})[ \t]*:(?=\s)", re.M)
_BYLINE = re.compile(r"[\"”’][ \t\xa0]*[―—–][ \t\xa0]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})[ \t\xa0.]*$", re.M)


@dataclass(frozen=True)
class AttributionCues:
    verbs: frozenset[str]
    object_verbs: frozenset[str]
    quote_verbs: frozenset[str]
    phrases: frozenset[tuple[str, str]]
    according: tuple[tuple[str, ...], ...]
    nouns: frozenset[str]
    source_preps: frozenset[str]
    label_words: int
    not_speakers: frozenset[str]
    weak: frozenset[str]
    skip_sources: frozenset[str]
    content_preps: frozenset[str] = frozenset()
    adjectives: frozenset[str] = frozenset()
    quote_only: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    light_nouns: frozenset[str] = frozenset()
    lemma_fixes: tuple[tuple[str, str], ...] = ()
    own_voice: frozenset[str] = frozenset()

    @functools.cached_property
    def _fixes(self) -> dict[str, str]:
        """``lemma_fixes`` as a look-up (the first fix of a lemma wins, as in the list)."""
        fixes: dict[str, str] = {}
        for wrong, right in self.lemma_fixes:
            fixes.setdefault(wrong, right)
        return fixes

    @functools.cached_property
    def according_firsts(self) -> frozenset[str]:
        """The first words of the "according to" phrases: no other word can open one."""
        return frozenset(words[0] for words in self.according if words)

    def lemma(self, tok: Token) -> str:
        """``tok``'s lemma, lower case, with the known lemmatizer slips put right."""
        lemma = tok.lemma_.lower()
        return self._fixes.get(lemma, lemma)


@functools.lru_cache(maxsize=4)
def load_attribution_cues(path: Path | None = None) -> AttributionCues:
    data, _ = read_toml(path or data_path("attribution.toml"))

    def words(table: str, key: str) -> list[str]:
        return [str(w).lower() for w in data.get(table, {}).get(key, [])]

    phrases = frozenset(tuple(p.split(None, 1)) for p in words("phrases", "verbs") if " " in p)
    preps = tuple(tuple(p.split()) for p in words("prepositions", "according") + words("prepositions", "by"))
    verbs = frozenset(words("verbs", "clause"))
    return AttributionCues(verbs, verbs - frozenset(words("verbs", "no_object")),
                           frozenset(words("verbs", "quote")), phrases, preps, frozenset(words("nouns", "words")),
                           frozenset(words("nouns", "source_preps")),
                           int(data.get("speaker_labels", {}).get("max_words", 4)),
                           frozenset(words("speaker_labels", "not_speakers")), frozenset(words("verbs", "weak")),
                           frozenset(words("sources", "skip")), frozenset(words("prepositions", "content")),
                           frozenset(words("adjectives", "words")), frozenset(words("verbs", "quote_only")),
                           frozenset(words("light_verbs", "verbs")), frozenset(words("light_verbs", "nouns")),
                           tuple((str(k).lower(), str(v).lower()) for k, v in data.get("lemma_fixes", {}).items()),
                           frozenset(words("sources", "own_voice")))


_FUNCTION_POS = ("DET", "ADP", "ADV", "CCONJ", "SCONJ", "AUX", "VERB", "PART", "PRON", "NUM")


def _speaker_like(label: Span, rest: str, cues: AttributionCues) -> bool:
    """A line label names a speaker, not a heading ("The Latest:", "Still to come:"), a tally
    ("Clinton: 2,316.") or a saying clause the verb finder reads ("He added:", "Cruz tweeted:")."""
    if label[0].pos_ in _FUNCTION_POS and label[0].text.upper() != label[0].text:
        return False
    if any(t.pos_ in ("VERB", "AUX") or t.lemma_.lower() in cues.verbs and t.pos_ != "PROPN" for t in label[1:]):
        return False
    words = rest.strip()
    return not words or any(ch.isalpha() for ch in words)


def line_attributions(doc: Doc, cues: AttributionCues) -> list[Attribution]:
    """Transcript speakers ("WALLACE: …" at the start of a line) and quote bylines."""
    from .attribution import Attribution

    out = []
    text = doc_text(doc)  # ``doc.text`` is built from the tokens on every access
    pattern = re.compile(_LABEL.pattern % max(cues.label_words - 1, 0), re.M)
    for m in pattern.finditer(text):
        name = m.group(1)
        if len(name) < 2 or name.split()[0].lower().strip(".") in cues.not_speakers:
            continue
        start, colon = m.start(1), m.end(0) - 1
        tok = doc.char_span(start, m.end(1), alignment_mode="expand")
        line_end = text.find("\n", colon)
        line_end = len(text) if line_end < 0 else line_end
        if tok is not None and not _speaker_like(tok, text[colon + 1:line_end], cues):
            continue
        content = (colon + 1 + (len(text[colon + 1:line_end]) - len(text[colon + 1:line_end].lstrip())),
                   line_end)
        name_end = m.end(1)
        if tok is not None:  # a headline label: "Obama on Climate Change:", "Clinton to Planned Parenthood:"
            cut = next((t for t in tok[1:] if t.pos_ == "ADP" or t.lower_ in ("on", "to", "in", "at", "for")), None)
            if cut is not None:
                name_end = doc[cut.i - 1].idx + len(doc[cut.i - 1])
                tok = doc[tok.start:cut.i]
        out.append(Attribution((start, name_end), (colon, colon + 1), content if content[0] < content[1] else None,
                               tok.root.i if tok is not None else None, "label"))
    for m in _BYLINE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        tok = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        dash = max(text.rfind(d, m.start(), m.start(1)) for d in "―—–")
        content = (line_start, m.start() + 1) if line_start < m.start() else None
        out.append(Attribution((m.start(1), m.end(1)), (dash, dash + 1), content,
                               tok.root.i if tok is not None else None, "byline"))
    return out

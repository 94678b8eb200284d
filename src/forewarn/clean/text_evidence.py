"""The evidence of plain-text lines: word counts, stopword density, end punctuation, second-
person and first-person-plural words (outside quotation marks) and words about journalism.

:func:`page_lines` computes it for a whole page in a few passes over the page's tokens (one
lookup a token into one byte string, a line's counts read from its slice); :class:`_Line` alone
computes it for one line (the HTML cleaner's blocks, and the check that both agree).
"""

from __future__ import annotations

import re
from itertools import accumulate, compress, count, repeat
from operator import add

from .text_lines import Lines

__all__ = ["page_lines"]

#: English function words, for the prose test (stopword density). Written for forewarn.
_STOP = frozenset("""
a about above after again against all also although am an and any are around as at be because
been before being below between both but by can could did do does doing down during each either
even ever every few for from further had has have having he her here hers herself him himself his
how however i if in into is it its itself just least less like many may me might more most much
must my myself neither no nor not now of off on once one only or other our ours ourselves out over
own per rather same several she should since so some such than that the their theirs them
themselves then there these they this those though through thus to too under until up upon us
very was we were what whatever when where whether which while who whom whose why will with within
without would yet you your yours yourself yourselves said says say told according
""".split())

_SECOND = frozenset("you your yours yourself you're you've you'll you'd".split())
_FIRST_PLURAL = frozenset("we our ours us ourselves we're we've we'll we'd".split())


def _with_punctuation(words: frozenset[str]) -> frozenset[str]:
    """The words as whitespace tokens may carry them: with punctuation glued on either side."""
    out = set(words)
    for w in words:
        out.update(w + p for p in (",", ".", ";", ":", "!", "?", '"', ")", '."', ',"', "'s"))
        out.update(p + w for p in ('"', "(", "'"))
    return frozenset(out)


_STOPX = _with_punctuation(_STOP)
_SECONDX = _with_punctuation(_SECOND)
_FIRST_PLURALX = _with_punctuation(_FIRST_PLURAL)
_PERSONAL = _SECONDX | _FIRST_PLURALX
_ENDS = frozenset(".!?…")
#: Words a publisher uses about its own work (for the self-reference test).
_MEDIA = re.compile(
    r"\b(?:journalism|journalists?|reporters?|reporting|newsroom|editors?|readers?|the story"
    r"|our (?:coverage|stories|articles|work|mission|site|website|newsletter|documentar(?:y|ies))"
    r"|news outlets?|paywalls?|on the ground|subscribers?|independent)\b")
_QUOTED = re.compile(r"\"[^\"]*\"|«[^»]*»")


class _Line:
    """One candidate line and its evidence."""

    __slots__ = ("text", "plain", "key", "words", "stop", "ends", "you", "we", "media", "glued",
                 "cls", "reason", "cue_weak", "lede", "end")

    def __init__(self, text: str, plain: str, key: str, glued: bool, words: int = -1,
                 stop: float = 0.0) -> None:
        """A line's evidence; with ``words`` given (the page's lean pass) its word count and
        stopword density come from the caller, and the personal words are filled in later, for
        the lines that have them (:func:`_page_lines`)."""
        self.text, self.plain, self.key, self.glued = text, plain, key, glued
        self.ends = plain.rstrip("\"')]")[-1:] in _ENDS
        self.you = self.we = self.media = 0
        self.cls = self.reason = ""
        self.cue_weak = self.lede = False
        self.end = 0
        if words >= 0:
            self.words, self.stop = words, stop
            return
        toks = plain.split()
        n = self.words = len(toks)
        self.stop = sum(map(_STOPX.__contains__, toks)) / n if n else 0.0
        if not _PERSONAL.isdisjoint(toks):
            self._personal(toks)

    def _personal(self, toks: list[str]) -> None:
        """Second-person and first-person-plural words outside quotation marks."""
        plain = self.plain
        if '"' in plain or "«" in plain:
            outside = _QUOTED.sub(" ", plain)
            if outside.startswith('"') and outside.count('"') == 1:  # a quote over paragraphs
                outside = ""
            toks = outside.split()
        else:
            outside = plain
        self.you = sum(map(_SECONDX.__contains__, toks))
        self.we = sum(map(_FIRST_PLURALX.__contains__, toks))
        # only the self-reference test reads it, and only with two first-person-plural words
        self.media = len(_MEDIA.findall(outside)) if self.we >= 2 else 0


#: Every token's part in the line evidence as one byte (a stopword, a second-person word, a
#: first-person-plural word), so that a page's tokens become one byte string and a line's counts
#: are counts of a byte in its slice of it.
_STOP_BIT, _YOU_BIT, _WE_BIT = 1, 2, 4
_CODE: dict[str, int] = {}
for _words, _bit in ((_STOPX, _STOP_BIT), (_SECONDX, _YOU_BIT), (_FIRST_PLURALX, _WE_BIT)):
    for _w in _words:
        _CODE[_w] = _CODE.get(_w, 0) | _bit
del _words, _bit, _w
#: ``bytes.translate`` tables: a code → 1 when it has the bit, else 0
_HAS = {bit: bytes(int(bool(c & bit)) for c in range(256)) for bit in (_STOP_BIT, _YOU_BIT, _WE_BIT)}
_ONE = b"\x01"


def page_lines(src: Lines, keys: list[str], min_words: int = 6) -> tuple[list[_Line], bool]:
    """The lines of a page with their evidence, and whether the page reads as English.

    Whole-page passes instead of work per line: word counts from the single-spaced plain
    lines, one lookup per token of the page (:data:`_CODE`) into one byte string, a line's
    stopwords and personal words counted in its slice of it; only lines with personal words
    inside quotation marks are looked at again. The stopword density is computed for lines of
    at least ``min_words`` words (shorter ones are short lines whatever their words)."""
    plains = src.plains
    words = [p.count(" ") + 1 if p else 0 for p in plains]
    toks = src.block.split()
    total = len(toks)
    if total != sum(words):  # not single-spaced after all (never expected): line by line
        lines = [_Line(t, p, k, g) for t, p, k, g in zip(src.texts, plains, keys, src.glued)]
        total = sum(ln.words for ln in lines)
        stops = sum(ln.stop * ln.words for ln in lines)
        return lines, total > 0 and stops / total >= 0.12
    codes = bytes(map(_CODE.get, toks, repeat(0)))
    ends = list(accumulate(words))
    starts = [0, *ends[:-1]] if ends else []

    def counts(bit: int) -> list[int]:
        return list(map(codes.translate(_HAS[bit]).count, repeat(_ONE), starts, ends))

    stop = counts(_STOP_BIT)
    english = total > 0 and sum(stop) / total >= 0.12
    short = min_words
    lines = list(map(_Line, src.texts, plains, keys, src.glued, words,
                     [s / n if n >= short else 0.0 for s, n in zip(stop, words)]))
    you, we = counts(_YOU_BIT), counts(_WE_BIT)
    for i in compress(count(), map(add, you, we)):  # lines with a personal word
        ln = lines[i]
        if '"' in ln.plain or "«" in ln.plain:  # words inside quotes do not count
            ln._personal(ln.plain.split())
            continue
        ln.you, ln.we = you[i], we[i]
        if we[i] >= 2:  # only the self-reference test reads it, and only with two such words
            ln.media = len(_MEDIA.findall(ln.plain))
    return lines, english

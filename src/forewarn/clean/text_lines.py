"""Lines of a plain-text scrape: splitting, glued sentences, normalised forms and keys.

Everything here works on the whole text at once where it can (one ``lower()``, one NFKC, one
whitespace pass for the page) and touches single lines only where it must, so that a page of a
few hundred lines costs well under a millisecond.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate

__all__ = ["BAD", "GOOD", "NEAR", "SHORT", "Lines", "line_key", "mask_digits", "plain", "split_glued",
           "split_lines"]

#: The classes the cleaner gives a line: story text, borderline prose, a short line, not story.
GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"

_DIGITS = re.compile(r"[0-9]+")
_SPACES = re.compile(r"[^\S\n]+")
_EDGES = re.compile(r" ?\n ?")
_QUOTES = (("“", '"'), ("”", '"'), ("„", '"'), ("‘", "'"), ("’", "'"), ("–", "-"), ("—", "-"),
           ("\u200b", ""), ("\ufeff", ""))
#: The characters NFKC most often changes on a page, with their NFKC forms (no spaces in them).
_NFKC_COMMON = (("…", "..."), ("™", "TM"))
_PLAIN = str.maketrans({a: b for a, b in _QUOTES} | {"\u00a0": " "})


def plain(line: str) -> str:
    """NFKC, plain quotes and dashes, lowercase, whitespace collapsed (one line)."""
    if not line.isascii():
        line = unicodedata.normalize("NFKC", line).translate(_PLAIN)
    return " ".join(line.lower().split())


def line_key(line: str) -> str:
    """The normalised key of a line: NFKC, lowercase, plain quotes, whitespace collapsed,
    every run of digits masked as ``#`` ("Comments 711" and "Comments 12" share a key)."""
    return mask_digits(plain(line))


#: ASCII digits → a marker byte (digits never occur inside a multi-byte UTF-8 sequence)
_TO_MARK = bytes.maketrans(b"0123456789", b"\x01" * 10)


def mask_digits(text: str) -> str:
    """Every run of digits in ``text`` masked as ``#``. Digits are ASCII ones (NFKC has made
    fullwidth and superscript digits ASCII already); done on the UTF-8 bytes with one table
    lookup a byte, several times faster than a regular expression over the text."""
    raw = text.encode("utf-8", "surrogatepass")
    if b"\x01" in raw:  # the marker itself occurs: the slow way
        return _DIGITS.sub("#", text)
    masked = raw.translate(_TO_MARK)
    if masked == raw:
        return text
    pieces = masked.split(b"\x01")  # a run of marks leaves empty pieces between them
    return b"#".join([pieces[0], *filter(None, pieces[1:-1]), pieces[-1]]).decode(
        "utf-8", "surrogatepass")


def _plain_block(text: str) -> str:
    """:func:`plain` over a block of whitespace-collapsed lines joined by newlines, in a few
    whole-text passes (the quick NFKC check first: most pages are normalised already, and then
    no character was replaced that could leave two spaces together)."""
    respace = False
    if not text.isascii():
        for a, b in _NFKC_COMMON:  # their NFKC forms, put in cheaply: often all NFKC changes
            if a in text:
                text = text.replace(a, b)
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
            respace = True
        for a, b in _QUOTES:
            if a in text:
                text = text.replace(a, b)
                respace = respace or not b  # a character removed: its spaces may meet
    text = text.lower()
    if respace and ("  " in text or " \n" in text or "\n " in text or text[:1] == " "
                    or text[-1:] == " "):
        text = _EDGES.sub("\n", _SPACES.sub(" ", text)).strip(" ")
    return text


# --------------------------------------------------------------------------------------------
# Glued lines

#: A sentence end glued to the next sentence: punctuation, quotes or brackets (closing this
#: sentence or opening the next), then an uppercase letter that starts a word (followed by a
#: lowercase letter, or a one-letter word such as "I" or "A"). The character before the
#: punctuation must not be a space (checked in code: a look-behind makes the search slower).
_GLUE = re.compile(r"([.!?]+)([\"'”’)\]]*)(?=[A-Z](?:[a-z]|\s))")
_ABBREV = frozenset("""
mr mrs ms mx dr prof st jr sr sen rep gov gen lt col capt cpt sgt maj adm cmdr rev hon pres supt
insp det no nos vs etc inc ltd co corp plc llc bros dept est approx fig figs vol vols ed eds pp
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
mt ft ave blvd rd hwy univ assn govt intl natl
""".split())
#: What every match of :data:`_GLUE` holds (its last punctuation mark, closing marks, an uppercase
#: letter), one pattern a mark: each starts with a literal, which the regex engine skips to
#: quickly, so the lines worth splitting are found much faster than with ``_GLUE`` itself.
_GLUE_HINTS = tuple(re.compile(re.escape(c) + r"[\"'”’)\]]*[A-Z]") for c in ".!?")
_DOMAIN_AFTER = re.compile(r"(?:com|org|net|gov|edu|co|io|uk|de|fr|ru|info|biz)\b", re.I)
_INITIALISM = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")


def _is_abbreviation(token: str) -> bool:
    word = token.strip("\"'“‘([").rstrip(".")
    if not word:
        return True
    if word.lower() in _ABBREV:
        return True
    # dotted initialisms and short forms: U.S, e.g, i.e, a.m, Ph.D, U.K
    if _INITIALISM.fullmatch(word):
        return True
    return len(word) == 1  # a single initial: "J.Smith"


def split_glued(line: str) -> list[str]:
    """Split a line at sentence ends glued to the next sentence without a space.

    Abbreviations ("U.S.", "Mr.", "e.g."), decimals ("3.5"), URLs and domain names are not split.
    Returns ``[line]`` when there is nothing to split.
    """
    pieces: list[str] = []
    start = 0
    for m in _GLUE.finditer(line):
        if not m.start() or line[m.start() - 1].isspace():
            continue
        cut = m.end(1)
        for ch in m.group(2):  # closing quotes and brackets stay with the sentence they close
            if ch in "”’)]" or ch == '"' and line.count('"', start, cut) % 2 == 1:
                cut += 1
            else:
                break
        tok_start = max(line.rfind(" ", 0, m.start()), line.rfind("\t", 0, m.start())) + 1
        tok_end = line.find(" ", cut)
        token = line[tok_start: tok_end if tok_end != -1 else len(line)]
        left = line[tok_start:m.start()]
        if not left or "://" in token or "www." in token.lower() or "@" in token:
            continue
        if m.group(1).startswith(".") and (_is_abbreviation(left) or _DOMAIN_AFTER.match(line, m.end(1))):
            continue
        if not any(c.isalpha() for c in left):
            continue
        pieces.append(line[start:cut].strip())
        start = cut
    if not pieces:
        return [line]
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


# --------------------------------------------------------------------------------------------


class Lines:
    """The candidate lines of a page: ``texts`` (whitespace collapsed, as shown), ``plains``
    (:func:`plain` of each), ``glued`` (the line came from splitting a glued one), and ``block``
    (the plain lines joined by newlines) with ``starts`` (the offset of each line in it)."""

    __slots__ = ("texts", "plains", "glued", "block", "starts")

    def __init__(self, texts: list[str], plains: list[str], glued: list[bool]) -> None:
        self.texts, self.plains, self.glued = texts, plains, glued
        self.block = "\n".join(plains)
        self.starts = [0, *accumulate(len(p) + 1 for p in plains)][:-1] if plains else []

    def line_at(self, offset: int) -> int:
        """The index of the line holding ``offset`` of :attr:`block`."""
        return bisect_right(self.starts, offset) - 1


def split_lines(text: str) -> Lines:
    """Split a page into candidate lines (blank lines dropped, glued sentences split)."""
    texts = list(filter(None, map(" ".join, map(str.split, text.splitlines()))))
    if not texts:
        return Lines([], [], [])
    canon = "\n".join(texts)
    plains = _plain_block(canon).split("\n")
    if len(plains) != len(texts):  # a character whose normal form holds a line break (rare)
        plains = list(map(plain, texts))
    glued = [False] * len(texts)
    # the lines with a possible glued sentence end (a superset: split_glued decides)
    hits = [m.start() for hint in _GLUE_HINTS for m in hint.finditer(canon)]
    if hits:
        starts = [0, *accumulate(len(t) + 1 for t in texts)]
        cuts = [(i, pieces) for i in sorted({bisect_right(starts, h) - 1 for h in hits})
                if len(pieces := split_glued(texts[i])) > 1]
        for i, pieces in reversed(cuts):  # splice the pieces in, from the end (indices hold)
            texts[i:i + 1] = pieces
            plains[i:i + 1] = map(plain, pieces)
            glued[i:i + 1] = [True] * len(pieces)
    return Lines(texts, plains, glued)

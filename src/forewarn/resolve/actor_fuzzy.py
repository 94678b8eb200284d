"""Misspelt names: one slip of the keyboard away from exactly one known name.

News copy misspells names ("Ethopia", "Afganistan", "Bouteflicka"); a name the knowledge base
does not hold is matched to a known one when it is one edit away (a letter added, dropped,
changed, or two neighbours swapped), both are long enough for that to be safe, they start with
the same letter, and no other known name is as close. Callers use this only for words the
tagger marks as names and the gazetteer does not know.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

__all__ = ["FuzzyIndex", "one_edit"]

T = TypeVar("T")

#: Shortest name (letters) matched: shorter ones are too often other words ("Iran"/"Iraq").
MIN_LEN = 6


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one insertion, deletion, substitution or
    swap of neighbouring letters."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1:] == b[i + 1:]:
            return True  # one substitution
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    return a[i:] == b[i + 1:]  # one insertion into the shorter


class FuzzyIndex(Generic[T]):
    """Known names (lower case) → values, searched for the one name one edit away."""

    def __init__(self, items: Iterable[tuple[str, T]], min_len: int = MIN_LEN):
        self.min_len = min_len
        self._by_key: dict[tuple[str, int], list[tuple[str, T]]] = {}
        for name, value in items:
            name = name.lower()
            if len(name) >= min_len - 1:
                self._by_key.setdefault((name[0], len(name)), []).append((name, value))
        self._cache: dict[str, T | None] = {}

    def find(self, text: str) -> T | None:
        """The value of the single known name one edit from ``text`` (None if none or several)."""
        key = " ".join(text.lower().split())
        if key in self._cache:
            return self._cache[key]
        found: T | None = None
        if len(key) >= self.min_len:
            hits = {v if isinstance(v, str) else id(v): v for n in (len(key) - 1, len(key), len(key) + 1)
                    for name, v in self._by_key.get((key[0], n), ()) if one_edit(key, name)}
            if len(hits) == 1:
                found = next(iter(hits.values()))
        self._cache[key] = found
        return found

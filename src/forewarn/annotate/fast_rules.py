"""spaCy's attribute ruler and rule lemmatizer, with the same output, over whole batches at once.

The stock components walk a document token by token in Python (the attribute ruler builds a
``Span`` and a ``Token`` per match of each of its ~180 rules; the lemmatizer builds a ``Token``
and recomputes every base form): about a sixth of the parse on news. Here

* :class:`BatchAttributeRuler` matches the ruler's own patterns as column operations on the
  batch's concatenated token arrays, applies their attributes in the ruler's order (a later rule
  wins, as in spaCy) and writes the columns back;
* :class:`BatchLemmatizer` gives each token without a lemma the rule lemmatizer's answer for its
  (form, part of speech, morphology) — a pure function of the three, asked of spaCy once per
  triple and remembered. spaCy's stock ``rule_lemmatize`` tests a candidate base form against
  its ``lemma_index`` table, a list of up to 57,000 words scanned from the start for every
  candidate; the stand-in runs that same function over a view of the tables whose index lists
  are sets (the same answers, a set look-up instead of a scan).

:func:`batch_component` returns one of them for a stock component it can stand in for, or
``None`` (a pattern it cannot read, another lemmatizer mode): the caller then runs the component.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG, IDS
from spacy.tokens import Doc

__all__ = ["BatchAttributeRuler", "BatchLemmatizer", "batch_component"]

_CACHE_MAX = 500_000
#: Token attributes a pattern may test, and how their values are stored in ``Doc.to_array``.
_MATCHABLE = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_WRITABLE = {IDS["LEMMA"], IDS["POS"], IDS["TAG"], IDS["MORPH"], IDS["DEP"]}


def batch_component(name: str, proc: Any):
    """A batch stand-in for the stock component ``proc``, or ``None`` when it has none."""
    kind = type(proc).__name__
    if kind == "AttributeRuler":
        return BatchAttributeRuler.from_ruler(proc)
    if kind in ("Lemmatizer", "EnglishLemmatizer") and getattr(proc, "mode", None) == "rule" \
            and not getattr(proc, "overwrite", False):
        return BatchLemmatizer(proc)
    return None


def _hash(strings, value: str) -> int:
    return 0 if value == "" else strings.add(value)  # "": the attribute unset


class _Test:
    """One token test of a pattern: a column and the set of values (hashes) that pass."""

    __slots__ = ("column", "values", "regex", "boolean", "negate")

    def __init__(self, column: int, values=None, regex=None, boolean=None, negate=False) -> None:
        self.column, self.values, self.regex, self.boolean = column, values, regex, boolean
        self.negate = negate


class BatchAttributeRuler:
    """The attribute ruler's rules as array operations (see the module docstring)."""

    def __init__(self, vocab, rules: list[tuple[list[list[_Test]], dict[int, int], int]]) -> None:
        self.vocab = vocab
        self.rules = rules
        self.columns = sorted({c for _, attrs, _ in rules for c in attrs})

    @classmethod
    def from_ruler(cls, ruler) -> "BatchAttributeRuler | None":
        vocab = ruler.vocab
        strings = vocab.strings
        rules = []
        for entry, attrs, index in zip(ruler.patterns, ruler.attrs, ruler.indices):
            patterns = []
            for pattern in entry["patterns"]:
                tests = []
                for spec in pattern:
                    for key, value in spec.items():
                        column = _MATCHABLE.get(key)
                        if column is None:
                            return None
                        if key == "IS_SPACE":
                            if not isinstance(value, bool):
                                return None
                            tests.append(_Test(column, boolean=value))
                        elif isinstance(value, str):
                            tests.append(_Test(column, values=frozenset([_hash(strings, value)])))
                        elif isinstance(value, dict) and set(value) in ({"IN"}, {"NOT_IN"}):
                            (op, words), = value.items()
                            tests.append(_Test(column, values=frozenset(_hash(strings, v) for v in words),
                                               negate=op == "NOT_IN"))
                        elif isinstance(value, dict) and set(value) == {"REGEX"}:
                            tests.append(_Test(column, regex=re.compile(value["REGEX"])))
                        else:
                            return None
                    tests.append(None)  # the end of one token's tests
                patterns.append(tests)
            if not set(attrs) <= _WRITABLE:
                return None
            values = {}
            for attr, value in attrs.items():
                if isinstance(value, str):
                    value = strings.add(value)
                if attr == MORPH:
                    value = vocab.morphology.add(strings[value])
                values[attr] = int(value)
            rules.append((patterns, values, index))
        return cls(vocab, rules)

    def pipe(self, docs, batch_size: int = 256):
        docs = list(docs)
        if docs:
            self._apply(docs)
        return docs

    def __call__(self, doc: Doc) -> Doc:
        self._apply([doc])
        return doc

    def _apply(self, docs: list[Doc]) -> None:
        read = [TAG, LOWER, DEP, IS_SPACE]
        arrays = [d.to_array(read) for d in docs if len(d)]
        if not arrays:
            return
        cols = numpy.concatenate(arrays)
        n = len(cols)
        ends = numpy.zeros(n, dtype=bool)  # a document's last token: no pattern runs past it
        ends[numpy.cumsum([len(a) for a in arrays]) - 1] = True
        where = {c: i for i, c in enumerate(read)}
        written = numpy.concatenate([d.to_array(self.columns) for d in docs if len(d)]).reshape(n, -1)
        out = {c: written[:, i].copy() for i, c in enumerate(self.columns)}
        cache: dict[tuple[int, int], numpy.ndarray] = {}

        def passes(test: _Test) -> numpy.ndarray:
            got = cache.get((id(test), 0))
            if got is None:
                col = cols[:, where[test.column]]
                if test.boolean is not None:
                    got = (col != 0) == test.boolean
                elif test.values is not None:
                    got = numpy.isin(col, numpy.fromiter(test.values, dtype="uint64"), invert=test.negate)
                else:
                    uniq = numpy.unique(col)
                    hit = [u for u in uniq.tolist() if test.regex.search(self.vocab.strings[u])]
                    got = numpy.isin(col, numpy.array(hit, dtype="uint64"))
                cache[(id(test), 0)] = got
            return got

        crossing: dict[int, object] = {}

        def crosses(length: int):
            """Starts from which a ``length``-token match would cross into the next document
            (the same for every rule of that length: built once a batch)."""
            mask = crossing.get(length)
            if mask is None:
                mask = numpy.zeros(n, dtype=bool)
                for k in range(length - 1):
                    mask[:n - k] |= ends[k:]
                crossing[length] = mask
            return mask

        for patterns, attrs, index in self.rules:
            target = numpy.zeros(n, dtype=bool)
            for tests in patterns:
                length = tests.count(None)
                start = numpy.ones(n, dtype=bool)
                offset = 0
                for test in tests:
                    if test is None:
                        offset += 1
                        continue
                    ok = passes(test)
                    if offset:
                        shifted = numpy.zeros(n, dtype=bool)
                        shifted[:n - offset] = ok[offset:]
                        ok = shifted
                    start &= ok
                if length > 1:  # a match may not cross into the next document
                    start &= ~crosses(length)
                at = index if index >= 0 else length + index
                hits = numpy.flatnonzero(start) + at
                target[hits[hits < n]] = True
            if target.any():
                for attr, value in attrs.items():
                    out[attr][target] = value
        stacked = numpy.stack([out[c] for c in self.columns], axis=1)
        at = 0
        for doc in docs:
            if len(doc):
                doc.from_array(self.columns, stacked[at:at + len(doc)])
                at += len(doc)


class _SetIndex:
    """A ``lemma_index`` table whose word lists are read as sets (built on first use)."""

    def __init__(self, table) -> None:
        self.table = table
        self.sets: dict[str, Any] = {}

    def get(self, key: str, default=None):
        if key not in self.sets:
            value = self.table.get(key, None)
            self.sets[key] = frozenset(value) if isinstance(value, (list, tuple)) else value
        got = self.sets[key]
        return default if got is None else got


class _SetLookups:
    def __init__(self, lookups) -> None:
        self.lookups = lookups
        self.index = _SetIndex(lookups.get_table("lemma_index", {}))

    def get_table(self, name: str, default=None):
        return self.index if name == "lemma_index" else self.lookups.get_table(name, default)


class _FastRuleLemmatizer:
    """spaCy's own ``Lemmatizer.rule_lemmatize``, run with the index lists read as sets."""

    def __init__(self, lemmatizer) -> None:
        self.cache = lemmatizer.cache  # spaCy's own (orth, pos, morph) cache: the same answers
        self.lookups = _SetLookups(lemmatizer.lookups)
        self.is_base_form = lemmatizer.is_base_form

    def lemmatize(self, token) -> list[str]:
        from spacy.pipeline import Lemmatizer

        return Lemmatizer.rule_lemmatize(self, token)


def _fast_rules(lemmatizer):
    """The set-index stand-in for ``lemmatizer``'s ``lemmatize`` when it is spaCy's stock rule
    lemmatizer (its own ``rule_lemmatize``, the tables we read), else ``lemmatizer.lemmatize``."""
    from spacy.pipeline import Lemmatizer

    stock = type(lemmatizer).rule_lemmatize is Lemmatizer.rule_lemmatize
    if stock and getattr(lemmatizer, "mode", None) == "rule" and hasattr(lemmatizer, "cache"):
        return _FastRuleLemmatizer(lemmatizer).lemmatize
    return lemmatizer.lemmatize


class BatchLemmatizer:
    """The rule lemmatizer, asked once per (form, part of speech, morphology)."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self._cache: dict[tuple[int, int, int], int] = {}
        self._lemmatize = None  # built once the tables are validated (loaded)

    def pipe(self, docs, batch_size: int = 256):
        docs = list(docs)
        for doc in docs:
            self(doc)
        return docs

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        if self._lemmatize is None:
            self._lemmatize = _fast_rules(lemmatizer)
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        cache, strings = self._cache, self.vocab.strings
        lemmas = arr[:, 3].tolist()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            got = cache.get(key)
            if got is None:
                got = strings.add(self._lemmatize(doc[i])[0])
                if len(cache) > _CACHE_MAX:
                    cache.clear()
                cache[key] = got
            lemmas[i] = got
            changed = True
        if changed:
            doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc

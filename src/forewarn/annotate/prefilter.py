"""Parse less: only the sentences that could hold an event, and the ones the coder reads with them.

The coder looks for trigger lemmas; a sentence with none of them (nor an obligation auxiliary,
"must", "should") yields no event, so the tagger and parser need not see it. The prefilter

1. tokenises the whole text (cheap) and cuts it into rough sentences (a blank line always ends
   one; a final ``.``/``!``/``?`` ends one only when the next word starts with a capital, a digit
   or an opening quote, and never inside a quotation closed by ``."``: it under-splits rather than
   cut a sentence the parser would keep whole);
2. keeps a rough sentence when a word of it could be a trigger: its lower-case form, or a lemma
   the English rule lemmatizer could give it under any part of speech (the model's own
   ``lemma_rules``/``lemma_exc`` tables and attribute-ruler lemmas), is a trigger lemma — computed
   once per word form, over-inclusive by design;
3. keeps the context the coder reads outside a trigger sentence: for a sentence in quotes, the
   quoted sentences before it and the sentence that introduced them (a quote continued from an
   earlier "…, he said"); on a line that opens with a speaker label ("WALLACE: …") or ends with a
   quote byline ("― Ana Ruiz"), the sentence holding the label or the name;
4. runs the tagger, parser, attribute ruler and lemmatizer on the kept stretches only (each
   stretch of consecutive kept sentences parsed as one text, with ``PAD`` tokens of context
   either side cut off by sentence starts, so its words get the features they have in the whole
   text; the attribute ruler and lemmatizer as batch stand-ins with the same output,
   ``annotate.fast_rules``), and the entity recogniser — whose entities the coder reads across
   the whole article (its focus country, pronoun antecedents) — on the whole text
   (``ner="all"``), on the kept stretches and a few words around each known name elsewhere
   (``ner="names"``: the names the coder reads outside an event's sentence are those of its actor
   knowledge base — countries, capitals, organisations, persons — and each window is read with
   the text's own context and sentence starts, so its entities are the whole text's), or on the
   kept stretches only (``ner="kept"``);
5. writes everything back into one ``Doc`` over the unchanged text, so every offset is an offset
   into the article body. A skipped sentence stays a sentence, with no tag or lemma and a flat
   tree (every word hanging off its first by an unlabelled arc): the coder finds nothing there.

All-caps text is left unparsed: the coder parses it again, truecased.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

import numpy
from spacy.attrs import (DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, MORPH, NORM, POS, SENT_START,
                         SPACY, TAG)
from spacy.tokens import Doc, Span

from .doctext import TEXT_KEY
from .fast_rules import batch_component

__all__ = ["NER_MODES", "Condition", "Prefilter", "PrefilterStats", "TriggerForms", "pattern_conditions",
           "rough_sentences"]

NER_MODES = ("all", "kept", "names")
_FINAL = {".", "!", "?", "…", "?!", "!!", "..."}
_CLOSING = {'"', "'", "”", "’", ")", "]", "»"}
_OPENING = {'"', "“", "‘", "'", "(", "[", "«"}
_QUOTES = {'"', "“", "‘", "«", "'"}
#: Components the coder needs on a trigger sentence (everything but the entity recogniser).
_NER = "ner"
#: A speaker label at the start of a line, a quote byline at its end (as the attribution finder
#: reads them, a little looser).
_LABEL = re.compile(r"^[ \t\"“]*[A-Z][\w.'’-]*(?:[ \t]+[\w.'’-]+){0,5}[ \t]*:(?=\s)")
_BYLINE = re.compile(r"[\"”’][ \t\xa0]*[―—–][ \t\xa0]*[A-Z]")
_CACHE_MAX = 500_000
#: Tokens of context parsed on each side of a kept stretch (the model's token vectors see four
#: tokens either way).
PAD = 6
_AT = "forewarn.prefilter.at"
_ARRAY = "forewarn.prefilter.array"


@dataclass(frozen=True, slots=True)
class Condition:
    """What a sentence must contain for one pattern to fire there: a form of one of ``trigger``,
    and, for each set of ``needs``, a form of one of its words (a required preposition, particle,
    object lemma, governing lemma)."""

    trigger: frozenset[str]
    needs: tuple[frozenset[str], ...] = ()


def pattern_conditions(patterns: Iterable[Any]) -> list[Condition]:
    """Conditions from trigger patterns (objects with ``lemmas``, ``requires``, ``head``, as
    :class:`forewarn.code.patterns.Pattern`). Only what is certain to be needed is required: a
    filter that an entity type or an actor could satisfy instead of a lemma requires nothing."""
    out = []
    for p in patterns:
        needs: list[frozenset[str]] = []
        for req in getattr(p, "requires", ()):
            if req.kind in ("prep", "particle") and req.words:
                needs.append(frozenset(w.lower() for w in req.words))
            if req.kind != "particle" and req.lemmas and not req.ents and not req.actor:
                needs.append(frozenset(w.lower() for w in req.lemmas))
        head = getattr(p, "head", None)
        if head is not None:
            if head.lemmas:
                needs.append(frozenset(w.lower() for w in head.lemmas))
            if head.words and tuple(head.words) != ("*",):
                needs.append(frozenset(w.lower() for w in head.words))
        out.append(Condition(frozenset(w.lower() for w in p.lemmas), tuple(needs)))
    return out


class TriggerForms:
    """Which words could be a pattern's trigger or requirement, and whether a sentence's words could
    make any pattern fire. A word form stands for itself and for every lemma the English rule
    lemmatizer could give it under any part of speech (the model's ``lemma_rules``/``lemma_exc``
    and the attribute ruler's lemmas): over-inclusive by design, computed once per form."""

    def __init__(self, conditions: Iterable[Condition], nlp=None) -> None:
        self.by_trigger: dict[str, list[tuple[frozenset[str], ...]]] = {}
        vocab: set[str] = set()
        for cond in conditions:
            for lemma in cond.trigger:
                self.by_trigger.setdefault(lemma, []).append(cond.needs)
            vocab.update(cond.trigger)
            for need in cond.needs:
                vocab.update(need)
        self.vocab = frozenset(vocab)
        self.triggers = frozenset(self.by_trigger)
        self.rules: list[tuple[str, str]] = []
        self.exceptions: dict[str, set[str]] = {}
        if nlp is not None and "lemmatizer" in nlp.pipe_names:
            lookups = nlp.get_pipe("lemmatizer").lookups
            if lookups.has_table("lemma_rules"):
                self.rules = sorted({tuple(r) for table in lookups.get_table("lemma_rules").values()
                                     for r in table})
            if lookups.has_table("lemma_exc"):
                for table in lookups.get_table("lemma_exc").values():
                    for form, lemmas in table.items():
                        self.exceptions.setdefault(form, set()).update(lemmas)
        if nlp is not None and "attribute_ruler" in nlp.pipe_names:
            for rule in nlp.get_pipe("attribute_ruler").patterns:
                lemma = rule["attrs"].get("LEMMA")
                for pattern in rule["patterns"] if lemma else ():
                    for spec in pattern:
                        for key in ("LOWER", "ORTH", "NORM"):
                            if isinstance(spec.get(key), str):
                                self.exceptions.setdefault(spec[key].lower(), set()).add(lemma.lower())
        self._cache: dict[str, frozenset[str]] = {}

    def candidates(self, form: str) -> set[str]:
        """Every lemma the rule lemmatizer could give ``form`` (lower-case), and the form itself."""
        out = {form}
        out.update(self.exceptions.get(form, ()))
        for old, new in self.rules:
            if form.endswith(old):
                out.add(form[: len(form) - len(old)] + new)
        return out

    def words(self, text: str) -> frozenset[str]:
        """The pattern words (triggers, requirements) the form ``text`` could stand for."""
        form = text.lower()
        hit = self._cache.get(form)
        if hit is None:
            hit = frozenset(self.candidates(form) & self.vocab)
            if len(self._cache) > _CACHE_MAX:
                self._cache.clear()
            self._cache[form] = hit
        return hit

    def __contains__(self, text: str) -> bool:
        """Whether ``text`` could be a trigger."""
        return not self.triggers.isdisjoint(self.words(text))

    def possible(self, texts: Iterable[str]) -> bool:
        """Whether a sentence of these word forms could make some pattern fire."""
        present: set[str] = set()
        for text in texts:
            present |= self.words(text)
        for lemma in present & self.triggers:
            for needs in self.by_trigger[lemma]:
                if all(not need.isdisjoint(present) for need in needs):
                    return True
        return False


def rough_sentences(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of rough sentences covering ``doc`` (trailing space with its sentence)."""
    words, spaces, _, _ = doc.user_data.get(_ARRAY) or _read_words(doc, doc.text)
    return _rough(words, spaces)


def _words(doc: Doc, text: str | None = None) -> tuple[list[str], list[bool], numpy.ndarray, str]:
    """The words of ``doc``, whether a space follows each, their norms (``NORM`` column) and the
    text (``text`` when the caller has it: ``Doc.text`` joins a ``Token`` per word): read from
    arrays once per document and kept with it, never through ``Token`` objects."""
    cached = doc.user_data.get(_ARRAY)
    if cached is None:
        cached = doc.user_data[_ARRAY] = _read_words(doc, doc.text if text is None else text)
    return cached


def _read_words(doc: Doc, text: str) -> tuple[list[str], list[bool], numpy.ndarray, str]:
    cols = doc.to_array([IDX, LENGTH, SPACY, NORM])
    idx, length = cols[:, 0].tolist(), cols[:, 1].tolist()
    words = [text[a:a + n] for a, n in zip(idx, length)]
    return words, [bool(x) for x in cols[:, 2].tolist()], numpy.ascontiguousarray(cols[:, 3:4]), text


def _rough(words: list[str], spaces: list[bool]) -> list[tuple[int, int]]:
    n = len(words)
    bounds: list[tuple[int, int]] = []
    start = 0
    i = 0
    while i < n:
        word = words[i]
        cut = None
        if word.count("\n") >= 2 and word.isspace():
            cut = i + 1
        elif word in _FINAL:
            j = i + 1
            closed = False
            while j < n and words[j] in _CLOSING and not spaces[j - 1]:  # attached: closing
                closed = True
                j += 1
            k = j
            while k < n and words[k].isspace():
                k += 1
            if k < n:
                first = words[k][:1]
                nxt_open = words[k] in _OPENING
                if (nxt_open or (not closed and (first.isupper() or first.isdigit()))):
                    cut = k
            i = j - 1
        if cut is not None and cut > start:
            bounds.append((start, cut))
            start = cut
            i = cut
            continue
        i += 1
    if start < n:
        bounds.append((start, n))
    return bounds


@dataclass(slots=True)
class PrefilterStats:
    """What the prefilter skipped, summed over the documents it saw."""

    docs: int = 0
    sentences: int = 0
    kept_sentences: int = 0
    tokens: int = 0
    kept_tokens: int = 0
    unfiltered: int = 0  # documents left unparsed for the coder to parse truecased (all-caps text)
    crossing: int = 0  # arcs from a kept stretch into its context, cut (should stay 0)
    ner_tokens: int = 0  # tokens the entity recogniser saw (``ner="names"``), context not counted

    def as_dict(self) -> dict:
        return {**asdict(self), "kept_token_share": round(self.kept_tokens / self.tokens, 3) if self.tokens else None}


class Prefilter:
    """``pipe(texts)`` → Docs like ``nlp.pipe(texts)``'s, parsed only where an event could be."""

    def __init__(self, nlp, conditions: Iterable[Condition], *, ner: str = "all", shouting=None,
                 names: Iterable[str] | None = None) -> None:
        if ner not in NER_MODES:
            raise ValueError(f"ner must be one of {NER_MODES}, not {ner!r}")
        self.nlp = nlp
        self.forms = TriggerForms(conditions, nlp)
        self.ner = ner if _NER in nlp.pipe_names else "none"
        self.shouting = shouting
        self.stats = PrefilterStats()
        self._root = nlp.vocab.strings.add("ROOT")
        self._dep = nlp.vocab.strings.add("dep")
        #: capitalised only because they open a sentence: no window of their own (``ner="names"``)
        self._common = frozenset(w.lower() for w in nlp.Defaults.stop_words)
        #: with ``ner="names"``: the words of the names read outside an event's sentence (None: any
        #: capitalised word)
        self.names = None if names is None else frozenset(w.lower() for w in names)
        #: batch stand-ins for the components that walk tokens in Python (same output)
        self._stand_ins = {name: batch_component(name, proc) for name, proc in nlp.pipeline}

    # ---- selection -----------------------------------------------------------------------
    def select(self, doc: Doc) -> tuple[list[tuple[int, int]], list[bool]]:
        """The rough sentences of ``doc`` and, for each, whether it is parsed."""
        words, spaces, _, _ = _words(doc)
        sents = _rough(words, spaces)
        forms = self.forms
        keep = [forms.possible(w for w in words[s:e] if not w.isspace()) for s, e in sents]
        quoted = [_quoted(words, s, e) for s, e in sents]
        for i in range(len(sents)):
            if keep[i] and quoted[i]:
                j = i - 1
                while j >= 0 and quoted[j]:
                    keep[j] = True
                    j -= 1
                if j >= 0:
                    keep[j] = True
        self._keep_speakers(doc, sents, keep)
        return sents, keep

    def _keep_speakers(self, doc: Doc, sents: list[tuple[int, int]], keep: list[bool]) -> None:
        """On a line holding a kept sentence, keep the sentence with its speaker label or byline."""
        text = _words(doc)[3]
        if ":" not in text and not any(d in text for d in "―—–"):
            return
        starts = [doc[s].idx for s, _ in sents]
        for i, (s, _) in enumerate(sents):
            if not keep[i]:
                continue
            at = doc[s].idx
            line_start = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", at)
            line = text[line_start:len(text) if line_end < 0 else line_end]
            if _LABEL.match(line):
                keep[max(bisect.bisect_right(starts, line_start) - 1, 0)] = True
            m = _BYLINE.search(line)
            if m:
                keep[max(bisect.bisect_right(starts, line_start + m.end() - 1) - 1, 0)] = True

    # ---- parsing -------------------------------------------------------------------------
    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def __call__(self, text: str) -> Doc:
        return self._batch([text])[0]

    def _batch(self, texts: list[str]) -> list[Doc]:
        nlp, stats = self.nlp, self.stats
        docs = [nlp.make_doc(t) for t in texts]
        for doc, text in zip(docs, texts):
            _words(doc, text)
        plans: list[list[tuple[int, int, bool]] | None] = []
        starts: list[list[int]] = []
        regions: list[Doc] = []
        for doc in docs:
            stats.docs += 1
            stats.tokens += len(doc)
            if self.shouting is not None and self.shouting(_words(doc)[3]):
                plans.append(None)  # left unparsed: the coder parses it again, truecased
                starts.append([])
                stats.unfiltered += 1
                continue
            sents, keep = self.select(doc)
            plans.append(_stretches(sents, keep))
            starts.append([(s, e) for (s, e), k in zip(sents, keep) if not k])
            stats.sentences += len(sents)
            stats.kept_sentences += sum(keep)
            for s, e, k in plans[-1]:
                if k:
                    regions.append(self._region(doc, s, e))
                    stats.kept_tokens += e - s
        whole_ner = self.ner in ("all", "names")
        parsed = iter(self._run(regions, skip=(_NER,) if whole_ner else ()))
        attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP] + ([] if whole_ner else [ENT_IOB, ENT_TYPE])
        out: list[Doc] = []
        arrays: list[numpy.ndarray | None] = []
        for doc, plan, rough in zip(docs, plans, starts):
            if plan is None:
                out.append(doc)
                arrays.append(None)
                continue
            arr = numpy.zeros((len(doc), len(attrs)), dtype="uint64")
            # unparsed: each rough sentence a flat tree, every word hanging off the first with
            # an unlabelled arc ("dep"), so the coder sees its sentence and nothing in it
            head, dep = attrs.index(HEAD), attrs.index(DEP)
            for s, e in rough:
                arr[s + 1:e, head] = (s - numpy.arange(s + 1, e, dtype="int64")).view("uint64")
                arr[s + 1:e, dep] = self._dep
                arr[s, dep] = self._root
            if not whole_ner:
                arr[:, attrs.index(ENT_IOB)] = 2  # outside any entity
            sent_start = numpy.zeros(len(doc), dtype="uint64")
            sent_start[[s for s, _ in rough]] = 1
            for s, e, k in plan:
                if k:
                    region = next(parsed)
                    at = region.user_data[_AT]
                    part = region.to_array(attrs)[at:at + e - s]
                    heads = numpy.arange(e - s) + part[:, attrs.index(HEAD)].view("int64")
                    outside = (heads < 0) | (heads >= e - s)
                    if outside.any():  # an arc into the context (the parser ignored a start)
                        stats.crossing += int(outside.sum())
                        part[outside, attrs.index(HEAD)] = 0
                        part[outside, attrs.index(DEP)] = self._root
                    arr[s:e] = part
                    sent_start[s:e] = region.to_array(SENT_START)[at:at + e - s]
            out.append(doc)
            arrays.append(arr)
            if whole_ner:
                # the entity recogniser never runs an entity across a sentence start: give it the
                # parser's starts where the parser ran, the rough ones elsewhere
                doc.from_array([SENT_START], sent_start.reshape(-1, 1))
        if self.ner == "all":
            todo = [d for d, a in zip(out, arrays) if a is not None]
            for _ in nlp.get_pipe(_NER).pipe(todo, batch_size=256):
                pass
        elif self.ner == "names":
            self._names_ner([(d, p) for d, p, a in zip(out, plans, arrays) if a is not None])
        for doc, arr, text in zip(out, arrays, texts):
            if arr is not None:
                doc.from_array(attrs, arr)
            doc.user_data.pop(_ARRAY, None)
            doc.user_data[TEXT_KEY] = text  # the coder reads it, never rebuilt from tokens
        return out

    def _names_ner(self, todo: list[tuple[Doc, list[tuple[int, int, bool]]]]) -> None:
        """The entity recogniser over the kept stretches and, elsewhere, around capitalised words
        only (each window parsed with ``PAD`` tokens of context and the document's sentence
        starts, so its entities are those of the whole text); every other word is outside any
        entity. What the coder reads outside an event's sentence are names (places, countries,
        persons), and a name is capitalised."""
        regions: list[Doc] = []
        spans: list[tuple[Doc, list[tuple[int, int]]]] = []
        for doc, plan in todo:
            windows = _merge(_name_windows(doc, plan, self._common, self.names), gap=2 * PAD)
            starts = doc.to_array([SENT_START]).reshape(-1)
            for s, e in windows:
                regions.append(self._region(doc, s, e, starts))
            spans.append((doc, windows))
            self.stats.ner_tokens += sum(e - s for s, e in windows)
        parsed = iter(self.nlp.get_pipe(_NER).pipe(regions, batch_size=256))
        for doc, windows in spans:
            ents = []
            for s, e in windows:
                region = next(parsed)
                at = region.user_data[_AT]
                for ent in region.ents:
                    if ent.start >= at and ent.end <= at + e - s:
                        ents.append(Span(doc, s + ent.start - at, s + ent.end - at, label=ent.label))
            doc.set_ents(ents, default="outside")

    def _region(self, doc: Doc, start: int, end: int, starts: numpy.ndarray | None = None) -> Doc:
        """A stretch to parse, with ``PAD`` tokens of context on each side, cut from it by sentence
        starts (the parser keeps every arc inside): the tagger's and parser's features of the
        stretch's own words are those they would have in the whole text."""
        lo, hi = max(0, start - PAD), min(len(doc), end + PAD)
        # built from the words (and the tokenizer's norms) rather than with ``Span.as_doc``, which
        # converts the whole document and averages vectors for every stretch
        words, spaces, norms, _ = _words(doc)
        region = Doc(doc.vocab, words=words[lo:hi], spaces=spaces[lo:hi])
        if starts is not None:  # the document's own sentence starts
            flags = starts[lo:hi].copy()
            flags[0] = 1
            region.from_array([NORM, SENT_START], numpy.stack([norms[lo:hi, 0], flags], axis=1))
        else:
            region.from_array([NORM], norms[lo:hi])
        region[start - lo].is_sent_start = True
        if end < hi:
            region[end - lo].is_sent_start = True
        region.user_data[_AT] = start - lo
        return region

    def _run(self, docs: list[Doc], skip: tuple[str, ...]) -> list[Doc]:
        if not docs:
            return []
        for name, proc in self.nlp.pipeline:
            if name in skip:
                continue
            proc = self._stand_ins.get(name) or proc
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=256))
            else:
                docs = [proc(d) for d in docs]
        return docs


def _stretches(sents: list[tuple[int, int]], keep: list[bool]) -> list[tuple[int, int, bool]]:
    """Consecutive sentences with the same flag, merged: (start, end, keep)."""
    out: list[tuple[int, int, bool]] = []
    for (s, e), k in zip(sents, keep):
        if out and out[-1][2] == k:
            out[-1] = (out[-1][0], e, k)
        else:
            out.append((s, e, k))
    return out


def _name_windows(doc: Doc, plan: list[tuple[int, int, bool]], common: frozenset[str],
                  names: frozenset[str] | None = None, margin: int = 2) -> list[tuple[int, int]]:
    """Token ranges the entity recogniser reads: each kept stretch, and ``margin`` words either
    side of every capitalised word in a skipped one that is a word of ``names`` (a stop word only
    in capitals: "US", not "The"), or with no ``names``, of every capitalised word (but a stop
    word that opens a sentence)."""
    out: list[tuple[int, int]] = []
    words = _words(doc)[0]
    n = len(words)
    for s, e, k in plan:
        if k:
            out.append((s, e))
            continue
        first = True
        for i in range(s, e):
            text = words[i]
            if text.isspace():
                if text.count("\n") >= 2:
                    first = True
                continue
            if text[:1].isupper():
                lower = text.lower()
                if names is None:
                    opens = not (first and lower in common)
                else:  # a name's own word ("Hague", not "The"), or an acronym ("US")
                    opens = (lower in names or lower.rstrip("s") in names) and (
                        lower not in common or (len(text) > 1 and text.isupper()))
                if opens:
                    out.append((max(i - margin, 0), min(i + margin + 1, n)))
            first = text in _FINAL
    return out


def _merge(ranges: list[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    """Sorted ranges, those closer than ``gap`` joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s - out[-1][1] <= gap:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _quoted(words: list[str], start: int, end: int) -> bool:
    for word in words[start:end]:
        if not word.isspace():
            return word[:1] in _QUOTES or word in _QUOTES
    return False

"""Attribution relations ("according to whom") in every sentence of a parsed document,
independent of events: a *source* (who), a *cue* (the saying word or phrase) and a *content*
(what is reported), each with character offsets in ``doc.text``.

Cues are data (``data/attribution.toml``); the engine handles

- subject-verb-clause: "X said (that) …", "X told Y (that) …", "X said: …";
- subject-verb-object or -preposition for verbs of stance: "X attacked the deal", "X spoke about
  the plan", light verbs with a noun of saying ("X made the case that …");
- inverted quotes: "'…,' said X", "'…,' X said", "…, officials said";
- parenthetical cues: "The museum, Mr. Obama said, would …";
- passives with an agent: "was first reported by The Washington Post";
- "according to X", "per X";
- chains: "Tass quoted a spokesman for the FSB as saying …" (two relations, outermost first);
- noun cues: "his claim that …", "a statement from the Kremlin …";
- stance adjectives after a copula: "Graham has been critical of Trump", "they are afraid that …";
- transcript speaker labels: "WALLACE: …" at the start of a line;
- quotes running on past their sentence: a sentence inside quotation marks with no cue of its
  own continues the previous relation's source;
- the writer's own voice: "I"/"we" are sources where no quotation is open in the paragraph
  (an opinion piece's "I know …"), never inside someone's quote.

Source spans follow PolNeAR's convention: the whole noun phrase of the source, appositions and
relative clauses included ("Mike Pence, the Indiana governor,"), but not a participle set off by
a comma ("Marco Rubio, speaking at a rally,"), a dateline before a dash or anything across a line
break; a possessor keeps its "'s" ("Trump's claim"), and a pronoun source is the pronoun itself;
:attr:`Attribution.antecedent` names the last person mentioned before a he/she when there is one
(cheap, not coreference).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..annotate.doctext import doc_text
from .attribution_cues import AttributionCues, line_attributions, load_attribution_cues

__all__ = ["Attribution", "AttributionCues", "attributions_of", "find_attributions", "load_attribution_cues",
           "source_heads"]

Offsets = tuple[int, int]

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_INHERIT = ("conj", "advcl", "xcomp", "pcomp", "prep", "acomp")
_CONTENT_DEPS = ("ccomp", "xcomp", "parataxis", "csubj")
_QUOTES = "\"“”‘’'«»"
_PERSONAL = {"he", "she", "him", "her"}
_PERSONAL_SUBJECTS = ("he", "she", "who")
_HOLDERS = ("PERSON", "ORG", "NORP", "GPE")
_PARTICIPLE = ("VBG", "VBN", "JJ", "RB")
_DASHES = ("—", "–", "―", "--", "-")


@dataclass(frozen=True)
class Attribution:
    """One relation. ``source_head`` is the token index of the source's head word (for actor
    resolution); ``antecedent`` the span of the person a he/she source most likely names."""

    source: Offsets
    cue: Offsets
    content: Offsets | None
    source_head: int | None = None
    kind: str = "verb"
    antecedent: Offsets | None = None
    nested: bool = False

    def text(self, doc_text: str, part: str = "source") -> str:
        where = getattr(self, part)
        return doc_text[where[0]:where[1]] if where else ""


def _span(doc: Doc, start: int, end: int) -> Offsets | None:
    """Character offsets of tokens ``start..end`` (exclusive) without edge punctuation/space."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])) if start < end else None


def _subtree(tok: Token, skip: Token | None = None) -> Offsets | None:
    """The phrase ``tok`` heads (left to right edge), cut before ``skip``'s phrase if it is inside."""
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    if skip is not None and start <= skip.i < end:
        if skip.left_edge.i > tok.i:
            end = skip.left_edge.i
        elif skip.right_edge.i < tok.i:
            start = skip.right_edge.i + 1
    return _span(tok.doc, start, end)


def _source_span(subj: Token, cue: Token, cues: AttributionCues) -> Offsets | None:
    """The subject's phrase without the cue (a bad parse can put it inside), a dateline before a
    dash ("RENO, Nev. (AP) — Donald Trump") or a relative clause that is itself a saying
    ("Barkley, who said he votes …")."""
    start, end = subj.left_edge.i, subj.right_edge.i + 1
    before = subj.doc[start - 1] if start > 0 else None
    if before is not None and before.head.i == subj.head.i and before.dep_ == "nsubj":
        start = before.left_edge.i
    if start <= cue.i < end:
        start, end = (start, cue.i) if cue.i > subj.i else (cue.i + 1, end)
    doc = subj.doc
    for t in doc[start:subj.i]:
        if t.text in ("—", "–", "―", "--"):
            start = t.i + 1
    for c in subj.rights:
        if c.dep_ == "relcl" and c.lemma_.lower() in cues.verbs and c.left_edge.i < end:
            end = min(end, c.left_edge.i)
        elif c.dep_ in ("acl", "amod", "advcl") and c.tag_ in _PARTICIPLE and _set_off(c, start):
            end = min(end, c.left_edge.i)  # "Marco Rubio, speaking at a rally, said"
    return _span(doc, start, end) if start < end else None


def _set_off(tok: Token, floor: int) -> bool:
    """Whether ``tok``'s phrase is set off by a comma or dash before it (non-restrictive)."""
    i = tok.left_edge.i - 1
    return i > floor and tok.doc[i].text in (",", "—", "–", "--", "(")


def _subjects(verb: Token) -> list[Token]:
    cur = verb
    for _ in range(4):
        agents = [p for c in cur.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents and any(c.dep_ == "auxpass" for c in cur.children):
            return agents[:1]  # "was first reported by The Washington Post": the agent says
        found = [c for c in cur.children if c.dep_ in _SUBJ] + agents
        if len(found) > 1 and found[0].dep_ == found[1].dep_ == "nsubj" and found[1].left_edge.i == found[0].i + 1:
            return [found[1]]  # "News agency Tass": two subject words, one source named by the last
        if len(found) > 1 and found[0].dep_ == found[1].dep_ == "nsubj":
            # '"Full panic mode," said Leslie Wimes': a quote parsed as a second subject; the
            # source is the subject nearest the cue
            return [min(found[:2], key=lambda t: abs(t.i - cur.i))]
        if found:
            return found[:1]
        if cur.i == verb.i:
            # "Trump, in Kentucky, said Tuesday": a subject the parser left unlabelled
            loose = [c for c in cur.lefts if c.dep_ in ("dep", "npadvmod", "nmod", "appos") and c.pos_ in (
                "PROPN", "PRON") and c.ent_type_ not in ("DATE", "TIME")]
            if loose:
                return loose[-1:]
        if cur.dep_ not in _INHERIT or cur.head.i == cur.i:
            return []
        cur = cur.head
    return []


def _content(verb: Token, cues: AttributionCues, lemma: str) -> tuple[Offsets | None, str]:
    """The reported content of a verb cue and how it was found ('' when there is none)."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ in _CONTENT_DEPS and not (c.dep_ == "csubj" and c.i < verb.i and lemma != "say") \
                and not _cue_aside(c, cues):
            return _subtree(c), "clause"
    head = verb.head
    # "'…,' said X" / "…, officials said": the cue hangs off the clause it reports.
    own_subject = any(c.dep_ in _SUBJ for c in verb.children)
    if (verb.dep_ in ("parataxis", "ccomp") or verb.dep_ in ("conj", "advcl") and own_subject) and head.i < verb.i \
            and head.pos_ in ("VERB", "AUX"):
        between = doc[head.i:verb.i]
        if any(t.text in ",—–-" or t.text in _QUOTES for t in between) and not any(
                c.dep_ in ("dobj",) for c in verb.children):
            return _span(doc, head.left_edge.i, verb.left_edge.i), "inverted"
    # "The museum, Mr. Obama said, would make …": a parenthetical cue inside the clause it reports.
    if verb.dep_ == "parataxis" and head.i > verb.i and verb.right_edge.i < head.right_edge.i:
        edge = verb.right_edge.i
        after = doc[edge + 1] if edge + 1 < len(doc) else None
        if doc[edge].text in ",—–" or (after is not None and (after.text in ",—–" or after.text in _QUOTES)):
            return _span(doc, edge + 1, head.right_edge.i + 1), "parenthetical"
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == ":":
        return _span(doc, nxt.i + 1, verb.sent.end), "colon"
    for c in verb.children:
        if c.dep_ == "prep" and (lemma, c.lower_) in cues.phrases:
            return _subtree(c), "phrase"
        if c.dep_ == "prt" and (lemma, c.lower_) in cues.phrases:
            objs = [o for o in verb.children if o.dep_ == "dobj"]
            return (_subtree(objs[0]) if objs else _subtree(c)), "phrase"
    if lemma in cues.object_verbs:  # "Trump attacked the deal", "the report found errors"
        for c in verb.children:
            if c.dep_ == "dobj":
                return _object_span(c, cues), "object"
    for c in verb.children:  # "she spoke about the plan", "they voted against it"
        if c.dep_ == "prep" and c.lower_ in cues.content_preps and any(o.dep_ in ("pobj", "pcomp") for o in c.children):
            return _subtree(c), "prep"
    return None, ""


def _object_span(obj: Token, cues: AttributionCues) -> Offsets | None:
    """A cue verb's object without a saying clause set off after it ("Cruz endorses Trump, who
    says he is honored": the content is "Trump"; the "who" clause is a relation of its own)."""
    end = obj.right_edge.i + 1
    for c in obj.rights:
        if c.dep_ == "relcl" and cues.lemma(c) in cues.verbs and _set_off(c, obj.i):
            end = min(end, c.left_edge.i)
    return _span(obj.doc, obj.left_edge.i, end)


def _cue_aside(tok: Token, cues: AttributionCues) -> bool:
    """A saying clause set beside the one it reports ("The museum, Mr. Bush said, celebrated …",
    "'…,' he said"): parsed as the reporting verb's parataxis, it is a cue of its own, not that
    verb's content."""
    return tok.dep_ == "parataxis" and cues.lemma(tok) in cues.verbs and any(c.dep_ in _SUBJ for c in tok.children)


def _verb_relations(tok: Token, cues: AttributionCues) -> list[Attribution]:
    lemma = cues.lemma(tok)
    if tok.pos_ not in ("VERB", "AUX") or (lemma not in cues.verbs and not _light_cue(tok, cues)):
        return []
    if any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children):
        return []  # "he was told", "it is believed": no source named
    content, how = _content(tok, cues, lemma)
    if lemma in cues.quote_only and how not in ("colon", "inverted", "parenthetical") and not any(
            t.text in _QUOTES for t in tok.sent):
        return []
    subj = _subjects(tok)
    if not subj or _skipped(subj[0], cues):
        return []
    if subj[0].lower_ == "it" and subj[0].head.i != tok.i:
        return []  # "It's worth noting that …", "it is hard to convince them": a dummy "it", no holder
    if lemma in cues.weak and (subj[0].lower_ in ("it",) or _inside_quote(tok)):
        return []  # private states ("I think", "it wants") count only outside quotation marks
    if content is None and lemma not in cues.quote_verbs:
        content, how = _loose_content(tok, subj[0])
        if content is None and (subj[0].ent_type_ in _HOLDERS or subj[0].lower_ in _PERSONAL_SUBJECTS):
            # "Trump responded by …", "Graham asked.": a named holder's cue stands without a complement
            content, how = _span(tok.doc, tok.i + 1, tok.right_edge.i + 1) or (tok.idx, tok.idx + len(tok)), "bare"
        if content is None:
            return []
    source = _source_span(subj[0], tok, cues)
    if source is None:
        return []
    cue = (tok.idx, tok.idx + len(tok))
    out = [Attribution(source, cue, content, subj[0].i, how or "verb")]
    if lemma in cues.quote_verbs:  # "Tass quoted a spokesman … as saying that …"
        for obj in (c for c in tok.children if c.dep_ == "dobj" and _as_saying(tok, c)):
            inner = _quoted_content(tok, obj)
            src = _subtree(obj)
            if src is not None:
                out[0] = Attribution(source, cue, _span(tok.doc, obj.i, tok.sent.end) or content, subj[0].i, "quote")
                out.append(Attribution(src, cue, inner, obj.i, "quoted"))
    return out


def _skipped(subj: Token, cues: AttributionCues) -> bool:
    """A subject that is not taken as a source: "that", "there", and a first or second person,
    except the writer's own "I"/"we" where no quotation is open."""
    word = subj.lower_
    return word in cues.skip_sources and not (word in cues.own_voice and not _quoted_paragraph(subj))


def _quoted_paragraph(tok: Token) -> bool:
    """Whether a quotation is open at ``tok`` in its paragraph (an odd number of double quote
    marks since the last line break): a quote often runs over several sentences."""
    text = doc_text(tok.doc)
    before = text[text.rfind("\n", 0, tok.idx) + 1:tok.idx]
    marks = sum(before.count(q) for q in ('"', "“", "”")) + before.count("''") + before.count("``")
    return marks % 2 == 1


def _inside_quote(tok: Token) -> bool:
    """Whether ``tok`` sits between quotation marks in its sentence (an odd number of quote
    marks before it), i.e. the words are someone else's."""
    marks = sum(1 for t in tok.sent if t.i < tok.i and (t.text in "\"“”" or t.text in ("''", "``")))
    return marks % 2 == 1 or (tok.sent.text.lstrip()[:1] in "\"“" and marks == 0 and any(
        t.text in "\"”" for t in tok.sent if t.i > tok.i))


def _light_cue(verb: Token, cues: AttributionCues) -> bool:
    """A light verb with a noun of saying as its object: "made the case that …", "gave a speech",
    "issued a statement", "cast doubt on …"."""
    return verb.lemma_.lower() in cues.light_verbs and any(
        c.dep_ == "dobj" and c.lemma_.lower() in cues.nouns | cues.light_nouns for c in verb.children)


def _loose_content(verb: Token, subj: Token) -> tuple[Offsets | None, str]:
    """A cue with no complement: "As X reported, …" (the clause it modifies) or a cue set
    between quotation marks ('"That," he added, "promises …"': the sentence)."""
    doc, sent = verb.doc, verb.sent
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and verb.head.i != verb.i:
        return _subtree(verb.head, skip=verb), "as"
    lo, hi = min(verb.i, subj.left_edge.i), max(verb.i, subj.right_edge.i)
    near = [doc[i] for i in range(max(sent.start, lo - 2), min(sent.end, hi + 3)) if not lo <= i <= hi]
    if any(t.text in _QUOTES or t.text in ("''", "``") for t in near):
        return _span(doc, sent.start, sent.end), "quote-adjacent"
    return None, ""


def _as_saying(verb: Token, obj: Token) -> bool:
    """"quoted a spokesman … as saying": the object is a second speaker, not a thing cited."""
    return any(t.lower_ == "as" and t.i > obj.i and t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "VERB"
               for t in verb.subtree)


def _quoted_content(verb: Token, obj: Token) -> Offsets | None:
    for t in verb.subtree:
        if t.lemma_.lower() in ("say", "tell", "state", "warn", "add") and t.i > obj.i:
            for c in t.children:
                if c.dep_ in _CONTENT_DEPS:
                    return _subtree(c)
    return _span(verb.doc, obj.right_edge.i + 1, verb.sent.end)


def _according(tok: Token, cues: AttributionCues) -> Attribution | None:
    doc = tok.doc
    for words in cues.according:
        if tok.lower_ != words[0] or tok.i + len(words) > len(doc):
            continue
        if any(doc[tok.i + k].lower_ != w for k, w in enumerate(words)):
            continue
        last = doc[tok.i + len(words) - 1]
        objs = [c for c in last.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
        if not objs:
            nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
            objs = [nxt] if nxt is not None and nxt.pos_ in ("PROPN", "NOUN", "PRON") else []
        if not objs or len(words) == 1 and not _named(objs[0]):
            return None  # "per the report", "per CTV News"; not a rate ("per year", "per capita")
        source = _subtree(objs[0])
        sent = tok.sent
        pp_end = max(objs[0].right_edge.i, last.i) + 1
        before, after = _span(doc, sent.start, tok.i), _span(doc, pp_end, sent.end)
        content = max((x for x in (before, after) if x), key=lambda x: x[1] - x[0], default=None)
        cue = (tok.idx, last.idx + len(last))
        return Attribution(source, cue, content, objs[0].i, "according") if source else None
    return None


def _named(tok: Token) -> bool:
    """A noun phrase that names or picks out its referent (a name, a pronoun, or a noun with a
    determiner or possessor), unlike the bare unit nouns of a rate ("per year", "per student")."""
    return tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in _HOLDERS or any(
        c.dep_ in ("det", "poss") for c in tok.children)


def _noun_relation(tok: Token, cues: AttributionCues) -> Attribution | None:
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in cues.nouns:
        return None
    src = [c for c in tok.children if c.dep_ == "poss"]
    src += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in cues.source_preps
            for p in c.children if p.dep_ == "pobj" and (p.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                                                         or p.pos_ in ("PROPN", "PRON"))]
    clause = [c for c in tok.children if c.dep_ in ("acl", "ccomp") and any(
        k.dep_ == "mark" or k.dep_ in ("nsubj", "nsubjpass") for k in c.children)]
    if not src or not clause:
        return None
    # "Donald Trump's claim that …": the possessor with its "'s"
    source = _subtree(src[0]) if src[0].dep_ != "poss" else _span(tok.doc, src[0].left_edge.i, src[0].right_edge.i + 1)
    if source is None:
        return None
    return Attribution(source, (tok.idx, tok.idx + len(tok)), _subtree(clause[0]), src[0].i, "noun")


def _adjective_relation(tok: Token, cues: AttributionCues) -> Attribution | None:
    """A stance adjective after a copula: "Graham has been critical of Trump", "she was sure
    (that) …", "Many Democrats are afraid that …" (the copula's subject holds the stance)."""
    if tok.pos_ != "ADJ" or tok.dep_ != "acomp" or tok.lemma_.lower() not in cues.adjectives:
        return None
    subj = _subjects(tok.head)
    if not subj or _skipped(subj[0], cues) or subj[0].lower_ in ("it", "this", "what"):
        return None
    if _inside_quote(tok):
        return None
    source = _source_span(subj[0], tok, cues)
    content = _span(tok.doc, tok.i + 1, tok.right_edge.i + 1)
    if source is None or content is None:
        return None
    return Attribution(source, (tok.idx, tok.idx + len(tok)), content, subj[0].i, "adjective")


def _clean_source(doc: Doc, a: Attribution) -> Attribution:
    """A source span without a dateline or heading before a dash or a line break ("New York
    (AFP) – Vice President Joe Biden", "2\nSalma Hayek"), whichever finder made it."""
    span = doc.char_span(*a.source, alignment_mode="expand")
    if span is None or a.source_head is None or not span.start <= a.source_head < span.end:
        return a
    start, end, head = span.start, span.end, a.source_head
    for t in doc[start:end]:
        if t.text in _DASHES and t.whitespace_ and t.i > start and (
                t.i < head or doc[t.i - 1].text == ")" or doc[start:t.i].text.isupper()):
            start = t.i + 1  # "RENO, Nev. (AP) — Donald Trump", "New York (AFP) – Joe Biden"
        elif "\n" in t.text:
            if t.i < head:
                start = t.i + 1
            else:
                end = t.i
                break
    if start >= end:
        return a
    if not start <= head < end:
        head = doc[start:end].root.i
    return replace(a, source=_span(doc, start, end) or a.source, source_head=head)


def _personal(doc: Doc, head: int | None) -> bool:
    return head is not None and doc[head].lower_ in _PERSONAL


def _antecedent(doc: Doc, head: int | None, people: list[Span] | None = None) -> Offsets | None:
    """The last PERSON entity (of ``people``, the document's when not given) ending before a
    he/she source."""
    if not _personal(doc, head):
        return None
    if people is None:
        people = [e for e in doc.ents if e.label_ == "PERSON"]
    before = [e for e in people if e.end <= head]
    return (before[-1].start_char, before[-1].end_char) if before else None


def _in_quotes(sent: Span) -> bool:
    text = doc_text(sent.doc)[sent.start_char:sent.end_char].strip()  # ``sent.text``, not rebuilt
    return len(text) > 1 and text[0] in _QUOTES


def find_attributions(doc: Doc, cues: AttributionCues | None = None) -> list[Attribution]:
    """Every attribution relation in ``doc``, in text order (a chain's outer relation first)."""
    cues = cues or load_attribution_cues()
    found: list[Attribution] = list(line_attributions(doc, cues))
    label_lines = {a.source[0] for a in found}
    previous: Attribution | None = None
    firsts = cues.according_firsts
    people: list[Span] | None = None  # the document's PERSON entities, read once when needed
    for sent in doc.sents:
        here: list[Attribution] = []
        for tok in sent:
            # each finder needs its part of speech (or an "according" word) first: ask only those
            # that can fire, in the same order
            pos = tok.pos_
            if pos in ("VERB", "AUX"):
                here.extend(_verb_relations(tok, cues))
            rels = (_according(tok, cues) if tok.lower_ in firsts else None,
                    _noun_relation(tok, cues) if pos == "NOUN" else None,
                    _adjective_relation(tok, cues) if pos == "ADJ" else None)
            here.extend(rel for rel in rels if rel is not None)
        if not here and previous is not None and _in_quotes(sent) and sent.start_char not in label_lines:
            content = _span(doc, sent.start, sent.end)
            here.append(Attribution(previous.source, previous.cue, content, previous.source_head, "continued"))
        here = [_clean_source(doc, a) for a in here]
        if here and people is None and any(_personal(doc, a.source_head) for a in here):
            people = [e for e in doc.ents if e.label_ == "PERSON"]
        here = [replace(a, antecedent=_antecedent(doc, a.source_head, people)) for a in here]
        found.extend(here)
        previous = here[-1] if here else (previous if _in_quotes(sent) else None)
    seen: set[tuple[Offsets, Offsets]] = set()
    out = []
    for a in sorted(found, key=lambda a: (a.cue[0], a.kind == "quoted")):
        if (a.source, a.cue) not in seen:
            seen.add((a.source, a.cue))
            out.append(a)
    return [_mark_nested(a, out) for a in out]


# Relations whose content is a whole sentence taken around a cue rather than its parsed
# complement: a source inside one of them is usually a separate, top-level relation.
_COARSE = ("continued", "quote-adjacent", "inverted")


def _mark_nested(a: Attribution, every: list[Attribution]) -> Attribution:
    """Nested: the source sits inside another relation's content (reported speech within
    reported speech). A quoted source ("Tass quoted a spokesman") is its chain's second link."""
    if a.kind == "quoted":
        return a
    inside = any(b.content and b.source != a.source and b.content[0] <= a.source[0] and a.source[1] <= b.content[1]
                 for b in every if b.kind not in _COARSE)
    return replace(a, nested=True) if inside else a


def attributions_of(doc: Doc) -> list[Attribution]:
    """:func:`find_attributions` once per document (kept in ``doc.user_data``)."""
    key = "forewarn.attributions"
    if key not in doc.user_data:
        doc.user_data[key] = find_attributions(doc)
    return doc.user_data[key]


def source_heads(tok: Token) -> list[Token]:
    """Head words of the sources a token is reported by, outermost first: the relations whose
    content holds it ("Tass quoted a spokesman … as saying that …" → Tass, spokesman)."""
    doc, at = tok.doc, tok.idx
    holding = [a for a in attributions_of(doc) if a.content and a.source_head is not None
               and a.content[0] <= at < a.content[1] and not a.source[0] <= at < a.source[1]]
    holding.sort(key=lambda a: (-(a.content[1] - a.content[0]), a.cue[0]))
    heads: list[Token] = []
    for a in holding:
        head = doc[a.source_head]
        if head.i != tok.i and head not in heads:
            heads.append(head)
    return heads

"""Who did it and to whom, from the dependency parse.

Every function here reads one token's neighbourhood; none walks the whole document. Subjects
follow control and coordination ("spoke … and thanked" shares the subject; "agreed to continue"
takes the subject of "agreed"; "held over a plan to attack" gives the attack to those held).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from .ontology import Cues, cue_section
from .patterns import Requirement

__all__ = ["antecedent", "expand", "governor", "objects", "prep_objects", "requirement_holds", "role_span", "subjects"]

NOUNS = {"NOUN", "PROPN"}
#: Entity labels of places, and of what can act.
PLACE_ENTS = {"GPE", "LOC", "FAC"}
ACTOR_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
#: Prepositions that put an act in a place ("in Moscow", "outside the embassy").
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "within", "into"}
_REL = {"that", "which", "who", "whom", "whose"}
_SUBJ = {"nsubj", "csubj"}
_MODS = {"amod", "compound", "nmod", "nummod", "npadvmod"}
MAX_DEPTH = 5
#: Dependents that are never part of the phrase naming a participant: clauses about it.
_SPAN_CUT = {"relcl", "acl", "advcl", "parataxis", "dep", "mark"}
#: Prepositions whose phrase on a participant says when, how or about what, not who or which
#: ("the rebels on Sunday", "troops as part of …", "a ban on entry", "villages with artillery").
_SPAN_PREPS_OUT = {"during", "as", "including", "following", "over", "due", "since", "after", "before",
                   "until", "amid", "despite", "like", "via", "through", "on", "with", "about", "because",
                   "than", "throughout", "upon", "within", "without", "per", "into", "onto", "toward",
                   "towards", "under", "among", "amongst", "besides", "except"}
_TIME_ENTS = {"DATE", "TIME"}
#: Adverbs of time the parser may hang on a name before it ("Hours earlier Maduro").
_THEN = frozenset({"earlier", "later", "meanwhile", "afterwards", "previously"})
#: Relations of an adjective that says what the act left its object ("shot dead", "set free").
_PREDICATIVE = {"oprd", "acomp", "xcomp"}
_OPEN, _CLOSE = "([{", ")]}"
#: Nouns of asking and offering whose "for"/"of" phrase is their content (``data/cues.toml``
#: ``[roles] content_nouns``).
CONTENT_NOUNS = cue_section("roles").get("content_nouns", frozenset())
#: Nouns that only measure or frame the noun after their "of" ("a state of emergency", "a
#: series of raids"): ``[roles] measure_nouns``.
MEASURE_NOUNS = cue_section("roles").get("measure_nouns", frozenset())


def expand(tok: Token) -> list[Token]:
    """A noun and the nouns conjoined to it ("Mr Putin and Mr Trump")."""
    out, stack = [], [_antecedent(tok)]
    while stack:
        cur = stack.pop(0)
        out.append(cur)
        stack.extend(c for c in cur.children if (c.dep_ == "conj" or _listed(c)) and c.pos_ in NOUNS | {"PRON"})
    return out


def _listed(tok: Token) -> bool:
    """An apposition that opens a list of its own ("The United States, India, Israel and
    Pakistan": "India" read as an apposition, the rest its conjuncts): more members, not a
    second name for the first."""
    return tok.dep_ == "appos" and any(c.dep_ == "conj" for c in tok.children) and not _bracketed(tok)


_NAMED = {"GPE", "ORG", "LOC", "NORP", "FAC"}
_APPOS_OUT = {"GPE", "LOC", "FAC"}


#: Prepositions that, after a person's name, say where the person was (not which person).
_PERSON_PLACE_PREPS = frozenset({"in", "at"})
#: Words that open a coordination ("both X and Y", "either X or Y").
_PAIRING = frozenset({"both", "either", "neither"})


def _in_span(tok: Token, top: bool) -> bool:
    if tok.dep_ in _SPAN_CUT or (top and tok.dep_ in ("conj", "cc", "preconj")):
        return False
    if tok.ent_type_ in _TIME_ENTS and (tok.dep_ in ("npadvmod", "nmod", "compound", "advmod", "appos") or (
            tok.dep_ == "nummod" and any(c.ent_type_ in _TIME_ENTS for c in tok.children))):
        return False  # "17 July 2017 Russia's Supreme Court" (not "2000 people": one number, no date)
    if tok.lower_ in _THEN and tok.dep_ in ("amod", "advmod") and tok.i < tok.head.i:
        return False  # "Hours earlier Maduro": when, not which Maduro
    if tok.dep_ == "appos" and not _bracketed(tok) and (any(c.dep_ == "conj" for c in tok.children) or (
            tok.ent_type_ in _NAMED and tok.head.ent_type_ in _NAMED and tok.ent_iob_ == "B")):
        return False  # a list, not a second name: "the United States, India, Israel and Pakistan"
    if top and tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.ent_type_ in _APPOS_OUT:
        return False  # "Haifa, Israel's third largest city": a description of a place, not its name
    if top and tok.lower_ in _PAIRING and tok.dep_ in ("det", "preconj", "cc") and any(
            c.dep_ == "conj" for c in tok.head.children):
        return False  # "both India and Pakistan": the pairing word belongs to the list, not to "India"
    if top and tok.dep_ == "prep" and tok.lower_ in _PERSON_PLACE_PREPS and tok.head.ent_type_ == "PERSON":
        return False  # "met Saad Hariri in Washington": where the person was, not which person
    if tok.dep_ in ("prep", "agent"):
        if tok.lower_ in _SPAN_PREPS_OUT or any(o.dep_ == "pcomp" and o.pos_ in ("VERB", "AUX") for o in tok.children):
            return False  # "a decision of doubling the wage": what it is about, a clause
        return not any(o.dep_ == "pobj" and o.ent_type_ in _TIME_ENTS for o in tok.children)
    return True


def _content(prep: Token) -> bool:
    """Whether a preposition on a noun of asking says what is asked ("a request *for*
    revocation", "an offer *of* talks"), not who asks ("the call *of* the European Parliament")."""
    if prep.lower_ == "for":
        return True
    return prep.lower_ == "of" and not any(o.dep_ == "pobj" and (o.ent_type_ in ACTOR_ENTS or o.pos_ == "PROPN")
                                            for o in prep.children)


def _run(doc, keep: set[int]) -> tuple[int, int]:
    """The bounds of the kept words, with the punctuation right beside them: punctuation the
    parser hung on the head across a clause left out does not stretch the phrase ("The air force
    carried out strikes …, killing …." read as one noun phrase: its final full stop)."""
    words = [i for i in keep if not (doc[i].is_punct or doc[i].is_space)] or list(keep)
    start, end = min(words), max(words) + 1
    while start - 1 in keep:
        start -= 1
    while end in keep:
        end += 1
    return start, end


def _bracketed(tok: Token) -> bool:
    """ "the Nigerian Air Force (NAF)": a short name in brackets right after the name."""
    return tok.i > 0 and tok.doc[tok.i - 1].text in _OPEN


def role_span(head: Token, cut: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Token bounds ``[start, end)`` of the phrase naming a participant headed by ``head``.

    The rule: the head with its modifiers (determiners, adjectives, compounds, numbers,
    possessors), its appositions ("Michel Aoun, the Lebanese president") and the prepositional
    phrases that say which one ("the headquarters in Kandahar", "the enclave of Eastern Ghouta
    near Damascus"), each taken whole; without clauses about it (relative and participial
    clauses), without phrases of time or manner ("on Sunday", "with artillery") and, on the head
    itself, without its conjuncts: each conjunct is a participant of its own. Nor, on the head,
    the prepositions in ``cut`` (what the act's verb puts there: "accused X *of* Y"), nor the
    "for"/"of" phrase of a noun of asking or offering, which says what is asked ("the
    government's request *for* revocation", "an offer *of* talks": the request is the party's)."""
    keep = [head.i]
    content = head.lemma_.lower() in CONTENT_NOUNS
    stack = [c for c in head.children if _in_span(c, top=True) and not (c.dep_ == "prep" and (
        c.lower_ in cut or (content and _content(c))))]
    while stack:
        tok = stack.pop()
        keep.append(tok.i)
        stack.extend(c for c in tok.children if _in_span(c, top=False))
    doc = head.doc
    start, end = _run(head.doc, set(keep))
    while start < head.i and (doc[start].is_punct and doc[start].text not in _OPEN or doc[start].is_space):
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if doc[end - 1].text in _CLOSE and any(t.text in _OPEN for t in doc[start:end - 1]):
            break
        end -= 1
    opened = sum(t.text in _OPEN for t in doc[start:end]) - sum(t.text in _CLOSE for t in doc[start:end])
    if opened > 0 and end < len(doc) and doc[end].text in _CLOSE:
        end += 1  # "(SIMI)": the bracket the parser hung elsewhere closes the short name
    return start, end


def _antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies."""
    if tok.lower_ in _REL and tok.head.dep_ == "relcl":
        return tok.head.head
    if tok.lower_ in _REL and tok.dep_ == "pobj" and tok.head.head.dep_ == "relcl":
        return tok.head.head.head  # "the firing in which two were killed": the firing
    return tok


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in tok.children) or _shared_passive(tok)


def _shared_passive(tok: Token) -> bool:
    """Whether ``tok`` is a participle coordinated with a passive verb and sharing its subject
    and auxiliary ("X and Y were abducted and killed": "killed" is passive, its patients X and Y)."""
    head = tok.head
    return (tok.dep_ == "conj" and tok.tag_ == "VBN" and head.i != tok.i and head.tag_ == "VBN"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in tok.children)
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children))


def _passive_conjuncts(tok: Token) -> list[Token]:
    """The participles sharing ``tok``'s passive ("were abducted and killed by X")."""
    return [c for c in tok.children if c.dep_ == "conj" and _shared_passive(c)]


def _agents(tok: Token) -> list[Token]:
    """The "by" phrase of a passive; coordinated participles share one ("were abducted and
    later killed by X": X did both)."""
    found = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not found and _shared_passive(tok):
        found = [p for c in tok.head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not found:
        found = [p for v in _passive_conjuncts(tok) for c in v.children if c.dep_ == "agent"
                 for p in c.children if p.dep_ == "pobj"]
    return found


def governor(tok: Token) -> Token | None:
    """The word a trigger hangs off, skipping its preposition ("thanked … for intelligence")."""
    head = tok.head
    if head.i == tok.i:
        return None
    if tok.dep_ == "pobj" and head.head.i != head.i:
        amount = head.head  # "announced $33 million in aid": the sum stands for the aid it is in
        if head.lower_ == "in" and _amount(amount) and amount.dep_ in ("dobj", "nsubjpass") \
                and amount.head.i != amount.i:
            return amount.head
        return amount
    return head


def _amount(tok: Token) -> bool:
    return tok.ent_type_ == "MONEY" or (tok.pos_ == "NUM" and any(c.text in _CURRENCY for c in tok.children))


_CURRENCY = frozenset({"$", "€", "£", "¥", "₹", "US$"})


def subjects(tok: Token, cues: Cues, depth: int = 0) -> list[Token]:
    """The logical subject(s): the doer of ``tok``."""
    if depth > MAX_DEPTH:
        return []
    subj = [c for c in tok.children if c.dep_ in _SUBJ] or _aux_subjects(tok) or _acronym_subject(tok)
    if subj:
        return [x for s in subj for x in expand(s)]
    if tok.pos_ in NOUNS:
        return _noun_subjects(tok, cues, depth)
    if is_passive(tok):
        return [x for a in _agents(tok) for x in expand(a)]
    head, dep = tok.head, tok.dep_
    if head.i == tok.i:
        return []
    if dep == "xcomp":
        controllers = [c for c in head.children if c.dep_ == "dobj"]
        return [x for c in controllers for x in expand(c)] or subjects(head, cues, depth + 1)
    if dep in ("conj", "advcl") and (head.pos_ in ("VERB", "AUX") or any(c.dep_ in _SUBJ for c in head.children)):
        return subjects(head, cues, depth + 1)  # also a first verb misread as a noun ("X rejects and condemns")
    if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") and not is_passive(head.head):
        return subjects(head.head, cues, depth + 1)  # "X responded by firing", "X left after meeting Y": X
    if dep == "xcomp" or (dep == "acomp" and head.pos_ in ("VERB", "AUX")):
        return subjects(head, cues, depth + 1)
    if dep == "acl" and head.pos_ in NOUNS:
        if tok.tag_ == "VBN":  # "the missiles fired by …", "peasants killed by soldiers": the agent …
            if head.dep_ == "ROOT" and any(c.dep_ == "dobj" for c in tok.children):
                return expand(head)  # … but "The air force carried out strikes" misread as one
            return [x for a in _agents(tok) for x in expand(a)]
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return _noun_subjects(head, cues, depth + 1)
        if head.dep_ == "dobj" and head.head.lemma_.lower() in cues.light_verbs:
            # "X issued a statement calling on Y", "X launched an operation targeting Y": X
            return _noun_subjects(head, cues, depth + 1) or expand(head)
        return expand(head)
    return []


def _aux_subjects(verb: Token) -> list[Token]:
    """A subject the parser hung on the verb's auxiliary, not on the verb ("X and Y however have
    opposed": "X" read as the subject of "have"): the verb's own, for an active verb."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    return [s for a in verb.children if a.dep_ == "aux" and a.i < verb.i
            for s in a.children if s.dep_ in _SUBJ and s.i < a.i]


def _acronym_subject(verb: Token) -> list[Token]:
    """A capitalised short name opening the sentence that the tagger misread as an adverb or a
    loose dependent ("USAID provided …", "ICE returned …"): the subject of an active verb that
    has none."""
    if verb.pos_ not in ("VERB", "AUX") or is_passive(verb):
        return []
    first = verb.sent.start
    return [c for c in verb.children if c.i == first and c.dep_ in ("advmod", "npadvmod", "dep", "intj")
            and c.text.isupper() and c.text.isalpha() and len(c.text) >= 2]


def _noun_subjects(noun: Token, cues: Cues, depth: int) -> list[Token]:
    for c in noun.children:
        if c.dep_ == "poss":
            return expand(c)
    by = prep_objects(noun, ("by",), deep=False)
    if by:
        return by
    for c in noun.children:  # "an attack carried out by X", "the killing, perpetrated by X"
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in cues.light_verbs:
            agents = [x for a in _agents(c) for x in expand(a)]
            if agents:
                return agents
    head, dep = noun.head, noun.dep_
    if head.i == noun.i:
        return []
    light = head.lemma_.lower() in cues.light_verbs
    if dep == "dobj" and light:
        return subjects(head, cues, depth + 1)
    if dep == "nsubjpass" and light:
        return [x for a in _agents(head) for x in expand(a)]
    if dep == "pobj":
        gov = head.head
        if head.lower_ == "of" and gov.lemma_.lower() in cues.planning:
            return _noun_subjects(gov, cues, depth + 1)
        if head.lower_ in cues.culprit_preps and gov.lemma_.lower() in cues.culprit_verbs:
            return objects(gov)
        if head.lower_ == "for" and gov.pos_ == "VERB" and gov.lemma_.lower() in cues.purpose_verbs:
            return subjects(gov, cues, depth + 1)  # "travelled to Vienna for talks": the travellers talk
        if head.lower_ == "in" and _amount(gov) and governor(noun) is not gov:  # "X announced $5 million
            return subjects(governor(noun), cues, depth + 1)  # in aid": X gives it
    return []


def objects(tok: Token) -> list[Token]:
    """The logical object(s): direct objects, or the subject of a passive."""
    deps = ("dobj", "nsubjpass") if is_passive(tok) else ("dobj",)
    objs = [x for c in tok.children if c.dep_ in deps for x in expand(c)]
    if not objs and _shared_passive(tok):  # "X and Y were abducted and killed": X and Y, killed too
        objs = [x for c in tok.head.children if c.dep_ == "nsubjpass" for x in expand(c)]
    if not objs and tok.tag_ == "VBN" and (  # "a man arrested", "the arrested men", "those arrested"
            (tok.dep_ == "acl" and (tok.head.pos_ in NOUNS or tok.head.lower_ in ("those", "all")))
            or (tok.dep_ == "amod" and tok.head.pos_ in NOUNS)):
        objs = expand(tok.head)
    return objs


#: First words of two-word prepositions, named by that word ("due to", "because of").
_PREP_PAIRS = {"due": "to", "because": "of"}


def _preps(tok: Token, gerunds: bool = False) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs on ``tok``. Two-word prepositions count as their first word,
    wherever the parser hung the object ("due to the rain", with "due" as a preposition or as an
    adjective on a noun: "delays due to the rain"); with ``gerunds``, a verb-form -ing clause is an
    object too ("died in police firing", "firing" read as a verb with "police" its subject)."""
    for c in tok.children:
        pair = c.lower_ in _PREP_PAIRS
        if c.dep_ in ("prep", "agent") or (pair and c.dep_ in ("amod", "advmod")):
            for p in c.children:
                if p.dep_ == "pobj":
                    for x in expand(p):
                        yield c.lower_, x
                elif gerunds and p.dep_ == "pcomp" and p.tag_ == "VBG":
                    yield c.lower_, p
                elif pair and p.dep_ in ("pcomp", "prep") and p.lower_ == _PREP_PAIRS[c.lower_]:
                    for q in p.children:
                        if q.dep_ == "pobj":
                            yield from ((c.lower_, x) for x in expand(q))
                        elif gerunds and q.dep_ == "pcomp" and q.tag_ == "VBG":
                            yield c.lower_, q


def prep_objects(tok: Token, preps: tuple[str, ...] | frozenset[str], deep: bool = True) -> list[Token]:
    """Objects of the given prepositions on ``tok`` and, when ``deep``, one level further."""
    return [obj for word, obj in neighbourhood(tok, deep) if word in preps]


def neighbourhood(tok: Token, deep: bool = True, gerunds: bool = False) -> list[tuple[str, Token]]:
    """(preposition, object) pairs around a trigger, tolerating misattached phrases:
    on the trigger, on its objects ("spoke to his counterpart on the phone"), on a light verb
    that takes an event noun ("held talks with"), on clauses modifying an event noun. With
    ``gerunds``, the trigger's own -ing clauses after a preposition count ("died in firing")."""
    pairs = list(_preps(tok, gerunds))
    if tok.pos_ in NOUNS and tok.dep_ == "nsubj" and _occurs(tok.head):
        pairs.extend(_preps(tok.head, gerunds))  # "the deaths took place in the firing"
    if not deep:
        return pairs
    for _, obj in list(pairs):
        pairs.extend(_preps(obj))
    for c in tok.children:
        if c.dep_ == "dobj" or (tok.pos_ in NOUNS and c.dep_ in ("relcl", "acl")):
            pairs.extend(_preps(c))
            if c.dep_ == "dobj" and _counts(c):  # "returned dozens of artifacts to Peru": the
                pairs.extend(q for w, x in _preps(c) if w == "of" for q in _preps(x))  # counted noun's
    if tok.pos_ in NOUNS and tok.dep_ in ("dobj", "nsubjpass"):
        pairs.extend(_preps(tok.head))
    return pairs


def _counts(tok: Token) -> bool:
    """A number or a measure word that stands before what it counts ("20 of the prisoners",
    "dozens of artifacts", "a series of raids")."""
    return tok.ent_type_ == "CARDINAL" or tok.pos_ == "NUM" or tok.lemma_.lower() in MEASURE_NOUNS


def _occurs(verb: Token) -> bool:
    """ "occurred", "happened", "took place": a verb that only says its subject happened."""
    lemma = verb.lemma_.lower()
    return lemma in ("occur", "happen") or (lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children))


def _filters(req: Requirement, tok: Token, is_actor: Callable[[Token], bool]) -> bool:
    if not (req.lemmas or req.ents or req.actor):
        return True
    return ((bool(req.lemmas) and (tok.lemma_.lower() in req.lemmas or tok.lower_ in req.lemmas))
            or (bool(req.ents) and tok.ent_type_ in req.ents)
            or (req.actor and (is_actor(tok) or _titled_name(tok, is_actor))))


def _titled_name(tok: Token, is_actor: Callable[[Token], bool]) -> bool:
    """A name the parser did not tag, known by a title or nationality in its own phrase: "the
    Colombian Sergeant Pablo Emilio Moncayo", "former President Arturo Ruiz"."""
    if tok.pos_ != "PROPN":
        return False
    stack = [c for c in tok.lefts if c.dep_ in ("compound", "amod")]
    while stack:
        c = stack.pop()
        if is_actor(c):
            return True
        stack.extend(x for x in c.lefts if x.dep_ in ("compound", "amod"))
    return False


def requirement_holds(req: Requirement, tok: Token, is_actor: Callable[[Token], bool]) -> bool:
    """Whether the dependent a requirement names is there (filters: lemma, ent, actor — any)."""
    if req.kind == "prep":
        cands = [obj for word, obj in neighbourhood(tok, gerunds=True) if word in req.words]
    elif req.kind == "object":
        cands = objects(tok) or ([c for c in tok.children if c.dep_ == "dobj"])
        # "released 20 of the prisoners", "declared a state of emergency": what the number or the
        # measure word counts is the object
        cands += [x for c in cands if _counts(c) for x in prep_objects(c, ("of",), deep=False)]
    elif req.kind == "particle":
        return any(c.dep_ == "prt" and c.lower_ in req.words for c in tok.children)
    elif req.kind == "modifier":
        cands = [c for c in tok.children if c.dep_ in _MODS]
    elif req.kind == "dep":
        cands = [c for c in tok.children if c.dep_ in req.words]
        if "advcl" in req.words:  # "one died and ten were hurt after police fired": the clause covers both
            cands += [a for c in tok.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                      for a in c.children if a.dep_ == "advcl" and a.i > c.i]
        if _PREDICATIVE & set(req.words):  # "shot dead five men", "held the mayor responsible":
            # an adjective misread as the object's own, right after the verb or after the noun
            cands += [m for o in tok.children if o.dep_ in ("dobj", "nsubjpass") for m in o.children
                      if m.dep_ == "amod" and (m.i == tok.i + 1 or m.i > o.i)]
    elif req.kind == "head":
        gov = governor(tok)
        if gov is None or (req.words != ("*",) and not (tok.dep_ == "pobj" and tok.head.lower_ in req.words)):
            return False
        return gov.lemma_.lower() in req.lemmas
    else:
        return False
    return any(_filters(req, c, is_actor) for c in cands)


#: Personal pronouns that may stand for a participant named earlier in the same sentence, by
#: whether they name a person.
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_OTHER_PRONOUNS = frozenset({"it", "they", "them"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it"})
#: Relations a subject pronoun's clause climbs through to the verb whose subject it stands for.
_CLIMB = frozenset({"ccomp", "xcomp", "advcl", "conj", "acl", "relcl", "dobj", "pobj", "prep", "attr", "acomp"})


def antecedent(pron: Token, is_person: Callable[[Token], bool]) -> Token | None:
    """The noun a personal pronoun stands for in its own sentence, when the syntax names it:

    - a subject pronoun in a clause under another verb takes that verb's subject ("Netanyahu
      says he will seek", "The government denied charges that it tortured");
    - an object pronoun takes a participant of the verb its clause hangs off, never its own
      clause's subject ("called X and urged him", "X was released after Y pardoned him").

    "he"/"him" need a person, "it"/"they" anything but one (``is_person``)."""
    low = pron.lower_
    if pron.pos_ != "PRON" or low not in _PERSON_PRONOUNS | _OTHER_PRONOUNS:
        return None
    person = low in _PERSON_PRONOUNS
    agrees = lambda t: t.pos_ in NOUNS and t.i < pron.i and is_person(t) == person  # noqa: E731
    if pron.dep_ in ("nsubj", "nsubjpass"):
        cur = pron.head
        for _ in range(4):
            if cur.head.i == cur.i or cur.dep_ not in _CLIMB:
                return None
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")] or _aux_subjects(cur)
                if subj:
                    return subj[0] if agrees(subj[0]) else None
        return None
    if pron.dep_ == "dobj" and low in _OBJECT_PRONOUNS:
        verb = pron.head
        own = {c.i for c in verb.children if c.dep_ in _SUBJ}
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i:
            return None
        gov = verb.head
        cands = [c for c in gov.children if c.dep_ in ("dobj", "nsubjpass")]
        cands += [p for c in gov.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        cands = [c for c in cands if c.i not in own and agrees(c)]
        return max(cands, key=lambda t: t.i) if len(cands) == 1 else None
    return None

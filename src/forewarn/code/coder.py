"""The coding engine: sentences → PLOVER events, from trigger patterns over the dependency parse.

For each sentence, tokens whose lemma is indexed by a pattern are checked against the pattern's
requirements; the most specific pattern that holds makes the token a trigger. Roles come from the
parse (``syntax``), status and attribution from the words governing the trigger (``status``),
actors, dates and places from ``forewarn.resolve``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..annotate.truecase import is_shouting, truecase
from ..clean.pagekind import NOT_AN_ARTICLE
from ..config import Settings
from ..models import Actor, Article, Event, Evidence, Place, TimeRef
from ..resolve import ArticleActors, Resolved, entity_at, load_actor_kb, resolve_place, resolve_time, value_bounds
from ..resolve.places import place_context, resolve_places
from .confidence import confidence
from .ontology import load_cues, load_ontology
from .patterns import Pattern, index_patterns, load_patterns
from .roles import (CHARGE_VERBS, FALLBACK_ACTORS, FALLBACK_RECIPIENTS, copula_targets, fallback_heads, inner_heads,
                    is_instrument)
from .reach import reach_heads
from .reframe import load_commitment, obligation_speaker, reframe
from .status import attribution_heads, status_flags
from .syntax import (ACTOR_ENTS, NOUNS, PLACE_ENTS, PLACE_PREPS, antecedent, expand, governor, is_passive, neighbourhood,
                     objects,
                     requirement_holds, role_span, subjects)
from .claims import attach_claims
from .lead import rank_leads
from .link import link_events
from .fights import fight_parties, misparsed_firer
from .nesting import beside, in_object_clause, in_subject, presupposed, purpose_of, via_prep, via_relcl
from .units import sentence_units, untagged_dates

__all__ = ["Coder", "OBLIGATION"]

#: The engine's own rule: an obligation laid on someone in reported speech is a request.
OBLIGATION = Pattern("engine-obligation", (), ("VERB", "AUX"), "REQUEST", None, actor=("head:subject",),
                     recipient=("subject",), source="forewarn.code.reframe", specificity=1)

_STATUS_ORDER = ("denied", "prevented", "planned", "hypothetical", "historical")
_PRONOUNS = {"he", "she", "they", "him", "her", "them", "we", "i"}
_TIME_ENTS = {"DATE", "TIME"}
#: Types whose object, when no recipient source, is what is given or sent ("sent 200 troops to X").
_GIVING = {"AID", "MOBILIZE"}
#: Prepositions a verb of charging puts on its object's phrase ("accused X of Y").
_CHARGE_CUT = frozenset({"of", "for"})


class Coder:
    """Loads the ontology, patterns (shipped + ``settings.patterns``) and actor KB once."""

    def __init__(self, settings: Settings | None = None) -> None:
        settings = settings or Settings()
        self.settings = settings
        self.ontology = load_ontology()
        self.cues = load_cues()
        self._lead_exempt = self.cues.light_verbs | self.cues.speech  # verbs whose object leads (``lead``)
        self.patterns: list[Pattern] = load_patterns(settings.patterns, replace=settings.replace_patterns,
                                                     ontology=self.ontology)
        self.index = index_patterns(self.patterns)
        self.kb = load_actor_kb(settings.actors)
        self.commitment = load_commitment()
        self._nlp = None
        self._places: dict[tuple[int, int], Place] = {}  # the article being coded: its resolved places
        self._given: set[int] = set()  # the sentence's triggers naming an act already done (``nesting.presupposed``)
        self._dated: dict[tuple[int, int, int], dict[int, Span]] = {}  # per sentence: date entities by the word they hang on

    # ---- entry point ---------------------------------------------------------------------
    def code(self, article: Article, doc: Doc) -> list[Event]:
        if is_shouting(doc.text):  # all-caps wire copy: parse it again, truecased (same offsets)
            doc = self._parse(truecase(doc.text, self.kb.name_words(), self.kb.acronyms()))
        focus = self._focus_country(doc)
        self._places = self._article_places(doc, focus)
        self._dated = {}
        ctx = ArticleActors(self.kb, article.published, focus=focus)
        events: list[Event] = []
        previous: tuple[list[Actor], set[str]] | None = None
        for sent, base in sentence_units(doc):
            pairs = [(tok, self._event(tok, pat, sent, base, article, ctx, focus)) for tok, pat in self._triggers(sent)]
            pairs = [(tok, e) for tok, e in pairs if e is not None]
            rank_leads(pairs, self._lead_exempt)  # the main act leads its sentence
            found = [e for _, e in pairs]
            explicit = [e for e in found if e.attribution]
            for event in found:
                if not event.attribution and previous and previous[1] & _names(event):
                    event.attribution = [replace(a) for a in previous[0]]
            previous = (explicit[0].attribution, set().union(*map(_names, explicit))) if explicit else None
            events.extend(found)
        events = link_events(events, article.body)
        # who a claim or an attribution of responsibility names as an attack's doer (``claims``)
        events = attach_claims(events, doc, lambda head: self._claimed(head, ctx, article.published))
        if NOT_AN_ARTICLE in article.flags and article.article_confidence is not None:
            for event in events:  # a listing or index page: its "events" are doubtful
                event.confidence = round(event.confidence * article.article_confidence, 3)
        return events

    def _claimed(self, head: Token, ctx: ArticleActors, day: dt.date | None) -> list[Actor]:
        found = self._resolve(head, 0, ctx, day)
        for r in found:
            _role_span(r.actor, head, 0)
        return [r.actor for r in found]

    def _parse(self, text: str) -> Doc:
        if self._nlp is None:
            from ..annotate import load_nlp

            self._nlp = load_nlp(self.settings.model)
        return self._nlp(text)

    def _focus_country(self, doc: Doc) -> str | None:
        """The country the article is most about, from the countries its entities name."""
        counts = Counter(self.kb.country_of(e.text) or self._seat_country(e.text)
                         for e in doc.ents if e.label_ in ("GPE", "NORP") and not _against(e))
        counts.pop(None, None)
        return counts.most_common(1)[0][0] if counts else None

    def _article_places(self, doc: Doc, focus: str | None) -> dict[tuple[int, int], Place]:
        """Every place name of the article resolved together (each reading supported by the
        article's other places and countries), keyed by its offsets: an event's location is
        then read from here, not from the name alone ("Paris" beside "Texas" is Paris, Texas)."""
        ents = [e for e in doc.ents if e.label_ in PLACE_ENTS]
        if not ents:
            return {}
        mentions = [(e.text, e.start_char, e.end_char) for e in ents]
        hints = [self.kb.country_of(e.text) for e in ents]
        context = place_context(mentions, doc.text, prefer_country=focus, hints=hints)
        found = resolve_places(mentions, context, hints=hints)
        return {(e.start_char, e.end_char): p for e, p in zip(ents, found) if p is not None}

    def _seat_country(self, text: str) -> str | None:
        """The country of a capital named as a place ("in Baku")."""
        entry = self.kb.lookup(text)
        return entry.country if entry is not None and entry.kind == "seat" else None

    # ---- triggers ------------------------------------------------------------------------
    def is_actor(self, tok: Token) -> bool:
        if tok.ent_type_ in ACTOR_ENTS or (tok.pos_ == "PRON" and tok.lower_ in _PRONOUNS):
            return True
        lemma = tok.lemma_.lower()
        kb = self.kb
        return (lemma in kb.sectors or lemma in kb.offices or lemma in kb.groups or lemma in kb.delegates
                or kb.lookup(tok.text) is not None)

    def _match(self, tok: Token) -> Pattern | None:
        for pattern in self.index.get(tok.lemma_.lower()) or self.index.get(tok.lower_, ()):
            if tok.pos_ not in pattern.pos:
                continue
            if pattern.head is not None and not requirement_holds(pattern.head, tok, self.is_actor):
                continue
            if all(requirement_holds(r, tok, self.is_actor) for r in pattern.requires) and not any(
                    requirement_holds(r, tok, self.is_actor) for r in pattern.excludes):
                return pattern
        return None

    def _triggers(self, sent: Span) -> list[tuple[Token, Pattern]]:
        found = {}
        for tok in sent:
            pattern = OBLIGATION if obligation_speaker(tok, self.cues, self.commitment) else self._match(tok)
            if pattern is not None:
                found[tok.i] = (tok, pattern)
        keep = []
        self._given = set()
        for i, (tok, pattern) in found.items():
            drop = False
            for anc in list(tok.ancestors)[:6]:
                other = found.get(anc.i)
                if other is None:
                    continue
                if self.ontology[other[1].type].embeds and not beside(tok, anc):
                    if presupposed(tok, anc):
                        self._given.add(tok.i)  # "ordered a judge to investigate the murder of X"
                    else:
                        drop = True  # "agreed to continue cooperation": the agreement is the event
                elif other[1].type == pattern.type and other[1].specificity > pattern.specificity \
                        and not beside(tok, anc):
                    drop = True  # "acts of terrorism" holds the attack; keep the more specific one
                elif other[1].type == pattern.type and _doer_of(tok, anc):
                    drop = True  # "a suicide bomber killed 15": the killing is the act, the bomber its doer
            for desc in tok.subtree:
                other = found.get(desc.i) if desc.i != tok.i else None
                if other and other[1].type == pattern.type and other[1].specificity >= pattern.specificity \
                        and (tok.pos_ in NOUNS or desc.pos_ in ("VERB", "AUX")) and tok in desc.ancestors \
                        and not (tok.pos_ == "VERB" and (via_prep(desc, tok) or beside(desc, tok))) \
                        and not ("cause" in pattern.actor and via_prep(desc, tok)) \
                        and not via_relcl(desc, tok) and not in_object_clause(desc, tok) \
                        and not (tok.pos_ == "VERB" and in_subject(desc, tok)) \
                        and not purpose_of(desc, tok) \
                        and desc.dep_ != "amod":  # "investigating alleged crimes": the allegation is a modifier
                    if not self.ontology[pattern.type].embeds:
                        drop = True  # "a plot to kill": code the killing, planned
                        break
            if not drop:
                keep.append((tok, pattern))
        return keep

    # ---- one event -----------------------------------------------------------------------
    def _event(self, tok: Token, pattern: Pattern, sent: Span, base: int, article: Article,
               ctx: ArticleActors, focus: str | None) -> Event | None:
        etype = self.ontology[pattern.type]
        date = self._date(tok, sent, base, article.published)
        bounds = value_bounds(date.value, date.granularity) if date and date.value else None
        day = bounds[0] if bounds else article.published
        sources = [self._resolve(h, base, ctx, day) for h in attribution_heads(tok, self.cues)]
        sources = _merge_adjacent([r for group in sources for r in group])
        actor_res = self._roles(tok, pattern.actor, base, ctx, day, doer=True) or \
            self._roles(tok, FALLBACK_ACTORS, base, ctx, day, doer=True)
        first = actor_res[0] if actor_res else None
        recipient_res = self._roles(tok, self._recipient_sources(tok, pattern), base, ctx, day, first)
        actors, recipients = _dedupe([r.actor for r in actor_res]), _dedupe([r.actor for r in recipient_res])
        recipients = [r for r in recipients if (r.start, r.end) not in {(a.start, a.end) for a in actors}]
        if not any(r.name or r.country or r.sector for r in recipients) and not (pattern.reciprocal and len(actors) > 1):
            more = self._roles(tok, FALLBACK_RECIPIENTS, base, ctx, day, first)
            keys = {(a.start, a.end) for a in actors}
            more = [r.actor for r in more if (r.actor.start, r.actor.end) not in keys
                    and (r.actor.name or r.actor.country or r.actor.sector or _named(r.actor, tok.doc, base))]
            recipients = _dedupe(more) or recipients
        if not any(r.country for r in recipients) and not (pattern.reciprocal and len(actors) > 1):
            moved = {o.i for o in objects(tok)} if pattern.type in _GIVING and "object" not in pattern.recipient else set()
            recipients = self._reach(tok, pattern.type, actors, recipients, base, ctx, day, moved)
        if not actors and etype.implicit_actor_sectors and is_passive(tok):
            actors = [a for a in _implicit(sources, etype.implicit_actor_sectors)][:1]
        location = self._location(tok, base, focus, recipient_res if etype.event_loc else [])
        if location is not None and location.country and actors and not any(a.country for a in actors) \
                and not (actors[0].name or actors[0].sector):
            actors[0].country = location.country  # "a roadside bomb … in Basra": an instrument, placed
        if not (actors or recipients or (etype.event_loc and location) or self._agentless(tok, etype)):
            return None
        given = tok.i in self._given  # an act the sentence takes as done: no status or reframing from above it
        status = self._status(tok, pattern, bounds, article.published, given)
        etype_name, mode = pattern.type, pattern.mode
        new = None if given else reframe(etype_name, mode, status, etype.quad, tok, self.cues, self.commitment)
        if new is not None:
            etype_name, mode, status = new
            etype = self.ontology[etype_name]
        start, end = base + sent.start_char, base + sent.end_char
        t_start = base + tok.idx
        evidence = Evidence(article.body[start:end], start, end, tok.text, t_start, t_start + len(tok.text))
        return Event(type=etype_name, mode=mode, quad=etype.quad, status=status, actors=actors,
                     recipients=recipients, evidence=evidence, article_id=article.id, location=location,
                     date=date, attribution=[r.actor for r in sources],
                     confidence=confidence(pattern, tok, actors, recipients, status), rule=pattern.id)

    def _reach(self, tok: Token, etype: str, actors: list[Actor], recipients: list[Actor], base: int,
               ctx: ArticleActors, day: dt.date | None, moved: set[int] = frozenset()) -> list[Actor]:
        """Recipients plus the first participant (or, but for meetings, place) named deeper under
        the trigger that resolves to a country (``reach``): "threatened to cut off electricity to
        X"; a place only gives its country to a recipient the text places nowhere."""
        spans = [(a.start, a.end) for a in actors if a.start is not None]
        inside = lambda t: any(s <= base + t.idx < e for s, e in spans)  # noqa: E731
        fallback: list[Actor] = []
        roots = []  # each recipient and the head of its phrase: what is found under it only places it
        for r in recipients:
            span = tok.doc.char_span(r.start - base, r.end - base, alignment_mode="expand") \
                if r.start is not None and r.end is not None else None
            if span is not None and len(span):
                roots.append((r, span.root))
        for head, is_place in reach_heads(tok, self.cues, self.is_actor, places=etype != "CONSULT", skip=inside):
            if _within_moved(head, moved):
                continue  # what the act moves or gives ("sent 200 troops"), not whom it is for
            found = [r.actor for r in self._resolve(head, base, ctx, day)]
            for a in found:  # "attacks in Rwanda's Southern Province": the whole phrase the name is in
                _role_span(a, _phrase_head(head), base, head)
            ent = entity_at(head)
            for a in found:  # a bare demonym ("the Azerbaijani republic")
                a.country = a.country or self.kb.country_of(ent.text if ent is not None else head.text)
            if not fallback and not is_place and found and not found[0].country and found[0].sector:
                fallback = [ctx.local_default(Resolved(found[0]), head).actor]  # "to disperse demonstrators"
            found = [a for a in found if a.country]
            within = next((r for r, root in roots if not r.country
                           and (root.i == head.i or root in head.ancestors)), None)
            if found and (within is not None or (is_place and recipients)):
                (within or recipients[0]).country = found[0].country  # "the Kirkuk council decision",
                return recipients  # "protesters in Moscow": the recipient is placed, not joined
            if found:
                if is_place:  # a weak participant: the place stands in for whoever is there, and
                    found[0].name = None  # yields to a named recipient of a linked mention
                return recipients + found[:1]
        return recipients + [a for a in fallback if a.country]

    def _agentless(self, tok: Token, etype) -> bool:
        """An act only authorities do, reported without participants: "arrests were made"."""
        return bool(etype.implicit_actor_sectors) and tok.pos_ in NOUNS and tok.tag_ in ("NNS", "NN") \
            and tok.dep_ in ("nsubjpass", "dobj") and tok.head.lemma_.lower() in self.cues.light_verbs

    def _recipient_sources(self, tok: Token, pattern: Pattern) -> tuple[str, ...]:
        if tok.pos_ in NOUNS and not any(s.startswith("prep:") for s in pattern.recipient):
            preps = tuple(f"prep:{p}" for p in self.cues.noun_recipient_preps)
            return (*pattern.recipient, *preps, "target", "copula")
        if tok.pos_ in NOUNS:
            return (*pattern.recipient, "copula")
        return pattern.recipient

    def _role_heads(self, tok: Token, source: str) -> list[Token]:
        if source == "subject":
            heads = subjects(tok, self.cues)
            if not heads and tok.pos_ in NOUNS:  # "US intelligence", "a Russian attack"
                heads = [c for c in tok.children if c.dep_ in ("compound", "amod")
                         and (c.ent_type_ in ACTOR_ENTS or (c.pos_ == "NOUN" and self.is_actor(c)))]
            return heads
        if source == "object":
            return objects(tok) if tok.pos_ not in NOUNS else []
        if source == "dative":  # "gave it to X" parses "to" as the dative: its object is X
            return [x for c in tok.children if c.dep_ == "dative"
                    for x in ([p for p in c.children if p.dep_ == "pobj"] if c.pos_ == "ADP" else expand(c))]
        if source.startswith("prep:"):
            # "of" names a participant only on the trigger itself ("the killing of X"), never on a
            # phrase further down ("shooting among gangs of looters")
            found = [obj for word, obj in neighbourhood(tok, deep=source != "prep:of") if word == source[5:]]
            # "the killing of six of their members", "the murder of the son of the mayor": the
            # first phrase names the participant; one nested inside it only says which
            return [o for o in found if not any(other in _conj_root(o).ancestors for other in found)]
        if source.startswith("head:"):
            gov = governor(tok)
            if gov is None:
                return []
            return subjects(gov, self.cues) if source == "head:subject" else objects(gov)
        if source in ("clause", "embedded", "place", "cause"):
            heads = fallback_heads(tok, source, self.cues)
            return heads or (fight_parties(tok) or misparsed_firer(tok, self.is_actor) if source == "cause" else [])
        if source == "copula":  # "X was the target of the attack"
            return copula_targets(tok)
        if source == "target":
            return [o for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in self.cues.target_verbs
                    for o in objects(c)]
        return []

    def _roles(self, tok: Token, sources: tuple[str, ...], base: int, ctx: ArticleActors,
               day: dt.date | None, counterpart: Resolved | None = None, doer: bool = False) -> list[Resolved]:
        for source in sources:
            heads = [h for h in self._role_heads(tok, source) if h.i != tok.i and h.ent_type_ not in _TIME_ENTS]
            heads = list(dict.fromkeys(x for h in heads for x in self._named_for(h)))
            if heads:
                out = []
                for h in heads:
                    found = self._resolve(h, base, ctx, day, counterpart)
                    # a weapon or an act as subject ("a car bomb killed", "the bombings destroyed")
                    thing = doer and (is_instrument(h) or (h.pos_ in NOUNS and not self.is_actor(h)
                                                           and self._match(h) is not None))
                    named = any(r.actor.name or r.actor.country or r.actor.sector for r in found)
                    abstract = h.pos_ == "NOUN" and not h.ent_type_ and not self.is_actor(h)
                    if thing or not named or abstract:
                        inners = inner_heads(h, self.kb.country_of)
                        if thing:  # "police bullets", "rebel rockets": a sector word on a weapon is its owner
                            inners += [c for c in h.children if c.dep_ in ("compound", "amod", "nmod")
                                       and c not in inners and self.is_actor(c)]
                        for inner in inners:  # "an appeal from X"
                            if named and not thing and not (_by_whom(inner) and inner.head.lower_ == "by"
                                                            and inner.head.head.i == h.i):
                                continue  # "Germany's decision": named already, and by its whole phrase
                            deeper = self._resolve(inner, base, ctx, day, counterpart)
                            if any(r.actor.name or r.actor.country or r.actor.sector for r in deeper):
                                # a weapon or an act as the doer, its owner named inside it ("Syrian
                                # government missiles struck"), is named by its whole phrase
                                if len(found) == 1 and len(deeper) == 1 and not _by_whom(inner) and (
                                        thing or not is_instrument(h)):
                                    outer, a = found[0].actor, deeper[0].actor  # "the UN's appeal"
                                    a.text, a.start, a.end = outer.text, outer.start, outer.end
                                else:  # "accusations by the US": the US is who is named
                                    for r in deeper:
                                        _role_span(r.actor, inner, base)
                                found = deeper
                                thing = False
                                break
                    if thing:
                        continue  # is no doer: its own doer, when named inside it, is
                    agent = tok.pos_ in NOUNS and h.head.i == tok.i and h.dep_ in ("compound", "amod", "nmod", "poss") \
                        and tok.lemma_.lower() in self.kb.sectors  # "a Taliban suicide bomber": the bomber's phrase
                    # "accused X of Y": the charge the verb adds is no part of X's phrase
                    cut = _CHARGE_CUT if not doer and h.head.i == tok.i and tok.lemma_.lower() in CHARGE_VERBS \
                        else frozenset()
                    for r in found:
                        _role_span(r.actor, tok if agent else h, base, h, cut)
                    out.extend(ctx.local_default(r, h) for r in found)
                if out or not doer:
                    return out
        return []

    def _named_for(self, head: Token) -> list[Token]:
        """A personal pronoun stands for the noun the sentence names it by (``syntax.antecedent``:
        "Netanyahu says he will seek" → Netanyahu; "they" → each of "X and Y"); anything else
        for itself."""
        if head.pos_ != "PRON":
            return [head]
        found = antecedent(head, self._is_person)
        if found is None:
            return [head]
        return expand(found) if head.lower_ in ("they", "them") else [found]

    def _is_person(self, tok: Token) -> bool:
        """A person's name, or a title or office noun naming one ("the president")."""
        return tok.ent_type_ == "PERSON" or (not tok.ent_type_ and tok.lemma_.lower() in self.kb.offices)

    def _resolve(self, head: Token, base: int, ctx: ArticleActors, day: dt.date | None,
                 counterpart: Resolved | None = None) -> list[Resolved]:
        found = ctx.resolve(head, base, day=day, counterpart_of=counterpart)
        for res in found:
            a = res.actor
            if a.name is None and a.country is None and head.ent_type_ in PLACE_ENTS:
                place = self._places.get((a.start, a.end)) or resolve_place(a.text)  # "attack St Petersburg"
                if place is not None:
                    a.name, a.country = place.name, place.country
        return found

    # ---- when, where, how sure -------------------------------------------------------------
    def _attached_dates(self, sent: Span) -> dict[int, Span]:
        """The sentence's date and time entities by the word each hangs on (a verb or a trigger):
        worked out once per sentence, not once per event."""
        key = (id(sent.doc), sent.start, sent.end)  # reset for each article (``code``)
        attached = self._dated.get(key)
        if attached is None:
            attached = self._dated[key] = {}
            for ent in [*sent.ents, *untagged_dates(sent)]:
                if ent.label_ in ("DATE", "TIME"):
                    cur = ent.root
                    while cur.head.i != cur.i and cur.pos_ not in ("VERB", "AUX") and \
                            (cur.i == ent.root.i or self._match(cur) is None):
                        cur = cur.head
                    attached.setdefault(cur.i, ent)
        return attached

    def _date(self, tok: Token, sent: Span, base: int, published: dt.date | None) -> TimeRef | None:
        attached = self._attached_dates(sent)
        node = tok
        for _ in range(6):
            ent = attached.get(node.i)
            if ent is not None:
                future = any(c.dep_ == "aux" and c.lower_ in self.commitment.future for c in node.children)
                from ..resolve.timeref import tense_of  # the verb's tense: last or next "Monday"
                value, granularity = resolve_time(ent.text, published, future, tense=None if future else tense_of(node))
                return TimeRef(ent.text, value, granularity, base + ent.start_char, base + ent.end_char)
            climb = node.dep_ in ("conj", "xcomp", "acl") or (node.pos_ in NOUNS and node.dep_ in ("dobj", "nsubjpass"))
            if not climb or node.head.i == node.i or node.head.lemma_.lower() in self.cues.speech:
                return None
            node = node.head
        return None

    def _location(self, tok: Token, base: int, focus: str | None, targets: list[Resolved]) -> Place | None:
        heads = [obj for word, obj in neighbourhood(tok) if word in PLACE_PREPS and obj.ent_type_ in PLACE_ENTS]
        for head in heads:
            ent = entity_at(head)
            if ent is not None:
                place = self._places.get((base + ent.start_char, base + ent.end_char))
                if place is None:
                    iso = self.kb.country_of(ent.text)
                    place = resolve_place(ent.text, focus, base + ent.start_char, base + ent.end_char, iso)
                if place is not None:
                    return place
        for res in targets:
            a = res.actor
            if a.text and a.start is not None:
                place = self._places.get((a.start, a.end)) or resolve_place(a.text, focus, a.start, a.end)
                if place is not None:
                    return place
        return None

    def _status(self, tok: Token, pattern: Pattern, bounds: tuple[dt.date, dt.date] | None,
                published: dt.date | None, given: bool = False) -> str:
        # an act the sentence takes as done ("to investigate the murder of X"): nothing above it qualifies it
        flags = set() if given else status_flags(tok, self.cues)
        if pattern.status:
            flags.add(pattern.status)
        if bounds and published and (published - bounds[1]).days >= self.cues.historical_days:
            flags.add("historical")
        return next((s for s in _STATUS_ORDER if s in flags), "happened")


def _conj_root(tok: Token) -> Token:
    """The first of the conjuncts ``tok`` is one of ("Y" of "X and Y" → "X")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _by_whom(inner: Token) -> bool:
    """Whether a participant named inside an abstract noun is named by a preposition saying whose
    act it is ("accusations by the US", "demands from the rebels"), not by a possessor or an "of"
    ("Germany's decision", "the families of the victims"): the participant is then the object alone."""
    while inner.dep_ == "conj" and inner.head.i != inner.i:
        inner = inner.head
    return inner.dep_ == "pobj" and inner.head.lower_ != "of"


def _named(actor: Actor, doc: Doc, base: int) -> bool:
    """Whether a participant the knowledge base does not know is still a name the parser tagged
    (a person, group or place: "threatened to shell Bagram"), not an abstract noun."""
    if actor.start is None or actor.end is None:
        return False
    span = doc.char_span(actor.start - base, actor.end - base, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.ent_type_ in ACTOR_ENTS | PLACE_ENTS


def _phrase_head(tok: Token) -> Token:
    """The noun whose phrase a name modifying it belongs to ("Rwanda's" of "Rwanda's Southern
    Province", "US" of "US laws"): the name itself when it heads its own phrase."""
    cur = tok
    while cur.dep_ in ("poss", "compound", "amod", "nmod") and cur.head.pos_ in NOUNS and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _within_moved(tok: Token, moved: set[int]) -> bool:
    """Whether ``tok`` is, or is part of the name of, something a giving act moves: "sent 100
    patrol vehicles" ("patrol"), "sent a team of paratroopers" ("paratroopers"). A possessor or
    an adjective is not ("trained Nigerian soldiers": whose soldiers they are may be the recipient)."""
    cur = tok
    for _ in range(8):
        if cur.i in moved:
            return True
        if cur.dep_ in ("compound", "nummod") and cur.head.i != cur.i:
            cur = cur.head
        elif cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.i != cur.head.i:
            cur = cur.head.head
        else:
            return False
    return False


def _doer_of(tok: Token, verb: Token) -> bool:
    """Whether the noun ``tok`` is the subject of the verb ``verb`` (directly, or as a conjunct
    of its subject): "a suicide bomber killed", "a car bomb in Kiev killed", "a car bombing by the
    group killed": the noun names who or what did the verb's act, not an act of its own."""
    if tok.pos_ not in NOUNS or verb.pos_ not in ("VERB", "AUX"):
        return False
    subj = tok
    while subj.dep_ == "conj" and subj.head.i != subj.i:
        subj = subj.head
    return subj.dep_ == "nsubj" and subj.head.i == verb.i


def _against(ent: Span) -> bool:
    """ "anti-Syria", "pro-Iranian": a country the text is for or against, not about."""
    doc = ent.doc
    if ent.start >= 1 and doc[ent.start - 1].lower_ == "ethnic":
        return True  # "ethnic Albanians": a people, not the state the article is about
    return ent.start >= 2 and doc[ent.start - 1].text == "-" and doc[ent.start - 2].lower_ in ("anti", "pro")


def _role_span(actor: Actor, head: Token, base: int, named: Token | None = None,
               cut: frozenset[str] = frozenset()) -> None:
    """A participant's text is the whole phrase ``head`` heads (``syntax.role_span``), when the
    phrase the resolver showed is the one of ``named`` (default ``head``), not an antecedent's."""
    at = base + (named or head).idx
    if (named or head).pos_ == "PRON" or actor.start is None or actor.end is None or not actor.start <= at < actor.end:
        return
    start, end = role_span(head, cut)
    doc = head.doc
    actor.start, actor.end = base + doc[start].idx, base + doc[end - 1].idx + len(doc[end - 1])
    actor.text = doc[start:end].text  # not doc.text[...]: Doc.text rebuilds the whole article each time


def _names(event: Event) -> set[str]:
    return {a.name for a in event.actors + event.recipients if a.name}


def _dedupe(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        key = (a.start, a.end, a.name)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _merge_adjacent(found: list[Resolved]) -> list[Resolved]:
    """ "News agency Tass": two subject words naming one source."""
    out: list[Resolved] = []
    for res in found:
        prev = out[-1].actor if out else None
        a = res.actor
        if prev is not None and prev.end is not None and a.start is not None and 0 <= a.start - prev.end <= 1:
            best = a if (a.name or a.country) else prev
            merged = Actor(text=f"{prev.text} {a.text}", name=best.name, country=best.country,
                           sector=best.sector or prev.sector, start=prev.start, end=a.end)
            out[-1] = Resolved(merged, res.office, res.person, res.org)
        else:
            out.append(res)
    return out


def _implicit(sources: list[Resolved], sectors: tuple[str, ...]) -> list[Actor]:
    """A statement from a security body about an agentless arrest names who made it."""
    out = []
    for res in reversed(sources):
        actor = res.org or res.actor
        if actor.sector in sectors:
            out.append(replace(actor))
    return out



"""Noun phrases → actors, with the knowledge base and what the article said before.

One ``ArticleActors`` per article remembers the persons already named, so "Mr Trump" finds
"Donald Trump", "both leaders" finds the last two persons and "his US counterpart" finds the
holder of the speaker's office in the US on the event's date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..models import Actor
from .actor_focus import doc_focus
from .actor_phrase import (COUNTRYISH, MODS, TITLES, against, entity_at, ethnic, lemma_phrase, misspelt_country,
                           np_span, on_head, strip_det, strip_titles, unbracketed, with_apposition)
from .ellipsis import counted_antecedent
from .kb import ActorKB, Entry, Office
from .places import resolve_place
from .seat_context import country_mentions, seat_country

__all__ = ["ArticleActors", "Resolved", "np_span"]

_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
#: Pronouns that stand for a country, an organisation or a group.
_GROUP_PRONOUNS = {"it", "its", "they", "them", "their", "we", "our", "us"}
#: Verbs whose clausal complement's pronoun subject is usually their own subject
#: ("Syria says it is willing", "the rebels said they will release").
_SAY_LIKE = {"say", "announce", "declare", "insist", "state", "warn", "claim", "add", "confirm", "deny",
             "reiterate", "vow", "promise", "pledge", "threaten", "believe", "indicate", "tell", "report",
             "hope", "think", "argue", "stress", "assert", "agree", "accept", "admit", "reply", "respond"}


@dataclass(slots=True)
class Resolved:
    actor: Actor
    office: Office | None = None
    person: Entry | None = None
    #: For "a spokesman for the FSB": the organisation spoken for.
    org: Actor | None = None


@dataclass
class ArticleActors:
    kb: ActorKB
    published: dt.date | None = None
    persons: list[Entry] = field(default_factory=list)
    seen: dict[str, Entry] = field(default_factory=dict)
    #: Countries, organisations and groups resolved so far, last last ("it", "they").
    others: list[Actor] = field(default_factory=list)
    #: The country the article is most about: the default for actors that name none.
    focus: str | None = None
    _focus_doc: object = field(default=None, repr=False)
    _focus_found: str | None = field(default=None, repr=False)
    _named_doc: object = field(default=None, repr=False)
    _named_found: tuple = field(default=(frozenset(), ()), repr=False)

    # ---- memory --------------------------------------------------------------------------
    def remember(self, entry: Entry) -> None:
        if entry.kind != "person":
            return
        self.persons = [p for p in self.persons if p.name != entry.name] + [entry]
        self.seen[entry.name.split()[-1].lower()] = entry

    def person(self, text: str) -> Entry:
        words = strip_titles(text.replace("’s", "").replace("'s", "").split())
        name = " ".join(words)
        entry = self.kb.lookup(name)
        if entry is None or entry.kind != "person":
            surname = words[-1].lower()
            entry = self.seen.get(surname) if len(words) == 1 else None
            if entry is None and len(words) == 1 and len(self.kb.surnames.get(surname, ())) == 1:
                entry = self.kb.surnames[surname][0]
            if entry is None and len(words) > 1:
                entry = self.kb.near_person(name)  # "Abdelaziz Bouteflicka"
        if entry is None:
            entry = Entry(name, "person")
        self.remember(entry)
        return entry

    # ---- resolution ----------------------------------------------------------------------
    def resolve(self, head: Token, base: int = 0, *, day: dt.date | None = None,
                counterpart_of: Resolved | None = None) -> list[Resolved]:
        """Actors named by the phrase headed by ``head`` (several for "both leaders")."""
        span = np_span(head)
        day = day or self.published
        counted = counted_antecedent(head, self._is_people) if head.pos_ == "NUM" else None
        if counted is not None:  # "fired on the marchers, detaining 40": 40 of the marchers
            res = self.resolve(counted, base, day=day)[0]
            a = res.actor
            return [Resolved(Actor(text=span.text, name=a.name, country=a.country, sector=a.sector,
                                   start=base + span.start_char, end=base + span.end_char),
                             res.office, res.person, res.org)]
        group = self._group(head, span, base)
        if group:
            return group
        if head.pos_ == "PRON" and head.lower_ in _GROUP_PRONOUNS:
            found = self._group_pronoun(head, base, day)
        else:
            found = self._named(head, span, day) or self._office(head, span, day, counterpart_of) \
                or self._delegate(head, span, day, base) or self._collective(head, day, base) \
                or self._sector(head, span)
        res = found or Resolved(Actor(text=span.text))
        if res.actor.sector is None and head.pos_ != "PRON":
            res.actor.sector = self._people(head)
        if res.actor.sector is None and res.actor.name is None and head.pos_ == "NOUN" and not head.ent_type_:
            res = self._inner_actor(head, res, day, base)
        if head.pos_ != "PRON" and res.actor.sector in self.kb.former_of and any(
                t.lower_.rstrip("-") in self.kb.former for t in span if t.i < head.i or t.i == span.start):
            res.actor.sector = self.kb.former_of[res.actor.sector]  # "former president X": ELI
        if res.actor.country is None and head.pos_ != "PRON":
            res.actor.country = self._span_country(head, span)
        shown = with_apposition(head, span) if head.pos_ != "PRON" else span
        if head.pos_ == "PRON" and res.actor.text and res.actor.start is not None:
            pass  # a pronoun standing for a phrase of the same sentence keeps that phrase's span
        else:
            res.actor.text, res.actor.start, res.actor.end = shown.text, base + shown.start_char, base + shown.end_char
        if res.person is None and (res.actor.name or res.actor.country) and head.pos_ != "PRON":
            self.others = [a for a in self.others[-7:] if a.name != res.actor.name or a.country != res.actor.country]
            self.others.append(Actor(text=span.text, name=res.actor.name, country=res.actor.country,
                                     sector=res.actor.sector))
        return [res]

    def local_default(self, res: Resolved, head: Token) -> Resolved:
        """An actor the text places nowhere ("the rebels", "Prime Minister Chaudhry", an unknown
        party) is taken to be of the country the article is about."""
        a = res.actor
        if a.country is not None or not (head.pos_ != "PRON" or a.name or a.sector) or not (
                a.sector or a.name or head.ent_type_ in ("PERSON", "ORG", "NORP")):
            return res
        a.country = self.focus or self._doc_focus(head)
        return res

    def _doc_focus(self, head: Token) -> str | None:
        """When the coder found no focus country: one from all the article's names (places the
        tagger calls LOC, organisations named for a country, known persons)."""
        doc = head.doc
        if self._focus_doc is not doc:
            self._focus_doc, self._focus_found = doc, doc_focus(doc, self.kb)
        return self._focus_found

    def _seat(self, tok: Token, name: str, iso: str | None) -> str | None:
        """A capital's country, unless the text points to a namesake city elsewhere (``seat_context``)."""
        if iso is None:
            return None
        doc = tok.doc
        if self._named_doc is not doc:
            self._named_doc, self._named_found = doc, country_mentions(doc, self.kb)
        return seat_country(tok, strip_det(name), iso, self._named_found)

    def _group_pronoun(self, head: Token, base: int, day: dt.date | None) -> Resolved | None:
        """ "it", "they", "its": the subject of the saying verb the pronoun's clause reports,
        else the last country, organisation or group named."""
        if head.dep_ == "poss":  # "X held their first meeting", "X insisted on its demands": X
            noun = head.head
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head
            if noun.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
                subj = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON" and c.i < head.i]
                if subj:
                    inner = self.resolve(subj[0], base, day=day)[0]
                    own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj[0].children)
                    if inner.actor.name or inner.actor.country or (inner.actor.sector and not own):
                        a = inner.actor
                        return Resolved(Actor(text=a.text, name=a.name, country=a.country, sector=a.sector,
                                              start=a.start, end=a.end), inner.office, inner.person, inner.org)
        clause = head.head if head.dep_ != "poss" else head.head.head
        for _ in range(3):
            if clause.head.i == clause.i:
                break
            if clause.dep_ in ("ccomp", "xcomp", "conj", "advcl") and clause.head.lemma_.lower() in _SAY_LIKE:
                subj = [c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
                if subj:
                    inner = self.resolve(subj[0], base, day=day)[0]
                    if inner.actor.name or inner.actor.country or inner.actor.sector:
                        a = inner.actor  # "Iraqi military says it has seized": the actor is the named subject
                        return Resolved(Actor(text=a.text, name=a.name, country=a.country, sector=a.sector,
                                              start=a.start, end=a.end), inner.office, inner.person, inner.org)
                break
            clause = clause.head
        if self.others:
            last = self.others[-1]
            return Resolved(Actor(text="", name=last.name, country=last.country, sector=last.sector))
        return None

    def _from_entry(self, entry: Entry, day: dt.date | None) -> Resolved:
        office = self.kb.office_of(entry, day)
        country = office.country if office else entry.country
        return Resolved(Actor(text="", name=entry.name, country=country, sector=entry.sector), office,
                        entry if entry.kind == "person" else None)

    def _named(self, head: Token, span: Span, day: dt.date | None) -> Resolved | None:
        if head.lower_ in _PRONOUNS and head.pos_ == "PRON":
            return self._from_entry(self.persons[-1], day) if self.persons else None
        ent = entity_at(head)
        if ent is not None and ent.label_ == "PERSON" and not self._known_place_or_org(ent.text):
            return self._titled(self._from_entry(self.person(ent.text), day), with_apposition(head, span))
        titled = any(c.dep_ == "compound" and c.lower_.rstrip(".") in TITLES for c in head.children)
        if head.pos_ == "PROPN" and (titled or head.lower_ in self.seen) and ent is None:
            return self._titled(self._from_entry(self.person(span.text), day), span)
        bare = strip_det(span.text)
        for text in (span.text, bare if bare != span.text else None, unbracketed(bare),
                     ent.text if ent is not None else None,
                     strip_det(ent.text) if ent is not None else None,
                     unbracketed(ent.text) if ent is not None else None, head.text):
            entry = self.kb.lookup(text) if text else None
            if entry is not None:
                if entry.kind == "country":
                    return Resolved(Actor(text="", name=entry.name, country=entry.country))
                if entry.kind == "person":
                    self.remember(entry)
                res = self._from_entry(entry, day)
                if entry.kind == "seat":
                    res.actor.country = self._seat(head, text, res.actor.country)
                return res
        if ent is not None and ent.label_ in COUNTRYISH and head.i == ent.end - 1:
            iso = misspelt_country(self.kb, strip_det(ent.text))  # "the Afganistan government"
        else:
            iso = misspelt_country(self.kb, head.text) if ent is None and head.pos_ == "PROPN" \
                and span.text == head.text else None  # "Ethopia has agreed" (left untagged)
        if iso:
            return Resolved(Actor(text="", country=iso))
        return self._named_by_modifier(head, day)

    def _named_by_modifier(self, head: Token, day: dt.date | None) -> Resolved | None:
        """A known organisation named before a head noun that names no actor of its own ("the
        UNITA militarist wing", "the pro-Iranian Hizbollah group", "the radical Palestinian
        Islamic Jihad movement")."""
        low = head.lemma_.lower()
        if head.ent_type_ or low in self.kb.sectors or low in self.kb.offices:
            return None
        for child in head.lefts:
            if child.dep_ not in ("compound", "nmod", "amod", "poss"):
                continue
            ent = entity_at(child)
            if ent is not None and ent.label_ in ("ORG", "NORP", "GPE"):
                text = ent.text
            elif ent is None and child.pos_ == "PROPN":
                text = child.text  # "the Hizbollah group", left untagged
            else:
                continue
            words = strip_det(text).split()
            for text in (" ".join(words), " ".join(words[1:]) if len(words) > 2 else None):
                entry = self.kb.lookup(text) if text else None
                if entry is not None and entry.kind == "organization":
                    return self._from_entry(entry, day)
        return None

    def _known_place_or_org(self, text: str) -> bool:
        """A name the tagger took for a person that the KB knows as a country or organisation."""
        entry = self.kb.lookup(strip_det(text))
        return entry is not None and entry.kind != "person"

    def _titled(self, res: Resolved, span: Span) -> Resolved:
        """A person the KB does not know takes country and sector from the words before the
        name ("British Defence Secretary Tom King" → GBR, GOV)."""
        a = res.actor
        if a.country and a.sector:
            return res
        for tok in span:
            if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and tok.i > span.start and \
                    span.doc[tok.i - 1].ent_type_ == "PERSON":
                continue
            low = tok.lemma_.lower()
            if a.country is None and tok.ent_type_ != "PERSON":  # "Karen Smith" names no people
                ent = entity_at(tok)
                if ent is not None and ent.label_ != "PERSON":
                    a.country = self.kb.country_of(ent.text)
                    if a.country is None and ent.label_ == "ORG":  # "U.N. mediator X": the body's
                        a.country = self._org_country(ent.text)
                a.country = a.country or self.kb.country_of(tok.text)
            if a.sector is None:
                a.sector = self.kb.sectors.get(low) or ("GOV" if low in self.kb.offices else None)
        return res

    def _org_country(self, text: str) -> str | None:
        """The country (or IGO) of an organisation the KB knows, named whole or as the start of a
        longer name ("the United Nations Emergency Relief Coordinator" → the United Nations)."""
        words = strip_det(text).split()
        for n in range(len(words), 0, -1):
            entry = self.kb.lookup(" ".join(words[:n]))
            if entry is not None and entry.kind == "organization" and entry.country:
                return entry.country
            if n <= 1 or entry is not None:
                break
        return None

    def _span_country(self, head: Token, span: Span) -> str | None:
        """A country named anywhere in the actor's own phrase, when its head and modifiers name
        none: before the head ("Vietnamese-led forces", "Montenegro Municipality Association
        officials") or in a place or source phrase on it ("demonstrators in Baghdad", "inspectors
        of the IAEA", "a mission of observers from the OSCE"); never a country the phrase is
        against or for ("anti-Syria journalist", "aid for Bosnia")."""
        for tok in [*span, *(t for t in head.subtree if t.i >= span.end)]:
            if tok.i == head.i and tok.ent_type_ not in ("GPE", "NORP"):
                continue
            after = tok.i > head.i
            if after and not on_head(tok, head):
                continue
            if against(tok) or ethnic(tok) or self._related(tok):
                continue
            ent = entity_at(tok)
            if ent is not None and ent.label_ in ("GPE", "LOC"):
                if tok.i != ent.end - 1:
                    continue  # a place is read once, whole ("Northern Ireland", not "Ireland")
                texts = [ent.text]
            elif ent is not None and ent.label_ == "NORP":
                texts = [ent.text, tok.text]
            elif ent is not None and ent.label_ == "ORG":
                iso = self._org_country(ent.text) if tok.i == ent.end - 1 else None
                if iso:
                    return iso  # "inspectors of the IAEA"
                texts = [tok.text] if tok.pos_ in ("ADJ", "PROPN") else []  # "Palestinian Islamic Jihad"
            elif ent is None and tok.pos_ in ("ADJ", "PROPN"):
                texts = [tok.text]
            else:
                continue
            for text in texts:
                iso = self.kb.country_of(text)
                if iso is None:
                    entry = self.kb.lookup(strip_det(text))
                    iso = entry.country if entry is not None and entry.kind in ("country", "seat") else None
                    if entry is not None and entry.kind == "seat":
                        iso = self._seat(tok, text, iso)  # "fighting in Tripoli" beside "the Lebanese port"
                if iso is None and ent is not None and ent.label_ in ("GPE", "LOC", "NORP", "FAC") and after:
                    place = resolve_place(strip_det(ent.text))
                    iso = place.country if place is not None else None
                if iso is None and ent is not None and ent.label_ in COUNTRYISH:
                    iso = misspelt_country(self.kb, strip_det(text))  # "an offer from Afganistan"
                if iso:
                    return iso
        return None

    def _related(self, tok: Token) -> bool:
        """ "Israel's militia ally", "Iraq's neighbours": a country a relation is *to*, not of."""
        cur = tok
        while cur.head.i != cur.i:
            if cur.dep_ in ("poss", "compound") and cur.head.lemma_.lower() in self.kb.relations:
                return True  # "Israel's ally", "a US ally"
            if cur.dep_ != "compound":
                return False
            cur = cur.head
        return False

    def _country(self, head: Token) -> str | None:
        """Country named by a modifier ("Russian", "US", "of Russia", "in Russia", "Russia's")."""
        related = head.lemma_.lower() in self.kb.relations
        for child in head.children:
            if related and child.dep_ in ("poss", "compound"):
                continue  # "Israel's ally", "a US ally"
            if child.dep_ in MODS and (against(child) or ethnic(child)):
                continue  # "an anti-Syria journalist", "ethnic Albanian guerrillas"
            if child.dep_ in MODS:
                ent = entity_at(child)
                for text in (ent.text if ent is not None else None, child.text):
                    iso = self.kb.country_of(text) if text else None
                    if iso:
                        return iso
                for text in (ent.text if ent is not None else None, child.text):
                    entry = self.kb.lookup(strip_det(text)) if text else None
                    if entry is not None and entry.country and (child.dep_ in ("compound", "poss") or ent is not None):
                        return entry.country
            elif child.dep_ == "prep" and child.lower_ in ("of", "in", "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and not ethnic(obj):
                        ent = entity_at(obj)
                        iso = self.kb.country_of(ent.text if ent is not None else obj.text)
                        if iso:
                            return iso
        return None

    def _head_phrase(self, head: Token, table: dict[str, str]) -> str | None:
        """The longest compound+head lemma phrase found in ``table`` ("intelligence service")."""
        mods = [c for c in head.lefts if c.dep_ in ("compound", "amod")]
        for i in range(len(mods) + 1):
            key = lemma_phrase(mods[i:] + [head])
            if key in table:
                return table[key]
        return table.get(head.lower_)

    def _office(self, head: Token, span: Span, day: dt.date | None,
                counterpart_of: Resolved | None) -> Resolved | None:
        office = self._head_phrase(head, self.kb.offices)
        if head.lemma_.lower() == "counterpart" and counterpart_of is not None and counterpart_of.office:
            office = counterpart_of.office.office
        if office is None:
            return None
        country = self._country(head)
        if country is None:
            return None
        entry = self.kb.holder(country, office, day)
        if entry is None:
            return Resolved(Actor(text="", country=country, sector="GOV"))
        self.remember(entry)
        return Resolved(Actor(text="", name=entry.name, country=country, sector=entry.sector or "GOV"),
                        Office(office, country), entry)

    def _delegate(self, head: Token, span: Span, day: dt.date | None, base: int) -> Resolved | None:
        if head.lemma_.lower() not in self.kb.delegates:
            return None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at", "from"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        inner = self.resolve(obj, base, day=day)[0].actor
                        if inner.country or inner.sector:
                            return Resolved(Actor(text="", country=inner.country, sector=inner.sector), org=inner)
        return None

    def _collective(self, head: Token, day: dt.date | None, base: int) -> Resolved | None:
        """The actors an "of" phrase names after a noun that counts or gathers them ("a group of
        Moroccan diplomats", "thousands of Iraqi Kurds")."""
        if head.lemma_.lower() not in self.kb.collectives and head.lower_ not in self.kb.collectives:
            return None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        inner = self.resolve(obj, base, day=day)[0]
                        a = inner.actor
                        if a.name or a.country or a.sector:
                            return Resolved(Actor(text="", name=a.name, country=a.country, sector=a.sector),
                                            inner.office, inner.person, inner.org)
        return None

    def _inner_actor(self, head: Token, res: Resolved, day: dt.date | None, base: int) -> Resolved:
        """A phrase headed by an act or a thing stands for the actor it names as its owner or
        source ("Saddam Hussein's proposal", "a demand from the US President", "calls by
        Belarus's rulers", "the offices of the Palestinian administrators")."""
        low = head.lemma_.lower()
        if low in self.kb.sectors or low in self.kb.offices or low in self.kb.collectives or low in self.kb.delegates:
            return res
        inner = [c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        for prep in head.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("of", "from", "by"):
                inner.extend(p for p in prep.children if p.dep_ == "pobj")
        for tok in inner:
            found = self.resolve(tok, base, day=day)[0]
            a = found.actor
            if a.sector or a.name:
                return Resolved(Actor(text="", name=a.name, country=res.actor.country or a.country,
                                      sector=a.sector), found.office, found.person, found.org)
        return res

    def _is_people(self, tok: Token) -> bool:
        """A noun naming people (a sector noun that is no thing, or a people's name)."""
        low = tok.lemma_.lower()
        return tok.ent_type_ == "NORP" or (low in self.kb.sectors and low not in self.kb.things)

    def _people(self, head: Token) -> str | None:
        """A people named in the plural ("Palestinians", "Iraqi Kurds", "ethnic Albanians") is
        its civilians."""
        if head.tag_ not in ("NNS", "NNPS"):
            return None
        if head.ent_type_ == "NORP" or self.kb.country_of(head.text):
            return self.kb.sectors.get("civilian", "CVL")
        return None

    def _sector(self, head: Token, span: Span) -> Resolved | None:
        sector = self._head_phrase(head, self.kb.sectors) or self.kb.sectors.get(head.lemma_.lower())
        if sector is None and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in self.kb.things:
            for child in head.lefts:  # "opposition groups", "a guerrilla stronghold", "Vice-President X"
                if child.dep_ == "compound" and child.pos_ in ("NOUN", "PROPN"):
                    sector = self.kb.sectors.get(child.lemma_.lower()) or sector
        country = self._country(head)
        if sector is None and country is None:
            return None
        return Resolved(Actor(text="", country=country, sector=sector))

    def _group(self, head: Token, span: Span, base: int) -> list[Resolved]:
        """ "both leaders", "the two presidents": the last two persons named."""
        if head.lemma_.lower() not in self.kb.groups or head.tag_ not in ("NNS", "NNPS"):
            return []
        marked = any(c.lower_ in ("both", "two") for c in head.children)
        if not marked or len(self.persons) < 2:
            return []
        out = []
        for entry in self.persons[-2:]:
            res = self._from_entry(entry, self.published)
            res.actor.text, res.actor.start, res.actor.end = span.text, base + span.start_char, base + span.end_char
            out.append(res)
        return out

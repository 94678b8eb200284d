"""MUC-4 terrorism reports (``muc4-{train,dev}.json``, as ConfliBERT distributes them).

Format: ``{doc_id: {"doc": TEXT, "roles": {"perp_individual_id": [[alt, …], …],
"perp_organization_id": …, "phys_tgt_id": …, "hum_tgt_name": …, "incident_instrument_id": …}}}``
— each role a list of entities, each entity a list of alternative strings. The text is upper
case; it goes to the coder as it is (forewarn truecases all-caps copy itself, keeping offsets),
with the wire copy's line wrapping undone (a single newline becomes a space).

Roles scored: **perpetrator** = individual + organisation, **target** = physical + human
(the data's human targets are names only: ``hum_tgt_name``). forewarn's fillers come from its
ASSAULT events — PLOVER's attacks, bombings, arson, abductions and killings — that are
*incidents* in MUC-4's sense. The convention followed:

- **status**: any but ``denied`` / ``hypothetical``. A planned, threatened, prevented or failed
  attack is an incident (MUC-4's stage of execution: ACCOMPLISHED, ATTEMPTED, THREATENED), and so
  is a past one the report recounts.
- **no combat**: MUC-4 incidents are terrorist acts against civilians, officials and their
  property, not battles. An event whose trigger names combat ("fighting", "clashes", "war") is
  none, nor one whose every target is an armed force or one of its positions ("troops", "a
  guerrilla column", "enemy positions"); such a target is never a filler.
- **doers**: a perpetrator filler is a name (resolved, proper or an acronym) or a description of
  people or armed men; a thing or an act the parse took for a subject ("a plane", "the impact of
  three bullets") is none. An attack's doer named only in a claim or attribution of
  responsibility ("X claimed responsibility for the attack", "blamed on X") comes from the
  engine itself (``forewarn.code.claims``). In a report that holds an incident, whom an
  accusation names (forewarn's ACCUSE, mode ``allege``: "the army accused the FMLN of …") is an
  alleged doer — MUC-4's PERP slots hold suspected and accused perpetrators — and a release
  (RETREAT, mode ``release``) ends a kidnapping: who let whom go are its doer and its hostage.
- **members**: a participant's phrase that lists several ("the two Italians, X and Y",
  "pylons and transformers") fills the slot with each member, as a template lists each; a
  phrase the parse ran over its own event ("the front machinegunned General X") is cut at the
  trigger. Fillers that name one participant twice ("Antonio Roldan", "governor Antonio Roldan
  Betancur") are one predicted entity (the system's coreference, ``_corefer``); a device ("a
  dynamite charge") is the instrument, a count ("two of which") names nothing, and a street or
  a road is the incident's location.

Actors are perpetrators, recipients targets; an actor resolved to a
knowledge-base name is represented by that name and its text. As in a MUC template, a pronoun
fills a slot only through the name it was resolved to, and an unnamed description of people
("a soldier") is a HUM TGT: DESCRIPTION, a slot the data does not carry: neither credited nor
counted against, and a place (a town, a district) is the incident's location, not its target
(see ``fillers``).

Matching, MUC-style: strings are compared upper-cased, without leading articles and
punctuation. A predicted filler matches a gold entity when it equals one of the entity's
strings, or when their *head nouns* agree — the last word before any post-modifier ("OF …",
"WHO …", "WEARING …"; plural ``S`` / ``ES`` stripped), so "THE GUERRILLA COLUMN" matches "A COLUMN" and "MEMBERS OF THE FMLN"
matches "FMLN MEMBERS". Each gold entity and each predicted entity (fillers of one head noun)
counts once: tp = gold entities matched, fp = predicted entities matching nothing, fn = gold
entities left.

Headline: ``role_f1``, the mean of the perpetrator and target F1 (micro over documents).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

from ._coding import coded
from ._measures import Counts
from .registry import EvalResult

ROLES = {"perpetrator": ("perp_individual_id", "perp_organization_id"),
         "target": ("phys_tgt_id", "hum_tgt_name")}
#: Statuses of events that are no incident: one denied or imagined. A planned or threatened
#: attack and a prevented or failed one are incidents: MUC-4's stage of execution is
#: ACCOMPLISHED, ATTEMPTED or THREATENED.
_SKIP_STATUS = {"denied", "hypothetical"}
_ARTICLES = {"THE", "A", "AN"}
_WRAP = re.compile(r"(?<!\n)\n(?!\n)")


def norm(text: str) -> str:
    words = re.sub(r"[^\w\s'-]", " ", text.upper()).split()
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


#: Words that end a noun phrase's head and start what follows it: a preposition, a relative
#: word ("MAN WHO IS A NATIVE OF …", "TROOPS FROM THAT CORPS", "BUILDING THAT HOUSES …").
_POST = {"OF", "IN", "FROM", "AT", "ON", "WITH", "NEAR", "BY", "FOR", "TO", "WHO", "WHOM", "WHICH", "THAT",
         "WHOSE", "WHERE", "ALIAS", "INCLUDING", "AGAINST", "OUTSIDE", "INSIDE", "BELONGING"}
_AFTER_PARTICIPLE = _POST | {"THE", "A", "AN", "HIS", "HER", "THEIR", "ITS", "MILITARY", "ORDERS"}


def head(text: str) -> str:
    """The head noun of a filler: its last word before any post-modifier (a prepositional
    phrase, a relative clause, a participle phrase: "MEN WEARING MILITARY UNIFORMS" → MEN)."""
    words = norm(text).split()
    for i, word in enumerate(words):
        if i and (word in _POST or (word.endswith("ING") and len(word) > 5) or (
                word.endswith("ED") and i + 1 < len(words) and words[i + 1] in _AFTER_PARTICIPLE)):
            words = words[:i]
            break
    if not words:
        return ""
    word = words[-1]
    for suffix in ("ES", "S"):
        if len(word) > 4 and word.endswith(suffix) and not word.endswith("SS"):
            return word[: -len(suffix)]
    return word


def read(path: Path, limit: int | None = None) -> list[tuple[str, str, dict[str, list[list[str]]]]]:
    data = json.loads(path.read_text("utf-8"))
    out = []
    for doc_id, record in list(data.items())[:limit]:
        roles = record.get("roles") or {}
        gold = {role: [[s for s in entity if s.strip()] for key in keys for entity in roles.get(key) or []]
                for role, keys in ROLES.items()}
        gold = {role: [e for e in entities if e] for role, entities in gold.items()}
        out.append((doc_id, _WRAP.sub(" ", record.get("doc") or ""), gold))
    return out


#: Words that stand for a participant without naming or describing it: never a MUC filler.
_PRONOUNS = {"HE", "SHE", "IT", "THEY", "HIM", "HER", "THEM", "WE", "US", "I", "YOU", "ME", "HIS", "ITS", "THEIR",
             "OUR", "WHO", "WHOM", "WHICH", "THAT", "THIS", "THESE", "THOSE", "ONE", "SOMEONE", "ANYONE",
             "EVERYONE", "HIMSELF", "THEMSELVES", "OTHERS"}
#: Head nouns of the knowledge base's sector words that name places and things, not people.
_THINGS = {"EMBASSY", "CONSULATE", "BANK", "CHURCH", "HOSPITAL", "MOSQUE", "SCHOOL", "UNIVERSITY", "STATION",
           "NEWSPAPER", "RADIO", "TELEVISION", "JET", "HELICOPTER", "TANK", "VESSEL", "WARPLANE", "WARSHIP",
           "GUNBOAT", "ARTILLERY", "OUTLET", "COMPANY", "FIRM", "CORPORATION", "BUSINESS", "MINISTRY", "COURT",
           "GOVERNORATE", "MUNICIPALITY", "NEWS", "MEDIA", "MEDIUM", "PRESS", "BROADCASTER", "GARRISON", "PATROL"}


def _person_words() -> frozenset[str]:
    from ._coding import pipeline

    words = {w.split()[-1].upper() for w in pipeline().coder.kb.sectors}
    return frozenset((words | _MORE_PEOPLE) - _THINGS)


def _singular(word: str) -> str:
    if word.endswith("MEN"):
        return word[:-3] + "MAN"
    for suffix in ("IES", "ES", "S"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and not word.endswith("SS"):
            return word[: -len(suffix)] + ("Y" if suffix == "IES" else "")
    return word


#: Head nouns of places where an attack happens: MUC-4 puts them in the location slot.
_SETTLEMENTS = {"TOWN", "CITY", "VILLAGE", "HAMLET", "DISTRICT", "DEPARTMENT", "PROVINCE", "REGION", "AREA",
                "NEIGHBORHOOD", "NEIGHBOURHOOD", "OUTSKIRTS", "ZONE", "COUNTRY", "MUNICIPALITY", "CAPITAL",
                "SUBURB", "JURISDICTION", "SECTOR", "STATE", "TERRITORY", "COUNTRYSIDE",
                # a street or road an attack happened on is its location too ("on a street in
                # Santiago", "on the Pan-American highway"); a bridge or a pylon stays a target
                "STREET", "AVENUE", "BOULEVARD", "HIGHWAY", "ROAD", "ROADWAY"}


def _plain(text: str) -> str:
    """``norm`` without accents and possessive endings ("SAN SALVADOR'S" → "SAN SALVADOR")."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"'S?\b", "", norm(text)).strip()


def _place(text: str) -> bool:
    """Whether a predicted target names a place (a town, a region) rather than a thing in it."""
    words = _plain(text).split(" OF ")[0].split()
    words = next((words[:i] for i, w in enumerate(words) if i and w in _POST), words)  # not "… in the capital"
    if not words:
        return False
    if _singular(words[-1]) in _SETTLEMENTS or words[-1] in _SETTLEMENTS:
        return True
    written = text.split()
    if len(written) == 2 and written[0].lower() in ("the", "a", "an") and written[1][:1].islower():
        return False  # a common noun ("the bank"), however many towns bear it as a name
    from ..resolve import resolve_place

    plain = _plain(text)
    place = resolve_place(text) or (resolve_place(plain.title()) if plain != norm(text) else None)
    return place is not None and _plain(place.name) in {plain, " ".join(plain.split()[1:])}


def _described_person(text: str, people: frozenset[str]) -> bool:
    """Whether a phrase describes people without naming them ("a soldier", "thousands of
    civilians", "an unspecified number of peasants")."""
    for part in norm(text).split(" OF ")[:2]:
        words = part.split()
        if not words:
            return False
        # the head before a post-modifier ("peasants in Uraba", "a maid who worked there")
        words = next((words[:i] for i, w in enumerate(words) if i and w in _POST), words)
        last = words[-1]
        if last in people or _singular(last) in people or (last.endswith("S") and last[:-1] in people):
            return True
        if _singular(last) not in _COUNTS | _QUANTIFIERS | {"THOUSAND", "HUNDRED", "DOZEN", "MILLION"} \
                and last not in _COUNTS | _QUANTIFIERS and not last.isdigit():
            return False
    return False


#: Triggers of combat between armed parties (PLOVER's old FIGHT, now ASSAULT): MUC-4 incidents
#: are attacks, bombings, arson, kidnappings, murders and robberies, not battles or wars.
_COMBAT = {"fight", "fighting", "fought", "battle", "battles", "battling", "clash", "clashes", "clashed",
           "engage", "engaged", "engaging", "skirmish", "skirmishes", "combat", "combats", "war", "wars",
           "warfare", "hostility", "hostilities", "insurgency", "uprising", "rebellion", "firefight",
           "gunbattle", "shootout", "offensive", "confrontation", "confrontations"}


#: Head nouns of armed forces and their positions: an attack on them is combat, not a MUC-4
#: incident (whose targets are civilians, officials and their property).
_ARMED = {"POSITION", "REGIMENT", "BATTALION", "BRIGADE", "GARRISON", "BASE", "TROOP", "SOLDIER", "BARRACK",
          "BARRACKS", "COLUMN", "PATROL", "CONVOY", "UNIT", "ARMY", "FORCE", "FORCES", "COMPANY", "DETACHMENT",
          "SQUADRON", "PLATOON", "GUERRILLA", "GUERILLA", "REBEL", "INSURGENT", "FIGHTER", "COMBATANT",
          "TRENCH", "BUNKER", "OUTPOST", "STRONGHOLD", "CAMP", "ENEMY", "INFANTRY", "MILITARY"}
#: Sectors of armed parties (forewarn's knowledge base codes).
_ARMED_SECTORS = {"MIL", "REB", "INS"}
#: People a target description counts rather than names, beyond the knowledge base's sector words.
_MORE_PEOPLE = {"PASSERBY", "BYSTANDER", "BODYGUARD", "ESCORT", "DRIVER", "CHAUFFEUR", "OTHER", "OTHERS",
                "ENGINEER", "TECHNICIAN", "MISSIONARY", "NUN", "SEMINARIAN", "BROTHER", "SISTER", "SON",
                "DAUGHTER", "WIFE", "HUSBAND", "RELATIVE", "MEMBER", "PERSON", "PERSONS", "CHILDREN", "MEN",
                "WOMEN", "AGENT", "EMPLOYEE", "WORKER", "LAWYER", "ATTORNEY", "CANDIDATE", "COUNCILMAN",
                "COUNCILOR", "BUSINESSMEN", "SYMPATHIZER", "TRADE", "UNIONIST", "LEADER", "FOREIGNER",
                "CITIZEN", "NATIONAL", "OCCUPANT", "CREW", "PILOT", "GUEST", "CUSTOMER", "PATIENT",
                "JESUIT", "MAID", "CLERGYMAN", "ARCHBISHOP", "POPULATION", "ELDERLY", "HOSTAGE", "COMPANION"}


def _armed(actor, text: str) -> bool:
    """Whether a participant is an armed force or one of its positions (not a named person)."""
    words = norm(text).split(" OF ")[0].split()
    if not words or actor.name and actor.sector not in _ARMED_SECTORS:
        return False
    return actor.sector in _ARMED_SECTORS and not actor.name or _singular(words[-1]) in _ARMED \
        or words[-1] in _ARMED


_UNITS = {"MEMBER", "UNIT", "COLUMN", "CELL", "SQUAD", "COMMANDO", "CADRE", "FRONT", "COMMAND", "MOVEMENT",
          "FACTION"}
#: Words that count people rather than name them ("a group of terrorists", "a total of 55").
_COUNTS = {"GROUP", "NUMBER", "TOTAL", "DOZEN", "HUNDRED", "COUPLE", "HANDFUL", "BAND", "GANG"}


#: Doers a perpetrator description names beyond the knowledge base's sector words.
_QUANTIFIERS = {"ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SOME", "SEVERAL", "MANY", "MOST", "ALL", "EACH",
                "FEW", "NONE", "PART", "REST"}
_MORE_DOERS = {"PERSONNEL", "ASSAILANT", "ASSASSIN", "MERCENARY", "REVOLUTIONARY", "ACCOMPLICE", "DEALER",
               "INVADER", "HITMAN", "STAFF",
               "SUBVERSIVE", "TERRORIST", "CRIMINAL", "INDIVIDUAL", "SUSPECT", "GUNMAN", "KILLER"}


#: Words that count or point without naming anything ("two of them", "another", "eight times").
_COUNTING = _PRONOUNS | _QUANTIFIERS | set(map(str, range(1000))) | {
    "OF", "ANOTHER", "OTHER", "TIMES", "TIME", "THREE", "SEVEN", "EIGHT", "NINE", "TEN", "DOZEN", "HUNDRED",
    "THOUSAND", "SERIOUSLY", "ALSO"}

#: Devices and blasts: what an "of" phrase names when its head is the force or the impact of
#: the act rather than people ("the force of the explosion", "the shrapnel of a grenade").
_DEVICES = {"EXPLOSION", "BLAST", "BOMB", "DETONATION", "IMPACT", "ATTACK", "SHOCK", "SHOT", "BULLET", "GRENADE",
            "DYNAMITE", "CHARGE", "FIRE", "FLAME", "SHRAPNEL", "ROCKET", "MINE", "DEVICE", "EXPLOSIVE", "SHELL"}


def _doer(actor, text: str, people: frozenset[str]) -> bool:
    """Whether a perpetrator filler can be one: a resolved name, a proper name or an acronym
    (a word without vowels: "FMLN"), or a description of people or armed men ("urban
    commandos", "two paid assassins") — not a thing or an act ("a plane", "the impact of three
    bullets"), which the parse took for the subject."""
    if actor.name:
        return True
    written = [w.strip('"(),.') for w in re.split(r"\s+(?:of|OF|Of)\s+", text)[0].split()[1:]]
    if written and written[-1][:1].isupper() and not (written[-1].isupper() and len(written[-1]) > 5):
        return True  # a proper name's head ("the Shining Path", "the Popular Front"), not shouted copy
    if any(_singular(head(part)) in _DEVICES for part in norm(text).split(" OF ")[1:2]):
        return False  # the force of an explosion, the blast of a bomb: the device, not who set it
    words = norm(text).split()
    if any(2 <= len(w) <= 6 and w.isalpha() and not set(w) & set("AEIOUY") for w in words):
        return True
    doers = people | _ARMED | _UNITS | _MORE_DOERS
    for part in norm(text).split(" OF ")[:2]:
        last = head(part)
        if not last:
            continue
        # the head as written too ("FORCES", which ``head`` cuts to "FORC")
        final = norm(part).split()[-1]  # and the last word ("SHINING PATH TERRORISTS")
        forms = {last, _singular(last), final, _singular(final)} | {
            f for w in norm(part).split() if w.startswith(last) for f in (w, _singular(w))}
        if forms & doers or any(f.endswith(d) for f in forms for d in _MORE_DOERS):
            return True
        if last not in _COUNTS and last not in _QUANTIFIERS and not last.isdigit():
            return False
    return False


def _doer_word(text: str) -> bool:
    last = head(text)
    return bool(last) and (last in _MORE_DOERS or _singular(last) in _MORE_DOERS
                           or any(last.endswith(d) for d in _MORE_DOERS if len(d) > 6))


def _organisation(text: str, people: frozenset[str]) -> list[str]:
    """The organisation a perpetrator phrase names its people by ("members of the FMLN",
    "guerrillas of the Farabundo Marti National Liberation Front (FMLN)"): MUC-4's PERP:
    ORGANIZATION ID beside the PERP: INDIVIDUAL ID."""
    inside = re.findall(r"\(([^()]+)\)", text)
    words = norm(re.sub(r"\([^()]*\)?", " ", text))
    if " OF " not in words:
        return []
    first, rest = words.split(" OF ", 1)
    last = _singular(first.split()[-1]) if first.split() else ""
    if last in _COUNTS or (last not in _UNITS and last not in people):
        return []
    return [rest, *(norm(x) for x in inside)] if rest else []


#: Modes of forewarn's ACCUSE that charge someone with an act (not mere criticism).
_ALLEGE = {"allege"}
#: Modes of forewarn's RETREAT that free captives.
_RELEASE = {"release"}


def _incident(e) -> bool:
    """Whether an event is a MUC-4 incident: an attack not denied or imagined, not combat, and
    not one whose every target is an armed force."""
    if e.type != "ASSAULT" or e.status in _SKIP_STATUS or e.evidence.trigger.lower() in _COMBAT:
        return False
    return not (e.recipients and all(_armed(r, r.text or "") for r in e.recipients))


def fillers(events, people: frozenset[str] | None = None, countries: frozenset[str] = frozenset()
            ) -> dict[str, list[list[str]]]:
    """Predicted fillers per role; each a list of the strings that stand for it.

    A participant becomes a filler the way MUC-4 fills a template: a pronoun only through the
    name it was resolved to ("they" alone fills nothing); a target is a named person (HUM TGT:
    NAME) or a thing (PHYS TGT: ID) — an unnamed description of people ("a soldier", "several
    businessmen") is HUM TGT: DESCRIPTION, a slot this data set does not carry; a place is the
    incident's location; and a whole country is neither perpetrator nor target."""
    out: dict[str, list[list[str]]] = {"perpetrator": [], "target": []}
    incidents = [e for e in events if _incident(e)]
    if incidents:  # in a report of an incident, whom an accusation names is an alleged doer, and
        # a release ends a kidnapping: who let whom go are its doer and its hostage
        incidents += [replace(e, type="ASSAULT", actors=e.recipients, recipients=[])
                      for e in events if e.type == "ACCUSE" and e.mode in _ALLEGE and e.status not in _SKIP_STATUS]
        incidents += [e for e in events if e.type == "RETREAT" and e.mode in _RELEASE and e.status not in _SKIP_STATUS]
    for e in incidents:
        for role, found in (("perpetrator", e.actors), ("target", e.recipients)):
            members = (m for a in found for m in (_split(a) if role == "target" else [a]))
            for a, text in ((m, m.text or "") for m in members):
                text = _clean(_outside(text, e.evidence.trigger, role))
                words = norm(text).split()
                if not words or all(w in _PRONOUNS or w.isdigit() for w in words) or words[0] in _NONE:
                    text = ""
                strings = [s for s in (text, a.name) if s]
                if not strings:
                    continue
                if role == "perpetrator" and people is not None:
                    if not _doer(a, text, people) or (not a.name and text[:1].isupper() and _place(text)):
                        continue  # a thing, an act or a place the parse took for the doer
                    org = _organisation(text, people)
                    if org:
                        out[role].append(org)
                if a.name and a.name.upper() in countries and (people is None or not _described_person(text, people)):
                    if len(norm(text).split()) <= len(norm(a.name).split()) + 1:
                        continue  # a whole country ("the U.S.", not "the Chilean government") fills neither
                    # a phrase the country only modifies ("Guatemala's clandestine organization
                    # ESA", "U.S. embassy facilities") stands for itself, not for the country
                    strings = [text]
                    a = replace(a, name=None)
                if role == "target" and not a.name:
                    whole = _whole(text)
                    if whole is None:
                        continue  # a part struck by the blast ("windows"), not the target
                    if whole != text:
                        text, strings = whole, [whole]
                if role == "target":
                    if not a.name and people is not None and _described_person(text, people):
                        continue
                    if people is not None and _place(text):
                        continue
                    if _armed(a, text) or (not a.name and people is not None and _doer_word(text)):
                        continue  # armed men, or the attackers themselves ("six subversives")
                    if not a.name and _singular(head(text)) in _DEVICES:
                        continue  # the instrument ("a dynamite charge"), a slot of its own
                if not a.name and not set(norm(text).split()) - _COUNTING:
                    continue  # only counts what another phrase names ("two of which", "another")
                out[role].append(strings)
    return {role: _corefer(found) for role, found in out.items()}


def _name_words(keys: set[str]) -> list[set[str]]:
    """The word sets of a filler's strings that can name one participant inside another: two
    words or more, and no "of" ("members of the FMLN" is people of the FMLN, not the FMLN)."""
    return [set(k.split()) for k in keys if len(k.split()) > 1 and "OF" not in k.split()]


def _corefer(found: list[list[str]]) -> list[list[str]]:
    """Fillers that name one participant as one filler, the way a template lists it once: two
    that share a string ("FMLN" resolved from both), or a name of two words or more whose words
    all recur in another ("Antonio Roldan" in "Antioquia governor Antonio Roldan Betancur")."""
    merged: list[list[str]] = []
    for strings in found:
        keys = {norm(s) for s in strings}
        words = _name_words(keys)
        for other in merged:
            okeys = {norm(s) for s in other}
            owords = _name_words(okeys)
            if keys & okeys or any(w <= o or o <= w for w in words for o in owords):
                other.extend(s for s in strings if s not in other)
                break
        else:
            merged.append(list(strings))
    return merged


#: How a participant's phrase lists several members: an apposition or a coordination
#: ("the two Italians, Roberto Roascio and Mario Accurso", "pylons and transformers", "three
#: vehicles -- an ambulance, a fuel truck and a station wagon"). MUC-4 fills a slot with each.
_LIST = re.compile(r"\s*(?:(?<!\d),(?!\d{3})|;|--|\b(?:and|as well as|together with)\b(?=\s+(?:the|a|an|his|her|"
                   r"their|its|two|three|four|five|six|seven|eight|nine|ten|several|\d)\b))\s*", re.I)
#: First words of a part that says where or what the member is rather than naming one
#: ("…, located in the centre", "…, only 200 metres from …", "…, all in Chalatenango").
_NOT_MEMBER = {"ONLY", "ALL", "NEARLY", "ABOUT", "ALMOST", "SOME", "BOTH", "EACH", "MOSTLY", "JUST", "WHILE"}


def _members(text: str) -> list[str]:
    """The members a participant's phrase lists, or the phrase itself when it lists none (a
    parenthesised aside is kept whole, and so is a phrase whose later part starts with a
    preposition or a relative word: "a leader of the MNR and of the party")."""
    if not _LIST.search(text) or re.search(r"\([^)]*$", text):
        return [text]
    parts = [p.strip(" -'\"") for p in _LIST.split(re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(",", " "), text))]
    parts = [p for p in parts if p and norm(p) and not all(w in _ARTICLES for w in norm(p).split())]
    if len(parts) < 2 or any(norm(p).split()[0] in _POST for p in parts[1:]):
        return [text]  # "a leader of … and of …": one participant, not a list
    return parts[:1] + [p for p in parts[1:] if not _describes(norm(p).split()[0])]


def _describes(word: str) -> bool:
    return word in _NOT_MEMBER or (len(word) > 5 and word.endswith(("ED", "ING")))


#: Words that deny there is a participant ("no one", "no organization").
_NONE = {"NO", "NOBODY", "NONE", "NEITHER"}


def _outside(text: str, trigger: str, role: str) -> str:
    """A participant's phrase that the parse ran over its own event ("the front machinegunned
    General X"): the doer is what comes before the trigger, the target what comes after it."""
    match = re.search(rf"(?<=\s){re.escape(trigger)}(?=\s)", text, re.I) if trigger else None
    if match is None:
        return text
    before, after = text[:match.start()].strip(), text[match.end():].strip()
    if not norm(before) or set(norm(before).split()) & {"WHO", "WHOM", "WHICH", "THAT", "WHOSE"}:
        return text  # "the implicated military"; "the nun, who was shot …": the clause is the head's
    return before if role == "perpetrator" else after


#: A transcriber's note in the copy ("(words indistinct)"): no part of a participant's phrase.
_NOTE = re.compile(r"\(?\b(?:words?|passage) indistinct\b\)?", re.I)


def _clean(text: str) -> str:
    """A participant's phrase without transcribers' notes and a possessive ending ("the FMLN's")."""
    return re.sub(r"'s?$", "", _NOTE.sub(" ", text).strip()).strip()


def _split(actor):
    """One participant per member its phrase lists; a member is no longer the resolved name."""
    parts = _members(actor.text or "")
    if parts == [actor.text or ""]:
        return [actor]
    if len(parts) == 1:
        return [replace(actor, text=parts[0])]
    # the resolved name and its sector go with the member that names it ("General X, former
    # commander of the army": X is the general, not an armed force)
    name = norm(actor.name or "")
    return [replace(actor, text=p, name=actor.name if name and name in norm(p) else None,
                    sector=actor.sector if name and name in norm(p) else None) for p in parts]


#: Parts of a building or vehicle: "the door of the embassy" is the embassy as a target, and
#: "windows" or "the roof" alone is damage, not a target.
_PARTS = {"FRONT", "DOOR", "WINDOW", "WINDOWPANE", "ROOF", "WALL", "TOP", "SIDE", "ENTRANCE", "FACADE", "GATE",
          "BLIND", "GLASS", "PANE", "FLOOR", "CEILING", "PART", "REAR", "BACK", "HOOD", "TIRE", "FENCE"}


def _whole(text: str) -> str | None:
    """A target named by one of its parts: the whole after "of" (``None`` when there is none)."""
    words = norm(text).split(" OF ")[0].split()
    if not words or _singular(words[-1]) not in _PARTS and words[-1] not in _PARTS:
        return text
    match = re.search(r"\bof\s+(.+)$", text, re.I)
    return match.group(1) if match else None


def matches(predicted: list[str], entity: list[str], loose: bool = True) -> bool:
    # a filler with an apposition ("X, third judge of public order") is also the phrase before it
    predicted = [*predicted, *(p.split(",")[0] for p in predicted if "," in p)]
    gold = {norm(s) for s in entity}
    if any(norm(p) in gold for p in predicted):
        return True
    heads = {head(s) for s in entity} - {""}
    if any(head(p) in heads for p in predicted):
        return True
    if not loose:
        return False
    # a shortened name: "OQUELI" or "ANTONIO ROLDAN" for "HECTOR OQUELI COLINDRES", "ANTONIO ROLDAN BETANCUR"
    names = [set(g.split()) for g in gold if len(g.split()) > 1]
    for p in predicted:
        words = set(norm(p).split()) - _PRONOUNS
        if words and len(norm(p).split()) <= 3 and any(words <= g for g in names) and p[:1].isupper():
            return True
    return False


def score_doc(gold: list[list[str]], predicted: list[list[str]], counts: Counts, role: str) -> None:
    """One document's slot fill set. Predicted fillers with the same head noun ("the guerrillas",
    "guerrillas", "the urban guerrillas") are one entity, as a MUC template lists each once (and
    as they would all match the same gold entity)."""
    distinct: dict[str, list[str]] = {}
    for strings in predicted:
        key = head(strings[0]) or norm(strings[0])
        distinct.setdefault(key, []).extend(s for s in strings if s not in distinct.get(key, []))
    left = [p for key, p in distinct.items() if key]
    missed = []
    for entity in gold:  # strict matches first, then shortened names for what is left
        hit = next((p for p in left if matches(p, entity, loose=False)), None)
        if hit is None:
            missed.append(entity)
        else:
            left.remove(hit)
            counts.add(role, tp=1)
    for entity in missed:
        hit = next((p for p in left if matches(p, entity)), None)
        if hit is None:
            counts.add(role, fn=1)
        else:
            left.remove(hit)
            counts.add(role, tp=1)
    counts.add(role, fp=len(left))


def score(path: Path, *, limit: int | None = None, **_: Any) -> EvalResult:
    docs = read(path, limit)
    counts = Counts(ROLES)
    people = None
    countries: frozenset[str] = frozenset()
    for gold, _a, _d, events in coded(((g, text) for _, text, g in docs), batch=16):
        if people is None:
            from ._coding import pipeline

            kb = pipeline().coder.kb
            people = _person_words()
            countries = frozenset(e.name.upper() for e in kb.names.values() if e.kind == "country")
        predicted = fillers(events, people, countries)
        for role in ROLES:
            score_doc(gold[role], predicted[role], counts, role)
    by_role = counts.result()
    headline = round((by_role["perpetrator"]["f1"] + by_role["target"]["f1"]) / 2, 4)
    metrics = {"role_f1": headline, "by_role": by_role}
    return EvalResult("muc4", str(path), len(docs), "role_f1", headline, metrics)

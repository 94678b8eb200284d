"""Rules against events: each event's features are computed once, rules are indexed by type.

10,000 events against 100 rules take well under a second (``bench/watch_rules.py``): an event
is only tried against the rules that name its type and the rules that name no type, and each
rule checks its cheapest conditions first.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..models import Event
from .rules import Near, Rule

__all__ = ["Matcher", "distance_km"]

_EARTH_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(slots=True)
class _Features:
    event: Event
    countries: frozenset[str]
    sectors: frozenset[str]
    names: tuple[str, ...]
    participants: tuple[tuple[str | None, str | None], ...]
    evidence: str


def _features(e: Event) -> _Features:
    people = [*e.actors, *e.recipients]
    countries = {a.country for a in people if a.country}
    if e.location and e.location.country:
        countries.add(e.location.country)
    return _Features(
        event=e, countries=frozenset(countries), sectors=frozenset(a.sector for a in people if a.sector),
        names=tuple(f"{a.name or ''}\n{a.text}".lower() for a in people),
        participants=tuple((a.country, a.sector) for a in people), evidence=e.evidence.text.lower())


class _Compiled:
    __slots__ = ("rule", "words")

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.words = (re.compile(r"\b(?:" + "|".join(re.escape(w) for w in rule.words) + r")\b")
                      if rule.words else None)

    def matches(self, f: _Features) -> bool:
        r, e = self.rule, f.event
        if r.statuses and e.status not in r.statuses:
            return False
        if r.quads and e.quad not in r.quads:
            return False
        if r.modes and e.mode not in r.modes:
            return False
        if r.min_confidence is not None and e.confidence < r.min_confidence:
            return False
        if r.countries and r.countries.isdisjoint(f.countries):
            return False
        if r.sectors and r.sectors.isdisjoint(f.sectors):
            return False
        if r.actors and not any(word in name for word in r.actors for name in f.names):
            return False
        if r.between and not _between(r.between, f.participants):
            return False
        if r.near and not _near(r.near, e):
            return False
        if self.words is not None and not self.words.search(f.evidence):
            return False
        return True


def _side(side: tuple[str, str | None], who: tuple[str | None, str | None]) -> bool:
    return who[0] == side[0] and (side[1] is None or who[1] == side[1])


def _between(sides: tuple[tuple[str, str | None], tuple[str, str | None]],
             people: tuple[tuple[str | None, str | None], ...]) -> bool:
    a, b = sides
    for i, first in enumerate(people):
        for j, second in enumerate(people):
            if i != j and _side(a, first) and _side(b, second):
                return True
    return False


def _near(near: Near, e: Event) -> bool:
    loc = e.location
    if loc is None or loc.lat is None or loc.lon is None:
        return False
    return distance_km(near.lat, near.lon, loc.lat, loc.lon) <= near.km


class Matcher:
    """All rules of a file, ready to be tried on events."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = list(rules)
        self._by_type: dict[str, list[_Compiled]] = {}
        self._any_type: list[_Compiled] = []
        for rule in self.rules:
            compiled = _Compiled(rule)
            if rule.types:
                for t in rule.types:
                    self._by_type.setdefault(t, []).append(compiled)
            else:
                self._any_type.append(compiled)

    def match(self, event: Event) -> list[Rule]:
        """The rules this event satisfies, in file order."""
        candidates = self._by_type.get(event.type, [])
        if not candidates and not self._any_type:
            return []
        f = _features(event)
        hits = [c.rule for c in (*candidates, *self._any_type) if c.matches(f)]
        if candidates and self._any_type:
            order = {id(r): i for i, r in enumerate(self.rules)}
            hits.sort(key=lambda r: order[id(r)])
        return hits

    def matches(self, events: Iterable[Event]) -> Iterator[tuple[Event, Rule]]:
        """Every (event, rule) pair that holds."""
        for event in events:
            for rule in self.match(event):
                yield event, rule

"""Article-level linking: mentions of one happening in nearby sentences become one account.

A lede says "an attack was planned on St Petersburg", a later paragraph "a plan to attack St
Petersburg over the New Year period", the next "two Russian nationals have been held over a
plan to attack a mass gathering": three partial mentions of one plot. Two events are linked when

- they have the same type and lie at most ``WINDOW`` sentences apart;
- neither is marked as a different occurrence ("another plot", "a second attack", "a new
  round") and their dates, when both have one, overlap;
- their participants do not conflict (a role both name must share a name or country) and the
  statuses agree on whether it happened;
- and something says they are one happening: a shared named participant in every role both
  fill, a definite reference back ("the plot", "this attack"), or both being unrealised (a
  plan, a prevented act) with compatible roles.

Each event keeps its own evidence; a missing location, date, actors or recipients is filled
from its linked mentions, whose evidence is recorded in ``Event.linked``. An event then takes a
missing location from an event of its own sentence that shares a participant ("held over a
plan to attack …": the arrest happened where the plot was). A killing with no doer named that
happened "in the clash" takes the sides of a fight its own sentence reports ("protesters clashed
with police and two were killed in the clash": the protesters and the police), the fight nouns
being ``[fights]`` in ``data/cues.toml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from ..models import Actor, Event
from ..resolve import value_bounds
from .ontology import cue_section

__all__ = ["WINDOW", "fight_sides", "link_events"]

WINDOW = 2
_BACK = re.compile(r"\b(the|this|that|these|those|its|their|such|said)\s+(?:[\w-]+\s+){0,2}$", re.I)
_OTHER = re.compile(r"\b(another|other|second|third|new|further|separate|earlier|previous|similar)\s+(?:[\w-]+\s+){0,2}$", re.I)
_UNREALISED = {"planned", "prevented", "hypothetical"}


def _keys(actors: list[Actor]) -> set[str]:
    keys = set()
    for a in actors:
        if a.name:
            keys.add("n:" + a.name)
        elif a.country and a.sector:
            keys.add(f"c:{a.country}:{a.sector}")
    return keys


def _roles_fit(a: list[Actor], b: list[Actor]) -> bool | None:
    """None when a side is empty, True when they share someone, False when they conflict."""
    ka, kb = _keys(a), _keys(b)
    if not ka or not kb:
        return None
    return bool(ka & kb)


def _dates_fit(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None or not a.date.value or not b.date.value:
        return True
    ba = value_bounds(a.date.value, a.date.granularity or "")
    bb = value_bounds(b.date.value, b.date.granularity or "")
    if ba is None or bb is None:
        return a.date.value == b.date.value
    return ba[0] <= bb[1] and bb[0] <= ba[1]


def _lead(event: Event, body: str) -> str:
    return body[max(0, event.evidence.trigger_start - 40):event.evidence.trigger_start]


def _same(a: Event, b: Event, gap: int, body: str) -> bool:
    if a.type != b.type or gap > WINDOW or not _dates_fit(a, b):
        return False
    if _OTHER.search(_lead(a, body)) or _OTHER.search(_lead(b, body)):
        return False
    if (a.status in _UNREALISED) != (b.status in _UNREALISED) or "historical" in (a.status, b.status):
        return False
    fits = [_roles_fit(a.actors, b.actors), _roles_fit(a.recipients, b.recipients),
            _roles_fit(a.actors + a.recipients, b.actors + b.recipients)]
    if False in fits[:2]:
        return False
    if True in fits[:2] and False not in fits[:2] and (fits[0] is not False and fits[1] is not False):
        if fits[0] is not None and fits[1] is not None or gap <= 1:
            return True
    if _BACK.search(_lead(b, body)) or _BACK.search(_lead(a, body)):
        return True
    return a.status in _UNREALISED and b.status in _UNREALISED


def _fill(event: Event, other: Event) -> bool:
    used = False
    if event.location is None and other.location is not None:
        event.location, used = replace(other.location), True
    elif event.location is not None and other.location is not None and event.location.lat is None \
            and other.location.lat is not None and event.location.country == other.location.country:
        event.location, used = replace(other.location), True
    if (event.date is None or not event.date.value) and other.date is not None and other.date.value:
        event.date, used = replace(other.date), True
    # a role the event names but could not resolve ("an electric power substation") yields only
    # to a named participant of a linked mention, not to any resolved one ("a soldier")
    if not _keys(event.actors) and _keys(other.actors) and (not event.actors or any(a.name for a in other.actors)):
        event.actors, used = [replace(a) for a in other.actors], True
    if not _keys(event.recipients) and _keys(other.recipients):
        keys = _keys(event.actors)
        borrowed = [replace(a) for a in other.recipients if not (_keys([a]) & keys)
                    and (not event.recipients or a.name)]
        if borrowed:
            event.recipients, used = borrowed, True
    if used and other.evidence not in event.linked:
        event.linked.append(replace(other.evidence))
    return used


@functools.lru_cache(maxsize=1)
def _fight_res() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    cues = cue_section("fights")
    alt = lambda key: "|".join(sorted(map(re.escape, cues.get(key, ())), key=len, reverse=True))  # noqa: E731
    phrase = rf"\b(?:{alt('preps')})\s+(?:(?:{alt('fillers')})\s+){{0,3}}(?:{alt('nouns')})\b"
    # "killed in the clash"; "in the ensuing exchange, one person was killed" (a few words before)
    after = re.compile(rf"^[\s,]*(?:\w+\s+){{0,2}}?{phrase}", re.I)
    before = re.compile(rf"{phrase}(?:\s+of\s+fire)?[\s,]+(?:[\w-]+\s+){{0,4}}(?:was|were)?\s*$", re.I)
    return after, before, frozenset(t.upper() for t in cues.get("types", ()))


def _in_fight(event: Event, body: str) -> bool:
    after, before, _ = _fight_res()
    ev = event.evidence
    return bool(after.search(body[ev.trigger_end:ev.end]) or before.search(body[ev.start:ev.trigger_start]))


def fight_sides(events: list[Event], body: str) -> list[Event]:
    """An ASSAULT with no doer that happened "in the clash" takes the sides (actors, and
    recipients that resolve to someone; never its own victims) of the nearest fight its sentence
    reports (in place)."""
    _, _, types = _fight_res()
    for e in events:
        if e.type != "ASSAULT" or e.actors or not _in_fight(e, body):
            continue
        victims = {(a.start, a.end) for a in e.recipients}
        fights = [o for o in events if o is not e and o.evidence.start == e.evidence.start and o.type in types
                  and o.status == e.status and o.actors and not _in_fight(o, body)]
        for o in sorted(fights, key=lambda o: abs(o.evidence.trigger_start - e.evidence.trigger_start)):
            # the other side, when it is someone (not "attacked the village")
            other = [a for a in o.recipients if a.name or a.sector or a.country]
            sides = [replace(a) for a in o.actors + other if (a.start, a.end) not in victims]
            if sides:
                e.actors = sides
                e.linked.append(replace(o.evidence))
                break
    return events


def link_events(events: list[Event], body: str) -> list[Event]:
    """Link mentions of the same happening and fill each from the others (in place)."""
    if len(events) < 2:
        return events
    fight_sides(events, body)
    starts = sorted({e.evidence.start for e in events})
    sentence = {s: i for i, s in enumerate(starts)}
    idx = [sentence[e.evidence.start] for e in events]
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(events):
        for j in range(i + 1, len(events)):
            b = events[j]
            if idx[i] != idx[j] and _same(a, b, abs(idx[j] - idx[i]), body):
                parent[find(j)] = find(i)
    clusters: dict[int, list[int]] = {}
    for i in range(len(events)):
        clusters.setdefault(find(i), []).append(i)
    for members in clusters.values():
        if len(members) < 2:
            continue
        for i in members:
            # nearest mentions first
            for j in sorted((m for m in members if m != i), key=lambda m: abs(idx[m] - idx[i])):
                _fill(events[i], events[j])
    by_sentence: dict[int, list[int]] = {}
    for i, s in enumerate(idx):
        by_sentence.setdefault(s, []).append(i)
    for members in by_sentence.values():
        for i in members:
            e = events[i]
            if e.location is not None:
                continue
            spans = {(a.start, a.end) for a in e.actors + e.recipients if a.start is not None}
            for j in members:
                o = events[j]
                if j != i and o.location is not None and spans & {(a.start, a.end) for a in o.actors + o.recipients}:
                    e.location = replace(o.location)
                    e.linked.append(replace(o.evidence))
                    break
    return events

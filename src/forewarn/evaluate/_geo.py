"""Toponym resolution on gold spans: LGL, GeoWebNews and TR-News (``<articles><article>`` XML).

Readers: LGL / TR-News toponyms carry ``start``, ``end``, ``phrase`` and ``gaztag`` with ``lat``
and ``lon``; GeoWebNews toponyms carry ``extractedName``, ``start``, ``end``, ``type`` and, when
located, ``latitude`` / ``longitude``. Toponyms without coordinates are not scored.

Each gold toponym is resolved with forewarn's gazetteer (``resolve_place``) and the article's
context: a first pass resolves every toponym of the article alone; the country most of them
resolve to becomes the preferred country of the second pass (as the coder prefers the country
an article is about), and the actor knowledge base supplies a country hint for names the
gazetteer lacks. A place resolved to a country only (forewarn gives no coordinates for
countries) or not at all counts as a miss; both are reported.

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

from ..resolve import resolve_place
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


def resolve_article(toponyms: list[dict[str, Any]], kb=None) -> list:
    hint = (lambda name: kb.country_of(name)) if kb is not None else (lambda name: None)
    first = [resolve_place(t["phrase"], country_hint=hint(t["phrase"])) for t in toponyms]
    votes = Counter(p.country for p in first if p is not None and p.country)
    focus = votes.most_common(1)[0][0] if votes else None
    return [resolve_place(t["phrase"], focus, t["start"], t["end"], hint(t["phrase"])) for t in toponyms]


def score_geo(path: Path, limit: int | None = None) -> dict[str, Any]:
    kb = pipeline().coder.kb
    errors: list[float] = []
    n = within = country_only = unresolved = articles = 0
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for article in read(path, limit):
        articles += 1
        gold = [t for t in article["toponyms"] if t["lat"] is not None and t["lon"] is not None and t["phrase"]]
        for t, place in zip(gold, resolve_article(gold, kb)):
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

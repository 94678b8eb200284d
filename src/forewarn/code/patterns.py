"""Trigger patterns: data files (TOML) → validated ``Pattern`` records, indexed by lemma.

A pattern file has an optional ``[defaults]`` table (applied to each pattern that lacks the key)
and ``[[pattern]]`` tables::

    [[pattern]]
    id = "consult-speak-phone"          # unique; events carry it as ``rule``
    lemma = ["speak", "talk"]           # trigger lemma(s)
    pos = "VERB"                        # or a list: VERB, NOUN, PROPN (default VERB)
    type = "CONSULT"                    # a PLOVER type of data/plover.toml
    mode = "phone"                      # optional; must be one of the type's modes
    requires = [{ prep = "by", lemma = ["telephone", "phone"] }]   # all must hold
    excludes = [{ object = true, ent = ["GPE"] }]                   # none may hold
    head = { lemma = ["thank"], prep = "for" }   # the trigger hangs off one of these words
    recipient_preps = ["to", "with"]    # prepositions whose object is the recipient
    actor = ["subject"]                 # role sources, first that yields wins (see below)
    recipient = ["object"]
    object_role = "recipient"           # "none": the direct object is not a participant
    reciprocal = true                   # conjoined subjects and no recipient: all are actors
    status = "planned"                  # fixed status ("a plot")

A requirement names one dependent: ``prep`` (with optional ``lemma``/``ent`` for its object),
``object`` (the logical object: direct object, or passive subject), ``particle``, ``modifier``
(amod/compound), or ``dep`` (any child relation); filters are ``lemma``, ``ent`` (entity labels)
and ``actor = true`` (it names a person or group). Role sources: ``subject``, ``object``,
``dative``, ``prep:<word>``, ``head:subject``, ``head:object``, ``target`` (nouns: "a plot
targeting X").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import RulesError
from ..resolve import read_toml, table_lines
from .ontology import Ontology, load_ontology

__all__ = ["Pattern", "Requirement", "default_pattern_files", "index_patterns", "load_patterns", "rule_records"]

_KINDS = ("prep", "object", "particle", "modifier", "dep")
_REQ_KEYS = set(_KINDS) | {"lemma", "ent", "actor"}
_KEYS = {"id", "lemma", "pos", "type", "mode", "requires", "excludes", "head", "recipient_preps",
         "actor_preps", "actor", "recipient", "object_role", "reciprocal", "status", "note"}
_SOURCES = ("subject", "object", "dative", "head:subject", "head:object", "target", "clause", "embedded", "place", "cause")
_STATUSES = ("planned", "hypothetical", "historical", "happened")


@dataclass(slots=True, frozen=True)
class Requirement:
    kind: str
    words: tuple[str, ...] = ()      # the prep/particle/dep names; empty for object/modifier
    lemmas: frozenset[str] = frozenset()
    ents: frozenset[str] = frozenset()
    actor: bool = False


@dataclass(slots=True, frozen=True)
class Pattern:
    id: str
    lemmas: tuple[str, ...]
    pos: tuple[str, ...]
    type: str
    mode: str | None
    requires: tuple[Requirement, ...] = ()
    excludes: tuple[Requirement, ...] = ()
    head: Requirement | None = None
    actor: tuple[str, ...] = ("subject",)
    recipient: tuple[str, ...] = ("object",)
    reciprocal: bool = False
    status: str | None = None
    source: str = ""
    line: int | None = None
    specificity: int = field(default=0)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "lemmas": list(self.lemmas), "pos": list(self.pos), "type": self.type,
                "mode": self.mode, "requires": len(self.requires), "source": self.source, "line": self.line}


def default_pattern_files() -> list[Path]:
    folder = Path(str(resources.files("forewarn").joinpath("data", "patterns")))
    return sorted(folder.glob("*.toml"))


def _words(value: Any, where: tuple[str, int | None], key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value.lower(),)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(v.lower() for v in value)
    raise RulesError(where[0], where[1], f"{key!r} must be a non-empty string or list of strings")


def _requirement(spec: Any, where: tuple[str, int | None], key: str) -> Requirement:
    if not isinstance(spec, dict):
        raise RulesError(*where, f"each entry of {key!r} must be a table")
    unknown = set(spec) - _REQ_KEYS
    kinds = [k for k in _KINDS if k in spec]
    if unknown or len(kinds) != 1:
        raise RulesError(*where, f"{key!r}: a requirement names exactly one of {', '.join(_KINDS)}"
                         + (f" (unknown keys: {', '.join(sorted(unknown))})" if unknown else ""))
    kind = kinds[0]
    words = () if spec[kind] is True else _words(spec[kind], where, f"{key}.{kind}")
    lemmas = frozenset(_words(spec["lemma"], where, f"{key}.lemma")) if "lemma" in spec else frozenset()
    ents = frozenset(e.upper() for e in _words(spec["ent"], where, f"{key}.ent")) if "ent" in spec else frozenset()
    return Requirement(kind, words, lemmas, ents, bool(spec.get("actor", False)))


def _sources(value: Any, default: tuple[str, ...], where: tuple[str, int | None], key: str) -> tuple[str, ...]:
    sources = _words(value, where, key) if value is not None else default
    for src in sources:
        if src not in _SOURCES and not src.startswith("prep:"):
            raise RulesError(*where, f"{key!r}: unknown role source {src!r}")
    return sources


def _pattern(spec: Any, defaults: dict[str, Any], ontology: Ontology, where: tuple[str, int | None]) -> Pattern:
    if not isinstance(spec, dict):
        raise RulesError(*where, "a [[pattern]] must be a table")
    spec = {**defaults, **spec}
    unknown = set(spec) - _KEYS
    if unknown:
        raise RulesError(*where, f"unknown key(s): {', '.join(sorted(unknown))}")
    for key in ("id", "lemma", "type"):
        if key not in spec:
            raise RulesError(*where, f"pattern lacks {key!r}")
    pid, etype, mode = str(spec["id"]), str(spec["type"]).upper(), spec.get("mode")
    if etype not in ontology:
        raise RulesError(*where, f"{pid}: unknown PLOVER type {etype!r}")
    if mode is not None and mode not in ontology[etype].modes:
        raise RulesError(*where, f"{pid}: {etype} has no mode {mode!r}")
    status = spec.get("status")
    if status is not None and status not in _STATUSES:
        raise RulesError(*where, f"{pid}: status must be one of {', '.join(_STATUSES)}")
    requires = tuple(_requirement(r, where, "requires") for r in spec.get("requires", []))
    excludes = tuple(_requirement(r, where, "excludes") for r in spec.get("excludes", []))
    head = None
    if "head" in spec:
        hs = dict(spec["head"]) if isinstance(spec["head"], dict) else spec["head"]
        if not isinstance(hs, dict) or "lemma" not in hs:
            raise RulesError(*where, f"{pid}: 'head' must be a table with 'lemma' (and optional 'prep')")
        head = Requirement("head", _words(hs.get("prep", []) or ["*"], where, "head.prep"),
                           frozenset(_words(hs["lemma"], where, "head.lemma")))
    preps = _words(spec["recipient_preps"], where, "recipient_preps") if spec.get("recipient_preps") else ()
    obj = [] if spec.get("object_role", "recipient") == "none" else ["object"]
    recipient = _sources(spec.get("recipient"), (), where, "recipient")
    recipient = tuple(dict.fromkeys([*recipient, *obj, *(f"prep:{p}" for p in preps)]))
    pos = tuple(p.upper() for p in _words(spec.get("pos", "VERB"), where, "pos"))
    return Pattern(pid, _words(spec["lemma"], where, "lemma"), pos, etype, mode, requires, excludes, head,
                   _sources(spec.get("actor"), ("subject",), where, "actor"), recipient,
                   bool(spec.get("reciprocal", False)), status, where[0], where[1],
                   len(requires) + (1 if head else 0) + (1 if mode else 0))


def _load_file(path: Path, ontology: Ontology) -> list[Pattern]:
    data, text = read_toml(path)
    where = str(path)
    unknown = set(data) - {"pattern", "defaults"}
    if unknown:
        raise RulesError(where, None, f"unknown table(s): {', '.join(sorted(unknown))} (want [[pattern]])")
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise RulesError(where, None, "[defaults] must be a table")
    items = data.get("pattern", [])
    if not isinstance(items, list):
        raise RulesError(where, None, "'pattern' must be an array of tables ([[pattern]])")
    lines = table_lines(text, "pattern")
    return [_pattern(spec, defaults, ontology, (where, lines[i] if i < len(lines) else None))
            for i, spec in enumerate(items)]


def load_patterns(paths: list[Path] | tuple[Path, ...] | None = None, *, replace: bool = False,
                  ontology: Ontology | None = None) -> list[Pattern]:
    """Shipped patterns plus ``paths`` (or only ``paths`` when ``replace``); ids must be unique."""
    ontology = ontology or load_ontology()
    files = [*([] if replace else default_pattern_files()), *(Path(p) for p in paths or ())]
    patterns: list[Pattern] = []
    seen: dict[str, Pattern] = {}
    for path in files:
        for pattern in _load_file(path, ontology):
            if pattern.id in seen:
                first = seen[pattern.id]
                raise RulesError(pattern.source, pattern.line,
                                 f"duplicate pattern id {pattern.id!r} (first at {first.source}:{first.line})")
            seen[pattern.id] = pattern
            patterns.append(pattern)
    return patterns


def index_patterns(patterns: list[Pattern]) -> dict[str, list[Pattern]]:
    """lemma → patterns, most specific first (ties keep file order)."""
    index: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        for lemma in pattern.lemmas:
            index.setdefault(lemma, []).append(pattern)
    for lemma, group in index.items():
        group.sort(key=lambda p: -p.specificity)
    return index


def rule_records(settings: Any, extra: Any = (), etype: str | None = None) -> list[dict[str, Any]]:
    """The patterns a coder with ``settings`` (plus ``extra`` files) would use, as plain records
    for ``forewarn rules``: id, type, mode, lemmas, pos, requires, source, line, where."""
    files = [*(settings.patterns or ()), *extra]
    out = []
    for p in load_patterns(files, replace=bool(getattr(settings, "replace_patterns", False))):
        if etype and p.type != etype.upper():
            continue
        rec = p.to_dict()
        rec["where"] = f"{p.source}:{p.line}" if p.line else p.source
        out.append(rec)
    return out

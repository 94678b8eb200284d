"""Resolution: mentions → actors (knowledge base), place names → coordinates, time expressions → dates."""

from ._toml import read_toml, table_lines
from .actor_phrase import entity_at, np_span
from .actors import ArticleActors, Resolved
from .kb import ActorKB, Entry, Office, load_actor_kb
from .places import resolve_place
from .timeref import resolve_time, value_bounds

__all__ = ["ActorKB", "ArticleActors", "Entry", "Office", "Resolved", "entity_at", "load_actor_kb",
           "np_span", "read_toml", "resolve_place", "resolve_time", "table_lines", "value_bounds"]

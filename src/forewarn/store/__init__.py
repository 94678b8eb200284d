"""The store: DuckDB by default (one file, no server), schema versioned with migrations."""

from .duck import Store
from .migrations import SCHEMA_VERSION
from .query import EventFilter

__all__ = ["SCHEMA_VERSION", "EventFilter", "Store"]

"""Ingestion: turn paths, folders, JSONL exports and stdin into raw items with their origin.

Each source yields :class:`~forewarn.models.RawItem` or, for an input that cannot be read,
a :class:`~forewarn.models.Reject` with its reason — never an exception, so a run goes on.
"""

from .decode import decode_bytes
from .files import iter_inputs

__all__ = ["decode_bytes", "iter_inputs"]

"""Scoring forewarn on labelled data sets: ``forewarn eval NAME PATH``.

Each scorer reads one data set's own format from any path and returns an :class:`EvalResult`
whose ``to_dict()`` is the contract in ARCHITECTURE.md:
``{"dataset", "path", "items", "headline": {"name", "value"}, "metrics": {...}}``.
"""

from .registry import SCORERS, EvalResult, evaluate

__all__ = ["SCORERS", "EvalResult", "evaluate"]

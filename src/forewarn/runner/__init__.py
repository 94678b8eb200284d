"""Runners: the same per-batch stage functions in this process, a process pool, or Ray."""

from .pool import BatchRunner, default_workers
from .report import Report

__all__ = ["BatchRunner", "Report", "default_workers"]

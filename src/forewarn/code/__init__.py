"""Coding: sentences → PLOVER events (type, mode, quad, status, actors, recipients, where, when,
according to whom, evidence). Rules are data (``forewarn/data``); the engine is code."""

from .coder import Coder
from .ontology import Cues, EventType, Ontology, load_cues, load_ontology
from .language import is_english
from .patterns import Pattern, Requirement, default_pattern_files, index_patterns, load_patterns, rule_records

__all__ = ["Coder", "Cues", "EventType", "Ontology", "Pattern", "Requirement", "default_pattern_files",
           "index_patterns", "is_english", "load_cues", "load_ontology", "load_patterns", "rule_records"]

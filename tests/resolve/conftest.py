"""Fixtures for the resolution tests: the spaCy pipeline and the actor knowledge base, loaded once."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from forewarn.annotate import load_nlp

    return load_nlp("auto")


@pytest.fixture(scope="session")
def kb():
    from forewarn.resolve import load_actor_kb

    return load_actor_kb()

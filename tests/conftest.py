"""Shared fixtures: paths to the project's examples and the shared reference article."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
REFERENCE = ROOT.parent / "shared" / "examples" / "independent-putin-thanks-trump.txt"


@pytest.fixture(scope="session")
def reference_article() -> Path:
    if not REFERENCE.exists():
        pytest.skip("the shared reference article is not beside the project")
    return REFERENCE


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES

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


@pytest.fixture
def lock_held_elsewhere():
    """``with lock_held_elsewhere(db):`` another process holds the store's write lock meanwhile."""
    import contextlib
    import subprocess
    import sys

    @contextlib.contextmanager
    def hold(db: Path):
        holder = subprocess.Popen([sys.executable, "-c", (
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
            "time.sleep(60)"), str(db)], stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline().strip() == "ready"
            yield
        finally:
            holder.kill()
            holder.wait()

    return hold

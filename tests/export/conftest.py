"""Fixtures for the export tests: the web tests' sample store (tests/web/sample_store.py)."""

import importlib.util
from pathlib import Path

import pytest

_path = Path(__file__).parents[1] / "web" / "sample_store.py"
_spec = importlib.util.spec_from_file_location("forewarn_test_sample_store_export", _path)
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    return sample.build_store(tmp_path_factory.mktemp("export") / "sample.duckdb")


@pytest.fixture(scope="session")
def records(sample_db):
    import forewarn

    with forewarn.open(sample_db, read_only=True) as db:
        return db.events()

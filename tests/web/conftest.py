"""Fixtures for the web tests: a small store built from sample_store.py (loaded by path)."""

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("forewarn_test_sample_store", Path(__file__).with_name("sample_store.py"))
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    return sample.build_store(tmp_path_factory.mktemp("web") / "sample.duckdb")

"""Schemathesis against the app's own OpenAPI schema, in-process: every response must match it."""

import pytest
import schemathesis
from schemathesis.checks import positive_data_acceptance
from hypothesis import HealthCheck, settings

from forewarn.web import create_app


@pytest.fixture(scope="module")
def web_schema(sample_db):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(sample_db))


schema = schemathesis.pytest.from_fixture("web_schema")


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_matches_its_schema(case):
    # derandomize: the same cases every run. Random runs now and then sent a boolean where the
    # schema wants a list of codes (``sector=false``), which a query string cannot tell from the
    # code "false", and called its acceptance a schema violation: a flaky false alarm in CI.
    # OpenAPI cannot say "lat, lon and radius_km together" or "since before until": a request
    # that breaks only those rules is valid by the schema and rightly answered 422, so the
    # check that every schema-valid request is accepted is left out; all the others run.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])

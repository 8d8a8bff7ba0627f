"""The API against its own OpenAPI schema, by schemathesis, in the normal suite.

Requests generated from the schema are sent to the WSGI application with a supervisor's token; every
answer must be no server error and match the schema: a documented status, its content type, headers
and body. The number of examples per operation is bounded so the test takes a minute or two.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.models import ApiToken
from conftest import create_appeal, create_staff
from priemnaya.wsgi import application

EXAMPLES = 25
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]

@pytest.fixture
def api_schema(db):
    # The requests run inside the test's transaction: the WSGI handler must not close its connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def world(api_schema, building) -> dict:
    """A supervisor's token and an appeal the operations on one appeal are sent to (not random numbers)."""
    chief = create_staff("chief", "supervisor", "tech")
    appeal = create_appeal("Течёт крыша над квартирой", reason="roof-damage", building=building)
    _token, key = ApiToken.issue(chief)
    return {"token": key, "number": appeal.number}


def _on(number: str):
    def aimed(case):
        case.path_parameters["number"] = number
        return case

    return aimed


def _examine(operation, world: dict) -> str:
    """The first failure hypothesis finds for one operation, or ""."""
    strategy = operation.as_strategy()
    if "{number}" in operation.path:
        strategy = strategy.map(_on(world["number"]))

    @given(case=strategy)
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        case.call_and_validate(headers={"Authorization": f"Bearer {world['token']}"}, checks=CHECKS)

    try:
        run()
    except Exception as failure:
        return f"{operation.label}: {failure}"
    return ""


def test_every_answer_matches_the_schema(api_schema, world):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 8
    failures = [failure for operation in operations if (failure := _examine(operation, world))]
    assert not failures, "\n\n".join(failures)

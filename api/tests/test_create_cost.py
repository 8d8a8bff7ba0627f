"""What one appeal costs the database at intake, its triage included (the tasks the commit starts are run
and counted too). Pinned, so a change that adds reads shows here first."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import ApiToken
from conftest import create_building, create_staff

pytestmark = pytest.mark.django_db

# Reads and writes of one API create into a building with earlier appeals: token, rate limit, number,
# appeal and history, classification, routing, incident look-up and its lock. Savepoints and BEGIN/COMMIT not counted.
MOST_STATEMENTS = 41  # the tasks run here after the request, so the triage settings are read in each


def statements(queries) -> int:
    return sum(1 for q in queries if q["sql"].lstrip().split(" ", 1)[0] in {"SELECT", "INSERT", "UPDATE", "DELETE"})


def test_an_api_create_costs_a_bounded_number_of_statements(django_capture_on_commit_callbacks):
    create_building("улица Марата", "7")
    operator = create_staff("operator", "operator", "crm")
    client = Client(headers={"Authorization": f"Bearer {ApiToken.issue(operator)[1]}"})

    def create(text: str):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/api/v1/appeals", {"text": text, "address": "улица Марата, 7"},
                               content_type="application/json")

    for n in range(3):
        assert create(f"Протекает крыша, квартира {n}").status_code == 201
    with CaptureQueriesContext(connection) as done:
        answer = create("Протекает крыша над квартирой 5")
    assert answer.status_code == 201
    assert statements(done.captured_queries) <= MOST_STATEMENTS, "\n".join(
        q["sql"][:120] for q in done.captured_queries)

"""What one appeal costs the database at intake, its triage included (run as deployed: the tasks after
the commit, inside the request). Pinned, so a change that adds reads shows here first."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import create_building

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Reads and writes of one API create into a building with earlier appeals: token, rate limit, number,
# appeal and history, classification, routing, incident look-up. Savepoints and BEGIN/COMMIT not counted.
MOST_STATEMENTS = 43


def statements(queries) -> int:
    return sum(1 for q in queries if q["sql"].lstrip().split(" ", 1)[0] in {"SELECT", "INSERT", "UPDATE", "DELETE"})


def test_an_api_create_costs_a_bounded_number_of_statements(client_for, operator, reference_data):
    create_building("улица Марата", "7")
    client = client_for(operator)
    for n in range(3):
        assert client.post_json("/api/v1/appeals", {"text": f"Протекает крыша, квартира {n}",
                                                    "address": "улица Марата, 7"}).status_code == 201
    with CaptureQueriesContext(connection) as done:
        answer = client.post_json("/api/v1/appeals", {"text": "Протекает крыша над квартирой 5",
                                                      "address": "улица Марата, 7"})
    assert answer.status_code == 201
    assert statements(done.captured_queries) <= MOST_STATEMENTS, "\n".join(
        q["sql"][:120] for q in done.captured_queries)

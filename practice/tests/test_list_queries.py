"""The practice lists read a fixed number of queries, however many scenarios and attempts there are."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import create_building, create_staff
from housing.models import Building
from practice import sandbox
from practice.scoring import Entered

from .factories import make_scenario

pytestmark = pytest.mark.django_db


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def _more(operator, count: int) -> None:
    for _ in range(count):
        n = Building.objects.count()
        scenario = make_scenario(create_building("Садовая улица", str(100 + n)), title=f"Сценарий {n}")
        attempt = sandbox.start(operator, scenario)
        sandbox.submit(attempt, operator, Entered(reason_id=scenario.expected_reason_id))


@pytest.mark.parametrize("path", ["/staff/practice/", "/staff/practice/results/", "/staff/practice/results/operators/"])
def test_lists_do_not_grow_with_scenarios_and_attempts(supervisor, path):
    operator = create_staff("operator", "operator", "crm")
    _more(operator, 1)
    _more(supervisor, 1)
    client = Client()
    client.force_login(supervisor)
    _queries(client, path)  # the first view warms the caches (permissions, company)
    few = _queries(client, path)
    _more(operator, 4)
    _more(supervisor, 4)
    assert _queries(client, path) == few

"""The demo's calls and visits of today, as `make run` loads them; run twice, it adds nothing."""

import pytest
from django.urls import reverse

from calls.demo import load
from calls.models import Call, Visit
from conftest import create_appeal, create_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    create_staff("operator", "operator", "crm")
    create_staff("operator2", "operator", "crm")
    for index in range(3):
        create_appeal(f"Не работает лифт в подъезде {index + 1}", phone=f"+7921555000{index}",
                      full_name=f"Иванов Иван {index}")
    return load()


def test_the_demo_has_todays_calls_linked_to_appeals_and_visits(loaded, client, supervisor):
    assert "Колл-центр" in loaded
    calls = Call.objects.all()
    assert calls.count() == 6 and calls.filter(appeal__isnull=False).count() == 3
    assert all(call.wrapped_up_at for call in calls)
    assert calls.filter(outcome="missed", answered_at__isnull=True).count() == 1
    assert Visit.objects.filter(started_at__isnull=True).count() == 1
    client.force_login(supervisor)
    page = client.get(reverse("staff-calls")).content.decode()
    assert page.count('href="/staff/calls/') >= calls.count()


def test_a_second_load_adds_nothing(loaded):
    assert load() == "" and Call.objects.count() == 6

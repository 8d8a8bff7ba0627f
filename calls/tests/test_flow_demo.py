"""The demo's calls and visits of today, as `make run` loads them; run twice, it adds nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from calls.demo import _today, load
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


@pytest.mark.parametrize("local", ["2026-12-07 00:30", "2026-12-07 00:02", "2026-12-07 15:00"])
def test_todays_moments_stay_in_the_local_day_even_just_after_midnight(local):
    now = timezone.make_aware(dt.datetime.fromisoformat(local))
    moments = _today(now, 9, dt.timedelta(minutes=25))
    assert len(moments) == 9 and moments == sorted(moments) and moments[-1] < now
    assert all(timezone.localtime(m).date() == timezone.localtime(now).date() for m in moments)
    if local.endswith("15:00"):  # a day old enough: 25 minutes apart, the last 10 minutes ago
        assert moments[-1] == now - dt.timedelta(minutes=10) and moments[1] - moments[0] == dt.timedelta(minutes=25)

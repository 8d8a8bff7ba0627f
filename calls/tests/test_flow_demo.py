"""The demo's calls and visits of today, as `make run` loads them."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from calls import demo
from calls.models import Call, Visit
from demo import content

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(monkeypatch):
    monkeypatch.setattr(content, "LOADERS", ["calls.demo.load"])
    call_command("load_demo", appeals=20)


def test_the_demo_has_todays_calls_linked_to_appeals_and_visits(loaded, client):
    calls = Call.objects.all()
    linked = calls.filter(appeal__isnull=False).count()
    assert linked >= 1 and calls.count() == linked + 3
    assert calls.filter(outcome="missed", answered_at__isnull=True).count() == 1
    assert all(call.wrapped_up_at for call in calls)
    assert Visit.objects.filter(started_at__isnull=True).count() == 1
    client.force_login(User.objects.get(username="supervisor"))
    page = client.get(reverse("staff-calls")).content.decode()
    assert page.count('href="/staff/calls/') >= calls.count()


def test_a_second_load_adds_nothing(loaded):
    count = Call.objects.count()
    assert demo.load() == "" and Call.objects.count() == count

"""The demo's proposals: one implemented with its effect, one from an incident, one overdue; added once."""

import datetime as dt

import pytest
from django.utils import timezone

from conftest import create_appeal, create_building, create_staff
from proposals import demo
from proposals.deadline import deadline_mark
from proposals.models import Proposal
from triage.models import Incident, IncidentAppeal

pytestmark = pytest.mark.django_db


def test_the_demo_opens_its_proposals_once():
    create_staff("supervisor", "supervisor", "crm")
    home = create_building()
    now = timezone.now()
    for days in (100, 90, 80, 70, 20, 10):
        create_appeal(reason="roof-damage", building=home, received_at=now - dt.timedelta(days=days))
    incident = Incident.objects.create(title="Протечка кровли", building=home)
    IncidentAppeal.objects.create(incident=incident, appeal=create_appeal(reason="roof-damage", building=home))
    assert demo.load() == "Системные предложения: 3 (добавлено 3)."
    implemented, from_incident, overdue = Proposal.objects.order_by("pk")
    assert implemented.implemented_on == timezone.localdate() - dt.timedelta(days=60)
    assert list(from_incident.incidents.all()) == [incident]
    assert deadline_mark(overdue).state == "overdue"
    assert demo.load() == "Системные предложения: 3 (добавлено 0)."

import datetime as dt

import pytest
from django.utils import timezone

from appeals import services, tasks
from appeals.models import Notification
from conftest import create_appeal, create_staff

pytestmark = pytest.mark.django_db


def test_overdue_and_due_soon_are_flagged_once_to_the_responsible_and_supervisor(specialist, supervisor):
    late = create_appeal(reason="roof-damage", received_at=timezone.now() - dt.timedelta(days=30))
    late = services.assign(services.transition(late, "register", None), None, assignee=specialist)
    create_appeal(reason="roof-damage")  # fresh: not due yet
    counts = tasks.check_deadlines()
    assert counts["overdue"] == 2
    kinds = set(Notification.objects.values_list("user__username", "kind"))
    assert ("specialist", "overdue") in kinds and ("supervisor", "overdue") in kinds
    assert tasks.check_deadlines()["overdue"] == 0  # not flagged twice


def test_paused_appeals_are_not_flagged(supervisor):
    appeal = create_appeal(reason="roof-damage", received_at=timezone.now() - dt.timedelta(days=30))
    services.transition(appeal, "request_clarification", None, note="Уточнить адрес")
    assert tasks.check_deadlines() == {"due_soon": 0, "overdue": 0}


def test_assignment_notifies_the_assignee(django_capture_on_commit_callbacks):
    engineer = create_staff("engineer", "specialist", "tech")
    appeal = services.transition(create_appeal(reason="roof-damage"), "register", None)
    with django_capture_on_commit_callbacks(execute=True):
        services.assign(appeal, None, assignee=engineer)
    assert Notification.objects.filter(user=engineer, kind="assigned").exists()

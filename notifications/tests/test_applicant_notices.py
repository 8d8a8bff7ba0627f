"""Which changes the applicant hears of, by which channel (the hub's decisions)."""

import pytest
from django.core import mail
from django.utils import timezone

from appeals import services
from conftest import create_appeal, create_staff

from .conftest import drafted

pytestmark = pytest.mark.django_db


def test_the_extension_notice_names_the_new_date_and_reason(engineer, django_capture_on_commit_callbacks):
    chief = create_staff("chief", "supervisor", "crm")
    appeal = services.transition(services.assign(services.transition(
        create_appeal(reason="roof-damage", email="ivanova@example.ru"), "register", None), None, assignee=engineer),
        "start", engineer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        appeal = services.transition(appeal, "extend", chief, note="Нужно обследование подрядчиком")
    (letter,) = mail.outbox
    assert "продлён" in letter.subject
    assert f"{timezone.localtime(appeal.answer_due):%d.%m.%Y}" in letter.body
    assert "Нужно обследование подрядчиком" in letter.body


def test_an_answer_in_the_applicants_favour_has_no_hq_notice(engineer, django_capture_on_commit_callbacks):
    appeal = drafted(engineer, email="ivanova@example.ru")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(appeal, "answer", engineer, result="Ремонт кровли", resolved_in_favour_of="applicant")
    (letter,) = [m for m in mail.outbox if not m.subject.startswith("Оцените")]  # the survey comes apart
    assert "Кровлю отремонтируем" in letter.body and "вправе обратиться" not in letter.body


def test_the_assignee_sees_the_assignment_in_the_back_office_not_by_mail(engineer,
                                                                         django_capture_on_commit_callbacks):
    from appeals.models import Notification

    appeal = services.transition(create_appeal(reason="roof-damage"), "register", None)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.assign(appeal, None, assignee=engineer)
    assert Notification.objects.filter(user=engineer, appeal=appeal, kind="assigned").exists()
    assert not [m for m in mail.outbox if m.to == [engineer.email]]

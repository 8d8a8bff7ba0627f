import pytest
from django.core import mail

from appeals import services
from conftest import create_appeal, create_staff

pytestmark = pytest.mark.django_db


def test_applicant_with_email_hears_of_the_answer(django_capture_on_commit_callbacks):
    staff = create_staff("engineer", "specialist", "tech")
    appeal = create_appeal(reason="roof-damage", email="ivanova@example.ru")
    appeal = services.assign(services.transition(appeal, "register", None), None, assignee=staff)
    appeal = services.transition(appeal, "start", staff)
    appeal = services.transition(appeal, "draft_answer", staff, answer_text="Кровлю отремонтируем до пятницы.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(appeal, "answer", staff, result="Ремонт кровли", resolved_in_favour_of="applicant")
    (message,) = [m for m in mail.outbox if not m.subject.startswith("Оцените")]
    (survey,) = [m for m in mail.outbox if m.subject.startswith("Оцените")]  # the satisfaction survey, apart
    assert survey.to == ["ivanova@example.ru"] and "/survey/" in survey.body
    assert message.to == ["ivanova@example.ru"] and appeal.number in message.subject
    assert "Кровлю отремонтируем" in message.body and appeal.access_code in message.body


def test_no_email_no_message(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        create_appeal(email="")
    assert mail.outbox == []

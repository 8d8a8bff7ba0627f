"""Message templates staff edit: plain values only, checked placeholders, defaults from the migration, a preview
in the admin, and the edited words in the next message."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from appeals import services
from conftest import create_appeal
from notifications.defaults import TEMPLATES
from notifications.models import Template
from notifications.rendering import render

pytestmark = pytest.mark.django_db


def test_the_defaults_are_loaded_by_the_migration():
    assert set(Template.objects.values_list("event", "channel")) == {(e, c) for e, c, *_ in TEMPLATES}


def test_only_plain_values_reach_a_template():
    appeal = create_appeal()
    with pytest.raises(TypeError):
        render("{{ appeal.applicant.delete }}", {"appeal": appeal})
    assert render("{{ name }} & <b>", {"name": "«Рога & копыта»"}) == "«Рога & копыта» & <b>"  # no escaping


def test_an_unknown_placeholder_or_tag_is_refused_in_russian():
    template = Template(event="registered", channel="email", subject="№ {{ number }}", body="{{ password }}")
    with pytest.raises(ValidationError, match="Неизвестные подстановки: password"):
        template.full_clean(validate_constraints=False)
    template.body = '{% include "base_public.html" %}'
    with pytest.raises(ValidationError, match="не разрешён"):
        template.full_clean(validate_constraints=False)
    template.body = "{% if number %}без конца"
    with pytest.raises(ValidationError, match="Ошибка в шаблоне"):
        template.full_clean(validate_constraints=False)


def test_the_admin_shows_a_preview_and_saves_an_edit(client, admin_user, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    template = Template.objects.get(event="registered", channel="email")
    page = client.get(f"/admin/notifications/template/{template.pk}/change/").content.decode()
    assert "Как выглядит" in page and "2026-000123" in page and "K7Q2MX9R4T" in page
    answer = client.post(f"/admin/notifications/template/{template.pk}/change/", {
        "event": "registered", "channel": "email", "subject": "Принято: № {{ number }}",
        "body": "Номер {{ number }}, код {{ access_code }}. Ждите ответа до {{ answer_due }}."})
    assert answer.status_code == 302
    appeal = create_appeal(reason="roof-damage", email="ivanova@example.ru")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(appeal, "register", None)
    (letter,) = mail.outbox
    assert letter.subject == f"Принято: № {appeal.number}"
    assert letter.body.startswith(f"Номер {appeal.number}, код {appeal.access_code}.")


def test_the_admin_refuses_a_bad_template_with_a_message(client, admin_user):
    client.force_login(admin_user)
    template = Template.objects.get(event="digest", channel="email")
    answer = client.post(f"/admin/notifications/template/{template.pk}/change/", {
        "event": "digest", "channel": "email", "subject": "Сводка", "body": "{{ access_code }}"})
    assert answer.status_code == 200 and "Неизвестные подстановки: access_code" in answer.content.decode()


def test_reading_a_message_in_the_admin_is_in_the_access_log(client, admin_user, django_capture_on_commit_callbacks):
    from appeals.models import PersonalDataAccess
    from notifications.models import Message

    appeal = create_appeal(reason="roof-damage", email="ivanova@example.ru")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(appeal, "register", None)
    message = Message.objects.get(event="registered")
    client.force_login(admin_user)
    PersonalDataAccess.objects.all().delete()
    page = client.get(f"/admin/notifications/message/{message.pk}/change/")
    assert page.status_code == 200 and appeal.access_code in page.content.decode()
    assert PersonalDataAccess.objects.filter(user=admin_user, appeal=appeal).exists()

"""Outgoing requests to resource companies (W5): sent with a reply date, the reply recorded, both in the history."""

import datetime as dt

import pytest
from django.utils import timezone

from appeals import outgoing
from appeals.errors import AppealError
from appeals.models import OutgoingRequest, ResourceCompany
from conftest import create_appeal, create_staff
from deadlines.calendar import is_working_day

pytestmark = pytest.mark.django_db


def add_url(appeal) -> str:
    return f"/staff/appeals/{appeal.number}/outgoing/"


@pytest.fixture
def vodokanal(db):
    return ResourceCompany.objects.create(name="ГУП «Водоканал Санкт-Петербурга»", service="водоснабжение")


@pytest.fixture
def logged(client, supervisor):
    client.force_login(supervisor)
    return client


def test_request_is_added_with_dates_and_history(logged, supervisor, vodokanal):
    appeal = create_appeal()
    today = timezone.localdate()
    due = today + dt.timedelta(days=7)
    response = logged.post(add_url(appeal), {"organization": vodokanal.pk, "subject": "Сведения о давлении",
                                             "sent_at": today.isoformat(), "due_at": due.isoformat()})
    assert response.status_code == 302
    sent = OutgoingRequest.objects.get()
    assert (sent.organization, sent.sent_at, sent.due_at, sent.created_by) == (vodokanal, today, due, supervisor)
    event = appeal.events.get(action="outgoing_added")
    assert event.new_value == vodokanal.name and f"{due:%d.%m.%Y}" in event.note
    html = logged.get(f"/staff/appeals/{appeal.number}/").content.decode()
    assert "Сведения о давлении" in html and f"ждём ответ до {due:%d.%m.%Y}" in html


def test_typed_organisation_is_added_to_the_directory_once(logged):
    appeal = create_appeal()
    today = timezone.localdate().isoformat()
    for name in ("АО «Петербургская сбытовая компания»", "ао «петербургская сбытовая компания»"):
        logged.post(add_url(appeal), {"organization_name": name, "subject": "Запрос", "sent_at": today,
                                      "due_at": today})
    assert ResourceCompany.objects.count() == 1 and OutgoingRequest.objects.count() == 2


def test_form_offers_a_reply_date_in_working_days(logged):
    appeal = create_appeal()
    html = logged.get(f"/staff/appeals/{appeal.number}/").content.decode()
    expected = outgoing.default_due(timezone.localdate())
    assert f'name="due_at" value="{expected.isoformat()}"' in html
    assert is_working_day(expected) and expected >= timezone.localdate() + dt.timedelta(days=5)


@pytest.mark.parametrize("change, field, message", [
    ({"organization": "", "organization_name": ""}, "organization", "Выберите организацию"),
    ({"subject": "  "}, "subject", "Кратко опишите, о чём запрос."),
    ({"sent_at": "tomorrow"}, "sent_at", "Укажите дату отправки запроса."),
    ({"due_at": "yesterday"}, "due_at", "Срок ответа не может быть раньше даты отправки."),
])
def test_bad_request_is_explained_and_not_saved(logged, vodokanal, change, field, message):
    appeal = create_appeal()
    today = timezone.localdate()
    data = {"organization": vodokanal.pk, "subject": "Запрос", "sent_at": today.isoformat(),
            "due_at": today.isoformat()}
    dates = {"tomorrow": "", "yesterday": (today - dt.timedelta(days=1)).isoformat()}
    data.update({k: dates.get(v, v) for k, v in change.items()})
    response = logged.post(add_url(appeal), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert message in " ".join(response.context["outgoing_form"].errors[field])
    assert not OutgoingRequest.objects.exists()


def test_sent_date_in_the_future_is_refused(supervisor, vodokanal):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(AppealError) as error:
        outgoing.add_request(create_appeal(), supervisor, organization=vodokanal, subject="Запрос",
                             sent_at=tomorrow, due_at=tomorrow)
    assert error.value.field == "sent_at"


def test_reply_is_recorded_once_with_history(logged, supervisor, vodokanal):
    appeal = create_appeal()
    today = timezone.localdate()
    sent, _status = outgoing.add_request(appeal, supervisor, organization=vodokanal, subject="Запрос",
                                sent_at=today, due_at=today)
    url = f"/staff/appeals/{appeal.number}/outgoing/{sent.pk}/reply/"
    prefix = f"r{sent.pk}-"
    response = logged.post(url, {prefix + "reply": "Давление в норме", prefix + "answered_at": today.isoformat()})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert (sent.reply, sent.answered_at) == ("Давление в норме", today)
    assert appeal.events.filter(action="outgoing_replied", new_value=vodokanal.name).exists()
    response = logged.post(url, {prefix + "reply": "Ещё", prefix + "answered_at": today.isoformat()})
    assert response.status_code == 400 and "Ответ на этот запрос уже записан." in response.content.decode()


def test_reply_without_text_is_refused(logged, supervisor, vodokanal):
    appeal = create_appeal()
    today = timezone.localdate()
    sent, _status = outgoing.add_request(appeal, supervisor, organization=vodokanal, subject="Запрос",
                                sent_at=today, due_at=today)
    response = logged.post(f"/staff/appeals/{appeal.number}/outgoing/{sent.pk}/reply/",
                           {f"r{sent.pk}-reply": "", f"r{sent.pk}-answered_at": today.isoformat()})
    assert "Введите содержание ответа организации." in response.content.decode()
    sent.refresh_from_db()
    assert sent.answered_at is None


def test_overdue_request_is_flagged(logged, supervisor, vodokanal):
    appeal = create_appeal()
    week_ago = timezone.localdate() - dt.timedelta(days=7)
    outgoing.add_request(appeal, supervisor, organization=vodokanal, subject="Запрос", sent_at=week_ago,
                         due_at=week_ago + dt.timedelta(days=1))
    assert "срок прошёл" in logged.get(f"/staff/appeals/{appeal.number}/").content.decode()


def test_specialist_of_another_department_cannot_add_requests(client, vodokanal):
    appeal = create_appeal(reason="roof-damage")
    client.force_login(create_staff("cleaner", "specialist", "san"))
    today = timezone.localdate().isoformat()
    response = client.post(add_url(appeal), {"organization": vodokanal.pk, "subject": "Запрос",
                                             "sent_at": today, "due_at": today})
    assert response.status_code == 404 and not OutgoingRequest.objects.exists()

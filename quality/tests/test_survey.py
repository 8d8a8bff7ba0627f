"""The applicant's satisfaction survey: sent after an answer through the notifications hub; the link needs no
login, works once, is unguessable (only its hash is kept), expires after SURVEY_DAYS, and its page shows no
personal data; used, expired and unknown links get a Russian page (410, 404), never a 500."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from appeals import services
from conftest import appeal_through_full_life_cycle, create_staff
from notifications.models import Message
from quality import surveys
from quality.models import Survey

NAME, PHONE, EMAIL = "Иванова Мария Петровна", "+79211234567", "maria@example.ru"


@pytest.fixture
def answered(supervisor, django_capture_on_commit_callbacks):
    """An appeal answered by the supervisor to an applicant who left an e-mail; the survey message it caused."""
    appeal = appeal_through_full_life_cycle(supervisor, until="extend")
    appeal.applicant.email = EMAIL
    appeal.applicant.postal_address = "Санкт-Петербург, улица Марата, 7, кв. 12"
    appeal.applicant.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(appeal, "answer", supervisor, result="Ремонт кровли запланирован",
                            resolved_in_favour_of="applicant")
    return appeal, Message.objects.get(event="survey", appeal=appeal)


def link_of(message) -> str:
    return re.search(r"http\S+/survey/[^/\s]+/", message.body).group(0).split("8000", 1)[-1]


@pytest.mark.django_db
def test_an_answer_sends_the_applicant_a_survey_link(answered):
    appeal, message = answered
    assert message.recipient == EMAIL
    assert "/survey/" in message.body
    survey = Survey.objects.get(appeal=appeal)
    assert survey.answered_by.username == "supervisor"
    assert survey.expires_at - survey.sent_at == dt.timedelta(days=30)


@pytest.mark.django_db
def test_only_the_hash_of_a_long_random_token_is_kept(answered):
    appeal, message = answered
    token = link_of(message).rstrip("/").rsplit("/", 1)[-1]
    assert len(token) * 6 >= 128  # url-safe base64: 6 bits a character
    survey = Survey.objects.get(appeal=appeal)
    assert token not in survey.token_hash and len(survey.token_hash) == 64
    assert not Survey.objects.filter(token_hash=token).exists()


@pytest.mark.django_db
def test_the_page_needs_no_login_and_shows_no_personal_data(client, answered):
    appeal, message = answered
    page = client.get(link_of(message))
    assert page.status_code == 200
    text = page.content.decode()
    assert appeal.number in text and appeal.reason.name in text
    for personal in (NAME, "Иванова", PHONE, "921", EMAIL, "Марата", "кв. 12"):
        assert personal not in text


@pytest.mark.django_db
def test_the_link_works_once(client, answered):
    appeal, message = answered
    link = link_of(message)
    done = client.post(link, {"rating": "4", "comment": "Спасибо, быстро ответили."})
    assert done.status_code == 200 and "Спасибо за оценку" in done.content.decode()
    survey = Survey.objects.get(appeal=appeal)
    assert (survey.rating, survey.comment) == (4, "Спасибо, быстро ответили.")
    again = client.post(link, {"rating": "1"})
    assert again.status_code == 410 and "уже ответили" in again.content.decode()
    assert client.get(link).status_code == 410
    assert Survey.objects.get(appeal=appeal).rating == 4


@pytest.mark.django_db
def test_the_link_expires_after_the_period(client, answered, settings):
    appeal, message = answered
    Survey.objects.filter(appeal=appeal).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    page = client.get(link_of(message))
    assert page.status_code == 410 and "истёк" in page.content.decode()
    assert client.post(link_of(message), {"rating": "5"}).status_code == 410


@pytest.mark.django_db
def test_the_period_is_a_setting(supervisor, settings):
    settings.SURVEY_DAYS = 7
    appeal = appeal_through_full_life_cycle(supervisor, until="answer")
    issued = surveys.issue(appeal)
    assert issued.survey.expires_at - issued.survey.sent_at == dt.timedelta(days=7)
    with pytest.raises(surveys.Gone):
        surveys.find(issued.url.rstrip("/").rsplit("/", 1)[-1], now=issued.survey.sent_at + dt.timedelta(days=7))


@pytest.mark.django_db
def test_an_unknown_or_guessed_link_is_a_russian_404(client, answered):
    for token in ("x" * 43, "short", "%00"):
        page = client.get(f"/survey/{token}/")
        assert page.status_code == 404
        assert "Такой ссылки на опрос нет" in page.content.decode()


@pytest.mark.django_db
def test_a_missing_rating_is_asked_for_again(client, answered):
    appeal, message = answered
    page = client.post(link_of(message), {"rating": "9"})
    assert page.status_code == 400 and "Выберите" in page.content.decode()
    assert Survey.objects.get(appeal=appeal).rated_at is None


@pytest.mark.django_db
def test_no_survey_when_the_applicant_cannot_be_told(supervisor, django_capture_on_commit_callbacks):
    appeal = appeal_through_full_life_cycle(supervisor, until="extend")  # a phone only, SMS off
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(appeal, "answer", supervisor, result="Сделано", resolved_in_favour_of="applicant")
    assert not Survey.objects.filter(appeal=appeal).exists()


@pytest.mark.django_db
def test_by_sms_when_only_a_phone_was_left_and_sms_is_on(supervisor, settings, django_capture_on_commit_callbacks):
    settings.SMS_NOTIFY = True
    create_staff("roofer2", "specialist", "tech")
    appeal = appeal_through_full_life_cycle(supervisor, until="extend")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(appeal, "answer", supervisor, result="Сделано", resolved_in_favour_of="applicant")
    message = Message.objects.get(event="survey", appeal=appeal)
    assert message.channel == "sms" and "/survey/" in message.body

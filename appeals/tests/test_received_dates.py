"""One rule for the day an appeal was received, in every channel, and for the days the journal is filtered by:
not before EARLIEST_RECEIVED_DATE, never in the future; absurd years are a message, never a 500.
Numbers of different centuries never take each other's place."""

import datetime as dt

import pytest

from accounts.models import ApiToken
from appeals import services
from appeals.errors import AppealError
from appeals.models import Appeal
from appeals.numbering import next_number
from appeals.tracking import find_tracked, normalize_number
from conftest import create_appeal, create_staff, happening_at
from deadlines.calendar import MOSCOW

pytestmark = pytest.mark.django_db

TOO_EARLY = "Дата поступления не может быть раньше 01.01.2000."
FUTURE = "Дата поступления не может быть в будущем."


@pytest.fixture
def operator_client(client):
    client.force_login(create_staff("operator", "operator", "crm"))
    return client


@pytest.fixture
def supervisor_client(client):
    client.force_login(create_staff("boss", "supervisor", "crm"))
    return client


@pytest.fixture
def api(client):
    _, key = ApiToken.issue(create_staff("robot", "operator", "crm"))
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    return client


def register(client, received_at: str):
    return client.post("/staff/register/", {
        "channel": "phone", "kind": "request", "received_at": received_at, "full_name": "Петров Пётр Петрович",
        "phone": "8 921 000-11-22", "address_text": "Марата 7", "flat": "5", "text": "Течёт крыша над кухней."})


def api_create(client, received_at: str):
    return client.post("/api/v1/appeals", {"text": "Течёт крыша над кухней.", "received_at": received_at},
                       content_type="application/json")


def api_error(response) -> tuple[int, list]:
    return response.status_code, [(e["loc"], e["msg"]) for e in response.json()["detail"]]


@pytest.mark.parametrize(("typed", "message"), [
    ("01.01.0001 00:00", TOO_EARLY), ("01.01.1900 10:00", TOO_EARLY), ("31.12.1999 23:59", TOO_EARLY),
    ("31.12.9999 23:59", FUTURE), ("9999-12-31T23:59", FUTURE)])
def test_registration_screen_refuses_a_day_out_of_range_in_russian(operator_client, typed, message):
    response = register(operator_client, typed)
    assert response.status_code == 400 and message in response.content.decode()
    assert response.context["form"].errors["received_at"] == [message]
    assert not Appeal.objects.exists()


def test_registration_screen_takes_the_earliest_day(operator_client):
    assert register(operator_client, "01.01.2000 00:00").status_code == 302
    assert Appeal.objects.get().number == "00-000001"


@pytest.mark.parametrize(("sent", "message"), [
    ("0001-01-01T00:00:00+03:00", TOO_EARLY), ("0001-01-01T00:00:00+14:00", TOO_EARLY),
    ("1900-01-01T10:00:00+03:00", TOO_EARLY), ("1999-12-31T20:59:59+00:00", TOO_EARLY),  # 23:59:59 in Moscow
    ("9999-12-31T23:59:59-12:00", FUTURE), ("2999-01-01T00:00:00+03:00", FUTURE)])
def test_api_refuses_a_day_out_of_range_with_a_422_naming_the_field(api, sent, message):
    assert api_error(api_create(api, sent)) == (422, [(["body", "received_at"], message)])
    assert not Appeal.objects.exists()


def test_api_counts_the_day_in_moscow_time(api):
    # 21:00 UTC on 31 December 1999 is midnight of 1 January 2000 in Moscow
    assert api_create(api, "1999-12-31T21:00:00+00:00").status_code == 201


def test_the_earliest_day_is_a_setting_and_every_channel_follows_it(settings, operator_client, api):
    settings.EARLIEST_RECEIVED_DATE = "2015-06-01"
    message = "Дата поступления не может быть раньше 01.06.2015."
    assert register(operator_client, "31.05.2015 12:00").context["form"].errors["received_at"] == [message]
    assert api_error(api_create(api, "2015-05-31T12:00:00+03:00")) == (422, [(["body", "received_at"], message)])
    with pytest.raises(AppealError, match="01.06.2015"):  # mail, the demo and any other channel: the verb itself
        create_appeal(channel="email", received_at=dt.datetime(2015, 5, 31, 12, tzinfo=MOSCOW))
    assert register(operator_client, "01.06.2015 00:00").status_code == 302


def test_numbers_of_different_centuries_never_clash():
    assert next_number(2000) == "00-000001"
    assert next_number(2100) == "2100-000001"
    assert next_number(1900) == "1900-000001"
    assert next_number(2000) == "00-000002"


def test_appeals_of_2000_and_2100_get_numbers_of_their_own():
    with happening_at(dt.datetime(2100, 1, 11, 10, 0, tzinfo=MOSCOW)):
        later = create_appeal()
        earlier = services.receive_appeal(text="Течёт крыша", channel="post",
                                          received_at=dt.datetime(2000, 3, 1, 10, 0, tzinfo=MOSCOW))
    assert (earlier.number, later.number) == ("00-000001", "2100-000001")
    assert normalize_number("2100000001") == "2100-000001"
    assert find_tracked("2100-000001", later.access_code) == later


@pytest.mark.parametrize(("params", "field", "message"), [
    ({"date_from": "0001-01-01"}, "date_from", "Дата не может быть раньше 01.01.2000."),
    ({"date_to": "9999-12-31"}, "date_to", "Дата не может быть позже 31.12.2999."),
    ({"date_from": "1999-12-31", "date_to": "2026-01-01"}, "date_from", "Дата не может быть раньше 01.01.2000.")])
def test_journal_export_and_api_refuse_filter_days_out_of_range(supervisor_client, api, params, field, message):
    page = supervisor_client.get("/staff/journal/", params)
    assert page.status_code == 200 and page.context["form"].errors[field] == [message]
    export = supervisor_client.get("/staff/journal/export.xlsx", params)
    assert export.status_code == 400 and message in export.content.decode()
    assert api_error(api.get("/api/v1/appeals", params)) == (422, [(["query", field], message)])


def test_access_log_refuses_filter_days_out_of_range(client):
    client.force_login(create_staff("admin", "admin", None))
    page = client.get("/staff/access-log/", {"date_from": "0001-01-01", "date_to": "9999-12-31"})
    assert page.status_code == 200
    assert page.context["form"].errors == {"date_from": ["Дата не может быть раньше 01.01.2000."],
                                           "date_to": ["Дата не может быть позже 31.12.2999."]}


def test_filter_days_at_the_edges_are_taken(supervisor_client, api):
    params = {"date_from": "2000-01-01", "date_to": "2999-12-31"}
    assert supervisor_client.get("/staff/journal/", params).context["form"].errors == {}
    assert api.get("/api/v1/appeals", params).status_code == 200


@pytest.mark.parametrize(("value", "error"), [("2000-01-01", None), ("01.01.2000", "appeals.E001"),
                                              ("0001-01-01", "appeals.E002"), ("2999-01-01", "appeals.E002")])
def test_the_earliest_day_setting_is_checked(settings, value, error):
    from django.core.checks import run_checks

    settings.EARLIEST_RECEIVED_DATE = value
    found = {message.id for message in run_checks()} & {"appeals.E001", "appeals.E002"}
    assert found == ({error} if error else set())

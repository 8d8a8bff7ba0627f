"""GET requests and GET requests/{id}: the course of each request filed over Open311 — open or closed, the
public note of its last step, our deadline, the department — with the specification's filters and limits."""

import datetime as dt

import pytest

from appeals import services
from appeals.models import Appeal
from conftest import create_appeal, create_staff, happening_at
from deadlines.calendar import MOSCOW
from open311 import query

from .helpers import errors_of, fields, fms_form, valid_json, xml_root

pytestmark = pytest.mark.django_db

REQUEST_FIELDS = ["service_request_id", "status", "status_notes", "service_name", "service_code", "description",
                  "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
                  "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"]


def file(client, key, **changes) -> Appeal:
    response = client.post("/open311/v2/requests.json", fms_form(key, **changes))
    assert response.status_code == 200, response.content
    return Appeal.objects.get(number=response.json()[0]["service_request_id"])


def shown(client, appeal: Appeal) -> dict:
    body = valid_json(client.get(f"/open311/v2/requests/{appeal.number}.json"), "requests")
    assert len(body) == 1
    return body[0]


def listed(client, query_string: str = "") -> list[str]:
    body = valid_json(client.get(f"/open311/v2/requests.json{query_string}"), "requests")
    return [r["service_request_id"] for r in body]


def test_a_new_request_is_open_with_our_deadline_and_department(client, key, marata):
    appeal = file(client, key)
    body = shown(client, appeal)
    assert body["status"] == "open" and body["status_notes"] == "Обращение зарегистрировано."
    assert body["service_code"] == "roof-damage" and body["service_name"] == appeal.reason.name
    assert body["agency_responsible"] == "Техническая служба"
    assert body["requested_datetime"] == appeal.received_at.astimezone(MOSCOW).isoformat(timespec="seconds")
    assert body["expected_datetime"] == appeal.answer_due.astimezone(MOSCOW).isoformat(timespec="seconds")
    assert body["expected_datetime"].endswith("+03:00")
    assert (body["address"], body["address_id"]) == ("улица Марата, д. 7", str(marata.pk))
    assert (body["lat"], body["long"]) == (59.927, 30.351)  # the building's point, not the pin
    assert body["media_url"] == "https://fixmystreet.example.org/photo/4242.0.full.jpeg"


def test_each_public_step_is_told_and_an_answer_closes_the_request(client, key, marata, supervisor):
    with happening_at(dt.datetime(2026, 11, 2, 10, 0, tzinfo=MOSCOW)):
        appeal = file(client, key)
    worker = create_staff("roofer", "specialist", "tech")
    steps = [
        (dt.datetime(2026, 11, 2, 12, 0, tzinfo=MOSCOW), lambda a: services.assign(a, supervisor, assignee=worker),
         "open", "Назначен ответственный исполнитель."),
        (dt.datetime(2026, 11, 3, 9, 0, tzinfo=MOSCOW), lambda a: services.transition(a, "start", worker),
         "open", "Обращение в работе."),
        (dt.datetime(2026, 11, 4, 9, 0, tzinfo=MOSCOW),
         lambda a: services.transition(a, "draft_answer", worker, answer_text="Кровлю отремонтируем до 20 ноября."),
         "open", "Подготовлен проект ответа."),
        (dt.datetime(2026, 11, 5, 15, 30, tzinfo=MOSCOW),
         lambda a: services.transition(a, "answer", worker, result="Ремонт кровли", resolved_in_favour_of="applicant"),
         "closed", "Дан ответ."),
    ]
    for moment, step, status, note in steps:
        with happening_at(moment):
            appeal = step(appeal)
        body = shown(client, appeal)
        assert (body["status"], body["status_notes"]) == (status, note)
        assert body["updated_datetime"] == moment.isoformat(timespec="seconds")
    assert body["requested_datetime"] == "2026-11-02T10:00:00+03:00"


def test_internal_notes_never_reach_the_status_notes(client, key, marata, supervisor):
    appeal = file(client, key)
    services.assign(appeal, supervisor, assignee=supervisor, note="Заявительница скандальная, звонить после 18")
    appeal = services.transition(appeal, "start", supervisor)
    appeal = services.transition(appeal, "wait_applicant", supervisor, note="Спросить у Шестопаловой код домофона")
    body = shown(client, appeal)
    assert body["status_notes"] == "Ожидаем сведения от заявителя; срок приостановлен."
    raw = "".join(client.get(f"/open311/v2/requests.{fmt}").content.decode() for fmt in ("json", "xml"))
    assert "скандальная" not in raw and "домофона" not in raw


def test_the_xml_carries_the_json_field_by_field(client, key, marata):
    file(client, key)
    file(client, key, service_code="lift-fault", description="Лифт стоит между этажами, двери не открываются")
    body = valid_json(client.get("/open311/v2/requests.json"), "requests")
    root = xml_root(client.get("/open311/v2/requests.xml"), "service_requests")
    assert [e.tag for e in root] == ["request"] * len(body) == ["request", "request"]
    for element, request in zip(root, body, strict=True):
        values = fields(element)
        assert list(values) == REQUEST_FIELDS
        for name in REQUEST_FIELDS:
            expected = request[name]
            assert values[name] == ("" if expected is None else str(expected)), name
    single = xml_root(client.get(f"/open311/v2/requests/{body[0]['service_request_id']}.xml"), "service_requests")
    assert fields(single[0]) == fields(root[0])


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_appeals_of_other_channels_are_not_open311s_to_show(client, key, marata, fmt):
    other = create_appeal("Протекает крыша", channel="web", building=marata)
    assert listed(client) == []
    response = client.get(f"/open311/v2/requests/{other.number}.{fmt}")
    assert response.status_code == 404
    assert errors_of(response, fmt)[0]["description"].startswith("service_request_id:")


def test_requests_by_number_override_the_other_filters(client, key, marata):
    first, second, third = (file(client, key) for _ in range(3))
    numbers = f"{first.number}, {third.number.replace('-', '')}"
    assert listed(client, f"?service_request_id={numbers}&status=closed&service_code=lift-fault") == \
        [third.number, first.number]
    assert second.number not in listed(client, f"?service_request_id={first.number}")


def test_requests_by_service_code_and_status(client, key, marata, supervisor):
    roof = file(client, key)
    lift = file(client, key, service_code="lift-fault")
    gas = file(client, key, service_code="gas-smell")
    services.transition(gas, "withdraw", supervisor)
    assert listed(client, "?service_code=lift-fault,gas-smell") == [gas.number, lift.number]
    assert listed(client, "?status=open") == [lift.number, roof.number]
    assert listed(client, "?status=closed") == [gas.number]
    assert listed(client, "?status=open,closed") == [gas.number, lift.number, roof.number]


def test_the_default_span_is_the_last_90_days_and_a_range_may_go_back(client, key, marata):
    with happening_at(dt.datetime(2026, 7, 1, 12, 0, tzinfo=MOSCOW)):
        old = file(client, key)
    new = file(client, key)
    assert listed(client) == [new.number]
    assert listed(client, "?start_date=2026-06-15T00:00:00Z&end_date=2026-07-15T00:00:00%2B03:00") == [old.number]
    assert listed(client, "?start_date=2026-06-30") == [old.number]  # the end 90 days on
    assert listed(client, "?end_date=2026-07-01") == [old.number]  # that day to its end, 90 days back


@pytest.mark.parametrize(("params", "field"), [
    ("?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", "end_date"),
    ("?start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z", "end_date"),
    ("?start_date=вчера", "start_date"),
    ("?end_date=2026-13-45T99:00:00Z", "end_date"),
    ("?status=pending", "status"),
])
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_bad_filter_is_400_naming_it(client, params, field, fmt):
    response = client.get(f"/open311/v2/requests.{fmt}{params}")
    assert response.status_code == 400
    error, = errors_of(response, fmt)
    assert error["code"] == 400 and error["description"].startswith(f"{field}:")


def test_at_most_the_first_requests_of_the_limit_newest_first(client, key, marata, monkeypatch):
    monkeypatch.setattr(query, "LIMIT", 2)
    filed = [file(client, key) for _ in range(3)]
    assert listed(client) == [filed[2].number, filed[1].number]


def test_reads_are_limited_per_ip(client, monkeypatch):
    from open311 import views

    monkeypatch.setattr(views, "READS_PER_IP", 2)
    assert client.get("/open311/v2/services.json").status_code == 200
    assert client.get("/open311/v2/requests.json").status_code == 200
    refused = client.get("/open311/v2/requests.xml")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert errors_of(refused, "xml")[0]["code"] == 429

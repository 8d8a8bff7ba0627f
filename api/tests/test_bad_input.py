"""Every field of the create request: wrong type, missing, oversized, unknown value → 4xx JSON naming it."""

import pytest

from appeals.models import Appeal

pytestmark = pytest.mark.django_db

URL = "/api/v1/appeals"
VALID = {"text": "Течёт крыша"}


def _errors(response) -> list:
    assert response["Content-Type"].startswith("application/json")
    return [e["loc"] for e in response.json()["detail"]]


@pytest.mark.parametrize("patch, loc", [
    ({"text": None}, ["body", "text"]),
    ({"text": 42}, ["body", "text"]),
    ({"text": ["a"]}, ["body", "text"]),
    ({"text": "x" * 20_001}, ["body", "text"]),
    ({"text": "   "}, ["body", "text"]),
    ({"text": "a\x00b"}, ["body", "text"]),
    ({"kind": "letter"}, ["body", "kind"]),
    ({"kind": 1}, ["body", "kind"]),
    ({"channel": "pigeon"}, ["body", "channel"]),
    ({"received_at": "2025-03-01T10:00:00"}, ["body", "received_at"]),
    ({"received_at": "01.03.2025 10:00"}, ["body", "received_at"]),
    ({"received_at": "2025-03-01"}, ["body", "received_at"]),
    ({"received_at": 1740812400}, ["body", "received_at"]),
    ({"received_at": "1812-09-07T10:00:00+03:00"}, ["body", "received_at"]),
    ({"received_at": "2999-01-01T10:00:00+03:00"}, ["body", "received_at"]),
    ({"address": "д" * 401}, ["body", "address"]),
    ({"address": 7}, ["body", "address"]),
    ({"building_id": "seven"}, ["body", "building_id"]),
    ({"building_id": 0}, ["body", "building_id"]),
    ({"building_id": 10**30}, ["body", "building_id"]),
    ({"building_id": 99999}, ["body", "building_id"]),
    ({"flat": "1" * 21}, ["body", "flat"]),
    ({"reason": "no-such-reason"}, ["body", "reason"]),
    ({"reason": "r" * 61}, ["body", "reason"]),
    ({"reason": 5}, ["body", "reason"]),
    ({"applicant": "Иванов"}, ["body", "applicant"]),
    ({"applicant": {}}, ["body", "applicant", "full_name"]),
    ({"applicant": {"full_name": "И" * 301}}, ["body", "applicant", "full_name"]),
    ({"applicant": {"full_name": 7}}, ["body", "applicant", "full_name"]),
    ({"applicant": {"full_name": "Иванов", "phone": "12345"}}, ["body", "applicant", "phone"]),
    ({"applicant": {"full_name": "Иванов", "phone": "9" * 41}}, ["body", "applicant", "phone"]),
    ({"applicant": {"full_name": "Иванов", "email": "not-an-email"}}, ["body", "applicant", "email"]),
    ({"applicant": {"full_name": "Иванов", "email": "a" * 250 + "@x.ru"}}, ["body", "applicant", "email"]),
    ({"applicant": {"full_name": "Иванов", "postal_address": "п" * 401}}, ["body", "applicant", "postal_address"]),
    ({"applicant": {"full_name": "Иванов", "is_veteran": "perhaps"}}, ["body", "applicant", "is_veteran"]),
    ({"applicant": {"full_name": "Иванов", "passport": "4000 123456"}}, ["body", "applicant", "passport"]),
    ({"colour": "red"}, ["body", "colour"]),
])
def test_bad_field_gives_422_naming_it(client_for, operator, patch, loc):
    response = client_for(operator).post_json(URL, {**VALID, **patch})
    assert response.status_code == 422
    assert _errors(response) == [loc]
    assert all(e["msg"] for e in response.json()["detail"])
    assert not Appeal.objects.exists()


def test_missing_text_is_named(client_for, operator):
    response = client_for(operator).post_json(URL, {"kind": "question"})
    assert response.status_code == 422
    assert response.json()["detail"] == [{"loc": ["body", "text"], "msg": "Обязательное поле.", "type": "missing"}]


def test_naive_datetime_is_refused_with_a_hint(client_for, operator):
    response = client_for(operator).post_json(URL, {**VALID, "received_at": "2025-03-01T10:00:00"})
    assert response.json()["detail"][0]["msg"] == "Укажите часовой пояс, например 2025-03-01T10:00:00+03:00."


def test_all_bad_fields_are_named_at_once(client_for, operator):
    response = client_for(operator).post_json(URL, {"text": 1, "kind": "x", "channel": "y"})
    assert _errors(response) == [["body", "text"], ["body", "kind"], ["body", "channel"]]


def test_unknown_enum_message_lists_the_allowed_values(client_for, operator):
    response = client_for(operator).post_json(URL, {**VALID, "kind": "letter"})
    msg = response.json()["detail"][0]["msg"]
    assert "complaint" in msg and "proposal" in msg and " or " not in msg


@pytest.mark.parametrize("body", ["{broken", "", "\"text\"", "[1, 2]", "null", "{\"text\": \"\\ud800\"}"])
def test_body_that_is_not_a_json_object_is_refused(client_for, operator, body):
    response = client_for(operator).post(URL, body, content_type="application/json")
    assert response.status_code in (400, 422)
    assert response.json()["detail"][0]["loc"][0] == "body"


def test_malformed_json_is_400_in_russian(client_for, operator):
    response = client_for(operator).post(URL, "{\"text\": ", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"] == [
        {"loc": ["body"], "msg": "Тело запроса не является корректным JSON.", "type": "json_invalid"}]


def test_markup_comes_back_as_a_plain_json_string(client_for, operator):
    xss = "<script>alert('x')</script><img src=x onerror=alert(1)>"
    payload = {"text": xss, "address": xss, "applicant": {"full_name": xss}}
    response = client_for(operator).post_json(URL, payload)
    assert response.status_code == 201
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = response.json()
    assert data["text"] == xss and data["address_text"] == xss and data["applicant"]["full_name"] == xss


def test_cyrillic_is_sent_as_is_not_escaped(client_for, operator):
    response = client_for(operator).post_json(URL, {"text": "Протечка"})
    assert "Протечка".encode() in response.content


def test_oversized_request_body_is_413_json(client_for, operator, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client_for(operator).post_json(URL, {"text": "x" * 2000})
    assert response.status_code == 413
    assert response.json() == {"detail": "Слишком большой запрос: больше 1000 байт без учёта файлов."}


@pytest.mark.parametrize("number", ["26-00\x00001", "%00", "x" * 21, "26 000001"])
def test_odd_appeal_numbers_in_the_path_never_crash(client_for, operator, number):
    response = client_for(operator).get(f"{URL}/{number}")
    assert response.status_code in (404, 422)
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("params", [{"date_from": "0001-01-01"}, {"date_to": "9999-12-31"}, {"offset": 10**20},
                                    {"department": "9" * 40}, {"q": "\x00"}, {"assignee": "٣"}])
def test_extreme_filters_never_crash(client_for, operator, params):
    response = client_for(operator).get(URL, params)
    assert response.status_code in (200, 422), response.content


def test_unknown_api_address_is_a_json_404(client_for, operator):
    response = client_for(operator).get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_wrong_method_is_a_json_405(client_for, operator):
    response = client_for(operator).delete(URL)
    assert response.status_code == 405
    assert response.json()["detail"].startswith("Метод не поддерживается")
    assert "GET" in response["Allow"]

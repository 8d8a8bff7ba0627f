"""POST /api/v1/extract: the applicant's details found in a text, nothing saved."""

import pytest

from appeals.models import Appeal, Applicant
from conftest import create_building

from .conftest import ApiClient

pytestmark = pytest.mark.django_db

URL = "/api/v1/extract"
FIELDS = {"full_name", "phone", "email", "street", "house", "korpus", "litera", "flat", "building_id"}


def test_anonymous_gets_401(db):
    response = ApiClient().post_json(URL, {"text": "Марата 7"})
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"]


def test_details_are_found_and_the_building_resolved(client_for, operator):
    building = create_building("улица Марата", "7")
    text = "звонила Петрова Анна Сергеевна, 89211234567, Марата 7 кв 12, течёт крыша"
    response = client_for(operator).post_json(URL, {"text": text})
    assert response.status_code == 200
    assert response.json() == {
        "full_name": "Петрова Анна Сергеевна", "phone": "+79211234567", "email": None, "street": "улица Марата",
        "house": "7", "korpus": None, "litera": None, "flat": "12", "building_id": building.pk,
    }
    assert not Appeal.objects.exists() and not Applicant.objects.exists()


def test_what_the_text_does_not_say_is_null(client_for, operator):
    response = client_for(operator).post_json(URL, {"text": "Течёт крыша, мокрые стены в подъезде"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == FIELDS
    assert all(value is None for value in data.values())


def test_street_outside_the_registry_has_no_building(client_for, operator):
    response = client_for(operator).post_json(URL, {"text": "ул. Пестеля, д. 5, кв. 11"})
    assert response.json() == {**dict.fromkeys(FIELDS), "street": "улица Пестеля", "house": "5", "flat": "11"}


@pytest.mark.parametrize("body", [{}, {"text": None}, {"text": 7}, {"text": ["a"]}, {"text": "   "},
                                  {"text": "x" * 20_001}, {"text": "a\x00b"}, {"text": "Марата 7", "flat": "3"}])
def test_bad_input_is_422_naming_the_field(client_for, operator, body):
    response = client_for(operator).post_json(URL, body)
    assert response.status_code == 422
    locations = [e["loc"] for e in response.json()["detail"]]
    assert locations == [["body", "flat" if "flat" in body else "text"]]


def test_broken_json_is_400(client_for, operator):
    response = client_for(operator).post(URL, "{\"text\": ", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["body"]


@pytest.mark.parametrize("text", ["🙂" * 5000, "<p>Марата&nbsp;7</p>" * 500, "8" * 20_000, "кв " * 6000])
def test_odd_text_never_fails(client_for, operator, text, caplog):
    response = client_for(operator).post_json(URL, {"text": text})
    assert response.status_code == 200
    assert set(response.json()) == FIELDS
    assert not [r for r in caplog.records if r.name == "triage.extraction"]  # no failure caught and logged

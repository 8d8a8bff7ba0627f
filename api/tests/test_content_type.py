"""A body is JSON declared as JSON: under any other Content-Type it is 415, and nothing is done."""

import json

import pytest

from appeals.models import Appeal

pytestmark = pytest.mark.django_db

BODY = json.dumps({"text": "Течёт крыша"}, ensure_ascii=False)


@pytest.mark.parametrize("content_type", [
    "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
    "", "application/json; charset=latin-1", "application/jsonp", "text/json",
])
def test_a_json_body_under_another_content_type_is_415_naming_the_header(client_for, operator, content_type):
    response = client_for(operator).generic("POST", "/api/v1/appeals", BODY, content_type=content_type)
    assert response.status_code == 415
    assert response.json()["detail"][0]["loc"] == ["header", "Content-Type"]
    assert "application/json" in response.json()["detail"][0]["msg"]
    assert not Appeal.objects.exists()


@pytest.mark.parametrize("content_type", ["application/json", "application/json; charset=utf-8",
                                          "Application/JSON; charset=UTF-8"])
def test_json_with_or_without_its_charset_is_taken(client_for, operator, content_type):
    response = client_for(operator).generic("POST", "/api/v1/appeals", BODY.encode(), content_type=content_type)
    assert response.status_code == 201


def test_the_public_status_check_refuses_a_form_post_too(client):
    response = client.post("/api/v1/track", {"number": "26-000001", "access_code": "ABCD"})
    assert response.status_code == 415


def test_a_utf16_body_is_not_json(client_for, operator):
    response = client_for(operator).generic("POST", "/api/v1/appeals", BODY.encode("utf-16"),
                                            content_type="application/json")
    assert response.status_code == 400

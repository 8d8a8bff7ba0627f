import pytest

from .conftest import ApiClient

pytestmark = pytest.mark.django_db


def _schema() -> dict:
    response = ApiClient().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_schema_lists_every_path():
    paths = _schema()["paths"]
    assert set(paths) == {
        "/api/v1/appeals", "/api/v1/appeals/{number}", "/api/v1/appeals/{number}/transitions/{name}",
        "/api/v1/appeals/{number}/assign", "/api/v1/appeals/{number}/classify", "/api/v1/track",
        "/api/v1/extract",
    }
    assert set(paths["/api/v1/appeals"]) == {"get", "post"}


def test_staff_endpoints_need_a_bearer_token_and_track_does_not():
    schema = _schema()
    assert schema["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"
    assert schema["paths"]["/api/v1/appeals"]["post"]["security"] == [{"BearerToken": []}]
    assert "security" not in schema["paths"]["/api/v1/track"]["post"]


def test_schema_documents_enums_and_the_idempotency_header():
    schema = _schema()
    create = schema["paths"]["/api/v1/appeals"]["post"]
    assert any(p["name"] == "Idempotency-Key" and p["in"] == "header" for p in create["parameters"])
    assert schema["components"]["schemas"]["Kind"]["enum"] == ["complaint", "appeal", "request", "question",
                                                              "proposal"]
    transition = schema["paths"]["/api/v1/appeals/{number}/transitions/{name}"]["post"]
    name = next(p for p in transition["parameters"] if p["name"] == "name")
    assert "register" in name["schema"]["enum"] and "assign" not in name["schema"]["enum"]


def test_docs_page_loads_swagger_from_local_static_files():
    client = ApiClient()
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    asset = client.get("/static/ninja/swagger-ui-bundle.js")
    assert asset.status_code == 200

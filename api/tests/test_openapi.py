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


def _valid(schema: dict, component: str, body: dict) -> bool:
    import jsonschema_rs

    validator = jsonschema_rs.validator_for({"$ref": f"#/components/schemas/{component}",
                                             "components": schema["components"]})
    return validator.is_valid(body)


@pytest.mark.parametrize("component, body", [
    ("AppealIn", {"text": ""}),
    ("AppealIn", {"text": "   \n"}),
    ("AppealIn", {"text": "a\x00b"}),
    ("AppealIn", {"text": "Течёт крыша", "reason": "крыша"}),
    ("AssignIn", {}),
    ("AssignIn", {"assignee": None, "department": ""}),
    ("ExtractIn", {"text": " "}),
    ("TrackIn", {"number": "26-000001", "access_code": "AB\x00"}),
])
def test_what_the_server_refuses_is_invalid_by_the_schema(component, body):
    assert not _valid(_schema(), component, body)


def test_what_the_server_takes_is_valid_by_the_schema():
    schema = _schema()
    assert _valid(schema, "AppealIn", {"text": "Течёт крыша", "reason": "roof-damage"})
    assert _valid(schema, "AssignIn", {"department": "tech"}) and _valid(schema, "AssignIn", {"assignee": 7})


def test_every_operation_with_a_body_documents_400_413_415_and_429():
    for path, operations in _schema()["paths"].items():
        for method, operation in operations.items():
            if "requestBody" in operation:
                assert {"400", "413", "415", "429"} <= set(operation["responses"]), (method, path)


def test_assign_with_nobody_is_refused_by_the_schema_rule(client_for, supervisor):
    from conftest import create_appeal

    appeal = create_appeal()
    response = client_for(supervisor).post_json(f"/api/v1/appeals/{appeal.number}/assign", {})
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Укажите подразделение или ответственного."

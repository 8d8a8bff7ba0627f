"""The service discovery, GET services and GET a service definition: our reasons, in XML and JSON alike."""

import pytest

from accounts.models import Company
from appeals.models import Reason

from .helpers import errors_of, fields, valid_json, xml_root

pytestmark = pytest.mark.django_db

SERVICE_FIELDS = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"]


def test_discovery_names_the_endpoint_and_both_formats(client, settings):
    settings.SITE_URL = "https://priem.example.ru/"
    company = Company.current()
    company.email, company.phone = "priem@uk.example.ru", "+7 812 000-00-08"
    company.save()
    body = client.get("/open311/discovery.json").json()
    endpoint, = body["endpoints"]
    assert endpoint["url"] == "https://priem.example.ru/open311/v2"
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["formats"] == ["text/xml", "application/json"] and endpoint["type"] == "production"
    assert "priem@uk.example.ru" in body["contact"] and "priem@uk.example.ru" in body["key_service"]
    root = xml_root(client.get("/open311/discovery.xml"), "discovery")
    assert root.findtext("changeset") == body["changeset"]
    assert root.findtext("endpoints/endpoint/url") == endpoint["url"]
    assert [f.text for f in root.findall("endpoints/endpoint/formats/format")] == endpoint["formats"]


def test_services_are_the_reasons_in_use_grouped_by_category(client):
    Reason.objects.filter(code="roof-snow").update(is_active=False)
    body = valid_json(client.get("/open311/v2/services.json"), "services")
    active = Reason.objects.filter(is_active=True).select_related("category")
    assert [s["service_code"] for s in body] == [r.code for r in active]
    assert "roof-snow" not in {s["service_code"] for s in body}
    lift = next(s for s in body if s["service_code"] == "lift-fault")
    reason = Reason.objects.get(code="lift-fault")
    assert lift["service_name"] == reason.name and lift["group"] == reason.category.name
    assert lift["metadata"] is False and lift["type"] == "realtime"


def test_services_in_xml_carry_the_same_fields_in_order(client):
    body = client.get("/open311/v2/services.json").json()
    root = xml_root(client.get("/open311/v2/services.xml"), "services")
    assert [child.tag for child in root] == ["service"] * len(body)
    for element, service in zip(root, body, strict=True):
        shown = fields(element)
        assert list(shown) == SERVICE_FIELDS
        assert shown["metadata"] == "false" and shown["keywords"] == ""
        assert {k: shown[k] for k in ("service_code", "service_name", "description", "group")} == \
            {k: service[k] for k in ("service_code", "service_name", "description", "group")}


def test_an_emergency_service_tells_to_phone_the_dispatch_service(client):
    services = {s["service_code"]: s for s in client.get("/open311/v2/services.json").json()}
    assert "аварийно-диспетчерскую службу" in services["gas-smell"]["description"]
    assert "аварийно-диспетчерскую службу" not in services["roof-damage"]["description"]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_service_definition_has_no_attributes_since_reasons_ask_no_questions(client, fmt):
    response = client.get(f"/open311/v2/services/lift-fault.{fmt}")
    assert response.status_code == 200
    if fmt == "json":
        assert valid_json(response, "service-definition") == {"service_code": "lift-fault", "attributes": []}
    else:
        root = xml_root(response, "service_definition")
        assert fields(root) == {"service_code": "lift-fault", "attributes": ""}


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_or_retired_service_is_404_in_the_format_asked(client, fmt):
    Reason.objects.filter(code="roof-snow").update(is_active=False)
    for code in ("no-such-service", "roof-snow"):
        response = client.get(f"/open311/v2/services/{code}.{fmt}")
        assert response.status_code == 404
        error, = errors_of(response, fmt)
        assert error["code"] == 404 and error["description"].startswith("service_code:")


def test_an_unknown_format_or_address_is_404_in_the_specifications_error_list(client):
    response = client.get("/open311/v2/services.html")
    assert response.status_code == 404
    assert "только .xml и .json" in errors_of(response, "xml")[0]["description"]
    response = client.get("/open311/v2/nothing-here.json")
    assert response.status_code == 404 and errors_of(response, "json")[0]["code"] == 404


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "TRACE"])
def test_a_method_an_address_does_not_take_is_405_with_allow_in_its_format(client, method):
    response = client.generic(method, "/open311/v2/requests.json")
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD, POST"
    assert errors_of(response, "json")[0]["code"] == 405
    response = client.generic(method, "/open311/v2/services.xml")
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"
    assert errors_of(response, "xml")[0]["code"] == 405

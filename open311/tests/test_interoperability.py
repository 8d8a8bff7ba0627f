"""An independent client against a running server: the `georeport` package (PyPI) reads services, a service
definition and requests in both formats; the request is filed with plain HTTP as FixMyStreet files it
(form-encoded, `api_key` in the form) and its answer read as FixMyStreet reads it."""

import xml.etree.ElementTree as ET

import pytest
import requests
from georeport import GeoReport

from appeals.models import Appeal
from conftest import create_building

from .conftest import make_integration
from .helpers import EMAIL, PHONE_DIGITS, fms_form

TIMEOUT = 30


@pytest.fixture
def server(live_server, reference_data):
    create_building("улица Марата", "7", latitude=59.92700, longitude=30.35100)
    _integration, key = make_integration()
    return f"{live_server.url}/open311/v2", key


def _file_as_fixmystreet(endpoint: str, key: str) -> str:
    """`Open311::send_service_request`: POST the form to requests.xml; the number is request/service_request_id."""
    response = requests.post(f"{endpoint}/requests.xml", data=fms_form(key), timeout=TIMEOUT)
    assert response.status_code == 200 and response.headers["Content-Type"] == "text/xml; charset=utf-8"
    number = ET.fromstring(response.content).findtext("request/service_request_id")
    assert number
    return number


def test_fixmystreet_files_and_georeport_reads_it_back_in_json(server):
    endpoint, key = server
    number = _file_as_fixmystreet(endpoint, key)
    assert Appeal.objects.get(number=number).channel == "open311"
    client = GeoReport(endpoint)
    services = client.get_service_list()
    assert "roof-damage" in {s["service_code"] for s in services}
    assert client.get_service_definition("roof-damage") == {"service_code": "roof-damage", "attributes": []}
    found = client.get_service_request(number)
    assert found["service_request_id"] == number and found["status"] == "open"
    assert found["service_code"] == "roof-damage" and found["address"] == "улица Марата, д. 7"
    assert [r["service_request_id"] for r in client.get_service_requests(service_request_id=number)] == [number]
    assert [r["service_request_id"] for r in client.get_service_requests(status="open")] == [number]
    assert client.get_service_requests(status="closed") == []


def test_georeport_reads_the_same_in_xml(server):
    endpoint, key = server
    number = _file_as_fixmystreet(endpoint, key)
    client = GeoReport(endpoint, output_format="xml")
    services = client.get_service_list()
    roof = next(s for s in services if s["service_code"] == "roof-damage")
    assert roof["metadata"] == "false" and roof["type"] == "realtime" and roof["group"] == "Кровля"
    assert client.get_service_definition("roof-damage")["service_code"] == "roof-damage"
    found = client.get_service_request(number)
    json_found = GeoReport(endpoint).get_service_request(number)
    assert found["service_request_id"] == number
    assert {k: found[k] for k in ("status", "service_code", "expected_datetime", "agency_responsible")} == \
        {k: json_found[k] for k in ("status", "service_code", "expected_datetime", "agency_responsible")}
    text = requests.get(f"{endpoint}/requests.xml", timeout=TIMEOUT).text
    assert EMAIL not in text and PHONE_DIGITS not in text


def test_a_refusal_is_the_error_list_fixmystreet_reports(server):
    endpoint, key = server
    response = requests.post(f"{endpoint}/requests.xml", data=fms_form(key, service_code="nope"), timeout=TIMEOUT)
    assert response.status_code == 400
    errors = ET.fromstring(response.content)
    assert errors.tag == "errors"
    assert [(e.findtext("code"), e.findtext("description").split(":")[0]) for e in errors] == [("400", "service_code")]
    wrong_key = requests.post(f"{endpoint}/requests.xml", data=fms_form("wrong"), timeout=TIMEOUT)
    assert wrong_key.status_code == 403 and ET.fromstring(wrong_key.content).findtext("error/code") == "403"
    assert not Appeal.objects.exists()

"""What every Open311 test reads answers with: the shipped JSON Schemas, and XML parsed element by element."""

import json
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import jsonschema_rs

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
BASE = "https://schemas.open311.invalid/"
# The Swagger file's definitions for the answers that have no schema file of their own.
SWAGGER_ANSWERS = {"post-response": "RequestResponse", "token-response": "TokenResponse"}

# A resident of the tests: what must never come back from a read.
FIRST, LAST = "Агриппина", "Шестопалова"
PHONE, PHONE_DIGITS = "+7 921 765-43-21", "9217654321"
EMAIL = "shestopalova.agrippina@mail.ru"


def _file(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


@cache
def _validator(name: str):
    if name in SWAGGER_ANSWERS:
        schema = {"type": "array", "items": _file("swagger.json")["definitions"][SWAGGER_ANSWERS[name]]}
    else:
        schema = _file(f"{name}.json")
    return jsonschema_rs.validator_for(schema, retriever=lambda uri: _file(uri.rsplit("/", 1)[-1]),
                                       validate_formats=True, base_uri=BASE)


def valid_json(response, schema: str):
    """The JSON body, after checking its content type and that the shipped schema accepts it."""
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = json.loads(response.content)
    errors = [f"{e.instance_path}: {e.message}" for e in _validator(schema).iter_errors(body)]
    assert not errors, errors
    return body


def xml_root(response, root: str) -> ET.Element:
    """The parsed XML document, after checking its declaration, content type and root element."""
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    element = ET.fromstring(response.content)
    assert element.tag == root
    return element


def fields(element: ET.Element) -> dict:
    """An element's children as {tag: text} ('' for an empty one), in document order."""
    return {child.tag: child.text or "" for child in element}


def errors_of(response, fmt: str) -> list[dict]:
    """The specification's error list, from either format: [{"code": 400, "description": "…"}]."""
    if fmt == "json":
        body = json.loads(response.content)
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert isinstance(body, list) and body
        assert all(set(e) == {"code", "description"} and isinstance(e["code"], int) for e in body)
        return body
    root = xml_root(response, "errors")
    found = []
    for error in root:
        assert error.tag == "error" and [c.tag for c in error] == ["code", "description"]
        found.append({"code": int(error.findtext("code")), "description": error.findtext("description")})
    assert found
    return found


def fms_form(key: str, **overrides) -> dict:
    """A request as FixMyStreet sends it (`Open311::_populate_service_request_params`): form-encoded, the key
    in the form, the description of title, detail and the report's address on the site."""
    form = {
        "api_key": key, "jurisdiction_id": "", "service_code": "roof-damage", "lat": "59.927020", "long": "30.351050",
        "first_name": FIRST, "last_name": LAST, "email": EMAIL, "phone": PHONE,
        "description": f"Течёт крыша\n\nПосле дождя течёт с потолка в подъезде. Звоните {FIRST} {LAST}: {PHONE}\n\n"
                       "https://fixmystreet.example.org/report/4242\n",
        "media_url": "https://fixmystreet.example.org/photo/4242.0.full.jpeg",
    }
    form.update(overrides)
    return {name: value for name, value in form.items() if value is not None}

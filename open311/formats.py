"""Answers in the format the address asks for: `.xml` (required by the specification, read by FixMyStreet)
or `.json`; the same data either way. Errors are the specification's list of `code` and `description`."""

import json
import re
import xml.etree.ElementTree as ET

from django.http import HttpResponse

XML, JSON = "xml", "json"
FORMATS = (XML, JSON)
CONTENT_TYPES = {XML: "text/xml; charset=utf-8", JSON: "application/json; charset=utf-8"}
# Lists inside an element: each item is an element named so.
ITEM_TAGS = {"attributes": "attribute", "values": "value", "endpoints": "endpoint", "formats": "format"}
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Open311Error(Exception):
    """A refusal: the HTTP status and the errors, each with the field it is about when there is one."""

    def __init__(self, status: int, *descriptions: str, retry_after: int | None = None) -> None:
        super().__init__(descriptions[0] if descriptions else "")
        self.status = status
        self.descriptions = descriptions
        self.retry_after = retry_after


def format_of(suffix: str) -> str:
    return suffix if suffix in FORMATS else XML


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _fill(element: ET.Element, value) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _fill(ET.SubElement(element, key), item)
    elif isinstance(value, list):
        for item in value:
            _fill(ET.SubElement(element, ITEM_TAGS[element.tag]), item)
    elif value is not None:
        element.text = _text(value)


def to_xml(root: str, body, item: str = "") -> bytes:
    """`body` as the document `<root>`: a dict's keys are elements; a list is one `<item>` per entry."""
    element = ET.Element(root)
    if isinstance(body, list):
        for entry in body:
            _fill(ET.SubElement(element, item), entry)
    else:
        _fill(element, body)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(element, encoding="utf-8", xml_declaration=False)


def answer(fmt: str, root: str, body, item: str = "", status: int = 200) -> HttpResponse:
    """The response in `fmt`; in JSON the document is its body alone (a list, or an object)."""
    if fmt == JSON:
        content = json.dumps(body, ensure_ascii=False).encode()
    else:
        content = to_xml(root, body, item)
    return HttpResponse(content, status=status, content_type=CONTENT_TYPES[fmt])


def error_answer(fmt: str, error: Open311Error) -> HttpResponse:
    errors = [{"code": error.status, "description": text} for text in error.descriptions]
    response = answer(fmt, "errors", errors, "error", status=error.status)
    if error.retry_after is not None:
        response["Retry-After"] = str(error.retry_after)
    return response

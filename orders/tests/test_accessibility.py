"""The order pages: every field labelled, help and error texts wired to their fields by ids that exist."""

import pytest

from portal.tests.test_accessibility import _refs

from .helpers import create_service

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/orders/", "/orders/new/"])
def test_pages_label_every_field_and_wire_descriptions(client, path):
    create_service()
    refs = _refs(client.get(path).content.decode())
    assert "content" in refs.ids
    assert set(refs.described) <= refs.ids and set(refs.labelled_for) <= refs.ids


def test_errors_of_a_submitted_order_are_wired_to_their_fields(client):
    service = create_service()
    html = client.post("/orders/new/", {"service": str(service.pk), "phone": "12", "preferred_date": "вчера",
                                        "comment": "x" * 3000}).content.decode()
    refs = _refs(html)
    for field in ("phone", "consent", "preferred_date", "comment", "full_name"):
        assert f"id_{field}_error" in refs.described, field
    assert set(refs.described) <= refs.ids

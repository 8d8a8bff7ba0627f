"""Drafts: staff preview an unpublished item on the public page; nobody else sees it."""

import re

import pytest

from conftest import create_staff

from .factories import create_article, create_benefit, create_document, create_service

pytestmark = pytest.mark.django_db

DRAFT = "Черновик: не опубликовано, видно только сотрудникам."


@pytest.fixture
def drafts():
    create_service(is_published=False)
    create_article(is_published=False)
    create_benefit(is_published=False)
    create_document(is_published=False)


def test_the_public_does_not_see_drafts(client, drafts):
    assert client.get("/services/kholodnaya-voda/").status_code == 404
    assert client.get("/clients/articles/zapah-gaza/").status_code == 404
    assert "Холодное водоснабжение" not in client.get("/services/").content.decode()
    assert "Субсидия" not in client.get("/services/benefits/").content.decode()


def test_staff_preview_an_unpublished_service_and_article(client, drafts, admin_user):
    client.force_login(admin_user)
    assert DRAFT in client.get("/services/kholodnaya-voda/").content.decode()
    assert DRAFT in client.get("/clients/articles/zapah-gaza/").content.decode()
    assert "черновик" in client.get("/services/").content.decode()
    assert client.get("/services/documents/zayavlenie/").status_code == 200


def test_a_signed_in_resident_or_operator_without_staff_access_sees_no_draft(client, drafts):
    client.force_login(create_staff("operator", "operator", "crm"))
    assert client.get("/services/kholodnaya-voda/").status_code == 404


def test_the_admin_links_to_the_public_page_for_preview(client, drafts, admin_user):
    from services.models import Service

    client.force_login(admin_user)
    service = Service.objects.get()
    html = client.get(f"/admin/services/service/{service.pk}/change/").content.decode()
    link = re.search(r'href="(/admin/r/\d+/\d+/)"', html).group(1)
    response = client.get(link)
    assert response.status_code == 302 and response["Location"].endswith("/services/kholodnaya-voda/")

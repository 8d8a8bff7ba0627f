"""The section's demo loader: fills every section with real content and real files, and runs again harmlessly."""

import io

import pytest
from docx import Document

from conftest import create_building
from housing.models import Building
from services.demo import load
from services.models import Article, Benefit, DocumentTemplate, NormativeAct, Service

pytestmark = pytest.mark.django_db


def test_demo_fills_every_section_and_a_second_run_adds_nothing(client):
    create_building()
    first = load()
    assert first.startswith("Услуги и «Клиентам»: добавлено услуг — 14")
    counts = [model.objects.count() for model in (Service, Benefit, DocumentTemplate, Article, NormativeAct)]
    assert load().startswith("Услуги и «Клиентам»: добавлено услуг — 0, тарифов — 0, нормативных актов — 0")
    assert [model.objects.count() for model in (Service, Benefit, DocumentTemplate, Article, NormativeAct)] == counts
    assert all(service.current_tariffs() for service in Service.objects.all())
    assert Building.objects.get().year_built is not None


def test_demo_leaves_what_staff_edited(db):
    load()
    Service.objects.filter(slug="otoplenie").update(name="Отопление (изменено)")
    load()
    assert Service.objects.get(slug="otoplenie").name == "Отопление (изменено)"


def test_every_demo_form_downloads_as_a_docx(client):
    load()
    for document in DocumentTemplate.objects.all():
        response = client.get(document.get_absolute_url())
        assert response.status_code == 200
        assert Document(io.BytesIO(b"".join(response.streaming_content))).paragraphs


@pytest.mark.parametrize("path", ["/services/", "/services/elektroenergiya/", "/services/benefits/",
                                  "/services/documents/", "/services/quality/", "/clients/",
                                  "/clients/articles/zapah-gaza/"])
def test_demo_pages_render(client, path):
    from .pages import checked_page

    create_building()
    load()
    checked_page(client.get(path))

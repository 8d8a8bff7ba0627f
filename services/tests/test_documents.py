"""Document templates: listed by kind and downloaded through a view as an attachment under the Russian name."""

import io
from urllib.parse import quote

import pytest
from docx import Document

from .factories import create_document
from .pages import checked_page

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_documents_are_listed_by_kind(client):
    create_document()
    create_document("akt-zaliva", kind="act", title="Акт о заливе", download_name="Акт о заливе")
    html = checked_page(client.get("/services/documents/"))
    assert html.index("Заявления и заявки") < html.index("Акты")
    assert 'href="/services/documents/akt-zaliva/"' in html and "Скачать DOCX" in html


def test_download_is_a_real_docx_attachment_with_its_russian_name(client):
    create_document()
    response = client.get("/services/documents/zayavlenie/")
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"].startswith("attachment;")
    assert quote("Заявление о перерасчёте.docx") in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert "Заявление о перерасчёте" in Document(io.BytesIO(body)).paragraphs[0].text


def test_a_form_whose_file_is_gone_gives_404(client):
    document = create_document()
    document.file.storage.delete(document.file.name)
    assert client.get("/services/documents/zayavlenie/").status_code == 404


def test_an_unpublished_form_is_not_downloaded_by_the_public(client):
    create_document(is_published=False)
    assert client.get("/services/documents/zayavlenie/").status_code == 404

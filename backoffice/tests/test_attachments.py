"""Attachments: accepted by their content, limited in size, stored privately, handed out only to those who may see."""

import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from appeals.attachments import add_attachment
from appeals.errors import AppealError
from appeals.models import Attachment, PersonalDataAccess
from conftest import create_appeal, create_staff

pytestmark = pytest.mark.django_db

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def _zip(first: str, names: list[str], mimetype: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(first, mimetype or "<xml/>")
        for name in names:
            archive.writestr(name, "<xml/>")
    return buffer.getvalue()


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


DOCX = _zip("[Content_Types].xml", ["_rels/.rels", "word/document.xml"])
ODT = _zip("mimetype", ["content.xml"], mimetype="application/vnd.oasis.opendocument.text")
PLAIN_ZIP = _zip("readme.md", ["data.csv"])


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ATTACHMENT_MAX_BYTES = 64 * 1024
    return settings.MEDIA_ROOT


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize("name, content, mime", [
    ("фото.jpg", JPG, "image/jpeg"),
    ("скан.png", PNG, "image/png"),
    ("акт.pdf", PDF, "application/pdf"),
    ("заявление.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("показания.xlsx", _xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("письмо.odt", ODT, "application/vnd.oasis.opendocument.text"),
    ("пояснение.txt", "Прошу разобраться.".encode("cp1251"), "text/plain"),
])
def test_allowed_types_are_recognised_by_content(name, content, mime, private_media):
    appeal = create_appeal()
    attachment = add_attachment(appeal, upload(name, content), None)
    assert (attachment.original_name, attachment.content_type, attachment.size) == (name, mime, len(content))
    stored = private_media / attachment.file.name
    assert stored.read_bytes() == content
    assert name.rsplit(".", 1)[0] not in attachment.file.name  # stored under a random name


@pytest.mark.parametrize("name, content", [
    ("справка.pdf", EXE),  # a program renamed to look like a document
    ("архив.docx", PLAIN_ZIP),  # a plain archive is not a document
    ("фото.jpg", b"just some text pretending to be a photo"),
    ("данные.txt", b"binary\x00data"),
])
def test_wrong_type_is_refused_in_russian(name, content):
    appeal = create_appeal()
    with pytest.raises(AppealError) as error:
        add_attachment(appeal, upload(name, content), None)
    assert error.value.field == "file" and "такой тип файла не принимается" in error.value.message
    assert not Attachment.objects.exists()


def test_oversize_file_is_refused(settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    with pytest.raises(AppealError) as error:
        add_attachment(create_appeal(), upload("big.pdf", PDF + b" " * 2048), None)
    assert "Файл больше" in error.value.message and not Attachment.objects.exists()


def test_empty_file_is_refused():
    with pytest.raises(AppealError, match="Файл пустой"):
        add_attachment(create_appeal(), upload("empty.txt", b""), None)


def test_upload_on_the_page_records_history_and_lists_the_file(client, operator):
    appeal = create_appeal()
    client.force_login(operator)
    response = client.post(f"/staff/appeals/{appeal.number}/attachments/", {"file": upload("акт.pdf", PDF)})
    assert response.status_code == 302
    event = appeal.events.get(action="attachment_added")
    assert event.actor == operator and event.new_value == "акт.pdf"
    html = client.get(f"/staff/appeals/{appeal.number}/").content.decode()
    attachment = Attachment.objects.get()
    assert f"/staff/appeals/{appeal.number}/attachments/{attachment.pk}/" in html and "акт.pdf" in html


def test_wrong_type_on_the_page_is_shown_and_nothing_is_stored(client, operator, private_media):
    appeal = create_appeal()
    client.force_login(operator)
    response = client.post(f"/staff/appeals/{appeal.number}/attachments/", {"file": upload("x.pdf", EXE)})
    assert response.status_code == 400
    assert "такой тип файла не принимается. Допустимы JPG, PNG, PDF" in response.content.decode()
    assert not Attachment.objects.exists() and not any(private_media.rglob("*.*"))


def test_oversize_on_the_page_is_shown(client, operator, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    appeal = create_appeal()
    client.force_login(operator)
    response = client.post(f"/staff/appeals/{appeal.number}/attachments/", {"file": upload("a.pdf", PDF * 100)})
    assert response.status_code == 400 and "Файл больше" in response.content.decode()


def test_download_is_an_attachment_with_its_name_and_is_logged(client, operator):
    appeal = create_appeal()
    attachment = add_attachment(appeal, upload("акт осмотра.pdf", PDF), None)
    client.force_login(operator)
    response = client.get(f"/staff/appeals/{appeal.number}/attachments/{attachment.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "%D0%B0%D0%BA%D1%82" in response["Content-Disposition"]  # «акт» in the RFC 5987 name
    assert PersonalDataAccess.objects.filter(action="download_attachment", appeal=appeal, user=operator).exists()


def test_download_requires_permission(client):
    appeal = create_appeal(reason="roof-damage")  # technical service
    attachment = add_attachment(appeal, upload("акт.pdf", PDF), None)
    url = f"/staff/appeals/{appeal.number}/attachments/{attachment.pk}/"
    assert client.get(url)["Location"].startswith("/staff/login/")
    client.force_login(create_staff("cleaner", "specialist", "san"))
    assert client.get(url).status_code == 404
    client.force_login(create_staff("engineer", "specialist", "tech"))
    assert client.get(url).status_code == 200


def test_attachment_of_another_appeal_is_not_served_under_this_number(client, operator):
    mine, other = create_appeal(), create_appeal()
    attachment = add_attachment(other, upload("акт.pdf", PDF), None)
    client.force_login(operator)
    assert client.get(f"/staff/appeals/{mine.number}/attachments/{attachment.pk}/").status_code == 404


def test_specialist_of_another_department_may_not_upload(client):
    appeal = create_appeal(reason="roof-damage")
    client.force_login(create_staff("cleaner", "specialist", "san"))
    response = client.post(f"/staff/appeals/{appeal.number}/attachments/", {"file": upload("a.pdf", PDF)})
    assert response.status_code == 404 and not Attachment.objects.exists()

"""A file is taken under a name that matches its content and that no system reads as something else;
it is handed back with both forms of the name (ASCII and UTF-8)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from appeals.attachments import add_attachment
from appeals.errors import AppealError
from appeals.models import Attachment
from conftest import create_appeal

from .test_attachments import JPG, PDF, PNG, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.parametrize("name, content, problem", [
    ("акт.pdf.exe", PDF, "расширение .exe не совпадает с содержимым, для этого файла нужно .pdf"),
    ("photo.jpg.php", JPG, "расширение .php не совпадает с содержимым, для этого файла нужно .jpg"),
    ("photo.php.jpg", JPG, "в имени два расширения"),
    ("скан.png", JPG, "расширение .png не совпадает с содержимым, для этого файла нужно .jpg"),
    ("акт", PDF, "у имени нет расширения, для этого файла нужно .pdf"),
    ("CON.jpg", JPG, "такое имя зарезервировано в Windows"),
    ("lpt1.tar.pdf", PDF, "такое имя зарезервировано в Windows"),
    ("nul .png", PNG, "такое имя зарезервировано в Windows"),
    (".htaccess", PDF, "имя начинается с точки"),
    (".pdf", PDF, "имя начинается с точки"),
    ("акт.pdf.", PDF, "имя кончается точкой или пробелом"),
    ("акт\u202efdp.exe.pdf", PDF, "в имени есть управляющие или невидимые символы"),
    ("акт\r\n.pdf", PDF, "в имени есть управляющие или невидимые символы"),
])
def test_a_name_that_does_not_fit_its_content_is_refused_naming_the_file(name, content, problem):
    with pytest.raises(AppealError) as error:
        add_attachment(create_appeal(), upload(name, content), None)
    assert error.value.field == "file"
    assert error.value.message.startswith("Файл «") and error.value.message.endswith(f"не принят: {problem}.")
    assert not Attachment.objects.exists()


def test_the_message_quotes_the_name_without_its_invisible_characters():
    with pytest.raises(AppealError) as error:
        add_attachment(create_appeal(), upload("акт\u202efdp.exe", PDF), None)
    assert "«акт?fdp.exe»" in error.value.message and "\u202e" not in error.value.message


@pytest.mark.parametrize("name", ["акт осмотра.pdf", "Иванов И.И. заявление.pdf", "скан 2024.05.pdf", "IMG_1234.JPEG",
                                  "фото.jpg"])
def test_ordinary_names_are_kept(name):
    content = JPG if name.lower().endswith(("jpg", "jpeg")) else PDF
    assert add_attachment(create_appeal(), upload(name, content), None).original_name == name


def test_the_back_office_form_shows_the_refusal(client, operator):
    appeal = create_appeal()
    client.force_login(operator)
    response = client.post(f"/staff/appeals/{appeal.number}/attachments/", {"file": upload("photo.jpg.php", JPG)})
    assert response.status_code == 400
    assert "Файл «photo.jpg.php» не принят: расширение .php не совпадает" in response.content.decode()


def test_the_public_form_refuses_the_same_names(client):
    from portal.tests.test_web_form import valid_data

    photo = SimpleUploadedFile("CON.png", PNG, content_type="image/png")
    response = client.post("/appeal/", {**valid_data(), "attachments": [photo]})
    assert response.context["form"].errors["attachments"] == [
        "Файл «CON.png» не принят: такое имя зарезервировано в Windows."]
    assert not Attachment.objects.exists()


@pytest.mark.parametrize("name, ascii_name, utf8", [
    ("Акт осмотра.pdf", "Akt osmotra.pdf", "%D0%90%D0%BA%D1%82%20%D0%BE%D1%81%D0%BC%D0%BE%D1%82%D1%80%D0%B0.pdf"),
    ("report.pdf", "report.pdf", "report.pdf"),
    ("счёт «май».pdf", "schet may.pdf", "%D1%81%D1%87%D1%91%D1%82%20%C2%AB%D0%BC%D0%B0%D0%B9%C2%BB.pdf"),
])
def test_download_sends_an_ascii_name_and_the_exact_one(client, operator, name, ascii_name, utf8):
    appeal = create_appeal()
    attachment = add_attachment(appeal, upload(name, PDF), None)
    client.force_login(operator)
    response = client.get(f"/staff/appeals/{appeal.number}/attachments/{attachment.pk}/")
    assert response["Content-Disposition"] == f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{utf8}"


def test_a_name_stored_before_the_rules_is_not_handed_back(client, operator):
    appeal = create_appeal()
    attachment = add_attachment(appeal, upload("акт.pdf", PDF), None)
    Attachment.objects.filter(pk=attachment.pk).update(original_name="акт.pdf.exe")
    client.force_login(operator)
    response = client.get(f"/staff/appeals/{appeal.number}/attachments/{attachment.pk}/")
    assert response["Content-Disposition"] == (
        "attachment; filename=\"vlozhenie.pdf\"; filename*=UTF-8''%D0%B2%D0%BB%D0%BE%D0%B6%D0%B5%D0%BD%D0%B8%D0%B5.pdf")

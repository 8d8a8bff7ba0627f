"""The web appeal form (CH3): what a resident submits becomes an appeal, bad input is explained in Russian."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from appeals.models import Appeal, Attachment
from conftest import create_building

pytestmark = pytest.mark.django_db

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def valid_data(**changes) -> dict:
    data = {"kind": "complaint", "full_name": "Сидорова Анна Ильинична", "phone": "8 (921) 765-43-21",
            "email": "", "address": "ул. Марата, 7", "building": "", "flat": "15",
            "text": "Третью неделю не работает лифт во втором подъезде.", "consent": "on"}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_form_page_offers_every_field(client):
    html = client.get("/appeal/").content.decode()
    for name in ("kind", "full_name", "phone", "email", "address", "flat", "text", "attachments", "consent"):
        assert f'name="{name}"' in html
    assert "152-ФЗ" in html


def test_valid_submission_creates_a_web_appeal_and_shows_number_and_code(client):
    building = create_building("улица Марата", "7")
    response = client.post("/appeal/", valid_data(building=str(building.pk), address=building.address))
    assert response.status_code == 302 and response["Location"] == "/appeal/done/"
    appeal = Appeal.objects.get()
    assert appeal.channel == "web" and appeal.kind == "complaint"
    assert appeal.building == building and appeal.flat == "15"
    assert appeal.applicant.full_name == "Сидорова Анна Ильинична"
    assert appeal.applicant.phone == "+79217654321"
    done = client.get("/appeal/done/").content.decode()
    assert appeal.number in done and appeal.access_code in done
    assert appeal.access_code not in response["Location"]


def test_result_page_survives_a_reload_without_a_second_appeal(client):
    client.post("/appeal/", valid_data())
    first, second = client.get("/appeal/done/"), client.get("/appeal/done/")
    assert first.status_code == second.status_code == 200
    assert Appeal.objects.count() == 1


def test_result_page_without_a_submission_goes_back_to_the_form(client):
    response = client.get("/appeal/done/")
    assert response.status_code == 302 and response["Location"] == "/appeal/"


def test_typed_address_without_a_pick_is_matched_to_the_registry(client):
    building = create_building("улица Марата", "7")
    client.post("/appeal/", valid_data(address="Марата д. 7"))
    assert Appeal.objects.get().building == building


def test_stale_building_choice_gives_way_to_the_retyped_address(client):
    picked = create_building("улица Марата", "7")
    client.post("/appeal/", valid_data(building=str(picked.pk), address="пос. Неизвестный, ул. Новая 1"))
    appeal = Appeal.objects.get()
    assert appeal.building is None and appeal.address_text == "пос. Неизвестный, ул. Новая 1"


def test_email_alone_is_enough_to_reach_the_applicant(client):
    client.post("/appeal/", valid_data(phone="", email="sidorova@example.ru"))
    assert Appeal.objects.get().applicant.email == "sidorova@example.ru"


def test_png_photo_is_attached(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = SimpleUploadedFile("лифт.png", PNG, content_type="image/png")
    response = client.post("/appeal/", {**valid_data(), "attachments": [photo]})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.appeal == Appeal.objects.get() and attachment.content_type == "image/png"


@pytest.mark.parametrize("changes, field, message", [
    ({"full_name": "  "}, "full_name", "Укажите, пожалуйста, фамилию, имя и отчество."),
    ({"phone": "", "email": ""}, "phone", "Укажите телефон или электронную почту"),
    ({"phone": "12-34"}, "phone", "Телефон: 4 цифры, а нужно 10"),
    ({"email": "ivanova@"}, "email", "Проверьте адрес электронной почты"),
    ({"consent": None}, "consent", "Без согласия на обработку персональных данных"),
    ({"text": "   "}, "text", "Опишите, пожалуйста, суть обращения."),
    ({"text": "я" * 5001}, "text", "Текст не должен быть длиннее 5000 знаков (сейчас 5001)."),
])
def test_bad_input_is_explained_in_russian_and_creates_nothing(client, changes, field, message):
    response = client.post("/appeal/", valid_data(**changes))
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert message in response.content.decode()
    assert not Appeal.objects.exists()


def test_program_renamed_as_pdf_is_refused(client):
    fake = SimpleUploadedFile("справка.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")
    response = client.post("/appeal/", {**valid_data(), "attachments": [fake]})
    errors = response.context["form"].errors["attachments"]
    assert "только фотографию (JPG, PNG) или документ PDF" in errors[0]
    assert not Appeal.objects.exists() and not Attachment.objects.exists()


def test_office_documents_are_not_taken_on_the_public_side(client):
    docx = SimpleUploadedFile("акт.docx", _docx_bytes())
    response = client.post("/appeal/", {**valid_data(), "attachments": [docx]})
    assert "attachments" in response.context["form"].errors
    assert not Appeal.objects.exists()


def test_oversize_attachment_is_refused(client, settings):
    settings.ATTACHMENT_MAX_BYTES = 100
    photo = SimpleUploadedFile("big.png", PNG + b"\x00" * 200, content_type="image/png")
    response = client.post("/appeal/", {**valid_data(), "attachments": [photo]})
    assert "больше" in response.context["form"].errors["attachments"][0]
    assert not Appeal.objects.exists()


def test_more_than_three_files_are_refused(client):
    photos = [SimpleUploadedFile(f"{n}.png", PNG) for n in range(4)]
    response = client.post("/appeal/", {**valid_data(), "attachments": photos})
    assert "не больше 3 файлов" in response.context["form"].errors["attachments"][0]
    assert not Appeal.objects.exists()


def test_building_suggestions_give_addresses_of_the_registry(client):
    create_building("улица Марата", "7")
    create_building("Невский проспект", "10")
    html = client.get("/appeal/buildings/", {"q": "марата"}).content.decode()
    assert "улица Марата, д. 7" in html and "Невский" not in html


def test_picking_a_suggestion_fills_the_address_and_the_building(client):
    building = create_building("улица Марата", "7")
    html = client.get("/appeal/buildings/", {"pick": building.pk}).content.decode()
    assert 'value="улица Марата, д. 7"' in html
    assert f'name="building" value="{building.pk}"' in html


def _docx_bytes() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()

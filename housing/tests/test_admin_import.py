import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import create_building
from housing.models import Building

pytestmark = pytest.mark.django_db

URL = "/admin/housing/building/import/"


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def _upload(text: str, name: str = "doma.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_changelist_links_to_the_import_page(admin_client):
    create_building()
    response = admin_client.get("/admin/housing/building/")
    assert response.status_code == 200
    assert URL in response.content.decode()


def test_import_page_shows_the_form(admin_client):
    response = admin_client.get(URL)
    assert response.status_code == 200
    assert "Файл CSV" in response.content.decode()


def test_upload_imports_good_rows_and_lists_the_errors(admin_client):
    response = admin_client.post(URL, {"file": _upload("улица;дом\nулица Марата;7\nулица Марата;семь\n")})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Добавлено домов: 1" in page
    assert "Неверный номер дома «семь»" in page
    assert Building.objects.count() == 1


def test_not_a_csv_file_is_refused_with_a_form_error(admin_client):
    response = admin_client.post(URL, {"file": _upload("x", name="doma.xlsx")})
    assert "Загрузите файл в формате CSV" in response.content.decode()
    assert Building.objects.count() == 0


def test_staff_without_rights_cannot_import(client, operator):
    operator.is_staff = True
    operator.save()
    client.force_login(operator)
    response = client.post(URL, {"file": _upload("улица;дом\nулица Марата;7\n")})
    assert response.status_code == 403
    assert Building.objects.count() == 0


def test_buildings_cannot_be_deleted_in_the_admin(admin_client):
    building = create_building()
    response = admin_client.post(f"/admin/housing/building/{building.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert Building.objects.filter(pk=building.pk).exists()


def test_taking_a_building_out_of_service_takes_its_street_out_of_look_ups(client, admin_user):
    from housing.services import street_index

    building = create_building("улица Пестеля", "5")
    assert street_index().lookup("пестеля")
    client.force_login(admin_user)
    response = client.post("/admin/housing/building/", {"action": "deactivate", "_selected_action": [building.pk]})
    assert response.status_code == 302
    assert not street_index().lookup("пестеля")

import pytest

from conftest import create_appeal
from residents import sections
from residents.appeals import may_see, own_appeals
from residents.models import AppealLink

from .conftest import create_resident


@pytest.fixture
def appeals(reference_data):
    return {
        "by_email": create_appeal("Не работает домофон", email="IVANOVA@mail.ru", phone=""),
        "by_phone": create_appeal("Течёт кран в подвале", phone="+79215550011"),
        "other": create_appeal("Шумят соседи по ночам", full_name="Сидоров Пётр", phone="+79990001122",
                               email="sidorov@mail.ru"),
    }


def test_own_appeals_are_those_with_the_confirmed_address_and_the_linked(appeals):
    resident = create_resident("ivanova@mail.ru", "+79215550011")
    extra = create_appeal("Не убран снег во дворе", full_name="Иванов", phone="+79001234567")
    AppealLink.objects.create(resident=resident, appeal=extra)
    assert set(own_appeals(resident)) == {appeals["by_email"], appeals["by_phone"], extra}
    assert not may_see(resident, appeals["other"])


def test_an_unconfirmed_account_sees_no_appeals(appeals):
    resident = create_resident("ivanova@mail.ru", confirmed=False)
    assert not own_appeals(resident).exists()


def test_the_account_page_lists_only_ones_own_appeals(client, appeals):
    from .conftest import signed_in

    signed_in(client, create_resident("ivanova@mail.ru"))
    page = client.get("/account/").content.decode()
    assert appeals["by_email"].number in page and "Обращение получено" in page
    assert appeals["other"].number not in page and appeals["by_phone"].number not in page
    listing = client.get("/account/appeals/?page=abc")
    assert listing.status_code == 200 and appeals["by_email"].number in listing.content.decode()


def test_linking_by_number_and_code(resident_client, resident, appeals):
    other = appeals["other"]
    response = resident_client.post("/account/appeals/link/", {"number": other.number, "code": other.access_code})
    assert response.status_code == 302
    assert may_see(resident, other)
    assert other.number in resident_client.get("/account/").content.decode()


def test_a_wrong_code_and_an_unknown_number_are_refused_alike(resident_client, resident, appeals):
    other = appeals["other"]
    wrong_code = resident_client.post("/account/appeals/link/", {"number": other.number, "code": "AAAAAAAAAA"})
    unknown = resident_client.post("/account/appeals/link/", {"number": "99-999999", "code": other.access_code})
    assert wrong_code.status_code == unknown.status_code == 400
    message = "Обращение с таким номером и кодом не найдено"
    assert message in wrong_code.content.decode() and message in unknown.content.decode()
    assert not may_see(resident, other)


def test_linking_needs_a_resident(client, appeals):
    other = appeals["other"]
    response = client.post("/account/appeals/link/", {"number": other.number, "code": other.access_code})
    assert response.status_code == 302 and response["Location"].startswith("/account/login/")
    assert not AppealLink.objects.exists()


def test_a_section_plugs_into_the_account_page(resident_client, monkeypatch):
    monkeypatch.setattr(sections, "SECTIONS", [*sections.SECTIONS, "residents.tests.test_account.bookings"])
    page = resident_client.get("/account/").content.decode()
    assert '<h2 id="section-2">Мои записи на приём</h2>' in page


def bookings(resident):
    """A section of another part of the site, here drawn with the appeals section's template."""
    return {"title": "Мои записи на приём", "template": "residents/_appeals_section.html", "cards": []}

import pytest
from django.contrib.auth.models import Permission

from conftest import create_appeal, create_staff

pytestmark = pytest.mark.django_db


def _journal(client, user, **params):
    client.force_login(user)
    return client.get("/staff/journal/", params).content.decode()


@pytest.fixture
def appeals(db):
    return (create_appeal("Течёт кран на кухне", full_name="Смирнова Ольга Петровна", phone="+79211234567"),
            create_appeal("Не вывозят мусор", full_name="Смирнов Игорь", phone="+78125550011"))


@pytest.mark.parametrize("typed", ["Смирнова", "смирнова о.п.", "Смирнова Ольга", "+7 921 123-45-67",
                                   "89211234567", "8 (921) 123-45-67", "123-45-67"])
def test_clerk_finds_the_applicant_by_surname_or_phone(client, operator, appeals, typed):
    ours, other = appeals
    html = _journal(client, operator, q=typed)
    assert ours.number in html and other.number not in html
    assert "Найдено: <strong>1</strong>" in html


def test_surname_beginning_finds_both_and_the_text_search_still_works(client, operator, appeals):
    ours, other = appeals
    html = _journal(client, operator, q="Смирнов")
    assert ours.number in html and other.number in html
    html = _journal(client, operator, q="вывоз мусора")
    assert other.number in html and ours.number not in html


def test_who_may_not_see_applicants_does_not_find_them_by_name(client, appeals):
    reader = create_staff("reader", "operator", "crm")
    reader.groups.clear()
    reader.user_permissions.set(Permission.objects.filter(codename__in=["view_all_appeals", "work_appeal"]))
    html = _journal(client, reader, q="Смирнова")
    assert "Обращений по заданным условиям не найдено." in html


def test_search_box_says_what_it_finds(client, operator):
    html = _journal(client, operator)
    assert 'placeholder="слова из текста, фамилия или телефон"' in html and ">Поиск</label>" in html

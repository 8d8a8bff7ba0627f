import pytest

from appeals import search
from appeals.applicants import phone_tail, search_applicants
from appeals.journal import JournalFilter, apply_filter, count_found
from appeals.models import Appeal
from conftest import create_appeal

pytestmark = pytest.mark.django_db


def found(query: str, applicants: bool = True) -> set[str]:
    appeals = apply_filter(Appeal.objects.all(), JournalFilter(q=query, applicants=applicants))
    return set(appeals.values_list("text", flat=True))


def names(query: str) -> set[str]:
    return set(search_applicants(query).values_list("full_name", flat=True))


@pytest.mark.parametrize("typed, tail", [
    ("+7 921 123-45-67", "9211234567"), ("89211234567", "9211234567"), ("8 (921) 123-45-67", "9211234567"),
    ("+79211234567", "9211234567"), ("9211234567", "9211234567"), ("123-45-67", "1234567"), ("34567", "34567"),
])
def test_a_phone_as_a_clerk_types_it(typed, tail):
    assert phone_tail(typed) == tail


@pytest.mark.parametrize("typed", ["4567", "26", "протечка 8921", "+7 921 123-45-67-89", ""])
def test_not_a_phone(typed):
    assert phone_tail(typed) == ""


def test_applicant_by_surname_name_and_initials():
    create_appeal("Течёт кран", full_name="Иванова Мария Петровна", phone="+79211234567")
    create_appeal("Шумят соседи", full_name="Иванов Пётр Сергеевич", phone="+79217654321")
    create_appeal("Нет света", full_name="Соловьёва Анна Ивановна", phone="+79210000001")
    assert names("Иванова") == {"Иванова Мария Петровна"}
    assert names("иванов") == {"Иванова Мария Петровна", "Иванов Пётр Сергеевич"}
    assert names("Иванова Мария") == {"Иванова Мария Петровна"}
    assert names("Иванова М.П.") == names("Иванова М. П.") == names("иванова м") == {"Иванова Мария Петровна"}
    assert names("Иванова М.С.") == set() and names("Иванова А.") == set()
    assert names("Соловьева") == {"Соловьёва Анна Ивановна"}  # ё as е
    assert names("Ив") == set() and names("Мария") == set()  # a name starts with the surname


def test_applicant_by_phone_in_any_form_and_by_its_last_digits():
    create_appeal("Течёт кран", full_name="Иванова Мария Петровна", phone="+79211234567")
    create_appeal("Шумят соседи", full_name="Петров Пётр", phone="+78121234567")
    for typed in ("+7 921 123-45-67", "89211234567", "8 (921) 123-45-67", "9211234567"):
        assert found(typed) == {"Течёт кран"}, typed
    assert found("123-45-67") == {"Течёт кран", "Шумят соседи"}
    assert found("4567") == set()  # four digits are a house or a year more often than a phone


def test_surname_search_adds_the_applicants_appeals_to_the_text_matches():
    create_appeal("Течёт кран", full_name="Козлова Ирина", phone="+79211234567")
    create_appeal("Сосед Козлов затопил квартиру", full_name="Орлов Пётр", phone="+79217654321")
    create_appeal("Нет света", full_name="Орлов Пётр", phone="+79217654321")
    assert found("Козлова") == {"Течёт кран", "Сосед Козлов затопил квартиру"}
    assert found("Козлова", applicants=False) == {"Сосед Козлов затопил квартиру"}
    assert found("Орлов") == {"Сосед Козлов затопил квартиру", "Нет света"}


def test_text_search_is_unchanged_by_the_applicants():
    create_appeal("Протекла крыша над кухней", full_name="Крышкина Анна", phone="+79211234567")
    create_appeal("Не вывозят мусор", full_name="Крышкина Анна", phone="+79211234567")
    assert found("протекает крыша") == {"Протекла крыша над кухней"}
    assert found("крыша") == {"Протекла крыша над кухней"}  # not «Крышкина»: a name starts with the query


def test_frequent_words_walk_and_applicants_still_join(monkeypatch):
    create_appeal("Протекает крыша", full_name="Крыша Иван", phone="+79211234567")
    create_appeal("Сломан домофон", full_name="Крыша Иван", phone="+79211234567")
    create_appeal("Течёт крыша над кухней", full_name="Петров Пётр", phone="+79217654321")
    through_index = found("крыша")
    monkeypatch.setattr(search, "FREQUENT_MATCHES", 1)  # PostgreSQL then tests each row instead
    assert found("крыша") == through_index == {"Протекает крыша", "Сломан домофон", "Течёт крыша над кухней"}


def test_count_agrees_with_the_rows_by_name_and_by_phone():
    create_appeal("Течёт кран", full_name="Иванова Мария", phone="+79211234567")
    create_appeal("Иванова снова пишет про кран", full_name="Иванова Мария", phone="+79211234567")
    create_appeal("Нет света", full_name="Петров Пётр", phone="+79217654321")
    for query, expected in (("Иванова", 2), ("123-45-67", 2), ("+7 921 765-43-21", 1), ("кран", 2)):
        f = JournalFilter(q=query, applicants=True)
        assert count_found(Appeal.objects.all(), f).count == expected == len(found(query)), query

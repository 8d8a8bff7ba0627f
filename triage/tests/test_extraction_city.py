"""Extraction beyond the company's registry: streets of the whole city (the gazetteer), numbered streets,
embankments by their river, and names from signatures, form fields and first names alone."""

import pytest

from conftest import create_building
from triage.extraction import extract

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    return {b.address: b.pk for b in [create_building("улица Марата", "7"), create_building("Невский проспект", "100"),
                                      create_building("5-я Советская улица", "21")]}


@pytest.mark.parametrize("text, street, house, flat", [
    ("Моховая, 30, кв. 5 — течёт батарея", "Моховая улица", "30", "5"),
    ("Греческий 25 кв 3 нет света", "Греческий проспект", "25", "3"),
    ("Мойка 42 кв 7 протечка", "набережная реки Мойки", "42", "7"),
    ("на Фонтанке 90, подвал затоплен", "набережная реки Фонтанки", "90", None),
    ("Грибоедова 27-4", "набережная канала Грибоедова", "27", "4"),  # the canal, not the street in Колпино
    ("Лиговка 44 кв 5", "Лиговский проспект", "44", "5"),
    ("пр. Просвещения 87 кв 301", "проспект Просвещения", "87", "301"),
])
def test_a_street_of_the_city_without_its_type_is_named_officially(registry, text, street, house, flat):
    found = extract(text)
    assert (found.street, found.house, found.flat, found.building_id) == (street, house, flat, None)


@pytest.mark.parametrize("text, street", [
    ("8-я Советская 14, кв 2", "8-я Советская улица"),
    ("на 2-й Красноармейской д.5 кв 10 засор", "2-я Красноармейская улица"),
    ("5 линия ВО д 20 кв 11", "5-я линия В.О."),
    ("13 линия, 6", "13-я линия В.О."),
    ("В.О. 2-я линия 13", "2-я линия В.О."),
])
def test_a_numbered_street_is_the_one_of_its_number(registry, text, street):
    assert extract(text).street == street


def test_a_numbered_street_of_the_registry_is_its_building(registry):
    found = extract("5-я Советская 21 к2 кв 4")
    assert found.street == "5-я Советская улица"
    found = extract("5-я Советская 21, кв 4")
    assert (found.street, found.building_id) == ("5-я Советская улица", registry["5-я Советская улица, д. 21"])


def test_a_typo_goes_to_the_street_the_city_names_far_more_often(registry):
    assert extract("Невкий 55 кв 3").street == "Невский проспект"  # not «набережная реки Малой Невки»


@pytest.mark.parametrize("text", [
    "Советская 5 кв 1",  # one of ten: not guessed
])
def test_an_ambiguous_street_is_left_as_typed(registry, text):
    assert extract(text).street == "Советская"


@pytest.mark.parametrize("text, name", [
    ("ул. Марата 7 кв 12 Алексеева 89052223344", "Алексеева"),  # a surname, not «улица Васи Алексеева»
    ("Суворовский пр-т д 38 кв 101 Никитин Павел Андреевич просит проверить", "Никитин Павел Андреевич"),
    ("Звонила Любовь Андреевна, дом 7 на Марата, кв 40", "Любовь Андреевна"),
])
def test_names_are_not_taken_for_city_streets(registry, text, name):
    assert extract(text).full_name == name


@pytest.mark.parametrize("text, name", [
    ("Фамилия: Котова Имя: Ирина Отчество: Олеговна Телефон: 89210001122", "Котова Ирина Олеговна"),
    ("Имя: Ирина\nФамилия: Котова\nАдрес: Моховая 30", "Котова Ирина"),
    ("Прошу перезвонить 921 555 66 77 (Анастасия)", "Анастасия"),
    ("Воды нет с утра, Марата 7 кв 8.\nТатьяна", "Татьяна"),
    ("Добрый день! Меня зовут Ирина, живу на Моховой 30", "Ирина"),
    ("Звонила Ольга, просила перезвонить", "Ольга"),
    ("С уважением, Ирина Котова", "Котова Ирина"),
])
def test_names_from_forms_signatures_and_first_names_alone(registry, text, name):
    assert extract(text).full_name == name


@pytest.mark.parametrize("text", [
    "irina.kotova@mail.ru течёт крыша", "Пишите на ivan.petrov@list.ru", "сосед Иван сверху заливает",
    "Надежда только на вас",
])
def test_no_name_from_an_address_of_mail_a_neighbour_or_a_word(registry, text):
    assert extract(text).full_name is None

import pytest

from conftest import create_building
from housing.services import match_building, suggest_buildings

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    rows = [
        ("Невский проспект", "10", "", ""), ("Невский проспект", "100", "", ""), ("Невский проспект", "102", "", ""),
        ("Невский проспект", "11", "", ""), ("улица Марата", "7", "", ""), ("улица Марата", "7А", "", ""),
        ("улица Марата", "70", "", ""), ("Литейный проспект", "46", "", ""), ("Литейный проспект", "46", "2", ""),
        ("набережная реки Фонтанки", "54", "", ""), ("Владимирский проспект", "17", "", "А"),
        ("улица Восстания", "6", "", ""), ("площадь Восстания", "6", "", ""), ("5-я Советская улица", "21", "", ""),
        ("Лиговский проспект", "44", "", ""),
    ]
    return {f"{s} {h} {k} {lit}".strip(): create_building(s, h, korpus=k, litera=lit) for s, h, k, lit in rows}


def _addresses(buildings):
    return [b.address for b in buildings]


def test_fragment_suggests_houses_starting_with_the_number(registry):
    assert _addresses(suggest_buildings("невск 10")) == [
        "Невский проспект, д. 10", "Невский проспект, д. 100", "Невский проспект, д. 102"]


def test_exact_house_comes_first_then_its_letters(registry):
    assert _addresses(suggest_buildings("марата 7")) == [
        "улица Марата, д. 7", "улица Марата, д. 7А", "улица Марата, д. 70"]


def test_korpus_narrows_the_suggestions(registry):
    assert _addresses(suggest_buildings("литейный 46 к2")) == ["Литейный проспект, д. 46, корп. 2"]


@pytest.mark.parametrize("typed", ["невский пр 11", "пр. Невский, д. 11", "НЕВСКИЙ ПРОСПЕКТ 11", "Невский пр-т 11"])
def test_street_aliases_find_the_same_building(registry, typed):
    assert match_building(typed) == registry["Невский проспект 11"]


@pytest.mark.parametrize("typed", ["наб. Фонтанки 54", "Фонтанка 54", "набережная реки Фонтанки, д. 54",
                                   "р. Фонтанки 54 кв 3"])
def test_fontanka_in_any_spelling(registry, typed):
    assert match_building(typed) == registry["набережная реки Фонтанки 54"]


def test_nothing_is_suggested_without_a_street():
    assert suggest_buildings("10") == []


def test_unknown_street_suggests_nothing(registry):
    assert suggest_buildings("Тверская 10") == []


def test_match_is_case_and_yo_insensitive():
    building = create_building("улица Всеволода Вишневского", "12")
    assert match_building("ВСЕВОЛОДА вишнёвского 12") == building


def test_match_prefers_the_house_without_korpus_when_none_typed(registry):
    assert match_building("Литейный 46") == registry["Литейный проспект 46"]
    assert match_building("Литейный 46 корп. 2") == registry["Литейный проспект 46 2"]


def test_house_letter_matches_litera_either_way(registry):
    assert match_building("Владимирский 17А") == registry["Владимирский проспект 17  А"]
    assert match_building("Владимирский 17 лит. А") == registry["Владимирский проспект 17  А"]
    assert match_building("Марата 7а") == registry["улица Марата 7А"]


def test_house_without_letter_matches_the_only_building_with_that_number(registry):
    assert match_building("Владимирский пр., 17") == registry["Владимирский проспект 17  А"]


def test_unknown_letter_is_not_matched(registry):
    assert match_building("Марата 7Б") is None


def test_ambiguous_street_is_not_matched_unless_the_type_is_given(registry):
    assert match_building("Восстания 6") is None
    assert match_building("ул. Восстания 6") == registry["улица Восстания 6"]
    assert match_building("пл. Восстания, 6") == registry["площадь Восстания 6"]


def test_ordinal_street_is_matched(registry):
    assert match_building("5-я Советская, 21") == registry["5-я Советская улица 21"]
    assert match_building("4-я Советская, 21") is None


def test_unknown_house_or_missing_house_is_not_matched(registry):
    assert match_building("Невский 999") is None
    assert match_building("Невский проспект") is None


def test_inactive_building_is_neither_suggested_nor_matched(registry):
    building = registry["Лиговский проспект 44"]
    assert match_building("Лиговка 44") == building
    building.is_active = False
    building.save()
    assert suggest_buildings("лиговский 44") == []
    assert match_building("Лиговка 44") is None


@pytest.mark.parametrize("typed", ["Литеный 46", "литейны 46", "Литейный пр-т 46"])
def test_a_typo_in_the_street_is_forgiven(registry, typed):
    assert match_building(typed) == registry["Литейный проспект 46"]


def test_a_typo_is_not_guessed_when_two_streets_are_as_close():
    create_building("улица Марата", "7")
    create_building("улица Марита", "7")
    assert match_building("Марота 7") is None


def test_litera_a_matches_the_building_registered_without_litera(registry):
    assert match_building("Литейный 46 корп 2 лит А") == registry["Литейный проспект 46 2"]
    assert match_building("Литейный 46 корп 2 лит Б") is None


@pytest.mark.parametrize("typed", ["пятая советская 21", "на 5-й Советской, д. 21", "дом 21 по Пятой Советской"])
def test_ordinal_in_any_form_is_matched(registry, typed):
    assert match_building(typed) == registry["5-я Советская улица 21"]


def test_street_index_finds_streets_by_any_form_of_their_words(registry):
    from housing.services import street_index

    index = street_index()
    assert index.lookup("Невскому") == {"Невский проспект"}
    assert index.lookup("Фонтанка") == {"набережная реки Фонтанки"}
    assert index.lookup("Восстания") == {"улица Восстания", "площадь Восстания"}
    assert index.lookup("крыша") == set()
    assert index.correct("Фантанки") == "фонтанки"


def test_building_on_a_street_known_by_its_official_name(registry):
    from housing.services import building_on_street

    assert building_on_street("улица Марата", "7А") == registry["улица Марата 7А"]
    assert building_on_street("Владимирский проспект", "17") == registry["Владимирский проспект 17  А"]
    assert building_on_street("Литейный проспект", "46", korpus="2") == registry["Литейный проспект 46 2"]
    assert building_on_street("улица Марата", "9") is None


@pytest.mark.parametrize("typed", ["10-я линия 5", "10-й линии, д. 5"])
def test_a_street_named_by_its_ordinal_alone_is_matched(typed):
    line = create_building("10-я линия Васильевского острова", "5")
    create_building("1-я линия Васильевского острова", "5")
    create_building("улица Марата", "5")
    assert match_building(typed) == line


def test_streets_are_read_once_and_again_after_the_registry_changes():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from housing.services import street_index

    create_building("улица Марата", "7")
    street_index()
    with CaptureQueriesContext(connection) as queries:  # the shared cache may be a table: it may be read
        assert street_index().lookup("марата")
    assert not [q for q in queries if "housing_building" in q["sql"]]
    create_building("Литейный проспект", "46")
    assert street_index().lookup("литейный")

import pytest

from housing.addresses import building_search_key, normalize_house, normalize_street, ordinal, parse_address


@pytest.mark.parametrize("text, street_words, house, korpus, litera, flat", [
    ("невск 10", ["невс"], "10", "", "", ""),
    ("д.7 по ул. Марата", ["марат"], "7", "", "", ""),
    ("Литейный 46к2", ["литей"], "46", "2", "", ""),
    ("Литейный д. 46, корп. 2, лит. А", ["литей"], "46", "2", "А", ""),
    ("Садовая 15-42", ["садов"], "15", "", "", "42"),
    ("пр. Невский, 100/2", ["невск"], "100/2", "", "", ""),
    ("наб. Фонтанки 54, кв. 3", ["фонта"], "54", "", "", "3"),
    ("5я советская ул д21", ["5-я", "совет"], "21", "", "", ""),
    ("191025, Санкт-Петербург, Центральный район, ул. Марата, д7а кв 12", ["марат"], "7А", "", "", "12"),
    ("марата 7A", ["марат"], "7А", "", "", ""),
])
def test_typed_address_is_split_into_its_parts(text, street_words, house, korpus, litera, flat):
    parsed = parse_address(text)
    assert (parsed.street_words, parsed.house, parsed.korpus, parsed.litera, parsed.flat) == \
        (street_words, house, korpus, litera, flat)


@pytest.mark.parametrize("text, street_type", [
    ("невский пр 100", "проспект"), ("пр-т Невский", "проспект"), ("ул. Марата", "улица"),
    ("наб. реки Мойки", "набережная"), ("Фонтанка 54", ""),
])
def test_street_type_is_recognised_in_any_spelling(text, street_type):
    assert parse_address(text).street_type == street_type


def test_river_and_canal_words_are_not_required_to_match():
    assert parse_address("набережная реки Фонтанки 54").street_words == parse_address("Фонтанка 54").street_words


def test_vasilievsky_island_shorthand_is_expanded():
    assert parse_address("1-я линия В.О., 20").street_words == ["1-я", "васил", "остро"]


@pytest.mark.parametrize("typed, official", [
    ("ул. Марата", "улица Марата"), ("Невский пр.", "Невский проспект"), ("Литейный пр-т", "Литейный проспект"),
    ("наб. р. Фонтанки", "набережная реки Фонтанки"), ("наб. кан. Грибоедова", "набережная канала Грибоедова"),
    ("  Гороховая   ул.", "Гороховая улица"),
])
def test_street_abbreviations_are_expanded_to_the_official_name(typed, official):
    assert normalize_street(typed) == official


def test_house_letter_is_upper_case_and_cyrillic():
    assert normalize_house(" 7a ") == "7А"
    assert normalize_house("100 / 2") == "100/2"


def test_search_key_ignores_case_and_yo():
    assert building_search_key("Улица Ёлкина", "7а") == building_search_key("улица елкина", "7А")


@pytest.mark.parametrize("typed, official", [
    ("ул. Моховая", "Моховая улица"), ("Пестеля ул.", "улица Пестеля"), ("пр. Невский", "Невский проспект"),
    ("ул. 5-я Советская", "5-я Советская улица"), ("пр. римского-корсакова", "проспект Римского-Корсакова"),
    ("Исаакиевская пл.", "Исаакиевская площадь"), ("Большая Конюшенная", "Большая Конюшенная"),
    ("Средний пр. В.О.", "Средний проспект Васильевского острова"),
    ("1-я линия В.О", "1-я линия Васильевского острова"),
])
def test_street_type_goes_where_official_names_have_it(typed, official):
    assert normalize_street(typed) == official


@pytest.mark.parametrize("text, street_words, street_type", [
    ("на Кирочной улице, 24", ["кироч"], "улица"),
    ("по Невскому проспекту 100", ["невск"], "проспект"),
    ("дома 92 наб. р. Фонтанки", ["фонта"], "набережная"),
    ("пятая советская 21", ["5-я", "совет"], ""),
    ("на Пятой Советской 21", ["5-й", "совет"], ""),
])
def test_declined_type_words_and_spelled_ordinals_are_understood(text, street_words, street_type):
    parsed = parse_address(text)
    assert (parsed.street_words, parsed.street_type) == (street_words, street_type)


@pytest.mark.parametrize("word, expected", [("пятая", "5-я"), ("5я", "5-я"), ("пятой", "5-й"), ("марата", "")])
def test_ordinal_words(word, expected):
    assert ordinal(word) == expected


@pytest.mark.parametrize("text, flat", [("Суворовский 62 кв.№ 8", "8"), ("Марата 7 кв-ра 5", "5"),
                                        ("Марата 7 квартира 12а", "12А")])
def test_flat_in_any_spelling(text, flat):
    assert parse_address(text).flat == flat


@pytest.mark.parametrize("text, house, flat", [("Садовая 15-42", "15", "42"), ("Марата 12-5", "12", "5"),
                                               ("Английский пр. 17-19", "17", ""), ("Кадетская линия 1-3", "1", "")])
def test_dash_is_a_flat_unless_it_names_the_next_house(text, house, flat):
    parsed = parse_address(text)
    assert (parsed.house, parsed.flat) == (house, flat)

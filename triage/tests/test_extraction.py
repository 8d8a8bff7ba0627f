"""Extraction of an applicant's details from free text, field by field, on small examples."""

import time

import pytest

from conftest import create_building
from triage.extraction import FIELDS, Extraction, extract

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    rows = [("улица Марата", "7", "", ""), ("улица Марата", "7А", "", ""), ("Невский проспект", "100", "", ""),
            ("Литейный проспект", "46", "", ""), ("Литейный проспект", "46", "2", ""),
            ("набережная реки Фонтанки", "54", "", ""), ("Владимирский проспект", "17", "", "А"),
            ("улица Некрасова", "14", "", ""), ("Садовая улица", "27", "", ""), ("5-я Советская улица", "21", "2", "")]
    return {b.address: b.pk for b in (create_building(s, h, korpus=k, litera=lit) for s, h, k, lit in rows)}


def _found(text: str) -> dict:
    return {field: value for field, value in extract(text).as_dict().items() if value is not None}


# --- names ---

@pytest.mark.parametrize("text, name", [
    ("звонила Петрова Анна Сергеевна, течёт крыша", "Петрова Анна Сергеевна"),
    ("Жалоба от Ивановой Марии Петровны на шум", "Иванова Мария Петровна"),
    ("Вера Павловна Марченко жалуется на шум", "Марченко Вера Павловна"),
    ("Сидорову Петру Ильичу перезвонить", "Сидоров Петр Ильич"),
    ("Обращение Кравченко Оксаны Викторовны", "Кравченко Оксана Викторовна"),
    ("С уважением,\nПолякова Е. С.", "Полякова Е.С."),
    ("Егоровой Н.В. не выдали справку", "Егорова Н.В."),
    ("петров иван иванович нет воды", "Петров Иван Иванович"),
    ("Клиентка: Тимофеева-Белая Анна Игоревна", "Тимофеева-Белая Анна Игоревна"),
])
def test_name_is_put_in_the_nominative_surname_first(db, text, name):
    assert extract(text).full_name == name


@pytest.mark.parametrize("text, name", [
    ("Садовая 27 кв 30, Михайлов, течь не устранена", "Михайлов"),
    ("Гороховая 35. Ершова", "Ершова"),
    ("Звонила Петрова по поводу протечки с крыши", "Петрова"),
])
def test_a_surname_alone_is_taken_where_a_note_sets_it_apart(db, text, name):
    assert extract(text).full_name == name


@pytest.mark.parametrize("text", [
    "Марата 7 кв 12, течёт крыша", "на Рубинштейна 13 не вывезен мусор", "по Некрасова стоят машины",
    "Погасла пара фонарей на Ильюшина, почините", "Евгения Шварца 11 необходимо расчистить снег",
    "Надежда только на вас", "Любовь к порядку пропала",
])
def test_streets_and_words_are_not_taken_for_names(registry, text):
    assert extract(text).full_name is None


@pytest.mark.parametrize("text, name", [
    ("Мухина Алёна, muhina.alena@mail.ru", "Мухина Алёна"),  # not «Мухин Ален» in the genitive
    ("Карпова Алена, 8 921 765 00 11", "Карпова Алена"),
    ("Ответ на yakovlev.r@yandex.ru. Яковлев Роман, тел 921-654-32-10", "Яковлев Роман"),
    ("Пишите на почту kotov@mail.ru. Котов", "Котов"),
    ("Иван Сергеевич Громов <gromov.is@gmail.com>", "Громов Иван Сергеевич"),
    ("ЛЕОНТЬЕВ ГЕННАДИЙ ПЕТРОВИЧ, LEONTIEV.GP@MAIL.RU", "Леонтьев Геннадий Петрович"),
    ("Фамилия: Морозов\nИмя: Павел\nЭлектронная почта: p.morozov1984@yandex.ru", "Морозов Павел"),
    ("Имя и фамилия: Лариса Зуева", "Зуева Лариса"), ("Фамилия имя: Зуева Лариса", "Зуева Лариса"),
    ("ФИО: сорокина елена викторовна\nE-mail: sorokina.ev@mail.ru", "Сорокина Елена Викторовна"),
    ("Ф.И.О. Дьяконов В.С.", "Дьяконов В.С."),  # the label is no initials
    ("Фамилия Лосева Имя Тамара Отчество Ильинична", "Лосева Тамара Ильинична"),
    ("Счёт выставлен на имя Петровой Анны", "Петрова Анна"),  # «имя» here labels no field
])
def test_a_name_beside_an_address_is_read_from_the_words(db, text, name):
    assert extract(text).full_name == name


@pytest.mark.parametrize("text", ["Ответ на sergey.volkov@mail.ru", "ivanova.marina@yandex.ru\nПрошу перерасчёт",
                                  "почта: петрова@почта.рф", "почта: петрова собака почта.рф",
                                  "В квартире жарко. Спасибо"])
def test_a_name_never_comes_from_an_address_alone(db, text):
    assert extract(text).full_name is None


def test_a_neighbours_or_a_clerks_name_is_not_the_applicants(db):
    assert extract("Прошу наказать дворника Петрова").full_name is None
    assert extract("Соседка Галина Ивановна заливает. Павлова Нина").full_name == "Павлова Нина"
    assert extract("Диспетчер Смирнова Анна Ивановна нагрубила").full_name is None  # nor the end of her name
    assert extract("Управляющему Иванову Петру Сергеевичу: прошу принять меры").full_name is None


def test_street_and_surname_alike_are_told_apart(registry):
    found = _found("Некрасова 14 кв 2 Некрасова Елена Павловна")
    assert found["full_name"] == "Некрасова Елена Павловна"
    assert found["street"] == "улица Некрасова"


# --- phones and e-mail ---

@pytest.mark.parametrize("text, phone", [
    ("тел 8 921 123-45-67", "+79211234567"), ("+7(921)1234567", "+79211234567"), ("921-123-45-67", "+79211234567"),
    ("звоните 7 812 5550011", "+78125550011"), ("8 (812) 570-12-34", "+78125701234"),
    ("тел: 8.921.654.32.11", "+79216543211"), ("моб. +79 21 123 45 67", "+79211234567"),
    ("на домашний 312-45-67", "+78123124567"), ("кв 12 8 921 123 45 67", "+79211234567"),
    ("тел 89213456789 или 89110001122", "+79213456789"),
])
def test_phone_in_the_ways_people_write_it(db, text, phone):
    assert extract(text).phone == phone


@pytest.mark.parametrize("text", [
    "Оплатил 4 500 руб. 12.03.2025", "Лицевой счёт 4501234567", "ИНН 7801234567", "СНИЛС 123-456-789 00",
    "Счётчик ХВС № 8912345", "номер заявки 25-000123", "обращение номер 5164572", "Садовая 15-42",
    "показания 123456789", "1 234 567 рублей",
])
def test_numbers_that_only_look_like_phones(db, text):
    assert extract(text).phone is None


@pytest.mark.parametrize("text, email", [
    ("почта zaitsev.vp@yandex.ru, перезвоните", "zaitsev.vp@yandex.ru"),
    ("From: olga.vasnetsova@mail.ru\nДобрый вечер", "olga.vasnetsova@mail.ru"),
    ("пишите на ivanov [at] mail.ru", "ivanov@mail.ru"),
    ("e-mail: Ivan_Petrov@Mail.RU; тел. 89211234567", "ivan_petrov@mail.ru"),
    ("Иван Петров <ivan.petrov@mail.ru>", "ivan.petrov@mail.ru"),
    ("ответ на mailto:sokolov.am@rambler.ru.", "sokolov.am@rambler.ru"),
    ("(d-orlov@bk.ru)", "d-orlov@bk.ru"), ("«zhukova.a@mail.ru».", "zhukova.a@mail.ru"),
    ("marina+uk@gmail.com", "marina+uk@gmail.com"), ("vasilieva@tuadm.gov.spb.ru", "vasilieva@tuadm.gov.spb.ru"),
    ("vera.ermakova@mail.ru.Спасибо!", "vera.ermakova@mail.ru"), ("почта: петрова@почта.рф", "петрова@почта.рф"),
])
def test_email(db, text, email):
    assert extract(text).email == email


@pytest.mark.parametrize("text", [
    "nikitin @ mail.ru", "nikitin @mail.ru", "nikitin@ mail.ru", "nikitin@mail .ru", "nikitin@mail. ru",
    "nikitin собака mail.ru", "nikitin(at)mail.ru", "nikitin[собака]mail.ru", "nikitin[at]mail[dot]ru",
    "nikitin at mail dot ru", "nikitin собака mail точка ru",
])
def test_an_address_hidden_from_robots_or_broken_by_a_space_is_the_address_it_stands_for(db, text):
    assert extract(f"Пишите: {text}, спасибо").email == "nikitin@mail.ru"


@pytest.mark.parametrize("text", ["почта @mail.ru не работает", "встреча at home dot", "мой телеграм @ivanov_spb",
                                  "у соседа собака mail.ru", "во дворе собака лает", "точка доступа не работает",
                                  "сайт www.uk-centr.ru", "пишите ivanov@mail. Ru"])
def test_what_only_looks_like_an_address(db, text):
    assert extract(text).email is None


@pytest.mark.parametrize("text, phone, email", [
    ("Тел.89215556677,e-mail:frolov.dn@mail.ru", "+79215556677", "frolov.dn@mail.ru"),
    ("+7 921 111-22-33ivanova.ek@yandex.ru", "+79211112233", "ivanova.ek@yandex.ru"),
    ("89211112233ivanova.ek@yandex.ru", "+79211112233", "ivanova.ek@yandex.ru"),
    ("nesterova@mail.ru89112224466", "+79112224466", "nesterova@mail.ru"),
    ("petrov1975@mail.ru", None, "petrov1975@mail.ru"),
    ("Почта 89213334455@mail.ru, пишите", None, "89213334455@mail.ru"),  # the digits of an address are no phone
])
def test_a_phone_and_an_address_written_together_are_told_apart(db, text, phone, email):
    found = extract(text)
    assert (found.phone, found.email) == (phone, email)


@pytest.mark.parametrize("text", [
    "Кому: info@uk-centr.ru\nОт: Полякова Ирина <polyakova.ira@mail.ru>",
    "Копия: gzhi@gov.spb.ru\nМухина Алёна, polyakova.ira@mail.ru",
    "Я уже писал на ваш адрес dispetcher@uk-centr.ru, ответа нет. Пишите мне на polyakova.ira@mail.ru",
    "Сотрудник дал адрес uk@uk-centr.ru, пишу туда. Мой e-mail — polyakova.ira@mail.ru",
    "Пришло письмо с noreply@uk-centr.ru, кран течёт. polyakova.ira@mail.ru",
    "В ООО «УК Центр» (info@uk-centr.ru)\nот Поляковой Ирины\nОтвет на почту polyakova.ira@mail.ru",
    "Первое письмо было на uk-centr@mail.ru. Отвечать на polyakova.ira@mail.ru",
    "Ваше имя: Ирина\nВаш e-mail: polyakova.ira@mail.ru",  # a form asks for the applicant's
    "Полякова Ирина, polyakova.ira@mail.ru. Ответа от info@uk-centr.ru так и не получила.",
    "Полякова И. polyakova.ira@mail.ru\nОтвет от otvet@uk-centr.ru пришёл пустой",
    "Прошу ответить. Копия направлена в ГЖИ gzhi@gov.spb.ru\nПолякова Ирина\npolyakova.ira@mail.ru",
    "Обращение отправлено также в прокуратуру prok@spb.ru. Мой адрес polyakova.ira@mail.ru",
])
def test_of_several_addresses_the_applicants_is_taken(db, text):
    assert extract(text).email == "polyakova.ira@mail.ru"


def test_an_address_in_an_earlier_letter_quoted_is_not_the_applicants(db):
    found = extract("Спасибо за ответ.\nЗаваров Пётр\n\n> 12.03.2025, УК <otvet@uk-centr.ru> пишет:\n"
                    "> Уважаемый Пётр Ильич! Мастер придёт в четверг.")
    assert (found.email, found.full_name) == (None, "Заваров Пётр")


@pytest.mark.parametrize("text", [
    "Ответ не устраивает.\nСавельева Г.\n\n> Уважаемая Галина! Звоните в диспетчерскую 8 (812) 555-01-02.",
    "Мастер не пришёл.\nСавельева Г.\n-----Original Message-----\nFrom: info@uk-centr.ru\n"
    "Уважаемая Галина Ивановна! Диспетчерская: 8 (812) 555-01-02.\nГлавный инженер Сомов К.Л.",
    "Ваше письмо от otvet@uk-centr.ru получил, мастер не пришёл. Савельева Г.",
])
def test_the_companys_details_in_a_quoted_answer_are_not_the_applicants(db, text):
    assert _found(text) == {"full_name": "Савельева Г."}


# --- addresses ---

@pytest.mark.parametrize("text, street, house, korpus, litera, flat, building", [
    ("Невский пр. 100", "Невский проспект", "100", None, None, None, "Невский проспект, д. 100"),
    ("д.7 по ул. Марата", "улица Марата", "7", None, None, None, "улица Марата, д. 7"),
    ("Садовая 15-42", "Садовая улица", "15", None, None, "42", None),
    ("Литейный 46 корп 2 лит А", "Литейный проспект", "46", "2", "А", None, "Литейный проспект, д. 46, корп. 2"),
    ("Литейный 46к2 кв 99", "Литейный проспект", "46", "2", None, "99", "Литейный проспект, д. 46, корп. 2"),
    ("Марата 7а, квартира №5", "улица Марата", "7А", None, None, "5", "улица Марата, д. 7А"),
    ("Владимирский 17 лит. А, кв. 6", "Владимирский проспект", "17", None, "А", "6",
     "Владимирский проспект, д. 17, лит. А"),
    ("Фонтанка 54, кв. 5", "набережная реки Фонтанки", "54", None, None, "5", "набережная реки Фонтанки, д. 54"),
    ("пятая советская 21 корп. 2", "5-я Советская улица", "21", "2", None, None, "5-я Советская улица, д. 21, корп. 2"),
    ("дома 24 по Садовой улице", "Садовая улица", "24", None, None, None, None),
    ("Литеный 46 кв 8", "Литейный проспект", "46", None, None, "8", "Литейный проспект, д. 46"),
    ("НЕВСКИЙ ПРОСПЕКТ 100 КВ 3", "Невский проспект", "100", None, None, "3", "Невский проспект, д. 100"),
])
def test_address_in_any_form(registry, text, street, house, korpus, litera, flat, building):
    found = extract(text)
    assert (found.street, found.house, found.korpus, found.litera, found.flat) == (street, house, korpus, litera, flat)
    assert found.building_id == (registry[building] if building else None)


@pytest.mark.parametrize("text, street", [
    ("ул. Пестеля, д. 5", "улица Пестеля"), ("Моховая ул. 12", "Моховая улица"),
    ("на Моховой улице, 12", "Моховая улица"), ("пер. Гривцова 4", "переулок Гривцова"),
    ("наб. р. Мойки 48", "набережная реки Мойки"),
    ("Пестеля 8 кв 3", "улица Пестеля"), ("пл. Восстания, 6", "площадь Восстания"),
])
def test_street_outside_the_registry_is_given_as_typed_with_its_type_written_out(registry, text, street):
    found = extract(text)
    assert (found.street, found.building_id) == (street, None)


def test_a_street_known_to_the_registry_keeps_its_name_when_the_house_is_not(registry):
    assert _found("Марата 99 кв 1") == {"street": "улица Марата", "house": "99", "flat": "1"}


@pytest.mark.parametrize("text, flat", [("затопило квартиру 15, подъезд 2", "15"), ("кв.18 дома 92", "18"),
                                        ("Анна Сергеевна из 12 квартиры", "12"),
                                        ("Шумят соседи из кв. 12, я живу в кв. 16", "16")])
def test_flat_is_found_without_an_address(db, text, flat):
    assert extract(text).flat == flat


@pytest.mark.parametrize("text", [
    "В доме 1902 года постройки протекает крыша", "в 3 подъезде на 5 этаже разбито окно", "дом 7, подъезд 2",
    "Площадь квартиры 54 кв. м", "За 1 кв. 2025 года перерасчёт не сделан", "мне 85 лет, 2 недели нет воды",
])
def test_numbers_that_are_no_address(registry, text):
    found = extract(text)
    assert (found.street, found.house, found.flat) == (None, None, None)


# --- any input ---

@pytest.mark.parametrize("text", ["", "   ", None, 42, b"bytes", "🙂" * 3000, "<script>alert(1)</script>",
                                  "<p>Марата&nbsp;7</p>" * 2000, "Марата\x00 7", "Марата 7 \ud800", "8" * 50_000,
                                  "кв " * 10_000, "д. " * 10_000, "Иванов " * 5000])
def test_any_input_gets_an_answer(registry, text, caplog):
    assert isinstance(extract(text), Extraction)
    assert not [r for r in caplog.records if r.name == "triage.extraction"]  # no failure caught and logged


def test_a_long_run_that_may_hold_an_address_is_read_once(db):
    started = time.perf_counter()
    extract("a." * 10_000 + " a собака " * 2_000)
    assert time.perf_counter() - started < 1.0  # not once for every dot: seconds, a minute


def test_the_answer_has_exactly_the_api_fields(db):
    assert tuple(extract("Марата 7").as_dict()) == FIELDS == (
        "full_name", "phone", "email", "street", "house", "korpus", "litera", "flat", "building_id")


def test_the_registry_is_read_once_and_only_when_the_text_may_hold_an_address(registry, django_assert_num_queries):
    with django_assert_num_queries(0):
        extract("Течёт крыша, мокрые стены в подъезде")
    with django_assert_num_queries(2):  # the streets (for the address and the surname alike), then the building
        found = extract("Марата 7 кв 12, Михайлов")
    assert (found.full_name, found.building_id) == ("Михайлов", registry["улица Марата, д. 7"])


def test_an_over_long_text_is_shortened_between_words():
    """A word halved where a long text is cut would be read as another word (a name, an e-mail)."""
    from triage.extraction.text import MAX_CHARS, prepare

    words = [f"w{i:05d}x" for i in range(MAX_CHARS // 5)]
    for shift in range(8):  # the cuts fall at every place within a word
        text = "a" * shift + " " + " ".join(words)
        kept = prepare(text).split()
        assert len(" ".join(kept)) <= MAX_CHARS and kept[-1] == words[-1]
        assert set(kept) <= set(words) | {"a" * shift}

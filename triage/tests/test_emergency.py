import datetime as dt

import pytest

from triage.rules.emergency import detect, in_heating_season

WINTER, SUMMER = dt.date(2026, 12, 1), dt.date(2026, 7, 10)


@pytest.mark.parametrize(("text", "reason"), [
    ("На площадке воняет газом", "gas-smell"),
    ("Сын застрял в лифте, 5 подъезд", "lift-stuck"),
    ("Из розетки идут искры", "electric-sparking"),
    ("Дымится электрощиток на этаже", "electric-sparking"),
    ("Заливает соседей снизу, у нас прорвало трубу под ванной", "water-leak"),
    ("Соседи затопили, вода бежит по стене", "water-flood"),
    ("Из унитаза лезет канализация", "sewer-blockage"),
    ("Нет света в квартире", "electric-outage"),
    ("Второй день нет горячей воды", "water-no-hot"),
])
def test_accidents_are_caught_in_their_word_forms(text, reason):
    hit = detect(text, WINTER)
    assert hit is not None and hit.reason == reason


@pytest.mark.parametrize("text", [
    "Прошу поменять лампочку на лестнице",
    "Лифт стучит при движении",
    "Когда придёт квитанция за газ?",
    "Нет света в подъезде, перегорела лампа",
    "В квитанции за отопление начислено не по нормативу",
])
def test_routine_requests_are_not_emergencies(text):
    assert detect(text, WINTER) is None


def test_cold_radiators_are_an_emergency_only_in_the_heating_season():
    assert detect("Батареи ледяные, дома холодно", WINTER).reason == "heating-none"
    assert detect("Батареи ледяные, дома холодно", SUMMER) is None
    assert in_heating_season(dt.date(2027, 1, 15)) and not in_heating_season(dt.date(2027, 6, 1))


def test_the_hit_names_the_words_that_fired():
    assert "газ" in detect("Чувствую запах газа в подъезде", WINTER).words


@pytest.mark.parametrize("text", ["", "   ", "!!!", "12345", "😀" * 50])
def test_empty_or_odd_text_is_no_emergency(text):
    assert detect(text, WINTER) is None

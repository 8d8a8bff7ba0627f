"""Sums as Russian documents write them: figures with non-breaking spaces, the amount in words."""

from decimal import Decimal

import pytest

from orders.money import MoneyError, amount_in_words, parse_amount, rub, vat_included

NBSP = "\u00a0"


@pytest.mark.parametrize(("amount", "words"), [
    ("1", "Один рубль 00 копеек"),
    ("2", "Два рубля 00 копеек"),
    ("5", "Пять рублей 00 копеек"),
    ("11", "Одиннадцать рублей 00 копеек"),
    ("21", "Двадцать один рубль 00 копеек"),
    ("1000", "Одна тысяча рублей 00 копеек"),
    ("1234.56", "Одна тысяча двести тридцать четыре рубля 56 копеек"),
    ("1000000", "Один миллион рублей 00 копеек"),
    ("22000.01", "Двадцать две тысячи рублей 01 копейка"),
    ("112.03", "Сто двенадцать рублей 03 копейки"),
])
def test_amount_in_words(amount, words):
    assert amount_in_words(Decimal(amount)) == words


def test_roubles_are_grouped_by_non_breaking_spaces():
    assert rub(Decimal("1234.56")) == f"1{NBSP}234,56{NBSP}₽"
    assert rub(Decimal("1000000")) == f"1{NBSP}000{NBSP}000,00{NBSP}₽"
    assert rub(Decimal("5")) == f"5,00{NBSP}₽"


@pytest.mark.parametrize("typed", ["1 234,56", "1234.56", f"1{NBSP}234,56 ₽"])
def test_sums_are_read_as_people_type_them(typed):
    assert parse_amount(typed) == Decimal("1234.56")


@pytest.mark.parametrize(("typed", "message"), [
    ("-5", "больше нуля"), ("0", "больше нуля"), ("abc", "введите число"), ("1e400", "больше"),
    ("99999999999", "лишние"), ("12,345", "двух знаков"), ("NaN", "больше нуля"), ("", "введите число"),
])
def test_bad_sums_are_refused_in_russian(typed, message):
    with pytest.raises(MoneyError, match=message):
        parse_amount(typed)


def test_vat_included_in_the_price():
    assert vat_included(Decimal("1220.00"), "22") == Decimal("220.00")
    assert vat_included(Decimal("1200.00"), "20") == Decimal("200.00")
    assert vat_included(Decimal("1200.00"), "none") is None

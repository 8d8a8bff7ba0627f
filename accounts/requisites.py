"""Checks of a Russian organisation's requisites: the lengths the law sets and the check digits.

A typing error in an ИНН or an account number would put it on every invoice, so the admin refuses it.
"""

from django.core.exceptions import ValidationError

_INN_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
# An account's key: the last three digits of the БИК, then the 20 digits, weighted 7, 1, 3 in turn.
_ACCOUNT_WEIGHTS = (7, 1, 3) * 8


def _digits(value: str, length: int, what: str) -> str:
    if not (value.isdigit() and len(value) == length):
        raise ValidationError(f"{what} состоит из {length} цифр.")
    return value


def validate_inn(value: str) -> None:
    """ИНН of an organisation: 10 digits, the last a check digit."""
    _digits(value, 10, "ИНН организации")
    check = sum(int(d) * w for d, w in zip(value, _INN_WEIGHTS, strict=False)) % 11 % 10
    if check != int(value[-1]):
        raise ValidationError("В ИНН ошибка: не сходится контрольная цифра.")


def validate_kpp(value: str) -> None:
    _digits(value, 9, "КПП")


def validate_ogrn(value: str) -> None:
    """ОГРН: 13 digits, the last is the first twelve modulo 11 (its last digit)."""
    _digits(value, 13, "ОГРН")
    if int(value[:12]) % 11 % 10 != int(value[-1]):
        raise ValidationError("В ОГРН ошибка: не сходится контрольная цифра.")


def validate_bik(value: str) -> None:
    _digits(value, 9, "БИК")


def validate_account(value: str) -> None:
    _digits(value, 20, "Номер счёта")


def account_matches_bik(account: str, bik: str, *, correspondent: bool = False) -> bool:
    """Whether the account's key digit agrees with the bank's БИК (the Bank of Russia's rule)."""
    prefix = ("0" + bik[4:6]) if correspondent else bik[-3:]
    return sum(int(d) * w for d, w in zip(prefix + account, _ACCOUNT_WEIGHTS, strict=False)) % 10 == 0

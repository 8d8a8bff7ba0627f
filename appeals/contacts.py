"""An applicant's contacts as every channel stores them: the phone in one form, the e-mail and the
single-line fields (name, postal address, flat) refused when they would mislead a clerk or a mail header.

Each check returns the value to store or raises AppealError naming the field, so the back office, the
public form and the API refuse alike.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator

from priemnaya.matching import clean, is_invisible
from priemnaya.russian import plural

from .errors import AppealError

PHONE_EXAMPLE = "+7 921 123-45-67"
NATIONAL_DIGITS = 10  # a Russian number after +7 (or 8)
EMAIL_LOCAL_MAX = 64  # RFC 5321, 4.5.3.1.1
EMAIL_MAX = 254  # a forward path of 256 octets less its angle brackets
_EMAIL_SYNTAX = EmailValidator(allowlist=[])  # «ivanova@localhost» is no resident's address
# Line and paragraph separators end a line as CR and LF do.
_LINE_BREAKS = {"\u2028", "\u2029", "\x85"}
_SINGLE_LINE = {"full_name": "ФИО", "postal_address": "Почтовый адрес", "flat": "Номер квартиры"}


def phone_digits(text: str) -> str:
    """The digits of a phone as typed, 0–9 whatever script they were typed in."""
    return re.sub(r"\D", "", clean(text))


def _digits_count(n: int) -> str:
    return f"{n} {plural(n, 'цифра', 'цифры', 'цифр')}"


def normalize_phone(raw: str) -> str:
    """+7XXXXXXXXXX from the ways Russians write a phone, in digits of any script; '' for empty.

    A number with a digit too many or too few is refused, never completed: «8 921 123-45-6» is not
    taken for +7 892 112-34-56."""
    text = clean(raw or "").strip()
    digits = phone_digits(text)
    if not digits:
        if text:
            raise AppealError(f"Телефон пишется цифрами, например {PHONE_EXAMPLE}.", "phone")
        return ""
    if text.startswith("+"):
        if digits[0] != "7":
            raise AppealError(f"Телефон: принимаем российские номера, +7 и ещё 10 цифр, например {PHONE_EXAMPLE}.",
                              "phone")
        prefix, national = "+7", digits[1:]
    elif digits[0] in "78" and (len(digits) == NATIONAL_DIGITS + 1 or (len(digits) > 2 and digits[1] == "9")):
        # 8 or 7 before a mobile (9XX) is the trunk prefix, whatever the count; the count is then checked
        prefix, national = digits[0], digits[1:]
    else:
        prefix, national = "", digits
    if len(national) != NATIONAL_DIGITS:
        after = f" после {prefix}" if prefix else ""
        raise AppealError(f"Телефон: {_digits_count(len(national))}{after}, а нужно {NATIONAL_DIGITS}. "
                          f"Проверьте номер, например {PHONE_EXAMPLE}.", "phone")
    return "+7" + national


def dial_uri(text: str) -> str:
    """A `tel:` link for the phone a line begins with: «+7 (812) 555-01-01, круглосуточно» dials
    +78125550101; a short number (112, an internal one) dials its digits; '' when the line has no digits."""
    number = re.match(r"[^\w]*[\d\s()+\-.]*", clean(text or ""))
    head = number.group(0) if number else ""
    try:
        phone = normalize_phone(head)
    except AppealError:
        phone = re.sub(r"[^\d+]", "", head)
    return f"tel:{phone}" if phone else ""


def _has_control(value: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" or ch in _LINE_BREAKS for ch in value)


def check_line(value: str, field: str) -> str:
    """A single-line field (the name, the postal address, the flat), stripped; refused when it holds a
    line break or another control character."""
    value = (value or "").strip()
    if _has_control(value):
        raise AppealError(f"{_SINGLE_LINE.get(field, 'Поле')}: уберите перевод строки и другие управляющие "
                          "знаки, напишите одной строкой.", field)
    return value


def check_name(full_name: str) -> str:
    """The applicant's full name as it will be stored; refused when empty, multi-line or without a letter."""
    value = check_line(full_name, "full_name")
    if not any(ch.isalpha() for ch in value):
        raise AppealError("Укажите фамилию, имя и отчество заявителя.", "full_name")
    return value


def _scripts(label: str) -> set[str]:
    """The alphabets of a domain label's letters: {'LATIN'}, {'CYRILLIC'}, {'LATIN', 'CYRILLIC'}…"""
    return {unicodedata.name(ch, "?").split()[0] for ch in label if ch.isalpha()}


def _as_typed(label: str) -> str:
    """A label as people read it: browsers send «mаil» of an e-mail field as its punycode «xn--mil-6cd»."""
    if not label.lower().startswith("xn--"):
        return label
    try:
        return label[4:].encode("ascii").decode("punycode")
    except UnicodeError:
        raise AppealError("Проверьте адрес электронной почты, например: ivanova@mail.ru.", "email") from None


def check_email(raw: str) -> str:
    """The e-mail as it will be stored ('' for none): full-width letters made plain; refused when it is
    no address, its mailbox is over 64 characters, it holds invisible characters, or a part of its domain
    mixes alphabets («mаil.ru» with a Cyrillic «а»: a look-alike of another address)."""
    value = unicodedata.normalize("NFKC", (raw or "").strip())
    if not value:
        return ""
    if _has_control(value) or any(is_invisible(ch) for ch in value):
        raise AppealError("В адресе электронной почты есть невидимые или управляющие знаки: наберите его заново.",
                          "email")
    local, _at, domain = value.rpartition("@")
    if len(local) > EMAIL_LOCAL_MAX:
        raise AppealError(f"Адрес электронной почты: имя ящика до «@» длиннее {EMAIL_LOCAL_MAX} знаков, "
                          "такого адреса не бывает. Проверьте адрес.", "email")
    try:
        _EMAIL_SYNTAX(value)
    except ValidationError:
        raise AppealError("Проверьте адрес электронной почты, например: ivanova@mail.ru.", "email") from None
    if len(value) > EMAIL_MAX or domain.startswith("["):
        raise AppealError("Проверьте адрес электронной почты, например: ivanova@mail.ru.", "email")
    for label in map(_as_typed, domain.split(".")):
        if len(_scripts(label)) > 1:
            raise AppealError(f"Адрес электронной почты: в «{label}» смешаны буквы разных алфавитов (например, "
                              "русская «а» среди латинских). Проверьте раскладку и наберите адрес заново.", "email")
    return value

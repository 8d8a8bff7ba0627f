"""Sign-up, log-in by password or by a one-time code, a new password: the resident account's verbs.

An unknown address and a known one are answered alike (a code is «sent» either way), and signing up with
an address already registered sends a log-in code to it instead: nobody learns from the site who has an
account.
"""

import re

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from appeals.contacts import check_line
from appeals.errors import AppealError

from . import channels
from .codes import CODE_MINUTES, issue_code, use_code
from .errors import ResidentError
from .identity import Identifier, find_resident
from .models import OneTimeCode, Resident

Purpose = OneTimeCode.Purpose
_LOOKS_LIKE_CONTACT = re.compile(r"@|\d[\d\s()+-]{4,}\d")
_SUBJECTS = {
    Purpose.CONFIRM: "Код подтверждения для личного кабинета",
    Purpose.LOGIN: "Код для входа в личный кабинет",
    Purpose.RESET: "Код для нового пароля",
}


def check_display_name(raw: str) -> str:
    """The name shown on the forum: a word or two with letters, never an e-mail or a phone."""
    try:
        value = " ".join(check_line(raw, "display_name").split())
    except AppealError:
        raise ResidentError("Имя на форуме пишется одной строкой.", "display_name") from None
    if len(value) < 2 or not any(ch.isalpha() for ch in value):
        raise ResidentError("Имя на форуме должно содержать буквы, например: Ирина с Марата.", "display_name")
    if _LOOKS_LIKE_CONTACT.search(value):
        raise ResidentError("В имени на форуме не указывайте телефон или адрес электронной почты: "
                            "их увидят все.", "display_name")
    return value


def _send(resident: Resident, purpose: str, lead: str = "") -> None:
    code = issue_code(resident, purpose)
    text = (f"{lead}Ваш код: {code}. Он действует {CODE_MINUTES} минут. "
            "Никому не сообщайте этот код, даже сотрудникам управляющей компании.")
    channels.deliver(email=resident.email, phone=resident.phone, subject=_SUBJECTS[purpose], text=text)


@transaction.atomic
def sign_up(identifier: Identifier, display_name: str) -> tuple[Resident, str]:
    """Start an account (or continue an unconfirmed one) and send the confirmation code; for an address
    already confirmed, a log-in code. Returns the resident and what the code is for."""
    display_name = check_display_name(display_name)
    resident = find_resident(identifier)
    if resident is not None and resident.is_confirmed:
        if resident.is_active:
            _send(resident, Purpose.LOGIN, "Вы уже зарегистрированы в личном кабинете, войти можно по коду. ")
        return resident, Purpose.LOGIN
    if resident is None:
        resident = Resident(email=identifier.email, phone=identifier.phone)
    resident.display_name = display_name
    resident.save()
    _send(resident, Purpose.CONFIRM)
    return resident, Purpose.CONFIRM


def send_code(identifier: Identifier, purpose: str) -> Resident | None:
    """A log-in or new-password code to a confirmed, active account; None (and nothing sent) otherwise."""
    resident = find_resident(identifier)
    if resident is None or not resident.is_confirmed or not resident.is_active:
        return None
    _send(resident, purpose)
    return resident


def complete(resident_id: int | None, purpose: str, code: str, new_password: str = "") -> Resident:
    """Spend the code; a confirmation marks the address confirmed, a reset sets `new_password`.

    The account comes from the session that asked for the code, never from the form."""
    resident = Resident.objects.filter(pk=resident_id, is_active=True).first() if resident_id else None
    if purpose == Purpose.RESET:
        check_new_password(new_password, resident)
    use_code(resident, purpose, code)
    if purpose == Purpose.CONFIRM and not resident.is_confirmed:
        resident.confirmed_at = timezone.now()
        resident.save(update_fields=["confirmed_at"])
    if purpose == Purpose.RESET:
        resident.set_password(new_password)
        resident.save(update_fields=["password"])
    return resident


def check_new_password(password: str, resident: Resident | None = None) -> None:
    try:
        validate_password(password)
    except ValidationError as error:
        raise ResidentError(" ".join(error.messages), "new_password") from None


def set_password(resident: Resident, password: str) -> None:
    check_new_password(password, resident)
    resident.set_password(password)
    resident.save(update_fields=["password"])


def password_log_in(identifier: Identifier, password: str) -> Resident | None:
    """The confirmed, active account with this address and password, or None."""
    resident = find_resident(identifier)
    if resident is None or not resident.has_password:
        make_password(password)  # as long as a real check: the time does not tell which accounts exist
        return None
    if not resident.check_password(password) or not resident.is_confirmed or not resident.is_active:
        return None
    return resident

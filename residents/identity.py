"""An e-mail or a phone, as residents type it, and the account it names."""

from dataclasses import dataclass

from appeals.contacts import check_email, normalize_phone
from appeals.errors import AppealError

from .errors import ResidentError
from .models import Resident

BAD_IDENTIFIER = "Укажите адрес электронной почты (например, ivanova@mail.ru) или телефон (например, +7 921 123-45-67)."


@dataclass(frozen=True)
class Identifier:
    email: str = ""
    phone: str = ""

    @property
    def value(self) -> str:
        return self.email or self.phone

    @property
    def shown(self) -> str:
        """How the resident is told where the code went, without repeating all of it."""
        if self.email:
            mailbox, _, domain = self.email.partition("@")
            return f"{mailbox[:2]}…@{domain}"
        return f"+7 … {self.phone[-4:-2]}-{self.phone[-2:]}"


def parse_identifier(raw: str) -> Identifier:
    """An e-mail when the text has «@», otherwise a Russian phone; ResidentError when it is neither."""
    text = (raw or "").strip()
    try:
        if "@" in text:
            return Identifier(email=check_email(text).lower())
        phone = normalize_phone(text)
    except AppealError as error:
        raise ResidentError(error.message, "identifier") from None
    if not phone:
        raise ResidentError(BAD_IDENTIFIER, "identifier")
    return Identifier(phone=phone)


def find_resident(identifier: Identifier) -> Resident | None:
    if identifier.email:
        return Resident.objects.filter(email=identifier.email).first()
    return Resident.objects.filter(phone=identifier.phone).first()

"""One-time codes: six digits, valid CODE_MINUTES, MAX_ATTEMPTS wrong tries, used once, stored as a keyed hash.

Issuing a code voids the earlier ones of the same purpose, so only the newest letter or SMS works.
"""

import datetime as dt
import hmac
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .errors import ResidentError
from .models import OneTimeCode, Resident

CODE_MINUTES = 15
MAX_ATTEMPTS = 5
WRONG = "Код неверный. Проверьте цифры и введите код ещё раз."
EXPIRED = "Срок действия кода истёк. Запросите новый код."
EXHAUSTED = "Код введён неверно слишком много раз и больше не действует. Запросите новый код."
NO_CODE = "Код не подходит. Запросите новый код."


def _hash(salt: str, code: str) -> str:
    return salted_hmac("residents.one-time-code", f"{salt}:{code}", algorithm="sha256").hexdigest()


def issue_code(resident: Resident, purpose: str) -> str:
    """A new code for the resident (returned to be sent, never stored); earlier unused ones stop working."""
    code = f"{secrets.randbelow(10**6):06d}"
    salt = secrets.token_hex(16)
    now = timezone.now()
    with transaction.atomic():
        OneTimeCode.objects.filter(resident=resident, purpose=purpose, used_at__isnull=True).update(used_at=now)
        OneTimeCode.objects.create(resident=resident, purpose=purpose, salt=salt, code_hash=_hash(salt, code),
                                   expires_at=now + dt.timedelta(minutes=CODE_MINUTES))
    return code


def use_code(resident: Resident | None, purpose: str, code: str) -> None:
    """Spend the resident's newest code of this purpose if `code` is it; else ResidentError saying why.

    A wrong try counts against the code; the row is locked, so two tries at once are two tries."""
    typed = "".join(ch for ch in (code or "") if not ch.isspace())
    with transaction.atomic():
        problem = _spend(resident, purpose, typed)
    if problem:  # raised after the block: the counted wrong try is kept
        raise ResidentError(problem, "code")


def _spend(resident: Resident | None, purpose: str, typed: str) -> str:
    found = None
    if resident is not None:
        found = OneTimeCode.objects.select_for_update().filter(
            resident=resident, purpose=purpose, used_at__isnull=True).order_by("-created_at").first()
    if found is None:
        return NO_CODE
    now = timezone.now()
    if found.expires_at <= now:
        return EXPIRED
    if found.attempts >= MAX_ATTEMPTS:
        return EXHAUSTED
    if not hmac.compare_digest(found.code_hash, _hash(found.salt, typed)):
        found.attempts += 1
        found.save(update_fields=["attempts"])
        return EXHAUSTED if found.attempts >= MAX_ATTEMPTS else WRONG
    found.used_at = now
    found.save(update_fields=["used_at"])
    return ""

"""Appeal numbers people can dictate (26-004217) and access codes nobody can guess."""

import secrets

from django.db import transaction

from .models import NumberSequence

# No 0/O, 1/I/L: the code is read aloud and typed from paper.
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def next_number(year: int) -> str:
    with transaction.atomic():
        seq, _ = NumberSequence.objects.select_for_update().get_or_create(year=year)
        seq.last += 1
        seq.save(update_fields=["last"])
    return f"{year_prefix(year)}-{seq.last:06d}"


def year_prefix(year: int) -> str:
    """«26» for 2026, as people dictate it; a year outside 2000–2099 in full («2100»), so a number of one
    century never takes another's: the counter is kept per full year, and this keeps the numbers apart."""
    return f"{year % 100:02d}" if 2000 <= year <= 2099 else f"{year:04d}"


def new_access_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))

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
    return f"{year % 100:02d}-{seq.last:06d}"


def new_access_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))

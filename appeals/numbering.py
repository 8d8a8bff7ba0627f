"""Appeal numbers people can dictate (26-004217) and access codes nobody can guess."""

import secrets

from django.db import IntegrityError, connection, transaction

from .models import NumberSequence

# No 0/O, 1/I/L: the code is read aloud and typed from paper.
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def next_in_year(sequence, year: int) -> int:
    """The year's next value of a counter model (`year`, `last`), in one statement that locks the counter's row
    until the caller commits: values follow the order of commits, two callers at once get two values, and none
    is skipped when the caller rolls back. Appeal numbers, invoice numbers and outgoing letters count so."""
    table = sequence._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f'UPDATE "{table}" SET "last" = "last" + 1 WHERE "year" = %s RETURNING "last"', [year])
        row = cursor.fetchone()
    if row is not None:
        return row[0]
    try:  # the year's first
        with transaction.atomic():
            sequence.objects.create(year=year, last=1)
        return 1
    except IntegrityError:  # another caller made the year's counter meanwhile
        return next_in_year(sequence, year)


def next_number(year: int) -> str:
    """The year's next appeal number."""
    return f"{year_prefix(year)}-{next_in_year(NumberSequence, year):06d}"


def year_prefix(year: int) -> str:
    """«26» for 2026, as people dictate it; a year outside 2000–2099 in full («2100»), so a number of one
    century never takes another's: the counter is kept per full year, and this keeps the numbers apart."""
    return f"{year % 100:02d}" if 2000 <= year <= 2099 else f"{year:04d}"


def new_access_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))

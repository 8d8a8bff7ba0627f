"""Outgoing numbers of the letters register (исх. № 26-0001): per year, without gaps."""

from django.db import IntegrityError, connection, transaction

from appeals.numbering import year_prefix

from .models import LetterSequence


def next_letter_number(year: int) -> str:
    """The year's next number, in one statement that locks the counter's row until the caller commits: two
    letters issued at once get two numbers, and a letter rolled back (its PDF failed) leaves no gap."""
    table = LetterSequence._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f'UPDATE "{table}" SET "last" = "last" + 1 WHERE "year" = %s RETURNING "last"', [year])
        row = cursor.fetchone()
    if row is None:  # the year's first letter
        try:
            with transaction.atomic():
                LetterSequence.objects.create(year=year, last=1)
        except IntegrityError:  # another letter made the year's counter meanwhile
            return next_letter_number(year)
        last = 1
    else:
        last = row[0]
    return f"{year_prefix(year)}-{last:04d}"

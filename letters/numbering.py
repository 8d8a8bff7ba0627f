"""Outgoing numbers of the letters register (исх. № 26-0001): per year, without gaps."""

from appeals.numbering import next_in_year, year_prefix

from .models import LetterSequence


def next_letter_number(year: int) -> str:
    """The year's next number; a letter rolled back (its PDF failed) leaves no gap."""
    return f"{year_prefix(year)}-{next_in_year(LetterSequence, year):04d}"

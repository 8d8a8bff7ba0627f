"""Outgoing numbers: one register per year, without gaps, a letter rolled back leaves none."""

import datetime as dt
from unittest import mock

import pytest

from letters import services
from letters.choices import LetterKind
from letters.models import Letter
from letters.numbering import next_letter_number

from .conftest import decided

pytestmark = pytest.mark.django_db


def test_numbers_follow_each_other_and_start_again_each_year(worker):
    appeal = decided(worker)
    numbers = [services.issue_letter(appeal, LetterKind.ANSWER, worker, today=day).number
               for day in (dt.date(2026, 12, 30), dt.date(2026, 12, 31), dt.date(2027, 1, 9), dt.date(2027, 1, 11))]
    assert numbers == ["26-0001", "26-0002", "27-0001", "27-0002"]


def test_a_letter_that_failed_leaves_no_gap(worker):
    appeal = decided(worker)
    services.issue_letter(appeal, LetterKind.ANSWER, worker, today=dt.date(2026, 3, 2))
    with mock.patch("letters.pdf.letter_pdf", side_effect=OSError("no fonts")), pytest.raises(OSError):
        services.issue_letter(appeal, LetterKind.ANSWER, worker, today=dt.date(2026, 3, 3))
    letter = services.issue_letter(appeal, LetterKind.ANSWER, worker, today=dt.date(2026, 3, 4))
    assert letter.number == "26-0002"
    assert list(Letter.objects.values_list("number", flat=True)) == ["26-0002", "26-0001"]


def test_a_counter_of_a_year_outside_the_century_keeps_its_numbers_apart(db):
    assert next_letter_number(2100) == "2100-0001"


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reference_data")
def test_letters_issued_at_once_get_numbers_one_after_another():
    from appeals.tests.test_concurrent_intake import run_together
    from conftest import create_staff

    worker = create_staff("plumber", "specialist", "tech")
    appeal = decided(worker)
    results = run_together(lambda i: services.issue_letter(appeal, LetterKind.ANSWER, worker).number, 6)
    assert not [r for r in results if isinstance(r, Exception)]
    year = f"{Letter.objects.first().date:%y}"
    assert sorted(results) == [f"{year}-{n:04d}" for n in range(1, 7)]

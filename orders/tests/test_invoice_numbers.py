"""Invoice numbers: per year, «С-2026-000123», never the same for two invoices issued at once."""

import threading
import time

import pytest
from django.db import connection, transaction

from orders.invoices import next_invoice_number


@pytest.mark.django_db
def test_numbers_follow_each_other_within_a_year_and_start_anew_the_next():
    assert [next_invoice_number(2026) for _ in range(3)] == ["С-2026-000001", "С-2026-000002", "С-2026-000003"]
    assert next_invoice_number(2027) == "С-2027-000001"


def test_two_invoices_issued_at_once_get_distinct_numbers(reference_data):
    """Two real connections on a database committed for real (`reference_data`, the project's transactional
    one): the first holds its transaction open after taking a number, the second asks meanwhile and must wait
    for it rather than get the same number."""
    next_invoice_number(2026)  # the year's counter exists: both take the UPDATE path
    numbers: list[str] = []
    errors: list[BaseException] = []
    first_has_it = threading.Event()

    def issue(hold: float, signal: threading.Event | None):
        try:
            with transaction.atomic():
                numbers.append(next_invoice_number(2026))
                if signal:
                    signal.set()
                time.sleep(hold)
        except BaseException as error:  # noqa: BLE001 — reported by the test below
            errors.append(error)
        finally:
            connection.close()

    first = threading.Thread(target=issue, args=(0.5, first_has_it))
    first.start()
    first_has_it.wait(5)
    second = threading.Thread(target=issue, args=(0, None))
    second.start()
    first.join(10)
    second.join(10)
    assert not errors
    assert sorted(numbers) == ["С-2026-000002", "С-2026-000003"]


def test_the_years_first_invoices_issued_at_once_get_distinct_numbers(reference_data):
    numbers: list[str] = []
    start = threading.Barrier(2)

    def issue():
        try:
            start.wait(5)
            with transaction.atomic():
                numbers.append(next_invoice_number(2031))
        finally:
            connection.close()

    threads = [threading.Thread(target=issue) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert sorted(numbers) == ["С-2031-000001", "С-2031-000002"]

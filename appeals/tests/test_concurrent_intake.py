"""Many people filing at the same moment: every submission is accepted and stored, none is a 500.

Real threads, each with its own database connection, against a database file (SQLite) or server
(PostgreSQL): the lock the numbering takes is what is tested, so nothing here is mocked.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from accounts.models import ApiToken
from appeals.models import Appeal
from conftest import create_staff

CLIENTS = 16


def run_together(work, count: int = CLIENTS) -> list:
    """Call work(i) in `count` threads released at once; their results (or exceptions) in order."""
    start = threading.Barrier(count)
    results: list = [None] * count

    def one(i: int) -> None:
        try:
            start.wait(timeout=30)
            results[i] = work(i)
        except Exception as error:  # noqa: BLE001 - the test reports it
            results[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return results


def public_post(i: int) -> tuple[int, str]:
    client = Client(REMOTE_ADDR=f"10.0.0.{i + 1}")
    response = client.post("/appeal/", {
        "kind": "appeal", "full_name": f"Петрова Анна {i}", "phone": f"+7921{i:07d}", "email": "",
        "address": "ул. Марата, 7", "building": "", "flat": str(i + 1),
        "text": f"Не работает лифт в подъезде номер {i + 1}", "consent": "on"})
    number = client.session.get("portal_filed", {}).get("number", "") if response.status_code == 302 else ""
    return response.status_code, number


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reference_data")
def test_sixteen_public_posts_and_sixteen_api_creates_at_once_are_all_stored():
    operator = create_staff("operator", "operator", "crm")
    tokens = [ApiToken.issue(operator)[1] for _ in range(CLIENTS)]

    def api_create(i: int) -> tuple[int, str]:
        client = Client(headers={"Authorization": f"Bearer {tokens[i]}"})
        # half of them registered at once: receive, number, classify and register in one transaction
        body = {"text": f"Течёт крыша над квартирой {i + 1}", **({"reason": "roof-damage"} if i % 2 else {})}
        response = client.post("/api/v1/appeals", body, content_type="application/json")
        return response.status_code, response.json().get("number", "") if response.status_code == 201 else ""

    def either(i: int):
        return public_post(i // 2) if i % 2 == 0 else api_create(i // 2)

    results = run_together(either, 2 * CLIENTS)

    errors = [r for r in results if isinstance(r, Exception) or r[0] not in (201, 302)]
    assert errors == []
    numbers = [number for _status, number in results]
    assert all(numbers) and len(set(numbers)) == len(numbers)
    assert set(Appeal.objects.values_list("number", flat=True)) == set(numbers)
    assert Appeal.objects.filter(channel="web").count() == Appeal.objects.filter(channel="api").count() == CLIENTS
    assert Appeal.objects.filter(channel="api", status="registered").count() >= CLIENTS // 2

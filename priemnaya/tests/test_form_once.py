"""The same rendered form sent twice (a double click, a refresh) makes one appeal, the public form and the
operator's registration screen alike, even when both posts arrive at once."""

import re
import threading

import pytest
from django.db import connection
from django.test import Client

from appeals.models import Appeal
from backoffice.tests.test_register import form_data as register_data
from conftest import create_staff

PUBLIC = {"kind": "appeal", "full_name": "Орлов Пётр Ильич", "phone": "+79210000000",
          "text": "Во дворе не горит фонарь", "consent": "on"}
REGISTER = "/staff/register/"


def _token(client: Client, url: str) -> str:
    html = client.get(url).content.decode()
    return re.search(r'name="once" value="([^"]+)"', html).group(1)


def _operator_client() -> Client:
    client = Client()
    client.force_login(create_staff("operator", "operator", "crm"))
    return client


@pytest.mark.django_db
def test_the_public_form_sent_twice_makes_one_appeal_and_shows_it_again(client):
    data = {**PUBLIC, "once": _token(client, "/appeal/")}
    first = client.post("/appeal/", data)
    number = client.get(first["Location"]).context["appeal"].number
    again = Client().post("/appeal/", data)  # a refresh, or the second click answered to another tab
    assert again.status_code == 302 and again["Location"] == first["Location"]
    assert Appeal.objects.count() == 1
    assert Appeal.objects.get().number == number


@pytest.mark.django_db
def test_each_rendering_of_the_public_form_is_a_new_appeal(client):
    for _ in range(2):
        assert client.post("/appeal/", {**PUBLIC, "once": _token(client, "/appeal/")}).status_code == 302
    assert Appeal.objects.count() == 2


@pytest.mark.django_db
def test_the_same_form_sent_again_with_other_content_is_refused_with_a_message(client):
    token = _token(client, "/appeal/")
    client.post("/appeal/", {**PUBLIC, "once": token})
    response = client.post("/appeal/", {**PUBLIC, "text": "И ещё течёт кран", "once": token})
    assert response.status_code == 200 and "откройте форму заново" in response.content.decode()
    assert Appeal.objects.count() == 1


@pytest.mark.django_db
def test_a_form_shown_again_with_errors_keeps_its_token_and_is_sent_once(client):
    token = _token(client, "/appeal/")
    refused = client.post("/appeal/", {**PUBLIC, "full_name": "", "once": token})
    assert f'value="{token}"' in refused.content.decode()
    for _ in range(2):
        assert client.post("/appeal/", {**PUBLIC, "once": token}).status_code == 302
    assert Appeal.objects.count() == 1


@pytest.mark.django_db
def test_the_registration_screen_sent_twice_makes_one_appeal():
    client = _operator_client()
    data = {**register_data(), "once": _token(client, REGISTER)}
    first, again = client.post(REGISTER, data), client.post(REGISTER, data)
    assert first.status_code == again.status_code == 302 and first["Location"] == again["Location"]
    assert Appeal.objects.count() == 1


def _at_once(posts) -> list:
    answers, barrier = [], threading.Barrier(len(posts))

    def send(post):
        try:
            barrier.wait()
            answers.append(post())
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(post,)) for post in posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


@pytest.mark.parametrize("screen", ["public", "register"])
def test_two_posts_of_one_form_at_the_same_moment_make_one_appeal(screen, reference_data):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("an in-memory SQLite database locks whole tables; PostgreSQL runs this")
    if screen == "public":
        clients, url = [Client(), Client()], "/appeal/"
        data = {**PUBLIC, "once": _token(clients[0], url)}
    else:
        operator = _operator_client()
        clients, url = [operator, operator], REGISTER
        data = {**register_data(), "once": _token(operator, url)}
    answers = _at_once([lambda c=c: c.post(url, data) for c in clients])
    assert [a.status_code for a in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]
    assert Appeal.objects.count() == 1

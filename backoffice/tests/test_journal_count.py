import pytest

from appeals import journal, services
from appeals.journal import Found, JournalFilter, count_found
from appeals.models import Appeal
from backoffice.templatetags.numbers import thousands
from conftest import create_appeal, create_staff

pytestmark = pytest.mark.django_db


def _journal(client, user, **params):
    client.force_login(user)
    return client.get("/staff/journal/", params).content.decode()


def _many(count, text="Обращение", **extra):
    return [create_appeal(f"{text} {i}", **extra) for i in range(count)]


def test_count_of_the_whole_filter_beyond_the_first_page(client, operator):
    _many(52)
    waiting = Appeal.objects.order_by("id")[:2]
    for appeal in waiting:
        services.transition(appeal, "request_clarification", operator, note="Уточните адрес")
    assert "Найдено: <strong>52</strong>" in _journal(client, operator)
    assert "Найдено: <strong>50</strong>" in _journal(client, operator, status="received")
    assert "Найдено: <strong>2</strong>" in _journal(client, operator, status="clarification")


def test_count_is_the_same_on_every_page(client, operator):
    _many(51)
    assert "Найдено: <strong>51</strong><span class=\"muted\"> · показаны 51–51" in _journal(client, operator, page=2)


def test_nothing_found_shows_no_count(client, operator):
    html = _journal(client, operator, q="домофон")
    assert "Найдено" not in html and "Обращений по заданным условиям не найдено." in html


def test_beyond_the_limit_the_count_says_more_than(client, operator, monkeypatch):
    _many(51)
    monkeypatch.setattr(journal, "COUNT_LIMIT", 40)
    assert "Найдено: <strong>более 40</strong>" in _journal(client, operator)
    assert count_found(Appeal.objects.all(), JournalFilter(), limit=51) == Found(51)
    assert count_found(Appeal.objects.all(), JournalFilter(), limit=50) == Found(50, more=True)


def test_a_search_is_counted_to_a_lower_limit(client, operator, monkeypatch):
    _many(51, text="Протекает крыша")
    monkeypatch.setattr(journal, "SEARCH_COUNT_LIMIT", 30)
    assert "Найдено: <strong>более 30</strong>" in _journal(client, operator, q="крыша")
    assert "Найдено: <strong>51</strong>" in _journal(client, operator)


def test_count_holds_only_what_the_person_may_see(client):
    engineer = create_staff("engineer", "specialist", "tech")
    _many(51, reason="roof-damage")  # the technical department's
    _many(3, text="Квитанция", reason=None)
    assert "Найдено: <strong>51</strong>" in _journal(client, engineer)


def test_count_of_a_search_by_text_and_by_surname(client, operator):
    _many(50, text="Протекает крыша", full_name="Сидорова Анна Ивановна", phone="+79210000001")
    create_appeal("Не работает домофон", full_name="Сидорова Анна Ивановна", phone="+79210000001")
    create_appeal("Течёт крыша", full_name="Кузнецов Олег", phone="+79210000002")
    assert "Найдено: <strong>51</strong>" in _journal(client, operator, q="Сидорова")
    assert "Найдено: <strong>51</strong>" in _journal(client, operator, q="крыша")


def test_a_common_surname_is_found_but_not_counted(client, operator, monkeypatch):
    _many(26, full_name="Петрова Анна", phone="+79210000001")
    _many(25, full_name="Петрова Вера", phone="+79210000002")
    monkeypatch.setattr(journal, "MAX_APPLICANTS", 1)
    html = _journal(client, operator, q="Петрова")
    assert html.count('href="/staff/appeals/') == 50 and "page=2" in html
    assert "Найдено:" not in html and "Такую фамилию носят более 1 заявителей" in html
    assert "показаны 1–50" in html
    assert "Найдено: <strong>51</strong>" in _journal(client, operator, q="Петрова", page=2)


def test_thousands_are_apart_as_a_russian_clerk_writes_them():
    assert thousands(1234) == "1\u202f234"
    assert thousands(10_000) == "10\u202f000"
    assert thousands(999) == "999" and thousands(1_000_000) == "1\u202f000\u202f000"

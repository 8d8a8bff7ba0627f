"""While a resident types: known problems of their building and answers to typical questions."""

import datetime as dt

import pytest
from django.utils import timezone

from appeals.models import Appeal
from conftest import create_appeal
from triage.incidents import link_appeal
from triage.models import FaqEntry

pytestmark = pytest.mark.django_db
URL = "/appeal/hints/"


@pytest.fixture
def hot_water_incident(building):
    create_appeal("Нет горячей воды в 40-й квартире с утра", reason="water-no-hot", building=building,
                  full_name="Скрытова Анна Игоревна", phone="+79219998877",
                  received_at=timezone.now() - dt.timedelta(hours=5))
    second = create_appeal("Отключили горячую воду во всём стояке", reason="water-no-hot", building=building)
    incident = link_appeal(Appeal.objects.select_related("reason").get(pk=second.pk))
    incident.public_note = "Идёт ремонт трубопровода, горячую воду дадут к 18:00."
    incident.save()
    return incident


def test_a_resident_of_the_building_learns_the_problem_is_known(client, building, hot_water_incident):
    html = client.post(URL, {"text": "У нас опять нет горячей воды!", "building": building.pk}).content.decode()
    assert "По вашему дому об этом уже известно" in html and "обращений: 2" in html
    assert "горячую воду дадут к 18:00" in html
    for private in ("Скрытова", "9998877", "Иванова", "40-й"):
        assert private not in html


def test_another_problem_or_building_gets_no_warning(client, building, hot_water_incident):
    from conftest import create_building

    other = create_building("улица Марата", "11")
    assert "уже известно" not in client.post(URL, {"text": "У нас нет горячей воды",
                                                  "building": other.pk}).content.decode()
    assert "уже известно" not in client.post(URL, {"text": "Не работает домофон в парадной",
                                                  "building": building.pk}).content.decode()


def test_a_typical_question_gets_its_answer(client):
    FaqEntry.objects.create(question="Как передать показания счётчиков воды?",
                            answer="Показания принимаются с 20 по 25 число через личный кабинет.",
                            keywords="показания счётчиков; передать показания")
    html = client.post(URL, {"text": "Куда передавать показания счётчика горячей воды?"}).content.decode()
    assert "Возможно, ответ уже есть" in html and "с 20 по 25 число" in html


def test_short_text_gets_nothing(client):
    html = client.post(URL, {"text": "крыша"}).content.decode()
    assert "faq-hints" not in html and "known-problem" not in html and "аварию" not in html


def test_the_form_asks_for_hints_as_the_resident_types(client):
    html = client.get("/appeal/").content.decode()
    assert 'hx-post="/appeal/hints/"' in html and 'id="appeal-hints"' in html


def test_faq_page_finds_an_answer_by_other_words_and_lists_all(client):
    FaqEntry.objects.create(question="Как получить справку о регистрации (форма 9)?",
                            answer="Справку выдаёт паспортный стол в часы приёма.", keywords="справка формы 9")
    FaqEntry.objects.create(question="Скрытый вопрос", answer="Не для сайта", is_published=False)
    html = client.get("/faq/", {"q": "нужна справка по форме 9"}).content.decode()
    assert "Ответы на ваш вопрос" in html and "паспортный стол" in html and "Скрытый вопрос" not in html
    assert "Готового ответа на этот вопрос нет" in client.get("/faq/", {"q": "почему небо голубое"}).content.decode()


def test_faq_page_without_a_question_lists_published_entries(client):
    FaqEntry.objects.create(question="Когда дадут отопление?", answer="По постановлению правительства города.")
    html = client.get("/faq/").content.decode()
    assert "Когда дадут отопление?" in html and "Вопросы и ответы" in html

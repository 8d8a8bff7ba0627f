"""Anonymised summaries of answers: published by staff from an answered appeal, listed by topic on the site."""

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from accounts.models import Company
from appeals.models import AppealEvent
from conftest import create_appeal, create_building
from feedback import summaries
from feedback.models import AnswerSummary

from .helpers import answered_appeal
from .test_moderation import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def appeal(supervisor):
    return answered_appeal(supervisor, text="Иванова Мария Петровна: протекает кровля над квартирой 12.",
                           answer="Уважаемая Мария Петровна! Кровля над квартирой 12 отремонтирована 14 марта.")


def test_answered_appeal_page_offers_publishing_to_the_supervisor_only(appeal, supervisor, operator):
    html = logged_in(supervisor).get(appeal.get_absolute_url()).content.decode()
    assert "Опубликовать ответ в интернет-приёмной" in html
    assert "Опубликовать ответ в интернет-приёмной" not in logged_in(operator).get(
        appeal.get_absolute_url()).content.decode()
    assert logged_in(operator).get(f"/staff/appeals/{appeal.number}/publish-answer/").status_code == 403


def test_an_open_appeal_offers_no_publishing(supervisor):
    appeal = create_appeal()
    assert "Опубликовать ответ в интернет-приёмной" not in logged_in(supervisor).get(
        appeal.get_absolute_url()).content.decode()
    response = logged_in(supervisor).post(f"/staff/appeals/{appeal.number}/publish-answer/",
                                          {"question": "Вопрос", "answer": "Ответ", "action": "publish"})
    assert response.status_code == 400 and "только ответ по рассмотренному обращению" in response.content.decode()


def test_the_form_is_prefilled_with_the_masked_question_and_answer(appeal, supervisor):
    html = logged_in(supervisor).get(f"/staff/appeals/{appeal.number}/publish-answer/").content.decode()
    assert "протекает кровля над квартирой [скрыто]" in html and "Уважаемая [скрыто]!" in html
    assert "Иванова" not in html.split("<form", 1)[1].split("</form>")[0]


def test_preview_masks_an_edit_and_publishes_nothing(appeal, supervisor):
    response = logged_in(supervisor).post(f"/staff/appeals/{appeal.number}/publish-answer/", {
        "question": "Протекает кровля (Иванова, тел. 8 921 123-45-67)", "answer": "Отремонтировано.",
        "action": "preview"})
    assert response.status_code == 200 and "Протекает кровля ([скрыто], тел. [скрыто])" in response.content.decode()
    assert not AnswerSummary.objects.exists()


def test_publish_masks_the_edited_texts_again(appeal, supervisor):
    response = logged_in(supervisor).post(f"/staff/appeals/{appeal.number}/publish-answer/", {
        "question": "Протекает кровля у Ивановой М. П., кв. 12", "answer": "Мастер Петров отремонтировал кровлю.",
        "action": "publish"})
    assert response.status_code == 302
    summary = AnswerSummary.objects.get()
    assert "Иванов" not in summary.question and "12" not in summary.question and "Петров" not in summary.answer
    assert (summary.street, summary.category, summary.is_published) == ("улица Рубинштейна", appeal.category, True)


def test_publishing_and_unpublishing_are_staff_only_events_of_the_appeal(appeal, supervisor):
    client = logged_in(supervisor)
    client.post(f"/staff/appeals/{appeal.number}/publish-answer/", {"question": "Течёт кровля",
                                                                    "answer": "Отремонтировано.", "action": "publish"})
    assert "Снять с публикации" in client.get(appeal.get_absolute_url()).content.decode()
    client.post(f"/staff/appeals/{appeal.number}/unpublish-answer/")
    assert not AnswerSummary.objects.get().is_published
    events = AppealEvent.objects.filter(appeal=appeal, action__in=["answer_published", "answer_unpublished"])
    assert [(e.action, e.is_public) for e in events] == [("answer_published", False), ("answer_unpublished", False)]
    page = client.get(appeal.get_absolute_url()).content.decode()
    assert "Ответ опубликован в интернет-приёмной" in page and "Ответ снят с публикации" in page
    assert "Течёт кровля" not in Client().get("/answers/").content.decode()


def test_the_public_list_groups_by_topic_and_shows_month_topic_street_but_no_house(appeal, supervisor):
    summaries.publish_summary(appeal, supervisor, question="Протекает кровля", answer="Кровля отремонтирована.")
    other = answered_appeal(supervisor, text="Нет отопления", reason="heating-none", answer="Отопление включено.",
                            building=create_building(street="Литейный проспект", house="33"))
    summaries.publish_summary(other, supervisor, question="Нет отопления", answer="Отопление включено.")
    html = Client().get("/answers/").content.decode()
    assert html.count('class="answers-topic"') == 2 and appeal.category.name in html and other.category.name in html
    assert "улица Рубинштейна" in html and "Литейный проспект" in html
    assert "д. 15" not in html and "д. 33" not in html and ", 15" not in html
    assert date_format(timezone.localdate(appeal.answered_at), "F Y") in html


def test_filters_by_topic_and_by_street(appeal, supervisor):
    summaries.publish_summary(appeal, supervisor, question="Протекает кровля", answer="Кровля отремонтирована.")
    other = answered_appeal(supervisor, text="Нет отопления", reason="heating-none", answer="Отопление включено.",
                            building=create_building(street="Литейный проспект", house="33"))
    summaries.publish_summary(other, supervisor, question="Нет отопления", answer="Отопление включено.")
    by_topic = Client().get("/answers/", {"topic": other.category_id}).content.decode()
    assert "Нет отопления" in by_topic and "Протекает кровля" not in by_topic
    by_street = Client().get("/answers/", {"street": "улица Рубинштейна"}).content.decode()
    assert "Протекает кровля" in by_street and "Нет отопления" not in by_street


@pytest.mark.parametrize("query", [{"topic": "abc"}, {"topic": "99999999999999999999999"}, {"street": "<b>x</b>"},
                                   {"page": "abc"}, {"page": "-1"}, {"topic": "1", "page": "9999"}])
def test_bad_filters_give_a_russian_message_not_an_error(query, appeal, supervisor):
    summaries.publish_summary(appeal, supervisor, question="Протекает кровля", answer="Кровля отремонтирована.")
    response = Client().get("/answers/", query)
    assert response.status_code == 200
    html = response.content.decode()
    if "topic" in query and not query["topic"].isdigit() or len(query.get("topic", "")) > 5:
        assert "Такой темы нет: выберите тему из списка." in html
    if "street" in query:
        assert "выберите улицу из списка" in html and "<b>x</b>" not in html


def test_a_ten_thousand_character_answer_is_refused_in_russian(appeal, supervisor):
    response = logged_in(supervisor).post(f"/staff/appeals/{appeal.number}/publish-answer/", {
        "question": "Вопрос", "answer": "о" * 10_000, "action": "publish"})
    assert response.status_code == 400 and "не должен быть длиннее 5000 знаков" in response.content.decode()


def test_the_list_costs_the_same_queries_for_many_summaries(supervisor, django_assert_max_num_queries):
    Company.current()
    for number in range(6):
        appeal = answered_appeal(supervisor, text=f"Вопрос {number}", answer="Ответ.",
                                 building=create_building(street=f"улица Номер {number}", house="1"))
        summaries.publish_summary(appeal, supervisor, question=f"Вопрос {number}", answer="Ответ.")
    with django_assert_max_num_queries(5):  # company, topics, streets, count, rows
        response = Client().get("/answers/")
    assert response.content.decode().count('class="card answer-summary"') == 6
    assert len(response.content) < 100_000


def test_the_house_and_the_appeal_number_written_in_the_texts_are_hidden(supervisor):
    appeal = answered_appeal(supervisor,
                             text="Проживаю: улица Рубинштейна, д. 15, кв. 3 (Рубинштейна, 15). Течёт кран.",
                             answer="Уважаемая Мария Петровна!\n\nВаше обращение рассмотрено, кран в доме 15 заменён."
                                    "\n\nС уважением,\nОтдел по работе с обращениями граждан")
    draft = summaries.draft_for(appeal)
    assert "15" not in draft.question and "15" not in draft.answer and appeal.number not in draft.answer
    assert draft.answer == "Ваше обращение рассмотрено, кран в [скрыто] заменён."

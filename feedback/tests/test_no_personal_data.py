"""152-ФЗ: the feedback pages carry nobody's personal data, whatever was typed into a review or an appeal."""

import re

import pytest
from django.test import Client

from feedback.models import AnswerSummary, Review

from .helpers import answered_appeal
from .test_moderation import logged_in

pytestmark = pytest.mark.django_db

NAME = "Затейникова Евлампия Порфирьевна"
PHONE = "+7 (911) 987-65-43"
EMAIL = "evlampia.zateinikova@example.ru"
FLAT = "кв. 418"
ACCOUNT = "лицевой счёт № 7801234567"
PLANTED = ["Затейников", "Евлампи", "Порфирьевн", "987-65-43", "9119876543", EMAIL, "zateinikova", "418",
           "7801234567"]
CARRYING = f"{NAME}, {FLAT}, {ACCOUNT}, тел. {PHONE}, {EMAIL}"


def publish_everything(supervisor) -> None:
    client = logged_in(supervisor)
    client.post("/reviews/new/", {"rating": "2", "consent": "on", "author_name": NAME,
                                  "text": f"Пишет {CARRYING}. Третью неделю не вывозят мусор."})
    client.post(f"/staff/reviews/{Review.objects.get().pk}/publish/")
    appeal = answered_appeal(supervisor, full_name=NAME, phone=PHONE, email=EMAIL, flat="418",
                             text=f"Я, {CARRYING}, прошу сделать перерасчёт за отопление.",
                             answer=f"Уважаемая Евлампия Порфирьевна! По {ACCOUNT} ({FLAT}) перерасчёт выполнен. "
                                    f"Вопросы — по телефону {PHONE} или {EMAIL}.", reason="billing-recalc")
    form = client.get(f"/staff/appeals/{appeal.number}/publish-answer/").context["form"]
    # Staff publish the prefilled texts with a name typed back in: the second masking takes it out again.
    client.post(f"/staff/appeals/{appeal.number}/publish-answer/", {
        "question": form.initial["question"] + f" ({NAME})", "answer": form.initial["answer"], "action": "publish"})


def test_no_feedback_page_shows_the_planted_personal_data(supervisor):
    publish_everything(supervisor)
    assert Review.objects.get().state == Review.State.PUBLISHED and AnswerSummary.objects.get().is_published
    anonymous = Client()
    pages = {url: anonymous.get(url) for url in ("/reviews/", "/answers/", "/hq/", "/faq/", "/")}
    assert all(response.status_code == 200 for response in pages.values())
    assert "мусор" in pages["/reviews/"].content.decode() and "перерасчёт" in pages["/answers/"].content.decode()
    for url, response in pages.items():
        html = response.content.decode()
        leaked = [value for value in PLANTED if re.search(re.escape(value), html, re.IGNORECASE)]
        assert not leaked, f"{url} shows {leaked}"

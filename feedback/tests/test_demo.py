"""The demo's feedback: real-looking reviews in every state and a dozen answers, masked, loaded once."""

import pytest
from django.core.management import call_command
from django.test import Client

from feedback import demo
from feedback.models import AnswerSummary, Review

pytestmark = pytest.mark.django_db


def test_load_demo_fills_the_feedback_section_once(capsys):
    call_command("load_demo", appeals=60)
    said = capsys.readouterr().out
    assert "Обратная связь: отзывов добавлено 10" in said
    states = set(Review.objects.values_list("state", flat=True))
    assert states == {"published", "pending", "rejected"}
    published = AnswerSummary.objects.filter(is_published=True)
    assert 6 <= published.count() <= demo.SUMMARIES_WANTED
    counts = (Review.objects.count(), AnswerSummary.objects.count())
    assert demo.load().startswith("Обратная связь: отзывов добавлено 0")
    assert (Review.objects.count(), AnswerSummary.objects.count()) == counts
    html = Client().get("/answers/").content.decode()
    for summary in published.select_related("appeal__applicant"):
        assert summary.appeal.applicant is None or summary.appeal.applicant.full_name.split()[0] not in html
    assert Client().get("/reviews/").status_code == 200

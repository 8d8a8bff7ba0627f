"""The «Письма» block of the appeal page: the letters with their PDFs, the buttons for the kinds that apply,
a refusal told in Russian, and the PDF only for whoever sees the appeal."""

import re

import pytest

from conftest import create_staff
from letters import services
from letters.choices import LetterKind
from letters.models import Letter

from .conftest import decided, extended, in_work

pytestmark = pytest.mark.django_db


def test_the_page_offers_the_letter_that_applies_and_lists_the_issued_one(client, worker):
    appeal = decided(worker, refuse=True)
    client.force_login(worker)
    html = client.get(appeal.get_absolute_url()).content.decode()
    assert "Письма" in html and "Писем не было." in html
    assert f"/staff/appeals/{appeal.number}/letters/refusal/" in html
    assert f"/staff/appeals/{appeal.number}/letters/answer/" not in html
    response = client.post(f"/staff/appeals/{appeal.number}/letters/refusal/", follow=True)
    letter = Letter.objects.get()
    html = response.content.decode()
    assert f"Сформировано письмо исх. № {letter.number}" in html
    assert f"/staff/appeals/{appeal.number}/letters/{letter.pk}.pdf" in html
    assert "Сформировано письмо заявителю" in html  # the history
    download = client.get(f"/staff/appeals/{appeal.number}/letters/{letter.pk}.pdf")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_letter_that_does_not_apply_is_refused_in_russian_not_a_500(client, worker):
    appeal = in_work(worker)
    client.force_login(worker)
    response = client.post(f"/staff/appeals/{appeal.number}/letters/extension/", follow=True)
    assert response.status_code == 200
    assert "Письмо не сформировано. Срок рассмотрения этого обращения не продлевался" in response.content.decode()
    response = client.post(f"/staff/appeals/{appeal.number}/letters/nonsense/", follow=True)
    assert response.status_code == 200 and "Неизвестный вид письма" in response.content.decode()
    assert not Letter.objects.exists()


def test_a_post_letter_is_marked_as_posted(client, worker):
    appeal = extended(worker, email="")
    letter = services.issue_letter(appeal, LetterKind.EXTENSION, worker)
    client.force_login(worker)
    assert "к отправке почтой" in client.get(appeal.get_absolute_url()).content.decode()
    client.post(f"/staff/appeals/{appeal.number}/letters/{letter.pk}/posted/")
    letter.refresh_from_db()
    assert letter.sent_at is not None and letter.delivery_state.startswith("отправлено почтой")
    assert appeal.events.filter(action="letter_posted").exists()


def test_staff_who_do_not_see_the_appeal_get_404_and_may_not_issue(client, worker):
    appeal = decided(worker)
    letter = services.issue_letter(appeal, LetterKind.ANSWER, worker)
    client.force_login(create_staff("cashier", "specialist", "paid"))
    assert client.get(f"/staff/appeals/{appeal.number}/letters/{letter.pk}.pdf").status_code == 404
    assert client.post(f"/staff/appeals/{appeal.number}/letters/answer/").status_code == 404
    assert Letter.objects.count() == 1


def test_a_letter_of_another_appeal_is_not_found_under_this_one(client, worker):
    mine = decided(worker)
    other = decided(worker)
    letter = services.issue_letter(other, LetterKind.ANSWER, worker)
    client.force_login(worker)
    assert client.get(f"/staff/appeals/{mine.number}/letters/{letter.pk}.pdf").status_code == 404


def test_anonymous_is_sent_to_log_in(client, worker):
    appeal = decided(worker)
    letter = services.issue_letter(appeal, LetterKind.ANSWER, worker)
    response = client.get(f"/staff/appeals/{appeal.number}/letters/{letter.pk}.pdf")
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_double_click_makes_one_letter(client, worker):
    appeal = decided(worker)
    client.force_login(worker)
    html = client.get(appeal.get_absolute_url()).content.decode()
    token = re.search(r'name="once" value="([\w-]+)"', html)[1]
    url = f"/staff/appeals/{appeal.number}/letters/answer/"
    first, again = (client.post(url, {"once": token}, follow=True).content.decode() for _ in range(2))
    number = Letter.objects.get().number
    assert f"Сформировано письмо исх. № {number}" in first and f"Сформировано письмо исх. № {number}" in again
    client.post(url, {"once": "another-token"})
    assert Letter.objects.count() == 2

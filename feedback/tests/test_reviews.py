"""Reviews on the public site: sent by anyone, shown only when published, rated on average."""

import pytest
from django.test import Client

from accounts.models import Company
from feedback import reviews
from feedback.models import Review

from .helpers import published_review

pytestmark = pytest.mark.django_db

VALID = {"rating": "4", "text": "Дворник работает хорошо, во дворе чисто.", "author_name": "", "consent": "on"}


def test_form_page_has_labels_and_described_fields(client):
    html = client.get("/reviews/new/").content.decode()
    assert "Ваша оценка" in html and 'for="id_text"' in html and 'for="id_author_name"' in html
    assert 'aria-describedby="id_text_helptext"' in html and 'id="id_text_helptext"' in html
    assert "Электронную почту и телефон мы не спрашиваем" in html
    assert 'name="email"' not in html and 'name="phone"' not in html


def test_sent_review_waits_for_moderation_and_is_not_shown(client):
    response = client.post("/reviews/new/", VALID)
    assert response.status_code == 302 and response["Location"] == "/reviews/thanks/"
    assert Review.objects.get().state == Review.State.PENDING
    assert "Дворник работает хорошо" not in client.get("/reviews/").content.decode()
    assert "после проверки" in client.get("/reviews/thanks/").content.decode()


def test_published_review_is_shown_masked_with_average_and_count(client, supervisor):
    published_review(supervisor, rating=5, text="Спасибо мастеру Петрову И. И., тел. 8 921 555-12-34!")
    published_review(supervisor, rating=2, text="Долго не убирали снег.")
    html = client.get("/reviews/").content.decode()
    assert "Долго не убирали снег." in html and "Спасибо мастеру [скрыто]" in html
    assert "Петров" not in html and "555-12-34" not in html
    assert "3,5" in html and "2 отзыва" in html


def test_rejected_and_hidden_reviews_are_not_shown(client, supervisor):
    rejected = reviews.submit_review(rating=1, text="Отклонённый отзыв")
    reviews.moderate(rejected, supervisor, "reject", "Оскорбления")
    hidden = published_review(supervisor, text="Снятый с сайта отзыв")
    reviews.moderate(hidden, supervisor, "hide")
    html = client.get("/reviews/").content.decode()
    assert "Отклонённый отзыв" not in html and "Снятый с сайта отзыв" not in html
    assert "Опубликованных отзывов пока нет" in html


def test_reviews_are_newest_first_and_paged(client, supervisor):
    for number in range(12):
        published_review(supervisor, text=f"Отзыв номер {number:02d}")
    first = client.get("/reviews/").content.decode()
    assert first.index("Отзыв номер 11") < first.index("Отзыв номер 02") and "Отзыв номер 01" not in first
    assert "Отзыв номер 01" in client.get("/reviews/?page=2").content.decode()
    assert client.get("/reviews/?page=abc").status_code == 200


@pytest.mark.parametrize("rating", ["0", "6", "abc", "", "4.5", "-1"])
def test_a_rating_outside_one_to_five_is_refused_in_russian(client, rating):
    response = client.post("/reviews/new/", VALID | {"rating": rating})
    assert response.status_code == 400
    assert "Поставьте оценку от 1 до 5." in response.content.decode()
    assert not Review.objects.exists()


def test_a_ten_thousand_character_text_is_refused_in_russian(client):
    response = client.post("/reviews/new/", VALID | {"text": "а" * 10_000})
    assert response.status_code == 400
    assert "не должен быть длиннее 2000 знаков" in response.content.decode()


def test_missing_text_and_consent_are_told_next_to_their_fields(client):
    html = client.post("/reviews/new/", {"rating": "5"}).content.decode()
    assert 'id="id_text_error"' in html and "Напишите, пожалуйста, текст отзыва." in html
    assert "Без вашего согласия мы не можем опубликовать отзыв." in html
    assert 'aria-describedby="id_text_helptext id_text_error"' in html


def test_hostile_text_is_stored_as_typed_and_shown_escaped(client, supervisor):
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> \u202eнидолоХ'
    client.post("/reviews/new/", VALID | {"text": hostile, "author_name": "<b>жилец</b>"})
    review = Review.objects.get()
    reviews.moderate(review, supervisor, "publish")
    html = client.get("/reviews/").content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html and "<b>жилец" not in html
    assert "\u202e" not in html


def test_a_signature_of_only_a_name_reads_as_a_resident(supervisor):
    review = published_review(supervisor, name="Иванова Мария Петровна")
    assert review.shown_name == reviews.ANONYMOUS


def test_sending_reviews_is_rate_limited_per_ip(client, settings):
    settings.PUBLIC_RATE_LIMIT = 2
    assert [client.post("/reviews/new/", VALID).status_code for _ in range(3)] == [302, 302, 429]
    assert Client(REMOTE_ADDR="10.1.2.3").post("/reviews/new/", VALID).status_code == 302


def test_the_list_costs_the_same_queries_for_many_reviews(client, supervisor, django_assert_max_num_queries):
    Company.current()
    for number in range(10):
        published_review(supervisor, text=f"Отзыв {number}")
    with django_assert_max_num_queries(4):  # company, count, rows, average
        assert client.get("/reviews/").status_code == 200


def test_the_page_is_under_100_kb(client, supervisor):
    for _ in range(10):
        published_review(supervisor, text="Длинный отзыв. " * 130)
    assert len(client.get("/reviews/").content) < 100_000

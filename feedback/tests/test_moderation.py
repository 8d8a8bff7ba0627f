"""Moderating reviews in the back office: the supervisor's (and admin's) permission, checked by `access.may`."""

import pytest
from django.test import Client

from appeals import access
from feedback import reviews
from feedback.errors import FeedbackError
from feedback.models import Review

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def pending():
    return reviews.submit_review(rating=3, text="Мастер Сидоров И. И. пришёл вовремя, тел. +7 921 000-11-22.",
                                 author_name="Сидорова Анна")


def test_operator_and_specialist_may_not_moderate(operator, specialist, pending):
    for user in (operator, specialist):
        assert not access.may(user, "moderate_reviews")
        assert logged_in(user).get("/staff/reviews/").status_code == 403
        assert logged_in(user).post(f"/staff/reviews/{pending.pk}/publish/").status_code == 403
    assert Review.objects.get().state == Review.State.PENDING
    with pytest.raises(access.Forbidden):
        reviews.moderate(pending, operator, "publish")


def test_supervisor_and_admin_may_moderate(supervisor, admin_user):
    assert access.may(supervisor, "moderate_reviews") and access.may(admin_user, "moderate_reviews")


def test_anonymous_is_sent_to_log_in():
    response = Client().get("/staff/reviews/")
    assert response.status_code == 302 and response["Location"].startswith("/staff/login/")


def test_queue_shows_the_masked_preview_and_the_nav_counts_waiting(supervisor, pending):
    html = logged_in(supervisor).get("/staff/reviews/").content.decode()
    assert "Так отзыв будет выглядеть на сайте" in html and "Мастер [скрыто] пришёл вовремя" in html
    assert "000-11-22" not in html and "Житель района" in html and "Сидорова" not in html
    assert 'href="/staff/reviews/"' in html and 'title="Ждут модерации: 1"' in html


def test_operator_nav_has_no_moderation_link(operator):
    assert 'href="/staff/reviews/"' not in logged_in(operator).get("/staff/journal/").content.decode()


def test_publish_over_http_shows_it_on_the_site(supervisor, pending):
    response = logged_in(supervisor).post(f"/staff/reviews/{pending.pk}/publish/")
    assert response.status_code == 302
    review = Review.objects.get()
    assert review.state == Review.State.PUBLISHED and review.moderated_by == supervisor
    assert "пришёл вовремя" in Client().get("/reviews/").content.decode()


def test_reject_needs_a_reason_and_hides_the_review(supervisor, pending):
    client = logged_in(supervisor)
    client.post(f"/staff/reviews/{pending.pk}/reject/", {"reason": " "})
    assert Review.objects.get().state == Review.State.PENDING
    client.post(f"/staff/reviews/{pending.pk}/reject/", {"reason": "Реклама"})
    review = Review.objects.get()
    assert (review.state, review.reject_reason) == (Review.State.REJECTED, "Реклама")
    assert "пришёл вовремя" not in Client().get("/reviews/").content.decode()
    assert "Реклама" in client.get("/staff/reviews/?state=rejected").content.decode()


def test_a_published_review_may_be_hidden_later_and_published_again(supervisor, pending):
    client = logged_in(supervisor)
    client.post(f"/staff/reviews/{pending.pk}/publish/")
    client.post(f"/staff/reviews/{pending.pk}/hide/")
    assert Review.objects.get().state == Review.State.HIDDEN
    assert "пришёл вовремя" not in Client().get("/reviews/").content.decode()
    client.post(f"/staff/reviews/{pending.pk}/publish/")
    assert Review.objects.get().state == Review.State.PUBLISHED


def test_a_step_the_table_does_not_allow_is_refused_in_russian(supervisor, pending):
    with pytest.raises(FeedbackError, match="невозможно"):
        reviews.moderate(pending, supervisor, "hide")
    response = logged_in(supervisor).post(f"/staff/reviews/{pending.pk}/delete-all/", follow=True)
    assert response.status_code == 200 and "невозможно" in response.content.decode()


def test_a_bad_state_or_page_in_the_queue_is_not_an_error(supervisor):
    assert logged_in(supervisor).get("/staff/reviews/?state=<x>&page=abc").status_code == 200

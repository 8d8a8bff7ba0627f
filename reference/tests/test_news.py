"""News: published items only, by category, a page at a time; staff preview what is not published yet."""

import re

import pytest

from conftest import create_staff
from reference.models import NewsItem
from reference.views import NEWS_PER_PAGE

from .factories import count_queries, create_news

pytestmark = pytest.mark.django_db


def html(response) -> str:
    return response.content.decode()


def test_the_list_shows_published_news_with_date_and_category(client):
    create_news(title="С 1 июля меняются тарифы")
    page = html(client.get("/news/"))
    assert "С 1 июля меняются тарифы" in page and "Изменение тарифов" in page
    assert 'href="/news/tarify/"' in page


def test_a_news_page_shows_its_text_in_paragraphs(client):
    create_news()
    response = client.get("/news/tarify/")
    assert response.status_code == 200
    assert "<p>Первый абзац.</p>" in html(response) and "<h1>С 1 июля меняются тарифы</h1>" in html(response)


def test_unpublished_and_future_news_are_hidden_from_the_public(client):
    create_news("draft", title="Черновик новости", published=False)
    create_news("future", title="Новость завтрашнего дня", days_ago=-1)
    page = html(client.get("/news/"))
    assert "Черновик новости" not in page and "Новость завтрашнего дня" not in page
    assert client.get("/news/draft/").status_code == 404
    assert client.get("/news/future/").status_code == 404
    assert client.get("/news/?preview=1").content.decode().count("Черновик") == 0


def test_staff_who_edit_news_preview_an_unpublished_one(client, admin_user):
    create_news("draft", title="Черновик новости", published=False)
    client.force_login(admin_user)
    response = client.get("/news/draft/")
    assert response.status_code == 200
    assert "Предпросмотр: новость не опубликована" in html(response)
    assert "Черновик новости" in html(client.get("/news/?preview=1"))
    assert "Черновик новости" not in html(client.get("/news/"))  # without asking, the public view


def test_staff_without_the_right_to_edit_news_see_only_published_ones(client):
    create_news("draft", published=False)
    client.force_login(create_staff("op", "operator", "crm", is_staff=True))
    assert client.get("/news/draft/").status_code == 404


def test_the_category_filter_shows_only_its_news(client):
    create_news("tarify", title="Тарифы с июля")
    create_news("avaria", title="Авария на Литейном", category=NewsItem.Category.EMERGENCY)
    page = html(client.get("/news/?category=emergency"))
    assert "Авария на Литейном" in page and "Тарифы с июля" not in page
    assert 'href="?category=emergency" aria-current="page"' in page


def test_an_unknown_category_or_slug_is_a_russian_404(client):
    for path in ("/news/?category=<script>", "/news/net-takoy/", "/news/?category=tariffs%00"):
        response = client.get(path)
        assert response.status_code == 404 and "Страница не найдена" in html(response)


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1e9", "%27%22%3E"])
def test_a_bad_page_number_gives_the_nearest_page(client, page):
    for number in range(NEWS_PER_PAGE + 2):
        create_news(f"n{number}", title=f"Новость {number}", days_ago=number + 1)
    response = client.get(f"/news/?page={page}")
    assert response.status_code == 200
    assert re.search(r"Страница [12] из 2", html(response))


def test_the_second_page_links_back_and_keeps_the_category(client):
    for number in range(NEWS_PER_PAGE + 1):
        create_news(f"n{number}", days_ago=number + 1)
    page = html(client.get("/news/?category=tariffs&page=2"))
    assert "Страница 2 из 2" in page and 'href="?category=tariffs&amp;page=1"' in page


def test_the_list_costs_the_same_queries_for_few_and_many_news(client, django_assert_num_queries):
    create_news("one")
    client.get("/news/")  # the company card is made on the first page ever shown
    few = count_queries(client, "/news/")
    for number in range(NEWS_PER_PAGE * 2):
        create_news(f"n{number}")
    with django_assert_num_queries(few):
        client.get("/news/")

"""The centres' public pages: the list and one centre's card, from what staff entered in the admin."""

import datetime as dt

import pytest

from appointments.models import Publication, Question

from .factories import add_head_reception, create_centre, frozen

pytestmark = pytest.mark.django_db


def test_the_list_shows_each_centre_with_address_hours_and_a_booking_link(client):
    create_centre("marata")
    create_centre("nevsky")
    with frozen():
        response = client.get("/centres/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("ул. Марата, д. 10") == 2
    assert "пн–чт 9:00–18:00" in html and "обед 13:00–13:45" in html
    assert 'href="/centres/marata/book/"' in html and 'href="/centres/nevsky/"' in html


def test_the_list_makes_the_same_queries_for_one_centre_and_for_many(client, django_assert_max_num_queries):
    create_centre("one")
    client.get("/centres/")
    with django_assert_max_num_queries(6):
        client.get("/centres/")
    for slug in ("two", "three", "four"):
        create_centre(slug)
    with django_assert_max_num_queries(6):
        assert client.get("/centres/").status_code == 200


def test_a_centre_page_shows_services_faq_and_publications(client):
    centre = create_centre()
    add_head_reception(centre)
    Question.objects.create(centre=centre, question="Нужно ли записываться?", answer="Лучше записаться.")
    Publication.objects.create(centre=centre, title="Проверка вентиляции", text="График на дверях парадных.",
                               published_on=dt.date(2026, 11, 1))
    Publication.objects.create(centre=centre, title="Черновик объявления", text="…", is_published=False)
    with frozen():
        html = client.get("/centres/marata/").content.decode()
    assert "Показания счётчиков" in html and "Личный приём начальника участка" in html
    assert "Приём: вт 15:00–18:00" in html
    assert "Нужно ли записываться?" in html
    assert "Проверка вентиляции" in html and "1 ноября 2026" in html
    assert "Черновик объявления" not in html


def test_a_centre_page_makes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    centre = create_centre()
    for n in range(5):
        add_head_reception(centre)
        Question.objects.create(centre=centre, question=f"Вопрос {n}", answer="Ответ")
    with django_assert_max_num_queries(9):
        assert client.get("/centres/marata/").status_code == 200


@pytest.mark.parametrize("path", ["/centres/no-such-centre/", "/centres/no-such-centre/book/",
                                  "/centres/%3Cscript%3E/", "/centres/marata%27%20OR%201=1/book/"])
def test_an_unknown_centre_is_a_russian_404(client, path):
    create_centre()
    response = client.get(path)
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_a_hidden_centre_is_not_shown(client):
    create_centre(slug="closed").__class__.objects.update(is_active=False)
    assert client.get("/centres/closed/").status_code == 404
    assert "closed" not in client.get("/centres/").content.decode()


def test_the_public_navigation_leads_to_the_centres(client):
    assert 'href="/centres/"' in client.get("/").content.decode()


def test_staff_edit_centres_in_the_admin(client, admin_user):
    centre = create_centre()
    add_head_reception(centre)
    client.force_login(admin_user)
    for url in ("/admin/appointments/centre/", f"/admin/appointments/centre/{centre.pk}/change/",
                "/admin/appointments/centre/add/", "/admin/appointments/publication/add/"):
        assert client.get(url).status_code == 200, url

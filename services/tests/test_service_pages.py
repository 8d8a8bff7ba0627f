"""«Услуги»: the list with current prices, a service's page with its act, history and memo."""

import datetime as dt

import pytest
from django.utils import timezone

from .factories import create_act, create_benefit, create_service, create_tariff
from .pages import checked_page

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


@pytest.fixture
def water():
    today = timezone.localdate()
    service = create_service()
    old_act = create_act("228-р", adopted_on=today - dt.timedelta(days=400))
    act = create_act("241-р", adopted_on=today - dt.timedelta(days=30))
    create_tariff(service, "51.92", today - dt.timedelta(days=365), today - dt.timedelta(days=11), old_act)
    create_tariff(service, "1234.56", today - dt.timedelta(days=10), act=act)
    create_tariff(service, "1300.00", today + dt.timedelta(days=60), act=act)
    service.benefits.add(create_benefit())
    return service


def test_list_shows_groups_with_current_price_in_russian_typography(client, water):
    create_service("zamena-smesitelya", group="paid", name="Замена смесителя", unit="смеситель",
                   price_setter="company")
    html = checked_page(client.get("/services/"))
    assert "Коммунальные услуги" in html and "Дополнительные платные услуги" in html
    assert f"1{NBSP}234,56{NBSP}₽" in html
    assert "51,92" not in html and "1" + NBSP + "300,00" not in html
    assert "Комитет по тарифам Санкт-Петербурга" in html
    assert "цена не установлена" in html


def test_detail_shows_act_history_announced_price_memo_and_benefits(client, water):
    html = checked_page(client.get("/services/kholodnaya-voda/"))
    assert "Распоряжение от " in html and f"{NBSP}№{NBSP}241-р" in html
    assert "«Об установлении тарифов на питьевую воду и водоотведение»" in html
    assert 'href="https://tarifspb.ru/"' in html
    assert "История изменения цены" in html and f"51,92{NBSP}₽" in html
    assert "Объявленное изменение цены" in html and f"1{NBSP}300,00{NBSP}₽" in html
    assert "Как получить услугу" in html and "<li>Передайте показания счётчиков.</li>" in html
    assert 'href="/services/benefits/#subsidiya"' in html


def test_tariff_periods_pick_for_each_variant_the_one_in_force(db):
    service = create_service("elektroenergiya", unit="кВт·ч")
    day = dt.date(2026, 3, 1)
    create_tariff(service, "7.64", dt.date(2025, 7, 1), dt.date(2025, 12, 31), variant="день", variant_order=1)
    create_tariff(service, "8.55", dt.date(2026, 1, 1), variant="день", variant_order=1)
    create_tariff(service, "4.23", dt.date(2025, 7, 1), variant="ночь", variant_order=2)
    create_tariff(service, "4.73", dt.date(2026, 7, 1), variant="ночь", variant_order=2)
    current, upcoming, past = service.tariff_periods(day)
    assert [(t.variant, str(t.price)) for t in current] == [("день", "8.55"), ("ночь", "4.23")]
    assert [str(t.price) for t in upcoming] == ["4.73"] and [str(t.price) for t in past] == ["7.64"]


def test_an_ended_tariff_with_no_successor_is_not_current(db):
    service = create_service()
    create_tariff(service, "51.92", dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert service.current_tariffs(dt.date(2026, 2, 1)) == []


def _services(count: int) -> None:
    today = timezone.localdate()
    act = create_act(f"{count}-р")
    for index in range(count):
        service = create_service(f"service-{count}-{index}", name=f"Услуга {index}")
        create_tariff(service, "10.00", today - dt.timedelta(days=400), today - dt.timedelta(days=1), act)
        create_tariff(service, "12.00", today, act=act)


def test_list_queries_do_not_grow_with_the_number_of_services(client, django_assert_num_queries):
    _services(2)
    client.get("/services/")  # the company card and the like, read once
    with django_assert_num_queries(3) as few:
        client.get("/services/")
    _services(8)
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get("/services/").content.decode().count("12,00") == 10


@pytest.mark.parametrize("path", [
    "/services/no-such-service/", "/services/%3Cscript%3Ealert(1)%3C/script%3E/", "/services/..%2F..%2Fetc/",
    "/services/documents/no-such-form/", "/clients/articles/no-such-article/", "/services/%00/",
])
def test_unknown_or_hostile_addresses_give_the_russian_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Код ошибки: 404" in response.content.decode()


@pytest.mark.parametrize("path", ["/services/", "/services/quality/", "/clients/", "/services/documents/"])
def test_hostile_query_strings_are_ignored(client, path):
    response = client.get(path, {"q": "' OR 1=1 --", "page": "-1", "slug": "<script>", "month": "9999-99"})
    assert response.status_code == 200


def test_a_post_is_refused(client, water):
    assert client.post("/services/").status_code == 405

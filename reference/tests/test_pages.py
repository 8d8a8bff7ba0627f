"""Payment points, contacts, useful links and outages: real pages over what staff entered, fit for the public."""

import re

import pytest

from accounts.models import Company
from conftest import create_building
from reference.models import CompanyDetails, Contact, ContactGroup, PaymentPoint, UsefulLink

from .factories import count_queries, create_news, create_outage

pytestmark = pytest.mark.django_db
PAGES = ["/", "/news/", "/news/tarify/", "/outages/", "/payment-points/", "/contacts/", "/links/", "/appeal/"]


@pytest.fixture
def content(building):
    Company.objects.all().delete()
    Company.objects.create(name="ООО «ЖКС № 1»", short_name="ЖКС № 1", hotline="+7 (812) 555-01-01",
                           address="Лиговский проспект, д. 44", hq_name="Штаб", inn="7840000001",
                           ogrn="1157800000001", bank_name="ПАО «Сбербанк»",
                           settlement_account="40702810955000000001", bik="044030653")
    CompanyDetails.objects.create(dispatch_phone="+7 (812) 555-01-02")
    PaymentPoint.objects.create(name="Почта России, отделение 191025", address="улица Марата, д. 10",
                                hours="пн — пт 8:00–20:00", phone="+7 (812) 555-08-25",
                                payments="Единая квитанция", fee="Без комиссии")
    PaymentPoint.objects.create(name="Закрытая касса", address="Невский, 1", hours="—", payments="—",
                                is_published=False)
    group = ContactGroup.objects.create(title="Расчётный отдел")
    Contact.objects.create(group=group, post="Начальник расчётного отдела", phone="+7 (812) 555-01-30",
                           email="raschet@zhks1.example", hours="вторник 10:00–13:00")
    Contact.objects.create(group=group, post="Уволенный бухгалтер", is_published=False)
    UsefulLink.objects.create(title="ГИС ЖКХ", description="Начисления и показания.", url="https://dom.gosuslugi.ru/")
    create_news()
    create_outage(building, news=None, note="Гидравлические испытания")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_russian_small_and_runs_no_inline_style_or_script(client, content, path):
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert len(response.content) < 100_000
    assert 'lang="ru"' in page and "<h1" in page
    assert not re.search(r"\sstyle=", page) and not re.search(r"<script(?![^>]*\ssrc=)", page)


def test_payment_points_show_address_hours_phone_and_what_can_be_paid(client, content):
    page = client.get("/payment-points/").content.decode()
    for text in ("Почта России, отделение 191025", "улица Марата, д. 10", "пн — пт 8:00–20:00",
                 'href="tel:+78125550825"', "Единая квитанция", "Без комиссии"):
        assert text in page
    assert "Закрытая касса" not in page


def test_staff_preview_the_unpublished_payment_point_marked_as_such(client, content, admin_user):
    client.force_login(admin_user)
    page = client.get("/payment-points/?preview=1").content.decode()
    assert "Закрытая касса" in page and "Не опубликовано" in page


def test_contacts_start_with_the_hotline_and_the_dispatch_service_then_specialists_and_requisites(client, content):
    page = client.get("/contacts/").content.decode()
    order = [page.index(text) for text in ("Горячая линия", "Аварийно-диспетчерская служба", "Расчётный отдел",
                                           "Реквизиты")]
    assert order == sorted(order)
    for text in ('href="tel:+78125550101"', 'href="tel:+78125550102"', "Начальник расчётного отдела",
                 "mailto:raschet@zhks1.example", "вторник 10:00–13:00", "7840000001", "1157800000001", "044030653"):
        assert text in page
    assert "Уволенный бухгалтер" not in page


def test_contacts_headings_go_in_order(client, content):
    levels = [int(level) for level in re.findall(r"<h([1-6])", client.get("/contacts/").content.decode())]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_contacts_cost_the_same_queries_for_one_department_and_many(client, content, django_assert_num_queries):
    client.get("/contacts/")
    few = count_queries(client, "/contacts/")
    for number in range(5):
        group = ContactGroup.objects.create(title=f"Служба {number}")
        Contact.objects.bulk_create(Contact(group=group, post=f"Мастер {n}") for n in range(3))
    with django_assert_num_queries(few):
        client.get("/contacts/")


def test_useful_links_open_safely_in_a_new_tab(client, content):
    page = client.get("/links/").content.decode()
    assert '<a href="https://dom.gosuslugi.ru/" target="_blank" rel="noopener">ГИС ЖКХ</a>' in page
    assert "Начисления и показания." in page


def test_the_outages_page_lists_the_current_with_addresses_and_the_upcoming(client, content, building):
    create_outage(create_building("Кирочная улица", "19"), starts_in_hours=48,
                  resource="electricity", note="Замена кабеля")
    page = client.get("/outages/").content.decode()
    now, later = page.index("<h2>Сейчас</h2>"), page.index("<h2>Запланированы</h2>")
    assert now < page.index("улица Марата, д. 7") < later < page.index("Кирочная улица, д. 19")
    assert "Гидравлические испытания" in page


def test_the_outages_page_costs_the_same_queries_for_one_outage_and_many(client, content, django_assert_num_queries):
    client.get("/outages/")
    few = count_queries(client, "/outages/")
    for number in range(5):
        create_outage(create_building("Садовая улица", str(number + 1)), news=create_news(f"n{number}"))
    with django_assert_num_queries(few):
        client.get("/outages/")


def test_hostile_query_strings_do_not_break_the_pages(client, content):
    for path in ("/payment-points/?preview=<script>", "/contacts/?x=%00", "/links/?preview=1&preview=2",
                 "/outages/?q=' OR 1=1 --"):
        assert client.get(path).status_code == 200


def test_the_faq_sends_residents_to_the_contacts_page(client):
    page = client.get("/faq/").content.decode()
    assert '<a href="/contacts/">«Контакты»</a>' in page
    assert "«Контакты»" not in re.sub(r'<a href="/contacts/">«Контакты»</a>', "", page)


def test_the_public_navigation_names_the_section(client):
    page = client.get("/").content.decode()
    assert '<a href="/news/">Новости</a>' in page and '<a href="/contacts/">Контакты</a>' in page

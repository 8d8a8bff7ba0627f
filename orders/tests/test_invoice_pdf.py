"""The invoice: issued once for a confirmed order, its PDF says what a Russian «Счёт на оплату» says."""

import datetime as dt
import io

import pytest
from django.core import mail
from pypdf import PdfReader

from conftest import create_staff
from orders import invoices
from orders.choices import VatRate
from orders.models import Invoice
from orders.workflow import OrderStepError

from .helpers import PAYER, REQUISITES, company_with_requisites, confirmed, create_service, place

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 3, 12)


def pdf_text(invoice: Invoice) -> str:
    with invoice.pdf.open("rb") as file:
        reader = PdfReader(io.BytesIO(file.read()))
    # Words are compared with plain spaces: the PDF keeps the non-breaking ones of «1 234,56».
    return " ".join(page.extract_text() for page in reader.pages).replace("\u00a0", " ")


@pytest.fixture
def issued(operator):
    company_with_requisites()
    order = confirmed(place(), operator, price="1234.56")
    return invoices.issue_invoice(order, operator, today=TODAY)


def test_invoice_pdf_reads_back_number_requisites_and_amount(issued):
    text = pdf_text(issued)
    assert issued.number == "С-2026-000001"
    assert "Счёт на оплату № С-2026-000001 от 12 марта 2026 г." in text
    for field in ("inn", "kpp", "ogrn", "bik", "settlement_account", "correspondent_account"):
        assert REQUISITES[field] in text, field
    assert "Невский демонстрационный банк" in text and "Жилкомсервис № 1" in text
    assert PAYER in text
    assert "Замена смесителя" in text and "1 234,56" in text
    assert "Без НДС" in text
    assert "Одна тысяча двести тридцать четыре рубля 56 копеек" in text
    assert f"Заявка № {issued.order.appeal.number}" in text


def test_vat_included_is_shown_with_its_amount(operator):
    company_with_requisites()
    service = create_service("Установка счётчика воды", "1220.00", vat_rate=VatRate.VAT_22)
    invoice = invoices.issue_invoice(confirmed(place(service), operator, price="1220"), operator, today=TODAY)
    text = pdf_text(invoice)
    assert "В том числе НДС 22 %" in text and "220,00" in text
    assert invoice.vat_amount == 220


def test_the_invoice_is_noted_in_the_appeal_history_and_downloadable_by_staff(client, issued, operator):
    event = issued.order.appeal.events.get(action="issue_invoice")
    assert issued.number in event.note
    client.force_login(operator)
    page = client.get(issued.order.appeal.get_absolute_url()).content.decode()
    assert f"/staff/orders/{issued.order.appeal.number}/invoice.pdf" in page and issued.number in page
    assert f"/staff/orders/{issued.order.appeal.number}/do/issue_invoice/" not in page  # issued once
    response = client.get(f"/staff/orders/{issued.order.appeal.number}/invoice.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_someone_who_does_not_see_the_appeal_cannot_download(client, issued):
    client.force_login(create_staff("roofer", "specialist", "tech"))
    assert client.get(f"/staff/orders/{issued.order.appeal.number}/invoice.pdf").status_code == 404


def test_the_resident_gets_the_invoice_by_email_as_an_attachment(operator, django_capture_on_commit_callbacks):
    company_with_requisites()
    order = confirmed(place(), operator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoices.issue_invoice(order, operator, today=TODAY)
    letters = [m for m in mail.outbox if invoice.number in m.subject]
    assert len(letters) == 1
    letter = letters[0]
    assert letter.to == ["ivanova@example.ru"]
    (name, content, mime), = letter.attachments
    assert name == f"Счёт {invoice.number}.pdf" and mime == "application/pdf" and content.startswith(b"%PDF")
    assert order.appeal.number in letter.body and "1\u00a0234,56\u00a0₽" in letter.body


def test_no_letter_without_an_email(operator, django_capture_on_commit_callbacks):
    company_with_requisites()
    order = confirmed(place(email=""), operator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invoices.issue_invoice(order, operator, today=TODAY)
    assert not [m for m in mail.outbox if "Счёт" in m.subject]


def test_an_invoice_only_once_and_only_for_a_confirmed_order(operator):
    company_with_requisites()
    with pytest.raises(OrderStepError, match="невозможно"):
        invoices.issue_invoice(place(), operator)
    order = confirmed(place(), operator)
    invoices.issue_invoice(order, operator)
    with pytest.raises(OrderStepError, match="уже выставлен"):
        invoices.issue_invoice(order, operator)


def test_without_requisites_the_invoice_is_refused_in_russian(operator):
    order = confirmed(place(), operator)
    with pytest.raises(OrderStepError, match="не заполнены реквизиты"):
        invoices.issue_invoice(order, operator)
    assert not Invoice.objects.exists()


def test_hostile_strings_are_text_in_the_pdf(operator):
    company_with_requisites(name="ООО «<b>Ромашка</b> & Co»")
    service = create_service("Прочистка <script>x</script>", "900")
    invoice = invoices.issue_invoice(confirmed(place(service), operator, price="900"), operator)
    text = pdf_text(invoice)
    assert "<b>Ромашка</b> & Co" in text and "<script>x</script>" in text


def test_a_specialist_cannot_issue_an_invoice(operator):
    company_with_requisites()
    order = confirmed(place(), operator)
    from appeals.access import Forbidden

    with pytest.raises(Forbidden):
        invoices.issue_invoice(order, create_staff("plumber", "specialist", "paid"))
    assert not Invoice.objects.exists()


def test_a_resident_sees_the_order_and_downloads_only_their_own_invoice(issued):
    from django.test import Client

    from residents.tests.conftest import create_resident, signed_in

    client = Client()  # a resident's browser, where no staff member is logged in

    applicant = issued.order.appeal.applicant
    owner = create_resident(email=applicant.email or "", phone=applicant.phone or "")
    url = f"/account/invoices/{issued.number}.pdf"
    assert client.get(url).status_code == 404  # anonymous
    html = signed_in(client, owner).get("/account/").content.decode()
    assert "Платные услуги" in html and issued.number in html and "скачать PDF" in html
    answer = client.get(url)
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    other = create_resident(email="someone.else@mail.ru")
    assert signed_in(client, other).get(url).status_code == 404

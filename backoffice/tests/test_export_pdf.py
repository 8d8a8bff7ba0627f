"""The journal as a PDF: table 5.3.2 read back from the file, the same filters and permission as the spreadsheet."""

import io

import pytest
from pypdf import PdfReader

from accounts.models import Company
from appeals.models import PersonalDataAccess
from backoffice.export_pdf import journal_pdf
from conftest import create_appeal

pytestmark = pytest.mark.django_db
URL = "/staff/journal/export.pdf"


def _text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


def test_pdf_is_table_5_3_2_with_the_rows_of_the_filter(client, supervisor):
    Company.objects.create(name="ООО «ЖКС № 1 Центрального района»", short_name="ЖКС № 1", hq_name="Штаб")
    roof = create_appeal("Течёт крыша над кухней", reason="roof-damage", address_text="ул. Марата, д. 7")
    lift = create_appeal("Не работает лифт во втором подъезде")
    client.force_login(supervisor)
    response = client.get(URL, {"q": "крыша"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"] and ".pdf" in response["Content-Disposition"]
    text = _text(response.content)
    assert "ООО «ЖКС № 1 Центрального района»" in text
    assert "Журнал жалоб и обращений: поиск «крыша»" in text
    for column in ("№ п/п", "Дата поступления", "Классификация", "Краткое содержание", "В чью пользу"):
        assert column in text
    assert roof.number in text and "Иванова Мария Петровна" in text and "ул. Марата, д. 7" in text
    assert lift.number not in text
    row = PersonalDataAccess.objects.get(action="export")
    assert row.user == supervisor and row.detail.startswith("PDF;") and "крыша" in row.detail


def test_a_long_selection_is_cut_with_a_line_saying_so():
    appeals = [create_appeal(f"Обращение номер {i}") for i in range(4)]
    text = _text(journal_pdf(iter(appeals), company="УК", title="Журнал", max_rows=3))
    assert appeals[2].number in text and appeals[3].number not in text
    assert "В PDF вошли первые 3 записей" in text and "выгрузите журнал в Excel" in text


def test_empty_selection_says_there_is_nothing(client, supervisor):
    client.force_login(supervisor)
    text = _text(client.get(URL, {"date_from": "2020-01-01", "date_to": "2020-01-31"}).content)
    assert "с 01.01.2020 по 31.01.2020" in text and "обращений нет" in text


def test_only_who_may_export_gets_it_and_bad_filters_are_named(client, operator, supervisor):
    client.force_login(operator)
    assert client.get(URL).status_code == 403
    client.force_login(supervisor)
    response = client.get(URL, {"date_from": "31.31.2026"})
    assert response.status_code == 400 and "Выгрузка не сформирована" in response.content.decode()

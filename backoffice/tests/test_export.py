import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import Company
from appeals import services
from appeals.models import Appeal, PersonalDataAccess
from backoffice.export import HEADER, write_journal
from conftest import create_appeal, create_staff

pytestmark = pytest.mark.django_db
URL = "/staff/journal/export.xlsx"


def _export(client, user, **params):
    client.force_login(user)
    return client.get(URL, params)


def _sheet(response):
    content = b"".join(response.streaming_content)
    return load_workbook(io.BytesIO(content)).active


def test_export_is_table_5_3_2_with_title_and_header(client, supervisor):
    Company.objects.create(name="ООО «ЖКС № 1 Центрального района»", short_name="ЖКС № 1", hq_name="Штаб")
    appeal = create_appeal("Течёт крыша", reason="roof-damage", address_text="пос. Неизвестный, ул. Новая 1")
    response = _export(client, supervisor, date_from="2026-03-01", date_to="2026-03-31")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert "attachment" in response["Content-Disposition"]
    ws = _sheet(response)
    title = ws["A1"].value
    assert "ООО «ЖКС № 1 Центрального района»" in title and "с 01.03.2026 по 31.03.2026" in title
    assert [c.value for c in ws[2]] == HEADER == ["№ п/п", "Дата поступления", "Классификация",
                                                  "ФИО и адрес заявителя", "Краткое содержание", "Результат",
                                                  "В чью пользу решено"]
    assert ws.max_row == 2  # the appeal was received today, outside March 2026
    ws = _sheet(_export(client, supervisor))
    row = [c.value for c in ws[3]]
    assert row[0] == appeal.number
    assert row[1] == timezone.localtime(appeal.received_at).replace(tzinfo=None, microsecond=0)
    assert row[2] == "Кровля → Повреждение кровли, протечка с крыши (кат. Б)"
    assert row[3] == "Иванова Мария Петровна, пос. Неизвестный, ул. Новая 1"
    assert row[4] == "Течёт крыша"
    assert row[5] == "Поступило"


def test_answered_appeal_shows_result_and_in_whose_favour(client, supervisor):
    appeal = create_appeal("Нет отопления", reason="roof-damage")
    services.transition(appeal, "register", supervisor)
    services.assign(appeal, supervisor, assignee=supervisor)
    services.transition(appeal, "start", supervisor)
    services.transition(appeal, "draft_answer", supervisor, answer_text="Кровля отремонтирована.")
    services.transition(appeal, "answer", supervisor, result="Кровля отремонтирована 12.03",
                        resolved_in_favour_of="applicant")
    row = [c.value for c in _sheet(_export(client, supervisor))[3]]
    assert row[5:] == ["Кровля отремонтирована 12.03", "Заявителя"]


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://evil.example","жми")', "+79211234567", "-1+2",
                                       "@SUM(A1)", "\tTAB", "\n=1+1"])
def test_cells_that_look_like_formulas_stay_text(client, supervisor, dangerous):
    appeal = create_appeal(dangerous)
    Appeal.objects.filter(pk=appeal.pk).update(short_content=dangerous, result=dangerous)
    row = _sheet(_export(client, supervisor))[3]
    for cell in (row[4], row[5]):
        assert cell.data_type == "s"
        assert cell.value == dangerous


def test_carriage_return_becomes_a_line_break_and_stays_text(client, supervisor):
    appeal = create_appeal("Текст")
    Appeal.objects.filter(pk=appeal.pk).update(short_content="\r=1+1\r\nвторая строка")
    cell = _sheet(_export(client, supervisor))["E3"]
    assert (cell.data_type, cell.value) == ("s", "\n=1+1\nвторая строка")


def test_characters_forbidden_in_xml_are_dropped_not_a_500(client, supervisor):
    create_appeal("Текст\x01с\x07управляющими\x1bсимволами")
    response = _export(client, supervisor)
    assert response.status_code == 200
    assert _sheet(response)["E3"].value == "Текстсуправляющимисимволами"


def test_export_uses_the_journal_filters(client, supervisor):
    old = create_appeal("Давнее", received_at=timezone.now() - dt.timedelta(days=40))
    new = create_appeal("Свежее")
    day = timezone.localdate() - dt.timedelta(days=1)
    ws = _sheet(_export(client, supervisor, date_from=day.isoformat()))
    numbers = [row[0].value for row in ws.iter_rows(min_row=3)]
    assert numbers == [new.number] and old.number not in numbers


def test_export_is_written_to_the_access_log(client, supervisor):
    create_appeal()
    _export(client, supervisor, q="крыша")
    row = PersonalDataAccess.objects.get()
    assert (row.user, row.action) == (supervisor, "export") and "Поиск по тексту=крыша" in row.detail


def test_invalid_filter_is_a_russian_400(client, supervisor):
    response = _export(client, supervisor, date_from="2026-03-10", date_to="2026-03-01")
    assert response.status_code == 400
    assert "Дата «по» не может быть раньше даты «с»." in response.content.decode()


def test_operator_and_specialist_cannot_export(client, operator, specialist):
    assert _export(client, operator).status_code == 403
    assert _export(client, specialist).status_code == 403
    assert not PersonalDataAccess.objects.exists()


def test_admin_can_export(client, admin_user):
    assert _export(client, admin_user).status_code == 200


def test_specialist_export_would_hold_only_visible_rows(client):
    exporter = create_staff("chief-tech", "specialist", "tech")
    from django.contrib.auth.models import Permission

    exporter.user_permissions.add(Permission.objects.get(codename="export_journal"))
    ours, theirs = create_appeal("Крыша", reason="roof-damage"), create_appeal("Квитанция", reason=None)
    numbers = [row[0].value for row in _sheet(_export(client, exporter)).iter_rows(min_row=3)]
    assert numbers == [ours.number] and theirs.number not in numbers


def test_row_limit_leaves_a_note_for_the_reader():
    appeals = [create_appeal(f"Обращение {i}") for i in range(3)]
    out = write_journal(appeals, title="Журнал", max_rows=2)
    ws = load_workbook(out).active
    assert ws.max_row == 5
    assert "Выгружены первые 2 строк" in ws["A5"].value
